/** A column of a CSV export: its header and how to read a row's cell. */
export interface CsvColumn<Row> {
  readonly header: string;
  readonly value: (row: Row) => string | number | boolean | null | undefined;
}

/**
 * Semicolons, because Danish Excel reads `;` as the list separator (the comma is the decimal
 * mark), and a byte-order mark so it reads UTF-8 and shows æ, ø and å.
 */
export const CSV_SEPARATOR = ';';
const BOM = '\uFEFF';

function cell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nej';
  if (typeof value === 'number')
    return Number.isFinite(value) ? String(value).replace('.', ',') : '';
  let text = value;
  // A cell starting with = + - @ would run as a formula in a spreadsheet (CSV injection).
  if (/^[=+\-@\t\r]/.test(text) && !/^-\d/.test(text)) text = `'${text}`;
  return /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows as CSV text, header first, CRLF line ends (RFC 4180), with a BOM for Excel. */
export function toCsv<Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[]): string {
  const lines = [columns.map((c) => cell(c.header)).join(CSV_SEPARATOR)];
  for (const row of rows) lines.push(columns.map((c) => cell(c.value(row))).join(CSV_SEPARATOR));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** A file name from a title and today's date: "Konsekvens 2026-03-01.csv" → safe characters. */
export function exportFileName(title: string, extension: string, date: string): string {
  const base = title
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
  return `overblik-${base || 'export'}-${date}.${extension}`;
}
