import {
  englishStem,
  logSafeKey,
  normalizeText,
  phoneticKey,
  redactPersonalData,
  searchKey,
  toAsciiDigits,
  tokenize,
} from '../../../bot/faq/normalize';

describe('normalizeText', () => {
  it('composes decomposed text to NFC (alef + madda becomes آ)', () => {
    expect(normalizeText('\u0627\u0653پ')).toBe('آپ');
  });

  it('never applies compatibility folding (NFKD/NFKC would turn ① into 1 and ﬁ into fi)', () => {
    expect(normalizeText('① ﬁ')).toBe('① ﬁ');
  });

  it.each([
    ['Arabic yeh ي', 'كيا', 'کیا'],
    ['alef maksura ى', 'ى', 'ی'],
    ['Arabic kaf ك', 'كام', 'کام'],
    ['Arabic heh ه', 'هے', 'ہے'],
    ['teh marbuta ة', 'ة', 'ہ'],
    ['high hamza yeh ٸ (round twenty-two)', 'واٸٹ', 'وائٹ'],
    ['high hamza waw ٶ (round twenty-two)', 'جاٶں', 'جاؤں'],
  ])('folds %s to its Urdu letter', (_name, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('gives a word typed with the high hamza yeh the key of its usual spelling (round twenty-two)', () => {
    expect(searchKey('ٹیم سے رابطہ کرواٸیں')).toBe(searchKey('ٹیم سے رابطہ کروائیں'));
  });

  it('strips diacritics (zabar, zer, pesh, shadda, superscript alef)', () => {
    expect(normalizeText('کَمپِنُی مّ ٰ')).toBe('کمپنی م');
  });

  it('strips tatweel', () => {
    expect(normalizeText('کـــام')).toBe('کام');
  });

  it('strips ZWNJ, ZWJ, bidi marks and isolates', () => {
    expect(normalizeText('ہیلپ\u200Cلائن\u200D \u200Fنمبر\u200E \u2067WFH\u2069 \u202Bx\u202C')).toBe('ہیلپلائن نمبر WFH x');
  });

  it('converts Urdu and Arabic-Indic digits to ASCII', () => {
    expect(toAsciiDigits('۰۸۰۰ ٠٣٠٣٠')).toBe('0800 03030');
    expect(normalizeText('۲۴ گھنٹے')).toBe('24 گھنٹے');
  });

  it('splits words glued by Urdu punctuation (۔ ، ؟ ؛)', () => {
    expect(tokenize(searchKey('کیا؟ہاں،ٹھیک۔اچھا؛بس'))).toEqual(['کیا', 'ہان', 'ٹہیک', 'اچہا', 'بس']);
  });
});

describe('searchKey', () => {
  it.each([
    ['yeh barree ے → ی', 'کے', 'کی'],
    ['do-chashmi he ھ → ہ', 'بھی', 'بہی'],
    ['noon ghunna ں → ن', 'میں', 'مین'],
    ['hamza on yeh ئ → ی', 'لئے', 'لیی'],
    ['alef madda آ → ا', 'آپ', 'اپ'],
    ['hamza on waw ؤ → و', 'لاک ڈاؤن', 'لاک ڈاون'],
    ['Latin lower case', 'PSEB WFH', 'pseb wfh'],
  ])('folds %s', (_rule, input, expected) => {
    expect(searchKey(input)).toBe(expected);
  });

  it('reads a lone hamza before a yeh as the hamza on yeh, and drops it elsewhere (round twenty-one)', () => {
    expect(searchKey('بھیجیں بتاءیے')).toBe(searchKey('بھیجیں بتائیے'));
    expect(searchKey('ہو جاءے')).toBe(searchKey('ہو جائے'));
    expect(searchKey('ابتداء')).toBe('ابتدا');
  });

  it('gives Arabic-keyboard and Urdu-keyboard spellings the same key', () => {
    expect(searchKey('كيا ميں درخواست دے سكتا هوں')).toBe(searchKey('کیا میں درخواست دے سکتا ہوں'));
  });
});

describe('phoneticKey (Roman Urdu spelling variants)', () => {
  it.each([
    [['kya', 'kia', 'kiya']],
    [['hai', 'he', 'hy', 'hay']],
    [['ijazat', 'ijaazat', 'ijazt']],
    [['darkhwast', 'darkhast', 'darkhaast']],
    [['kaise', 'kese', 'kaisay']],
    [['mein', 'main', 'me']],
    [['mehfooz', 'mahfooz', 'mehfuz']],
    [['chahiye', 'chahie', 'chaiye']],
    [['zaroori', 'zaruri', 'zarori']],
    [['tareeqa', 'tariqa', 'tarika']],
  ])('collapses %j to one key', (variants) => {
    const keys = new Set(variants.map(phoneticKey));
    expect(keys.size).toBe(1);
  });

  it('keeps different words apart', () => {
    expect(phoneticKey('status')).not.toBe(phoneticKey('team'));
    expect(phoneticKey('ghar')).not.toBe(phoneticKey('kaam'));
  });

  it('leaves Urdu-script words untouched', () => {
    expect(phoneticKey('کام')).toBe('کام');
  });
});

describe('englishStem', () => {
  it.each([
    ['agents', 'agent'],
    ['companies', 'company'],
    ['whitelisting', 'whitelist'],
    ['applied', 'appli'],
    ['status', 'status'],
    ['class', 'class'],
  ])('stems %s to %s', (word, stem) => {
    expect(englishStem(word)).toBe(stem);
  });
});

describe('personal data never reaches a log key', () => {
  it('redacts CNICs, mobile numbers and e-mail addresses', () => {
    const text = 'my cnic 35202-1234567-1, mobile 0300-1234567 or +92 321 7654321, mail ali@example.com';
    const redacted = redactPersonalData(text);
    expect(redacted).not.toMatch(/35202|1234567|7654321|ali@example/);
    expect(redacted).toContain('<cnic>');
    expect(redacted).toContain('<mobile>');
    expect(redacted).toContain('<email>');
  });

  it('redacts numbers written in Urdu digits too', () => {
    expect(logSafeKey('شناختی کارڈ ۳۵۲۰۲-۱۲۳۴۵۶۷-۱')).not.toMatch(/\d{5}/);
  });

  it('keeps the helpline and ordinary numbers', () => {
    expect(redactPersonalData('0800 03030 for 24/7, 90 days')).toBe('0800 03030 for 24/7, 90 days');
  });
});
