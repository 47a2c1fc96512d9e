/**
 * Text normalisation for the FAQ: one display-safe form (`normalizeText`), one lossy form for
 * matching (`searchKey`), and per-word keys for Roman Urdu (`phoneticKey`) and English (`englishStem`).
 */
import { toAsciiDigits } from '../domain/digits';

/** Arabic-keyboard letters that Urdu writes with its own code points. */
const ARABIC_TO_URDU: Readonly<Record<string, string>> = {
  '\u064A': '\u06CC', // ي Arabic yeh → ی
  '\u0649': '\u06CC', // ى alef maksura → ی
  '\u0643': '\u06A9', // ك Arabic kaf → ک
  '\u0629': '\u06C1', // ة teh marbuta → ہ
  '\u0647': '\u06C1', // ه Arabic heh → ہ (Urdu keeps ھ only for aspiration, which Arabic keyboards cannot type)
  '\u06C0': '\u06C2', // ۀ heh with yeh above → ۂ
  // The "high hamza" letters some Urdu phone keyboards type for the hamza seats (واٸٹ لسٹنگ for وائٹ لسٹنگ).
  '\u0678': '\u0626', // ٸ high hamza yeh → ئ
  '\u0676': '\u0624', // ٶ high hamza waw → ؤ
  '\u0675': '\u0623', // ٵ high hamza alef → أ
};

/** Harakat, Quranic marks, superscript alef: pronunciation hints nobody types consistently. */
const DIACRITICS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED]/g;
/** Tatweel, ZWNJ, ZWJ, word joiner, BOM and every bidi control: invisible, but they split or glue words. */
const INVISIBLES = /[\u0640\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\u061C\uFEFF]/g;
/** Urdu full stop, comma, question mark and semicolon, mapped to ASCII so they split words like ASCII does. */
const URDU_PUNCTUATION: Readonly<Record<string, string>> = { '\u06D4': '.', '\u060C': ',', '\u061F': '?', '\u061B': ';' };

/** Letters that differ only in spelling habit (hamza seats, do-chashmi he, yeh barree, noon ghunna). */
const LOSSY_FOLDS: Readonly<Record<string, string>> = {
  '\u0622': '\u0627', // آ → ا
  '\u0623': '\u0627', // أ → ا
  '\u0625': '\u0627', // إ → ا
  '\u0671': '\u0627', // ٱ → ا
  '\u0624': '\u0648', // ؤ → و
  '\u0626': '\u06CC', // ئ → ی
  '\u06D3': '\u06CC', // ۓ → ی
  '\u06D2': '\u06CC', // ے → ی
  '\u06C2': '\u06C1', // ۂ → ہ
  '\u06BE': '\u06C1', // ھ → ہ
  '\u06BA': '\u0646', // ں → ن
  '\u0621': '', // lone hamza carries no meaning for matching
};

export { toAsciiDigits };

/** NFC-normalise and clean text without losing meaning: safe to show back or to log. */
export function normalizeText(text: string): string {
  return toAsciiDigits(
    text
      .normalize('NFC')
      .replace(/[\u064A\u0649\u0643\u0629\u0647\u06C0\u0675\u0676\u0678]/g, (c) => ARABIC_TO_URDU[c] ?? c)
      .replace(DIACRITICS, '')
      .replace(INVISIBLES, ''),
  )
    .replace(/[\u06D4\u060C\u061F\u061B]/g, (p) => ` ${URDU_PUNCTUATION[p] ?? ''} `)
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A lone hamza typed where the hamza on yeh belongs, before a yeh (بتاءیں for بتائیں, جاءے for جائے, phone keyboards put ء
 * within easy reach): it is that seat, folded to ی as ئ is. Elsewhere (ابتداء) a lone hamza is dropped.
 */
const MEDIAL_HAMZA = /\u0621(?=[\u06CC\u06D2\u06D3])/g;

/** Lossy, search-only key: normalised, lower-cased, with spelling-habit letters folded. Never shown to users. */
export function searchKey(text: string): string {
  return normalizeText(text)
    .toLowerCase()
    .replace(MEDIAL_HAMZA, '\u06CC')
    .replace(/[\u0621-\u0626\u0671\u06BA\u06BE\u06C2\u06D2\u06D3]/g, (c) => LOSSY_FOLDS[c] ?? c);
}

/** Split a search key into word tokens (letters, digits and `@`, so `p@sha` and concept ids survive). */
export function tokenize(key: string): string[] {
  return key.split(/[^\p{L}\p{N}@]+/u).filter((token) => token.length > 0);
}

/** True when the token is written in Latin letters (English or Roman Urdu). */
export function isLatinWord(token: string): boolean {
  return /^[a-z]+$/.test(token);
}

/**
 * Phonetic key for a Latin word, so Roman Urdu spelling variants collide:
 * kya/kia/kiya, hai/he/hy/hay, ijazat/ijaazat/ijazt, darkhwast/darkhast, kaise/kese/kaisay, mein/main/me.
 * Rules: khw→kh, ph→f, q→k, w→v, aspiration dropped (bh→b, kh→k…), doubled letters collapsed,
 * final nasal n after e/ai/ei dropped, then every vowel, y and non-initial h after the first letter removed.
 */
export function phoneticKey(word: string): string {
  if (!isLatinWord(word)) return word;
  let w = word
    .replace(/khw/g, 'kh')
    .replace(/ph/g, 'f')
    .replace(/q/g, 'k')
    .replace(/w/g, 'v')
    .replace(/ck/g, 'k')
    .replace(/([bcdgjkpt])h+/g, '$1')
    .replace(/(.)\1+/g, '$1')
    .replace(/(e|ai|ei|ay)n$/, '$1');
  w = w.replace(/sh/g, 'S');
  const head = w.charAt(0);
  const tail = w
    .slice(1)
    .replace(/[aeiouyh]/g, '')
    .replace(/(.)\1+/g, '$1');
  return `${head}${tail}`.toLowerCase();
}

/** Light English stem (plural, -ing, -ed) so "agents"/"agent" and "applied"/"apply" share a term. */
export function englishStem(word: string): string {
  if (!isLatinWord(word) || word.length <= 3) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('ing') && word.length > 5) return word.slice(0, -3);
  if (word.endsWith('ed') && word.length > 4) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us')) return word.slice(0, -1);
  return word;
}

/** Replace CNICs, Pakistani mobile numbers, e-mails and long digit runs with placeholders (before anything is logged). */
export function redactPersonalData(text: string): string {
  return toAsciiDigits(text.normalize('NFC'))
    .replace(/\b\d{5}-?\d{7}-?\d\b/g, '<cnic>')
    .replace(/(?:\+92|\b0092|\b92|\b0)[- ]?3\d{2}[- ]?\d{7}\b/g, '<mobile>')
    .replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, '<email>')
    .replace(/\d{7,}/g, '<number>');
}

/** Search key safe to store (unanswered-question log): personal data redacted first, punctuation dropped. */
export function logSafeKey(text: string): string {
  return tokenize(searchKey(redactPersonalData(text))).join(' ');
}
