/**
 * One CSV cell, quoted when needed and defused against formula injection: a spreadsheet runs a
 * cell that starts with =, +, -, @, a tab or a carriage return as a formula (`=HYPERLINK(...)`,
 * `=cmd|'/c calc'!A1`), so such text gets a leading apostrophe, which Excel, LibreOffice and
 * Google Sheets show as plain text (OWASP "CSV Injection"). Numbers, and text that is a plain
 * number such as "-4.5", are left alone so they stay numbers. Pure: the CLI's export and the
 * dashboard's downloads share it.
 */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  let s = Array.isArray(v) ? v.join('|') : typeof v === 'object' ? JSON.stringify(v) : String(v);
  if (/^[=+\-@\t\r]/.test(s) && !PLAIN_NUMBER.test(s)) s = "'" + s;
  return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
