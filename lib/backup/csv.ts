/**
 * RFC 4180 CSV writing. No CSV library is installed, and writing takes only these few lines:
 * a field with a comma, a double quote, CR or LF is quoted, its quotes doubled; records end
 * with CRLF.
 *
 * Spreadsheets run a cell that starts with = + - @ (or a tab or CR before one) as a formula, and
 * deck text is anyone's (a cloned deck repository): as OWASP recommends, such a text cell is
 * written with a single quote before it ('=1+2), and quoted. So that this stays reversible, a
 * text that itself starts with a quote gets one more; readCsv removes exactly one. Numbers and
 * booleans are written as they are (a negative number is not a formula).
 */
export type CsvValue = string | number | boolean | null | undefined;

/** Starts a formula in Excel, LibreOffice or Google Sheets, or is our own escape ('). */
const FORMULA_START = /^[=+\-@\t\r']/;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string" && FORMULA_START.test(value)) return `"'${value.replace(/"/g, '""')}"`;
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRecord(values: readonly CsvValue[]): string {
  return values.map(csvField).join(",") + "\r\n";
}

/** A UTF-8 byte order mark: spreadsheet programs then read Chinese text as UTF-8. */
export const UTF8_BOM = "\uFEFF";

/**
 * Reads what csvRecord wrote back into text fields, exactly: RFC 4180 records (CRLF or LF),
 * a leading byte order mark ignored, and the formula escape undone (one leading quote removed).
 * Every field comes back as text; empty fields as "".
 */
export function readCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  let i = text.startsWith(UTF8_BOM) ? 1 : 0;
  const endField = () => {
    record.push(field.startsWith("'") ? field.slice(1) : field);
    field = "";
  };
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === ",") endField();
    else if (c === "\n" || (c === "\r" && text[i + 1] === "\n")) {
      if (c === "\r") i++;
      endField();
      records.push(record);
      record = [];
    } else field += c;
  }
  if (field !== "" || record.length > 0) {
    endField();
    records.push(record);
  }
  return records;
}
