import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { classifyArabicScript, detectLanguage } from '../../../bot/faq/detectLanguage';
import { parseEvalFile } from '../../../bot/faq/evaluate';
import { loadKb } from '../../../bot/faq/loadKb';
import { FAQ_LANGUAGES } from '../../../bot/faq/types';

describe('detectLanguage', () => {
  it.each([
    ['How do I apply for whitelisting?', 'en'],
    ['I want to talk to a real person', 'en'],
    ['Give me the hotline number', 'en'],
    ['ghar se kaam ki ijazat kaise milegi', 'ur-Latn'],
    ['whitelisting ke liye apply kia krna he', 'ur-Latn'],
    ['mera data mehfooz hai?', 'ur-Latn'],
    ['cricket match kis ne jeeta', 'ur-Latn'],
    ['وائٹ لسٹنگ کے لیے درخواست کیسے دوں؟', 'ur'],
    ['WFH کی درخواست کا اسٹیٹس', 'ur'],
    ['كيا ميں گھر سے كام كر سكتا هوں', 'ur'],
  ] as const)('detects %j as %s', (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });

  it('lets the previous language break a tie (a bare reference or acronym)', () => {
    expect(detectLanguage('WL-123456', 'ur-Latn')).toBe('ur-Latn');
    expect(detectLanguage('WL-123456', 'en')).toBe('en');
    expect(detectLanguage('PSEB', 'ur')).toBe('ur');
    expect(detectLanguage('PSEB')).toBe('en');
  });

  it('does not let the previous language override clear evidence', () => {
    expect(detectLanguage('How do I apply?', 'ur-Latn')).toBe('en');
    expect(detectLanguage('apply kaise karun', 'en')).toBe('ur-Latn');
  });

  it('reads Urdu script with English terms as Urdu, even when most letters are Latin', () => {
    expect(detectLanguage('WFH request کہاں submit کرنی ہے؟')).toBe('ur');
    expect(detectLanguage('office open رکھنے کی permission کیسے ملے گی؟')).toBe('ur');
  });

  it('does not read a mostly English or Roman Urdu message as Urdu because of one Urdu-script word', () => {
    expect(detectLanguage('How do I apply for whitelisting? شکریہ')).toBe('en');
    expect(detectLanguage('whitelisting ke liye apply kaise karun شکریہ')).toBe('ur-Latn');
  });

  it('reads a message that carries an English sentence beside its Roman Urdu as English', () => {
    expect(detectLanguage('hamari company mein sirf 8 log hain, are we eligible too?')).toBe('en');
    expect(detectLanguage('helpline ka number kya hai? need it for my team')).toBe('en');
    expect(detectLanguage('WFH ka tareeqa kya hai for our agents')).toBe('en');
  });

  it('keeps Roman Urdu with English nouns, acronyms, "is" (this) and a thank-you as Roman Urdu', () => {
    expect(detectLanguage('WFH request kaise submit karun? 40 agents hain')).toBe('ur-Latn');
    expect(detectLanguage('ministry of IT ne PSEB ko kya kaha hai')).toBe('ur-Latn');
    expect(detectLanguage('is saal office kab khulega lockdown ke baad')).toBe('ur-Latn');
    expect(detectLanguage('mujhe whitelisting ki request deni hai. Thank you so much')).toBe('ur-Latn');
  });

  it('reads a signature (name from place) as no English sentence, and "kb" as the chat spelling of "kab"', () => {
    expect(detectLanguage('Salam, Bilal from Sukkur Site Area. WFH ki request kaise deni hai?')).toBe('ur-Latn');
    expect(detectLanguage('Greetings from Sialkot. Agents ghar se kaam kar sakte hain?')).toBe('ur-Latn');
    // "from" inside an English clause still makes it one.
    expect(detectLanguage('please connect me with someone from PSEB, bot se baat nahi karni')).toBe('en');
    expect(detectLanguage('dafatir kb khulenge')).toBe('ur-Latn');
  });

  it('does not answer Arabic or Persian text as Urdu', () => {
    expect(detectLanguage('كيف يمكنني التقديم على القائمة البيضاء؟')).toBe('en');
    expect(detectLanguage('چگونه می‌توانم درخواست بدهم؟ این برای شرکت است', 'ur-Latn')).toBe('ur-Latn');
  });
});

describe('classifyArabicScript', () => {
  it.each([
    ['کیا میں اردو میں بات کر سکتا ہوں', 'ur'],
    ['ٹیم سے رابطہ', 'ur'],
    ['ما هي القائمة البيضاء؟ هل يمكنني العمل من المنزل', 'ar'],
    ['مدينة جميلة', 'ar'],
    ['این برای شرکت است و من می‌خواهم', 'fa'],
  ] as const)('tells %j is %s', (text, script) => {
    expect(classifyArabicScript(text)).toBe(script);
  });

  it('reads short Urdu without Urdu-only letters by its function words', () => {
    expect(classifyArabicScript('کیا اس کا')).toBe('ur');
  });
});

describe('detection accuracy', () => {
  const cases = [
    ...parseEvalFile(readFileSync(resolve(__dirname, '../../../bot/faq/eval/faq-dev.jsonl'), 'utf8')),
    ...parseEvalFile(readFileSync(resolve(__dirname, '../../fixtures/faq-holdout.jsonl'), 'utf8')),
    ...loadKb().flatMap((topic) => FAQ_LANGUAGES.flatMap((lang) => topic.questions[lang].map((q) => ({ q, lang })))),
  ];

  it('is right on at least 97% of dev, holdout and knowledge-base questions', () => {
    const right = cases.filter((c) => detectLanguage(c.q) === c.lang).length;
    expect(right / cases.length).toBeGreaterThanOrEqual(0.97);
  });
});
