/**
 * A CSV writer for spreadsheets, Excel first: RFC 4180 fields, CRLF record ends, a UTF-8 byte order
 * mark (without it Excel reads UTF-8 as the local code page and Arabic turns to mojibake), and
 * OWASP's formula-injection defence. Written here rather than taken from a library because it is
 * this small and must run in shared/ (no Node streams).
 */

/**
 * A cell starting with one of these is read as a formula by Excel, LibreOffice or Google Sheets
 * (OWASP "CSV Injection": = + - @ tab CR; ASVS 5 adds NUL). `=HYPERLINK(...)` in a quoted claim
 * must stay text.
 */
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r', '\0']);

/**
 * Prefixes a single quote to a cell a spreadsheet would evaluate. Spreadsheets show the quote
 * as a text marker and hide it; other readers see it, which is the price OWASP accepts.
 */
export function neutralizeFormula(cell: string): string {
  return cell.length > 0 && FORMULA_TRIGGERS.has(cell[0]!) ? `'${cell}` : cell;
}

/** One RFC 4180 field. Every field is quoted, so commas, quotes and line breaks in text are safe. */
export function csvField(cell: string): string {
  return `"${neutralizeFormula(cell).replace(/"/g, '""')}"`;
}

export const CSV_BOM = '\uFEFF';

/** A whole CSV document: header first, CRLF after every record (RFC 4180 §2.1-2.2). */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const record = (cells: readonly string[]) => `${cells.map(csvField).join(',')}\r\n`;
  return CSV_BOM + record(header) + rows.map(record).join('');
}
