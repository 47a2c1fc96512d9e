/** CSV for spreadsheets: RFC 4180 quoting, and cells that a spreadsheet would run as a formula defused. */

export type CsvCell = string | number | boolean | Date | null | undefined;

// A leading = + - @ (or a tab / CR, which some spreadsheets strip before looking) starts a formula.
const formulaStart = /^[=+\-@\t\r]/;

/** One cell as CSV text: text cells that could run as a formula get a leading `'`, then quoting when needed. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  let text = typeof value === 'string' ? value : value.toISOString();
  if (formulaStart.test(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV document with CRLF line ends and a UTF-8 BOM, so spreadsheets show Urdu correctly. */
export function toCsv(header: readonly string[], rows: readonly CsvCell[][]): string {
  const lines = [header.map(csvCell).join(','), ...rows.map((row) => row.map(csvCell).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
