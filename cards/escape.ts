/**
 * The one escape for user-supplied text placed in a card or a markdown message (company names,
 * contact names, notes, chat lines, topics): every Markdown and HTML metacharacter gets a CommonMark
 * backslash, so `![x](http://h/x.png)` shows as those characters and `<img src=x>` never becomes a tag.
 * Renderers drop the backslashes; plain-text renderings are not escaped.
 */
const markup = /[\\`*_{}[\]()#+!|<>~&]/g;

/** Escapes Markdown and HTML in a user-supplied value. */
export function escapeMarkup(value: string): string {
  return value.replace(markup, (ch) => `\\${ch}`);
}
