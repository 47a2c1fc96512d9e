// Users type on phones with Urdu keyboards and paste from Word, WhatsApp and Excel,
// so every validator first folds these variants into one plain form.

import { toAsciiDigits } from '../digits';

export { toAsciiDigits };

/** Cleans free text: NFC, no direction marks or control characters, single spaces, trimmed. */
export function cleanText(raw: string): string {
  return (
    raw
      .normalize('NFC')
      // Direction marks and zero-width spaces arrive invisibly with copied Urdu text;
      // ZWNJ/ZWJ stay because they change how an Urdu word is written.
      .replace(/[\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** Cleans text meant to hold digits: as cleanText, plus ASCII digits and plain hyphens for the many dash characters. */
export function cleanNumeric(raw: string): string {
  return toAsciiDigits(cleanText(raw)).replace(/[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g, '-');
}

/** Length in characters as a person counts them (code points, not UTF-16 units). */
export function charLength(text: string): number {
  return [...text].length;
}

/** A comparison key for names typed in English or Urdu: case, spaces and Arabic-vs-Urdu letter forms ignored. */
export function matchKey(text: string): string {
  return (
    cleanText(text)
      .toLowerCase()
      // An Arabic keyboard gives ك ي ى ه where Urdu writes ک ی ی ہ.
      .replace(/\u0643/g, '\u06a9')
      .replace(/[\u064a\u0649]/g, '\u06cc')
      .replace(/\u0647/g, '\u06c1')
      .replace(/[\s\u200c\u200d.\-_'’]/g, '')
  );
}
