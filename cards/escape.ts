/**
 * The one escape for user-supplied text placed in a card or a markdown message (company names,
 * contact names, notes, chat lines, topics): every character that starts an image, a link, code, an
 * HTML tag or an entity gets a CommonMark backslash, so `![x](http://h/x.png)` shows as those
 * characters and `<img src=x>` never becomes a tag. Emphasis characters (`*`, `_`) are left alone: at
 * worst they make text bold, and the masked forms of CNICs and phones are made of them.
 * Renderers drop the backslashes; plain-text renderings are not escaped.
 */
const markup = /[\\`[\]()!<>&]/g;

/** Escapes the Markdown and HTML in a user-supplied value that could load, link or inject anything. */
export function escapeMarkup(value: string): string {
  return value.replace(markup, (ch) => `\\${ch}`);
}
