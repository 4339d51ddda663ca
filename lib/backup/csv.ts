/**
 * RFC 4180 CSV writing. No CSV library is installed, and writing takes only these few lines:
 * a field with a comma, a double quote, CR or LF is quoted, its quotes doubled; records end
 * with CRLF.
 */
export type CsvValue = string | number | boolean | null | undefined;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRecord(values: readonly CsvValue[]): string {
  return values.map(csvField).join(",") + "\r\n";
}

/** A UTF-8 byte order mark: spreadsheet programs then read Chinese text as UTF-8. */
export const UTF8_BOM = "\uFEFF";
