/**
 * The language rule of bot/language.ts as tables, with the bot's real detector (the FAQ's): switch
 * words, answers inside a form, and messages outside one.
 */
import { clearLanguage, languageSwitch, resolveLanguage, type LanguagePreference } from '../../bot/language';
import { faqLanguageDetector } from '../../bot/faq/botDetector';
import { isRtl, toUiLanguage, type UiLanguage } from '../../bot/i18n';

describe('languageSwitch', () => {
  it.each<[string, UiLanguage | undefined]>([
    ['Roman Urdu', 'ur-Latn'],
    ['roman', 'ur-Latn'],
    ['roman urdu please.', 'ur-Latn'],
    ['ROMAN URDU MEIN', 'ur-Latn'],
    ['Urdu', 'ur'],
    ['اردو', 'ur'],
    ['urdu mein!', 'ur'],
    ['English', 'en'],
    ['انگریزی', 'en'],
    ['in english', 'en'],
    ['I speak Urdu', undefined],
    ['roman urdu kaise likhte hain', undefined],
    ['', undefined],
  ])('%j selects %s', (text, expected) => {
    expect(languageSwitch(text)).toBe(expected);
  });
});

type Row = [text: string | undefined, remembered: LanguagePreference, inForm: boolean, expected: UiLanguage];

const en: LanguagePreference = { language: 'en' };
const ur: LanguagePreference = { language: 'ur' };
const roman: LanguagePreference = { language: 'ur-Latn' };

describe('resolveLanguage: inside a form the language stays put', () => {
  it.each<Row>([
    ['kal se', en, true, 'en'],
    ['theek hai', en, true, 'en'],
    ['haan', en, true, 'en'],
    ['haan ji bilkul theek hai', en, true, 'en'],
    ['nahi', en, true, 'en'],
    ['Ayesha Malik', en, true, 'en'],
    ['120', en, true, 'en'],
    ['15/12/2026', en, true, 'en'],
    ['mujhe abhi nahi pata kya likhna hai', en, true, 'en'],
    ['جی ہاں', en, true, 'en'],
    ['yes', roman, true, 'ur-Latn'],
    ['Karachi', roman, true, 'ur-Latn'],
    ['okay that is fine with me', roman, true, 'ur-Latn'],
    ['ٹھیک ہے', roman, true, 'ur-Latn'],
    ['Indus Contact Solutions', ur, true, 'ur'],
    ['next Monday', ur, true, 'ur'],
  ])('%j with %j in a form → %s', (text, remembered, inForm, expected) => {
    expect(resolveLanguage(text, { ...remembered }, undefined, faqLanguageDetector, inForm)).toBe(expected);
  });
});

describe('resolveLanguage: outside a form only a clear, whole message changes it', () => {
  it.each<Row>([
    // Latin letters: too short to tell English from Roman Urdu.
    ['kal se', en, false, 'en'],
    ['theek hai', en, false, 'en'],
    ['ok thanks', roman, false, 'ur-Latn'],
    ['status WL-7K2M9Q', roman, false, 'ur-Latn'],
    ['menu', ur, false, 'ur'],
    // Urdu script is decisive on its own.
    ['شکریہ', en, false, 'ur'],
    ['مینو', roman, false, 'ur'],
    // Clearly and wholly another language.
    ['mujhe WFH ki darkhwast deni hai', en, false, 'ur-Latn'],
    ['sir WL-7K2M9Q ka kya bana', en, false, 'ur-Latn'],
    ['What documents do I need for whitelisting?', roman, false, 'en'],
    ['What documents do I need for whitelisting?', ur, false, 'en'],
    ['مجھے وائٹ لسٹنگ کی درخواست دینی ہے', en, false, 'ur'],
    ['WL-7K2M9Q کا کیا بنا', roman, false, 'ur'],
    ['kya main ghar se kaam kar sakta hoon', ur, false, 'ur-Latn'],
    // Mixed scripts, or a verdict that only the past decides, change nothing.
    ['WFH ki request کیسے دیں', en, false, 'en'],
    ['Karachi Lahore Islamabad', roman, false, 'ur-Latn'],
    ['Karachi Lahore Islamabad', en, false, 'en'],
    // An explicit choice stands until the next switch word.
    ['What documents do I need for whitelisting?', { language: 'ur', explicit: true }, false, 'ur'],
    ['mujhe WFH ki darkhwast deni hai', { language: 'en', explicit: true }, false, 'en'],
    // A card click carries no text.
    [undefined, roman, false, 'ur-Latn'],
  ])('%j with %j → %s', (text, remembered, inForm, expected) => {
    expect(resolveLanguage(text, { ...remembered }, undefined, faqLanguageDetector, inForm)).toBe(expected);
  });
});

describe('resolveLanguage: a first message', () => {
  it.each<[string | undefined, string | undefined, UiLanguage]>([
    ['kya haal hai', undefined, 'ur-Latn'],
    ['السلام علیکم', 'en-US', 'ur'],
    ['hello there, I need help', 'ur-PK', 'en'],
    ['hi', 'ur-PK', 'ur'],
    ['hi', 'ur-Latn-PK', 'ur-Latn'],
    ['hi', undefined, 'en'],
  ])('%j on a channel with locale %s → %s', (text, locale, expected) => {
    expect(resolveLanguage(text, {}, locale, faqLanguageDetector)).toBe(expected);
  });
});

describe('clearLanguage', () => {
  it('ignores tokens with digits when counting words', () => {
    expect(clearLanguage('WL-7K2M9Q 0300-1234567 hai', faqLanguageDetector)).toBeUndefined();
    expect(clearLanguage('WL-7K2M9Q 0300-1234567', faqLanguageDetector)).toBeUndefined();
  });
});

describe('language codes', () => {
  it.each<[string, UiLanguage | undefined]>([
    ['ur-Latn', 'ur-Latn'],
    ['ur-latn-PK', 'ur-Latn'],
    ['ur-PK', 'ur'],
    ['en-US', 'en'],
    ['fr-FR', undefined],
  ])('%s is %s', (locale, expected) => {
    expect(toUiLanguage(locale)).toBe(expected);
  });

  it('sets cards right-to-left for Urdu script only', () => {
    expect([isRtl('ur'), isRtl('ur-Latn'), isRtl('en')]).toEqual([true, false, false]);
  });
});
