/**
 * What a free-text message outside a form asks for, in English, Urdu script and Roman Urdu.
 * The table was written before the router was tuned against it; labels:
 *   apply:<kind>   the form starts            howTo:<kind>  FAQ answer + a button that starts the form
 *   status:<ref>   that request's status      status:-      the status dialog asks for a reference
 *   agent          the hand-off starts        myRequests    the user's requests
 *   menu           the menu                   faq           the FAQ (which answers, suggests or says "I don't know")
 */
import { understand, type Understanding } from '../../../bot/router/intent';

function label(u: Understanding): string {
  switch (u.intent) {
    case 'apply':
    case 'howToApply':
      return `${u.intent === 'apply' ? 'apply' : 'howTo'}:${u.kind}`;
    case 'status':
      return `status:${u.reference ?? '-'}`;
    default:
      return u.intent;
  }
}

const WL = 'WL-7K2M9Q';
const WFH = 'WFH-3M8K2P';

const en: [string, string][] = [
  ['we need permission to keep the office open, please start the application', 'apply:whitelisting'],
  ['I want to apply for whitelisting', 'apply:whitelisting'],
  ['please register our call centre for whitelisting', 'apply:whitelisting'],
  ['start a whitelisting request', 'apply:whitelisting'],
  ["I'd like to submit a whitelisting application for our company", 'apply:whitelisting'],
  ['please apply the whitelisting for our Lahore office, NTN 1234567', 'apply:whitelisting'],
  ['whitelisting', 'apply:whitelisting'],
  ['our agents need to work from home, I want to apply', 'apply:wfh'],
  ['new work from home request please', 'apply:wfh'],
  ['I need to request WFH for 20 agents', 'apply:wfh'],
  ['can you start the work-from-home form', 'apply:wfh'],
  ['apply for wfh', 'apply:wfh'],
  ['wfh', 'apply:wfh'],
  ['how do I apply for whitelisting?', 'howTo:whitelisting'],
  ['what is the process for whitelisting?', 'howTo:whitelisting'],
  ['how can we apply for work from home for our agents?', 'howTo:wfh'],
  ['how to request wfh', 'howTo:wfh'],
  [`status of ${WL}`, `status:${WL}`],
  [WL, `status:${WL}`],
  [`any update on ${WFH}?`, `status:${WFH}`],
  [`what happened to my request ${WL}`, `status:${WL}`],
  [`Hi, could you check where ${WL} stands? It's been a week.`, `status:${WL}`],
  ['status', 'status:-'],
  ['I want to talk to a person', 'agent'],
  ['agent', 'agent'],
  [
    "I have tried everything and your answers don't help, can I speak to someone at PSEB please? It's urgent because our office is closed",
    'agent',
  ],
  ['connect me to a human', 'agent'],
  ['is there a real person I can chat with?', 'agent'],
  ['my requests', 'myRequests'],
  ['show me my applications', 'myRequests'],
  ['what requests have I submitted?', 'myRequests'],
  ['list my requests', 'myRequests'],
  ['hi', 'menu'],
  ['menu', 'menu'],
  ['good morning', 'menu'],
  ['help', 'menu'],
  ['what is PSEB?', 'faq'],
  ['what is the helpline number?', 'faq'],
  ['who is eligible for whitelisting?', 'faq'],
  ['how long does whitelisting take?', 'faq'],
  ["what's the weather in Lahore", 'faq'],
  ['does the WFH approval cover 90 days?', 'faq'],
  ['is my data kept private?', 'faq'],
  ['can I cancel a request after submitting it?', 'faq'],
  ['do our agents need special software?', 'faq'],
];

const ur: [string, string][] = [
  ['وائٹ لسٹنگ کی درخواست دینی ہے', 'apply:whitelisting'],
  ['ہمیں وائٹ لسٹنگ کے لیے اپلائی کرنا ہے', 'apply:whitelisting'],
  ['ہمارے کال سینٹر کی وائٹ لسٹنگ کروانی ہے', 'apply:whitelisting'],
  ['دفتر کھلا رکھنے کی اجازت چاہیے، درخواست شروع کریں', 'apply:whitelisting'],
  ['وائٹ لسٹنگ', 'apply:whitelisting'],
  ['نئی وائٹ لسٹنگ درخواست', 'apply:whitelisting'],
  ['گھر سے کام کی درخواست دینی ہے', 'apply:wfh'],
  ['ہم اپنے ایجنٹس کو گھر سے کام کرنے کی اجازت کے لیے درخواست دینا چاہتے ہیں', 'apply:wfh'],
  ['ورک فرام ہوم کی درخواست جمع کرانی ہے', 'apply:wfh'],
  ['گھر سے کام', 'apply:wfh'],
  ['گھر سے کام کی درخواست شروع کریں', 'apply:wfh'],
  ['وائٹ لسٹنگ کے لیے درخواست کیسے دیں؟', 'howTo:whitelisting'],
  ['وائٹ لسٹنگ کا طریقہ کار کیا ہے؟', 'howTo:whitelisting'],
  ['گھر سے کام کی درخواست کیسے دی جاتی ہے؟', 'howTo:wfh'],
  ['ورک فرام ہوم کے لیے اپلائی کیسے کریں', 'howTo:wfh'],
  [`${WL} کا کیا بنا؟`, `status:${WL}`],
  [`میری درخواست ${WFH} کی صورتحال کیا ہے`, `status:${WFH}`],
  [WL, `status:${WL}`],
  [`جناب ${WL} کا اسٹیٹس بتا دیں`, `status:${WL}`],
  ['اسٹیٹس', 'status:-'],
  [`صورتحال ${WFH}`, `status:${WFH}`],
  ['کسی نمائندے سے بات کرنی ہے', 'agent'],
  ['انسان سے بات کروائیں', 'agent'],
  ['میں نے بہت کوشش کی لیکن جواب نہیں ملا، براہ کرم مجھے کسی بندے سے بات کروا دیں، بہت ضروری ہے', 'agent'],
  ['نمائندہ', 'agent'],
  ['پی ایس ای بی کے کسی افسر سے بات ہو سکتی ہے؟', 'agent'],
  ['میری درخواستیں', 'myRequests'],
  ['میری درخواستیں دکھائیں', 'myRequests'],
  ['میں نے کون سی درخواستیں جمع کرائی ہیں', 'myRequests'],
  ['میری درخواست', 'myRequests'],
  ['سلام', 'menu'],
  ['السلام علیکم', 'menu'],
  ['مینو', 'menu'],
  ['مدد', 'menu'],
  ['پی ایس ای بی کیا ہے؟', 'faq'],
  ['ہیلپ لائن نمبر کیا ہے', 'faq'],
  ['وائٹ لسٹنگ میں کتنا وقت لگتا ہے؟', 'faq'],
  ['کون سی کمپنیاں اہل ہیں؟', 'faq'],
  ['کیا میرا ڈیٹا محفوظ ہے؟', 'faq'],
  ['آج لاہور میں موسم کیسا ہے', 'faq'],
  ['کورونا سے بچاؤ کے لیے کیا کریں', 'faq'],
  ['کیا ایجنٹس کو کوئی خاص سافٹ ویئر چاہیے؟', 'faq'],
];

const urLatn: [string, string][] = [
  ['hamein WFH ki request deni hai', 'apply:wfh'],
  ['kaam ghar se karne ki darkhwast deni hai', 'apply:wfh'],
  ['ghar se kaam ki darkhwast jama karwani hai', 'apply:wfh'],
  ['mujhe work from home ke liye apply karna hai', 'apply:wfh'],
  ['agents ko ghar se kaam karne ki ijazat chahiye, form shuru karein', 'apply:wfh'],
  ['ghar se kaam', 'apply:wfh'],
  ['wfh request', 'apply:wfh'],
  ['whitelisting ki darkhwast deni hai', 'apply:whitelisting'],
  ['hamare call center ki whitelisting karwani hai', 'apply:whitelisting'],
  ['office khula rakhne ki ijazat chahiye, application shuru karo', 'apply:whitelisting'],
  ['whitelisting ke liye apply karna hai', 'apply:whitelisting'],
  ['white listing ki request dalni hai', 'apply:whitelisting'],
  ['whitelisting ke liye apply kaise karein?', 'howTo:whitelisting'],
  ['whitelisting ka tareeqa kya hai', 'howTo:whitelisting'],
  ['wfh ki darkhwast kaise deni hai?', 'howTo:wfh'],
  ['ghar se kaam ki ijazat ke liye kya karna hoga', 'howTo:wfh'],
  [`sir ${WL} ka kya bana?`, `status:${WL}`],
  [`${WFH} ka status kya hai`, `status:${WFH}`],
  [`meri request ${WL} kahan tak pohanchi`, `status:${WL}`],
  ['wl 7k2m9q', `status:${WL}`],
  [`${WL} ka kuch pata chala?`, `status:${WL}`],
  ['status batao', 'status:-'],
  ['kisi insaan se baat karni hai', 'agent'],
  ['mujhe kisi banday se baat karwa dein', 'agent'],
  ['bhai bohat der se try kar raha hun, koi jawab nahi mil raha, please kisi agent se baat karwao, hamara office band hai', 'agent'],
  ['numainde se baat karni hai', 'agent'],
  ['PSEB ke kisi officer se baat ho sakti hai?', 'agent'],
  ['meri requests', 'myRequests'],
  ['meri darkhwastain dikhao', 'myRequests'],
  ['maine kaun si requests di hain', 'myRequests'],
  ['meri applications', 'myRequests'],
  ['salam', 'menu'],
  ['assalam o alaikum', 'menu'],
  ['aoa', 'menu'],
  ['madad', 'menu'],
  ['PSEB kya hai?', 'faq'],
  ['helpline ka number kya hai', 'faq'],
  ['whitelisting mein kitna waqt lagta hai', 'faq'],
  ['kya agents ko apna laptop chahiye?', 'faq'],
  ['mera data mehfooz hai?', 'faq'],
  ['aaj match kaun jeeta', 'faq'],
  ['corona se bachne ke liye kya karein', 'faq'],
  ['kaunsi companies eligible hain', 'faq'],
];

describe.each([
  ['English', en],
  ['Urdu script', ur],
  ['Roman Urdu', urLatn],
])('intent from free text in %s', (_language, table) => {
  it('has at least 40 messages', () => expect(table.length).toBeGreaterThanOrEqual(40));
  it.each(table)('%j → %s', (text, expected) => {
    expect(label(understand(text))).toBe(expected);
  });
});
