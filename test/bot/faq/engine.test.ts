import {
  asksYesOrNo,
  calibrate,
  corroborated,
  decide,
  FAQ_THRESHOLDS,
  FaqEngine,
  RIVAL_RANGE,
  SECOND_OPINION,
} from '../../../bot/faq/engine';
import { loadKb } from '../../../bot/faq/loadKb';
import type { FaqTopic } from '../../../bot/faq/types';

const kb = loadKb();
// Retrieval and its rules, which this file is about; the conversation model deciding with them: conversationModel.test.ts.
const engine = new FaqEngine(kb, { model: null });
const topic = (id: string): FaqTopic => kb.find((t) => t.id === id) as FaqTopic;

describe('decide (thresholds on the raw score)', () => {
  const { answer, suggest, margin } = FAQ_THRESHOLDS;
  it.each([
    ['a clear winner above the answer threshold', [answer + 0.2, answer - 0.2], 'answer'],
    ['exactly at the answer threshold, alone', [answer], 'answer'],
    ['a winner just clearing the margin', [answer + 0.1, answer + 0.1 - margin - 0.001], 'answer'],
    ['a winner too close to the runner-up', [answer + 0.2, answer + 0.2 - margin / 2], 'suggest'],
    ['a single weak match above the suggest threshold', [suggest + 0.01], 'suggest'],
    ['exactly at the suggest threshold', [suggest], 'suggest'],
    ['just below the suggest threshold', [suggest - 0.001], 'none'],
    ['no match at all', [], 'none'],
  ] as const)('gives %s → %s', (_case, scores, decision) => {
    expect(decide(scores)).toBe(decision);
  });

  it('keeps the thresholds ordered', () => {
    expect(FAQ_THRESHOLDS.answer).toBeGreaterThan(FAQ_THRESHOLDS.suggest);
    expect(FAQ_THRESHOLDS.suggest).toBeGreaterThan(0);
  });

  // Round thirteen's refit for the wider KB: 0.30–0.32 let more near-miss off-topic messages through as suggestions.
  it('declines a raw score of 0.32, suggested on the smaller KB', () => {
    expect(decide([0.32])).toBe('none');
    expect(decide([0.33])).toBe('suggest');
  });

  it('lets the classifier confirm nothing below the suggest threshold', () => {
    expect(SECOND_OPINION.floor).toBeGreaterThanOrEqual(FAQ_THRESHOLDS.suggest);
    expect(SECOND_OPINION.floor).toBeLessThan(0.34);
  });

  it('treats topics within 0.13 of the top as rivals (refitted for the wider KB; 0.1 before)', () => {
    expect(RIVAL_RANGE).toBeGreaterThan(0.12);
    expect(RIVAL_RANGE).toBeLessThanOrEqual(0.15);
  });
});

describe('calibrate', () => {
  it('maps into 0..1 and never reorders scores', () => {
    let previous = -1;
    for (let raw = -0.5; raw <= 1.5; raw += 0.01) {
      const value = calibrate(raw);
      expect(value).toBeGreaterThanOrEqual(Math.max(previous, 0));
      expect(value).toBeLessThanOrEqual(1);
      previous = value;
    }
  });

  // Refitted in round thirteen on the wider KB's leave-one-out questions plus 680 off-topic messages: at the suggest
  // threshold about half the top topics are right, not 85 % as the old knots said; a perfect match stays at 0.99.
  it.each([
    [0.3, 0.52],
    [0.4, 0.75],
    [0.9, 0.94],
    [1, 0.99],
  ])('maps raw %f to the measured precision %f', (raw, precision) => {
    expect(calibrate(raw)).toBeCloseTo(precision, 2);
  });
});

describe('corroborated (round seventeen: an answer read from a part of a message needs a second reading to agree)', () => {
  it('keeps the answer when the whole message picks the same topic, whatever the classifier says', () => {
    expect(corroborated({ part: 1, whole: 1, classifier: 2 })).toBe(true);
  });

  it('keeps the answer when the classifier picks the same topic, whatever the whole message says', () => {
    expect(corroborated({ part: 1, whole: 2, classifier: 1 })).toBe(true);
  });

  it("turns it into a suggestion when neither other reading picks the part's topic", () => {
    expect(corroborated({ part: 1, whole: 2, classifier: 3 })).toBe(false);
    expect(corroborated({ part: 1, whole: undefined, classifier: undefined })).toBe(false);
  });
});

describe('FaqEngine.search', () => {
  // Round twenty (references.ts): a question that points back at the subject its scene named is read with that subject.
  it('reads a question that points back ("اس کے لیے…", "…sitting on it?") with the subject named before it', () => {
    const urdu = engine.search(
      'السلام علیکم، ملتان میں ہمارے چالیس ایجنٹ ہیں جو بسیں بند ہونے کی وجہ سے گھر سے کام کرنا چاہتے ہیں۔ اس کے لیے درخواست کہاں اور کیسے دیں؟',
    );
    expect(urdu.decision).toBe('answer');
    expect(urdu.results[0]?.id).toBe('wfh.how');
    const english = engine.search(
      "Hi, I'm preparing a briefing for our board. The announcement mentioned a working group for call centres during the lockdown. Could you tell me who is sitting on it?",
    );
    expect(english.decision).not.toBe('none');
    expect(english.results[0]?.id).toBe('workinggroup.members');
    // The subject is read into the question, not the scene's other words: a domain whitelisted on a mail server stays declined.
    const mail = engine.search(
      'Hello, our emails keep landing in a client’s junk folder. Our IT team says our domain must be whitelisted on their server. How do we do that?',
    );
    expect(mail.decision).toBe('none');
  });

  it("suggests, with the whole message's topic among the suggestions, when only a part of a long message picks its topic", () => {
    // The question part reads "request this through PSEB" as asking about a request; the whole message (agents moving
    // to work from home) reads WFH, and the classifier neither: the part's answer is uncorroborated.
    const response = engine.search(
      'Hello, I am the HR lead at a BPO in Lahore. We want to move 25 agents to work from home from Monday. How do I request this through PSEB? I have their names in a spreadsheet.',
    );
    expect(response.decision).toBe('suggest');
    expect(response.results.map((r) => r.id)).toContain('wfh.how');
  });

  it('still answers a long message whose question part and whole message agree', () => {
    const response = engine.search('Hi, I run a small software house in Lahore. How do I apply for whitelisting? Thanks.');
    expect(response.decision).toBe('answer');
    expect(response.results[0]?.id).toBe('whitelisting.how');
  });

  // Round eighteen: Roman Urdu "is liye" (therefore) opens a statement; read as the English "Is…" it made the scene a question.
  it('does not read Roman Urdu "is liye…" as an English question', () => {
    const response = engine.search(
      'Salam, main Quetta mein ek BPO ka supervisor hoon. Staff ke ghar mein internet hai, is liye hum unko ghar se kaam karne dena chahte hain. PSEB ke zariye WFH ki darkhwast ka tareeqa kya hai? Bilal',
    );
    expect(response.results[0]?.id).toBe('wfh.how');
  });

  // Round eighteen: the purpose of a question ("taake kaam chalta rahe") is not the question.
  it('answers the question before its purpose, not the purpose', () => {
    const response = engine.search(
      'Salam, Sialkot mein hamara 40 seats ka call centre hai aur district admin ne sab band karwa diya hai. Whitelisting ke liye kaise apply karein taake kaam chalta rahe?',
    );
    expect(response.decision).toBe('answer');
    expect(response.results[0]?.id).toBe('whitelisting.how');
  });

  it("keeps a purpose's words the KB does not know with the question (an e-mail whitelist is off-topic)", () => {
    for (const text of [
      'Outlook mein mail aati nahi. Kisi address ko whitelist kaise karte hain taake junk folder mein na jaye?',
      'Gmail mein kisi email ko whitelist kaise karein taake spam mein na jaye?',
    ]) {
      expect(engine.search(text).decision).toBe('none');
    }
  });

  it('declines words that name Object properties (constructor, __proto__, toString) instead of failing', () => {
    for (const text of [
      'constructor',
      '__proto__ toString hasOwnProperty',
      'valueOf ka constructor kya hai?',
      'prototype __defineGetter__',
    ]) {
      expect(engine.search(text).decision).not.toBe('answer');
    }
  });

  it('answers an English question with the English answer', () => {
    const response = engine.search('Whom should I phone for covid help?');
    expect(response).toMatchObject({ language: 'en', decision: 'answer' });
    expect(response.results[0]).toMatchObject({ id: 'covid.helpline', answer: topic('covid.helpline').answer.en });
  });

  it('answers an Urdu-script question in Urdu', () => {
    const response = engine.search('ورکنگ گروپ میں کون سے ادارے ہیں؟');
    expect(response).toMatchObject({ language: 'ur', decision: 'answer' });
    expect(response.results[0]).toMatchObject({ id: 'workinggroup.members', answer: topic('workinggroup.members').answer.ur });
  });

  it('answers Roman Urdu with the Roman Urdu answer and a Roman Urdu question', () => {
    const response = engine.search('ghr se kaam ki ijaazat kese milay gi');
    expect(response.language).toBe('ur-Latn');
    expect(response.decision).toBe('answer');
    expect(response.results[0]?.id).toBe('wfh.how');
    expect(response.results[0]?.answer).toBe(topic('wfh.how').answer['ur-Latn']);
    expect(response.results[0]?.question).toMatch(/^[\x20-\x7E]+$/);
  });

  it('falls back to the Urdu-script answer for a topic without a Roman Urdu one (a console-made topic)', () => {
    const withoutRoman = kb.map((t) => (t.id === 'covid.helpline' ? { ...t, answer: { en: t.answer.en, ur: t.answer.ur } } : t));
    expect(new FaqEngine(withoutRoman).search('helpline number kya hai').results[0]?.answer).toBe(topic('covid.helpline').answer.ur);
  });

  it('replies in the forced language when lang is given', () => {
    const response = engine.search('What is the helpline number?', { lang: 'ur' });
    expect(response.language).toBe('ur');
    expect(response.results[0]?.answer).toBe(topic('covid.helpline').answer.ur);
  });

  it('lists the top matches with scores even when it would decline, best first', () => {
    const declined = engine.topMatches('How do I register my car?', 3);
    expect(declined.decision).toBe('none');
    expect(declined.results.length).toBeLessThanOrEqual(3);
    // Round thirteen: on the wider KB every one of the 60 candidates of "What is the helpline number?" is a helpline
    // question, so it lists one topic; a question whose words other topics share lists two.
    const answered = engine.topMatches('How do I apply for whitelisting?', 2);
    expect(answered.decision).toBe('answer');
    expect(answered.results.map((r) => r.id)[0]).toBe('whitelisting.how');
    expect(answered.results.length).toBe(2);
    expect(answered.results[0]!.score).toBeGreaterThanOrEqual(answered.results[1]!.score);
  });

  it('finds the question inside a long message with a greeting, context and a sign-off', () => {
    const response = engine.search(
      'Assalam o alaikum sir, we run a small call centre in Sukkur and our night shift cannot travel any more. ' +
        'What is the helpline number I should call? Thanks a lot, Kashif',
    );
    expect(response.decision).toBe('answer');
    expect(response.results[0]?.id).toBe('covid.helpline');
  });

  it.each([
    ['AoA, hamara call center Karachi mein hai. Lockdown mein office khula rakhne ki ijazat ke liye kya karna hoga? JazakAllah'],
    ['السلام علیکم، ہمارا کال سینٹر کراچی میں ہے۔ لاک ڈاؤن میں دفتر کھلا رکھنے کی اجازت کے لیے کیا کرنا ہوگا؟ جزاک اللہ'],
  ])('reads permission to keep the office open as a whitelisting question: %s', (text) => {
    const response = engine.search(text);
    expect(response.decision).toBe('answer');
    expect(response.results[0]?.id).toBe('whitelisting.how');
  });

  it('gives a question mark to the question, not to the "sir" after it ("What is PSEB exactly, sir? mujhe nahi pata")', () => {
    const response = engine.search('What is PSEB exactly, sir? mujhe nahi pata');
    expect(response.decision).toBe('answer');
    expect(response.results[0]?.id).toBe('pseb.about');
  });

  it('does not take a statement with "is" or "do" inside it for a question ("Before I do anything, can you tell me…")', () => {
    const response = engine.search(
      'Assalam o alaikum. I am a fresh graduate from FAST Lahore and my uncle keeps telling me to register my small software ' +
        'startup with PSEB. Before I do anything, can you tell me what PSEB actually is and what it does? JazakAllah',
    );
    expect(response.decision).toBe('answer');
    expect(response.results[0]?.id).toBe('pseb.about');
  });

  it('answers a clear question over a weaker reading that drags in the scene ("our staff work from home… which details?")', () => {
    const response = engine.search(
      'Hello sir, we have decided to apply for whitelisting of our call centre in Gujranwala. Our admin staff is working from home ' +
        'so gathering papers takes time. Can you tell me in advance which details the form will ask for? Thanks a lot',
    );
    expect(response.results[0]?.id).toBe('whitelisting.requirements');
  });

  it('answers a question too bare to decide alone when its scene points to the same topic ("…iske liye request kahan deni hogi?")', () => {
    const response = engine.search(
      'AoA, hamare 60 agents hain jo ghar se kaam karna chahte hain kyun ke transport band hai, iske liye request kahan aur kaise deni hogi? Shukriya',
    );
    expect(response.decision).toBe('answer');
    expect(response.results[0]?.id).toBe('wfh.how');
  });

  it.each([['Sir I need a personal loan, which bank is best? jaldi chahiye'], ['How do I get a driving licence in Lahore? jaldi chahiye']])(
    'does not take "I need" / "chahiye" alone as evidence for a topic: %s',
    (text) => {
      expect(engine.search(text).decision).toBe('none');
    },
  );

  it('does not let a chat filler after the question pull it to another topic ("jaldi bata dein")', () => {
    const response = engine.search('Sir ji, how do I apply for whitelisting of my call centre? Please jaldi bata dein');
    expect(response.results[0]?.id).toBe('whitelisting.how');
  });

  it.each([['What is the NADRA helpline number?'], ['NADRA ki helpline ka number kya hai?'], ['نادرا کی ہیلپ لائن کا نمبر کیا ہے؟']])(
    "declines someone else's helpline: %s",
    (text) => {
      expect(engine.search(text).decision).toBe('none');
    },
  );

  it.each([['What is the PTCL helpline number? internet nahi chal raha'], ['Jazz ki helpline ka number kya hai? sim band hai']])(
    "declines another body's helpline with a scene around it instead of suggesting the COVID helpline: %s",
    (text) => {
      expect(engine.search(text).decision).toBe('none');
    },
  );

  it.each([
    ["The excise office is shut because of the lockdown and my bike's papers are pending. Is there an online way to do it?"],
    ['Lockdown ki wajah se excise daftar band hai. Kya ye kaam online ho sakta hai?'],
    ['My water bill came double this month. How do I get it fixed?'],
    ['اس مہینے پانی کا بل دگنا آیا ہے۔ اسے کیسے ٹھیک کرواؤں؟'],
  ])('declines a question that points back at something the FAQ is not about: %s', (text) => {
    expect(engine.search(text).decision).toBe('none');
  });

  it('answers the same kind of question when its scene names a request ("…a WFH request… how do I get it corrected?")', () => {
    const response = engine.search('I submitted a WFH request yesterday with two wrong CNIC numbers. How do I get it corrected?');
    expect(response.decision).toBe('answer');
    expect(response.results[0]?.id).toBe('request.change');
  });

  it.each([
    ['Main ek magazine ke liye article likh raha hoon. Working group mein kin idaron ke log shamil hain, ye bata dein please'],
    ['I am writing an article for a magazine. I am interested in which organisations are members of the working group. Please tell me'],
    ['میں ایک رسالے کے لیے مضمون لکھ رہا ہوں۔ ورکنگ گروپ میں کن اداروں کے لوگ شامل ہیں، براہ کرم بتا دیں'],
  ])('reads a statement of what the writer wants to know as the question when a bare request follows it: %s', (text) => {
    const response = engine.search(text);
    expect(response.decision).toBe('answer');
    expect(response.results[0]?.id).toBe('workinggroup.members');
  });

  it.each([
    [
      'Whitelisting hoti kya hai? Sab log iska zikr kar rahe hain. Hamara Multan mein 30 seats ka centre hai. Samjha dein please',
      'whitelisting.what',
    ],
    [
      'Sahiwal office ki whitelisting ki application se pehle saare kaghzat jama karne hain kyun ke CEO bahar hain. Kaun si maloomat aur documents dene honge?',
      'whitelisting.requirements',
    ],
  ])('keeps the question a bare request follows, and a question of its own, as the question: %s', (text, id) => {
    const response = engine.search(text);
    expect(response.decision).toBe('answer');
    expect(response.results[0]?.id).toBe(id);
  });

  it.each([
    ['Yaar ye chatbot rehne do, kisi insaan se baat karwao. Mera case thora mukhtalif hai, do branches hain', 'contact.human'],
    [
      'Dear Sir, we run a BPO in Sialkot with European clients. I would be grateful if you could explain the purpose of the working group set up for call centres. Regards',
      'workinggroup.purpose',
    ],
  ])('reads a request made by the form of the verb as the question ("karwao", "if you could explain"): %s', (text, id) => {
    const response = engine.search(text);
    expect(response.decision).toBe('answer');
    expect(response.results[0]?.id).toBe(id);
  });

  it.each([
    [
      'السلام علیکم، ہماری درخواست کو چھ دن ہو گئے ہیں اور مالک روز پوچھتا ہے۔ ریفرنس نمبر یہ رہا، اس کی موجودہ صورتحال بتا دیں۔ ہم سیالکوٹ میں ہیں۔',
      'request.status',
    ],
    [
      'Salam, hamari darkhwast ko chhe din ho gaye hain aur malik roz poochta hai. Reference number ye raha, uski mojooda surat-e-haal bata dein. Hum Sialkot mein hain.',
      'request.status',
    ],
  ])('reads a request that points back ("…, اس کی صورتحال بتا دیں") as asking about the clause before it: %s', (text, id) => {
    const response = engine.search(text);
    expect(response.decision).toBe('answer');
    expect(response.results[0]?.id).toBe(id);
  });

  it.each([
    [
      'السلام علیکم، میں بہاولنگر میں سافٹ ویئر ہاؤس چلاتا ہوں لیکن انگریزی لکھنا مشکل لگتا ہے۔ اگر آپ اردو سمجھتے ہیں تو آگے ساری بات اردو میں ہی کریں۔ شکریہ',
      'language.urdu',
    ],
    ['السلام علیکم، ہمارے منیجر کو انگریزی پڑھنے میں دقت ہوتی ہے۔ مہربانی کر کے اب سے جواب اردو میں ہی کریں۔ شکریہ', 'language.urdu'],
  ])('reads the polite imperative of "to do" ("… اردو میں ہی کریں") as a request: %s', (text, id) => {
    const response = engine.search(text);
    expect(response.decision).toBe('answer');
    expect(response.results[0]?.id).toBe(id);
  });

  it('reads the familiar imperative of "dena" ("uski list de do") as a request', () => {
    const response = engine.search(
      'Salam, main Okara ke ek BPO mein admin hoon. Malik chahte hain whitelisting ka kaam agle hafte shuru ho, us se pehle form mein jo jo maloomat lagti hai uski list de do. Main kaghzaat tayyar rakh lungi.',
    );
    expect(response.decision).toBe('answer');
    expect(response.results[0]?.id).toBe('whitelisting.requirements');
  });

  it.each([
    ['Mujhe kisi insaan se baat karni hai. Mera case do branches ka hai aur bot ko samjha nahi pa rahi. Karachi se Sana.', 'contact.human'],
    ['مجھے کسی انسان سے بات کرنی ہے۔ ہمارا معاملہ دو شاخوں کا ہے اور بوٹ کو سمجھا نہیں پا رہا۔ کراچی سے ثنا۔', 'contact.human'],
  ])('reads a need stated before anything is asked ("… baat karni hai") as the request: %s', (text, id) => {
    const response = engine.search(text);
    expect(response.decision).toBe('answer');
    expect(response.results[0]?.id).toBe(id);
  });

  it.each([
    ['Kya PM youth loan ke liye apply kar sakte hain? business start karna hai'],
    ['یوتھ لون کے لیے کیسے اپلائی کریں؟ کاروبار شروع کرنا ہے'],
  ])('does not read a need stated after a question as a question of its own (it says why that was asked): %s', (text) => {
    expect(engine.search(text).decision).toBe('none');
  });

  it('finds an Urdu question framed by "… ہے کہ" (explain, not a question of language)', () => {
    const response = engine.search('ہماری انتظامیہ نے رپورٹ مانگی ہے کہ ورکنگ گروپ کس مقصد کے لیے بنا ہے');
    expect(response.decision).toBe('answer');
    expect(response.results[0]?.id).toBe('workinggroup.purpose');
  });

  // Answered outright until round thirteen; the wider KB names the working group's member organisations (اداروں) as
  // often as PSEB's own examples name it an organisation (ادارہ), so "this organisation" alone leaves the two close.
  it('finds an Urdu question framed by "سمجھا دیں کہ" and ranks its topic first, at least as a suggestion', () => {
    const response = engine.search('میرے بھانجے نے کہا پی ایس ای بی سے بات کرو۔ آپ سمجھا دیں کہ یہ ادارہ کیا کرتا ہے');
    expect(response.decision).not.toBe('none');
    expect(response.results[0]?.id).toBe('pseb.about');
  });

  it('does not read the frame of a question on its own ("شروع کرنے سے پہلے بتائیں" is no question of requirements before starting)', () => {
    const response = engine.search(
      'محترم ٹیم، ہمارا شعبہ پچاس افراد کے لیے گھر سے کام کی درخواست بھر رہا ہے۔ شروع کرنے سے پہلے بتائیں کہ ہر ایجنٹ کی کون سی معلومات لازمی ہیں، جیسے شناختی کارڈ یا پتہ؟',
    );
    expect(response.decision).toBe('answer');
    expect(response.results[0]?.id).toBe('wfh.requirements');
  });

  it('does not read a list of options after a question on its own ("…kya hota hai. Koi banda check karta hai ya automatic…?")', () => {
    const response = engine.search(
      'Salam, main soch rahi thi ke request dene ke baad kya hota hai. Koi banda check karta hai ya automatic approve ho jati hai?',
    );
    expect(response.decision === 'answer' && response.results[0]?.id === 'contact.human').toBe(false);
  });

  it('tells whether WFH is allowed from how to apply for it when a long message asks yes or no ("Are staff allowed to…?")', () => {
    for (const text of [
      'Hi, our team of 25 is stuck at home in Swat. Are call centre staff allowed to work remotely these days? Thank you',
      'Aoa, hamari team Swat mein phansi hui hai, 25 log hain. Kya call centre staff ko remote kaam karne ki ijazat hai in dinon? Shukriya',
    ]) {
      const response = engine.search(text);
      expect(response.decision).toBe('answer');
      expect(response.results[0]?.id).toBe('wfh.what');
    }
  });

  it('reads a clause as asking yes or no only without a question word, a way, or a request to be told', () => {
    const none: never[] = [];
    expect(asksYesOrNo('Can our agents work from home', none)).toBe(true);
    expect(asksYesOrNo('kya agents ghar se kaam kar sakte hain?', none)).toBe(true);
    expect(asksYesOrNo('کیا عملے کو گھر سے کام کی اجازت ہے؟', none)).toBe(true);
    expect(asksYesOrNo('hamein iski zarurat hai ya nahi', none)).toBe(true);
    expect(asksYesOrNo('Is liye hum ghar se kaam karna chahte hain', none)).toBe(false);
    expect(asksYesOrNo('Can you tell me what the group does', none)).toBe(false);
    expect(asksYesOrNo('کیا آپ بتا سکتے ہیں', none)).toBe(false);
    expect(asksYesOrNo('Is there a way to apply here', [{ term: '@process', phon: '@process' }])).toBe(false);
    expect(asksYesOrNo('Can we apply, and how', [{ term: '@how', phon: '@how' }])).toBe(false);
  });

  it('reads "will someone contact me?" after applying as hearing back, not as asking for a person', () => {
    const response = engine.search('I have applied for whitelisting today. Will someone contact me after that?');
    expect(response.decision).toBe('answer');
    expect(response.results[0]?.id).toBe('request.processing');
  });

  it('suggests, not answers, when two parts that ask point at different topics ("What is the next step? Will somebody call us?")', () => {
    const response = engine.search('I filed the request last week. What is the next step? Will somebody call us? Thanks');
    expect(response.decision).toBe('suggest');
    expect(
      response.results
        .map((r) => r.id)
        .slice(0, 2)
        .sort(),
    ).toEqual(['covid.helpline', 'request.processing']);
  });

  it('reads "could you share the number?" as asking for the number, not about sharing data', () => {
    const response = engine.search('Salam, I have to put the PSEB helpline on our office notice board. Could you share the number please?');
    expect(response.decision).toBe('answer');
    expect(response.results[0]?.id).toBe('covid.helpline');
  });

  // Round thirteen's wider KB: names of the same thing the smaller KB's examples never used.
  it.each([
    ['How do I get a NOC for my call centre?', 'whitelisting.how'],
    ['call centre ke liye NOC kaise milega', 'whitelisting.how'],
    ['کیا کال سینٹر کے لیے این او سی مل سکتا ہے', 'whitelisting.how'],
  ])('answers %j with the words of the wider KB', (text, id) => {
    const response = engine.search(text);
    expect(response.decision).toBe('answer');
    expect(response.results[0]?.id).toBe(id);
  });

  // Additions left out of the wider KB because their words ("result", نتیجہ, khatam) made such messages match.
  it.each(['بورڈ کا نتیجہ کب آئے گا', 'mera package khatam ho gaya', 'meri subscription khatam ho gayi'])(
    'declines the near miss %j that a left-out KB addition would match',
    (text) => {
      expect(engine.search(text).decision).toBe('none');
    },
  );

  it('reads a word only one topic\'s answer uses, and no example question, as weak evidence for it ("shown" is privacy\'s)', () => {
    const response = engine.search('Is my data ever shown to other users?');
    expect(response.decision).toBe('answer');
    expect(response.results[0]?.id).toBe('privacy.data');
  });

  it('does not let a word of an answer alone pull an off-topic question in ("apex" is only in PSEB\'s answer)', () => {
    expect(engine.search('who is the apex court of pakistan?').decision).toBe('none');
    expect(engine.search('which international market is best for exports?').decision).toBe('none');
    expect(engine.search('local market mein kya chal raha hai?').decision).toBe('none');
  });

  it('declines long friendly chit-chat that asks nothing the FAQ knows', () => {
    expect(engine.search('Hello sir, hope you are well and safe with your family. Have a blessed day, thank you!').decision).toBe('none');
  });

  it.each([
    ['whitelisting k liye apply kese krna he', 'whitelisting.how'],
    ['helpline numbr plz', 'covid.helpline'],
    ['hw 2 check status of my request', 'request.status'],
  ])('reads SMS spellings in %j', (text, id) => {
    const response = engine.search(text);
    expect(response.results[0]?.id).toBe(id);
    expect(response.decision).toBe('answer');
  });

  it('uses the previous language when the text alone is ambiguous', () => {
    expect(engine.search('helpline', { previousLanguage: 'ur-Latn' }).language).toBe('ur-Latn');
  });

  it.each(['How do I register my car?', 'آج لاہور کا موسم کیسا ہے؟', 'biryani banane ka tareeqa', 'personal loan chahiye'])(
    'declines the out-of-scope question %j with no results',
    (question) => {
      expect(engine.search(question)).toMatchObject({ decision: 'none', results: [] });
    },
  );

  it('suggests up to three topics when several fit equally ("whitelisting" alone)', () => {
    const response = engine.search('whitelisting');
    expect(response.decision).toBe('suggest');
    expect(response.results.length).toBeGreaterThan(1);
    expect(response.results.length).toBeLessThanOrEqual(3);
    expect(response.results.map((r) => r.id)).toEqual(expect.arrayContaining(['whitelisting.what', 'whitelisting.how']));
  });

  it('returns at most five results, best first, with scores in 0..1', () => {
    for (const question of ['PSEB', 'What is PSEB?', 'wfh', 'agent']) {
      const { results } = engine.search(question);
      expect(results.length).toBeLessThanOrEqual(5);
      results.forEach((r, i) => {
        expect(r.score).toBeGreaterThanOrEqual(0);
        expect(r.score).toBeLessThanOrEqual(1);
        if (i > 0) expect(r.score).toBeLessThanOrEqual(results[i - 1]?.score ?? 1);
      });
    }
  });

  it('declines empty and punctuation-only input', () => {
    expect(engine.search('').decision).toBe('none');
    expect(engine.search(' ؟?! ').decision).toBe('none');
  });

  it('applies replaced topics at run time (console edits) without a new engine', () => {
    const local = new FaqEngine(kb);
    const parking: FaqTopic = {
      id: 'office.parking',
      answer: { en: 'Visitor parking is at gate 2.', ur: 'مہمانوں کی پارکنگ گیٹ 2 پر ہے۔' },
      questions: { en: ['Where can visitors park?'], ur: ['مہمان گاڑی کہاں کھڑی کریں'], 'ur-Latn': ['visitors gaari kahan park karein'] },
    };
    expect(local.search('Where can visitors park?').decision).toBe('none');
    local.replaceTopics([...kb, parking]);
    expect(local.search('Where can visitors park?').results[0]?.id).toBe('office.parking');
    local.replaceTopics(kb.filter((t) => t.id !== 'covid.helpline'));
    expect(local.search('What is the covid helpline number?').results.map((r) => r.id)).not.toContain('covid.helpline');
  });

  it('sees a change made in place to the same topics array, and goes back to the same answers after it', () => {
    // Engines over equal topics share one index (it is built once); an edit in place makes them unequal.
    const topics: FaqTopic[] = kb.map((t) => ({ ...t, questions: { ...t.questions } }));
    const before = new FaqEngine(topics);
    expect(before.search('Where can visitors park?').decision).toBe('none');
    const helpline = topics.find((t) => t.id === 'covid.helpline') as FaqTopic;
    topics.push({
      ...helpline,
      id: 'office.parking',
      questions: { en: ['Where can visitors park?'], ur: ['مہمان گاڑی کہاں کھڑی کریں'], 'ur-Latn': ['visitors gaari kahan park karein'] },
    });
    expect(new FaqEngine(topics).search('Where can visitors park?').results[0]?.id).toBe('office.parking');
    topics.pop();
    expect(new FaqEngine(topics).search('Where can visitors park?').decision).toBe('none');
    expect(new FaqEngine(topics).search('What is the covid helpline number?').results[0]?.id).toBe('covid.helpline');
  });
});

describe('at this time (round twenty-four)', () => {
  it('reads "is waqt" as now, so a yes/no question about working from home is not drawn to its time-bound siblings', () => {
    const result = engine.search('kya is waqt call center agents ghar se kaam kar sakte hain?');
    expect(result.decision).toBe('answer');
    expect(result.results[0]?.id).toBe('wfh.what');
  });
});

describe('indirect questions (round twenty-four)', () => {
  it('answers the question a verb of asking frames, its "or not" being no list of options', () => {
    const result = engine.search(
      'AoA, hum ne parson request jama ki thi. Mujhe ye poochna tha ke request jama hone ke baad agents ke naam badle ja sakte hain ya nahi. Regards',
    );
    expect(result.decision).toBe('answer');
    expect(result.results[0]?.id).toBe('request.change');
    // The frame asks in its words ("jaanna"); the question after it is still no list of options to that frame.
    const framed = engine.search(
      'AoA, hum ne parson request jama ki thi. Mujhe ye jaanna tha ke request jama hone ke baad agents ke naam badle ja sakte hain ya nahi. Hum Okara mein hain. Regards',
    );
    expect(framed.decision).toBe('answer');
    expect(framed.results[0]?.id).toBe('request.change');
  });
});
