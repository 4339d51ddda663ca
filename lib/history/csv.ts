/**
 * Review history files in the shape Anki's revlog export (and srs-benchmark's datasets) use:
 *
 *   card_id,review_rating,review_time,review_duration
 *   1711684180217,3,2024-03-29T20:32:39.497000+00:00,7241
 *
 * Pure: the text goes in, rows (or errors with their line numbers) come out. Columns are found
 * by the header, so their order does not matter; review_duration may be missing or empty.
 * Rating 0 is Anki's "manual" entry (a reschedule, not a recall): such rows are skipped and
 * reported as skipped, never imported. A file with any error should import nothing.
 */
import { z } from "zod";

export type HistoryRating = 1 | 2 | 3 | 4;

export interface HistoryRow {
  /** 1-based line in the file (the header is line 1) */
  line: number;
  cardId: string;
  rating: HistoryRating;
  /** epoch milliseconds */
  reviewedAt: number;
  durationMs: number | null;
}

export interface HistoryLineIssue {
  line: number;
  message: string;
}

export interface ParsedHistory {
  rows: HistoryRow[];
  /** malformed rows or header: when any, nothing should be imported */
  errors: HistoryLineIssue[];
  /** rows deliberately left out (manual entries, exact duplicates) */
  skipped: HistoryLineIssue[];
}

export const HISTORY_COLUMNS = ["card_id", "review_rating", "review_time", "review_duration"] as const;
const REQUIRED_COLUMNS = ["card_id", "review_rating", "review_time"] as const;

/** At most this many errors are listed (a wrong file would otherwise list every line). */
export const MAX_REPORTED_ERRORS = 20;

/** ISO 8601 date and time with an explicit offset (Z or ±hh:mm), any number of fraction digits. */
const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})$/;

/** Epoch milliseconds of an ISO 8601 time with an offset, or null when it is not one. */
export function parseReviewTime(text: string): number | null {
  const m = ISO_TIME.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac, zone] = m as unknown as [string, string, string, string, string, string, string, string | undefined, string];
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  // Date.UTC reads years 0-99 as 1900-1999: set the full year separately
  const date = new Date(Date.UTC(2000, 0, 1, hour, minute, second));
  date.setUTCFullYear(year, month - 1, day);
  const local = date.getTime();
  // 31 February rolls over into March: refuse dates that do not exist
  if (date.getUTCDate() !== day) return null;
  const ms = frac ? Math.floor(Number(`0.${frac}`) * 1000 + 1e-6) : 0;
  let offsetMinutes = 0;
  if (zone !== "Z") {
    const digits = zone.replace(":", "");
    const oh = Number(digits.slice(1, 3));
    const om = Number(digits.slice(3, 5));
    if (oh > 23 || om > 59) return null;
    offsetMinutes = (digits.startsWith("-") ? -1 : 1) * (oh * 60 + om);
  }
  return local + ms - offsetMinutes * 60000;
}

/** The earliest review time a history may hold: nothing was reviewed by computer before 1970. */
export const EARLIEST_REVIEW_TIME = Date.UTC(1970, 0, 1);

const rowSchema = z.object({
  card_id: z
    .string()
    .min(1, "card_id is empty")
    .max(64, "card_id is longer than 64 characters")
    .regex(/^[A-Za-z0-9_-]+$/, "card_id may only contain letters, digits, - and _"),
  review_rating: z
    .string()
    .regex(/^[0-4]$/, "review_rating must be 0, 1, 2, 3 or 4")
    .transform(Number),
  review_time: z.string().transform((text, ctx) => {
    const ms = parseReviewTime(text);
    if (ms === null) {
      ctx.addIssue({ code: "custom", message: `review_time "${text}" is not an ISO 8601 time with an offset (such as 2024-03-29T20:32:39.497+00:00)` });
      return z.NEVER;
    }
    if (ms < EARLIEST_REVIEW_TIME) {
      ctx.addIssue({ code: "custom", message: `review_time "${text}" is before 1970: not a real review time` });
      return z.NEVER;
    }
    return ms;
  }),
  review_duration: z
    .string()
    .regex(/^\d{0,9}$/, "review_duration must be a whole number of milliseconds")
    .transform((s) => (s === "" ? null : Number(s))),
});

/** Splits one CSV line into fields: commas, optional double quotes with "" as an escaped quote. */
export function splitCsvLine(line: string): string[] | null {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let value = "";
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) return null; // unterminated quote
        value += line.slice(i, q);
        if (line[q + 1] === '"') {
          value += '"';
          i = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      fields.push(value);
      if (i === line.length) return fields;
      if (line[i] !== ",") return null; // text after a closing quote
      i++;
    } else {
      const comma = line.indexOf(",", i);
      if (comma < 0) {
        fields.push(line.slice(i).trim());
        return fields;
      }
      fields.push(line.slice(i, comma).trim());
      i = comma + 1;
    }
  }
}

/** Parses a review history file. Every row is checked; the caller imports only when errors is empty. */
export function parseHistoryCsv(text: string): ParsedHistory {
  const result: ParsedHistory = { rows: [], errors: [], skipped: [] };
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const header = splitCsvLine(lines[0] ?? "")?.map((h) => h.trim().toLowerCase());
  if (!header || header.every((h) => h === "")) {
    result.errors.push({ line: 1, message: `the file has no header: expected ${HISTORY_COLUMNS.join(",")}` });
    return result;
  }
  const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    result.errors.push({ line: 1, message: `the header lacks ${missing.join(", ")}: expected ${HISTORY_COLUMNS.join(",")}` });
    return result;
  }
  const column = (name: string) => header.indexOf(name);
  const at = { card_id: column("card_id"), review_rating: column("review_rating"), review_time: column("review_time"), review_duration: column("review_duration") };
  const seen = new Map<string, number>();
  let errorCount = 0;
  const fail = (line: number, message: string) => {
    errorCount++;
    if (result.errors.length < MAX_REPORTED_ERRORS) result.errors.push({ line, message });
  };

  for (let index = 1; index < lines.length; index++) {
    const raw = lines[index]!;
    const line = index + 1;
    if (raw.trim() === "") continue;
    const fields = splitCsvLine(raw);
    if (!fields) {
      fail(line, "unbalanced double quotes");
      continue;
    }
    if (fields.length !== header.length) {
      fail(line, `expected ${header.length} fields, found ${fields.length}`);
      continue;
    }
    const parsed = rowSchema.safeParse({
      card_id: fields[at.card_id],
      review_rating: fields[at.review_rating],
      review_time: fields[at.review_time],
      review_duration: at.review_duration < 0 ? "" : fields[at.review_duration],
    });
    if (!parsed.success) {
      fail(line, parsed.error.issues.map((i) => i.message).join("; "));
      continue;
    }
    const r = parsed.data;
    if (r.review_rating === 0) {
      result.skipped.push({ line, message: "rating 0 (a manual entry, not a review)" });
      continue;
    }
    const key = `${r.card_id}\u0000${r.review_time}`;
    const first = seen.get(key);
    if (first !== undefined) {
      result.skipped.push({ line, message: `same card and time as line ${first}` });
      continue;
    }
    seen.set(key, line);
    result.rows.push({ line, cardId: r.card_id, rating: r.review_rating as HistoryRating, reviewedAt: r.review_time, durationMs: r.review_duration });
  }
  if (errorCount > result.errors.length) {
    const last = result.errors[result.errors.length - 1]!;
    result.errors.push({ line: last.line, message: `and ${errorCount - result.errors.length} more errors` });
  }
  return result;
}

/** "line 7: review_rating must be 0, 1, 2, 3 or 4" */
export function formatHistoryIssue(issue: HistoryLineIssue, file?: string): string {
  return file ? `${file}:${issue.line}: ${issue.message}` : `line ${issue.line}: ${issue.message}`;
}
