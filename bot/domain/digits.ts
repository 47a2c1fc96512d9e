/**
 * The one place that knows how digits arrive: Urdu keyboards type ۰-۹, Arabic ones ٠-٩, and pasted
 * text may carry full-width ０-９. Validation, masking, menus and the FAQ all fold them the same way.
 */

const ARABIC_INDIC_ZERO = 0x0660; // ٠..٩
const EXTENDED_ARABIC_INDIC_ZERO = 0x06f0; // ۰..۹ — what Urdu keyboards produce
const FULLWIDTH_ZERO = 0xff10;

/** A regex character class source matching any digit we accept, ASCII included. */
export const anyDigitClass = '[0-9\u0660-\u0669\u06f0-\u06f9\uff10-\uff19]';

/** Replaces Urdu, Arabic-Indic and full-width digits with ASCII 0-9. */
export function toAsciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9\uff10-\uff19]/g, (ch) => {
    const code = ch.charCodeAt(0);
    const zero =
      code >= FULLWIDTH_ZERO ? FULLWIDTH_ZERO : code >= EXTENDED_ARABIC_INDIC_ZERO ? EXTENDED_ARABIC_INDIC_ZERO : ARABIC_INDIC_ZERO;
    return String(code - zero);
  });
}
