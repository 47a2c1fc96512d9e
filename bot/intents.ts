/**
 * Top-level commands typed outside a form. Only whole-message commands start a flow ("whitelisting",
 * "menu", "status WL-…"); a sentence ("how do I apply for whitelisting?") is a question for the FAQ.
 * Asking for a person is recognised inside a sentence too, because missing it strands the user.
 */

export type Intent = 'menu' | 'whitelisting' | 'wfh' | 'status' | 'myRequests' | 'faq' | 'agent';

const exact: Record<string, Intent> = {};
const add = (intent: Intent, ...phrases: string[]) => phrases.forEach((p) => (exact[normalizeCommand(p)] = intent));

add('menu', 'menu', 'main menu', 'start', 'hi', 'hello', 'hey', 'salam', 'salaam', 'assalam o alaikum', 'assalamualaikum',
  'assalam-o-alaikum', 'aoa', 'aslam o alaikum', 'سلام', 'السلام علیکم', 'مینو', 'help', 'مدد', 'options');
add('whitelisting', 'whitelisting', 'whitelist', 'white listing', 'whitelisting request', 'new whitelisting request',
  'apply for whitelisting', 'whitelisting application', 'وائٹ لسٹنگ', 'وائٹ لسٹ', 'وائٹ لسٹنگ کی درخواست');
add('wfh', 'wfh', 'work from home', 'wfh request', 'work from home request', 'new wfh request', 'ghar se kaam',
  'گھر سے کام', 'ورک فرام ہوم', 'گھر سے کام کی درخواست');
add('status', 'status', 'request status', 'check status', 'check my request', 'track request', 'صورتحال', 'اسٹیٹس', 'سٹیٹس');
add('myRequests', 'my requests', 'my request', 'meri darkhwast', 'meri darkhwastain', 'میری درخواستیں', 'میری درخواست');
add('faq', 'ask a question', 'question', 'faq', 'سوال', 'سوال پوچھیں');
add('agent', 'agent', 'human', 'person', 'talk to a person', 'talk to a human', 'talk to an agent', 'representative',
  'insaan se baat', 'insan se baat', 'banday se baat', 'نمائندہ', 'کسی نمائندے سے بات', 'انسان سے بات');

const agentInSentence = [
  /\b(talk|speak|chat)\s+(to|with)\s+(a|an|the)?\s*(person|human|agent|representative|someone|officer)\b/i,
  /\b(insaan|insan|banday|bande|numainda|numaindey|agent)\s+(se|say)\s+(baat|bat)\b/i,
  /(کسی\s+)?(نمائندے|انسان|بندے)\s+سے\s+بات/u,
];

/** Lower-case, folds spaces and trailing punctuation; for whole-message matching. */
export function normalizeCommand(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[.!?,;:؟۔،]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The command a whole message is, if any. */
export function commandIntent(text: string): Intent | undefined {
  const key = normalizeCommand(text);
  if (exact[key]) return exact[key];
  if (agentInSentence.some((re) => re.test(text))) return 'agent';
  return undefined;
}
