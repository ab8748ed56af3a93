/**
 * CSV text for spreadsheets (RFC 4180): fields quoted when they hold a comma,
 * a quote or a line break, quotes doubled, CRLF between records, and a UTF-8
 * byte-order mark so Excel reads names like "Zoë" correctly instead of
 * guessing a legacy code page.
 */

export type CsvValue = string | number | boolean | null | undefined;

export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => CsvValue;
}

export const UTF8_BOM = "\uFEFF";

// A cell starting with one of these is run as a formula by Excel and
// LibreOffice ("CSV injection"): anyone who can type a customer's name could
// otherwise plant =HYPERLINK(…) in the office's spreadsheet. OWASP's advice is
// to prefix such cells with a single quote, which spreadsheets show as text.
const FORMULA_START = /^[=+\-@\t\r]/;

function cellText(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function escapeCsvCell(value: CsvValue): string {
  const text = cellText(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole file: header row, one row per record, CRLF line ends, no trailing newline issues for Excel. */
export function toCsv<Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[], options: { bom?: boolean } = {}): string {
  const lines = [columns.map((column) => escapeCsvCell(column.header)).join(",")];
  for (const row of rows) lines.push(columns.map((column) => escapeCsvCell(column.value(row))).join(","));
  return `${options.bom === false ? "" : UTF8_BOM}${lines.join("\r\n")}\r\n`;
}
