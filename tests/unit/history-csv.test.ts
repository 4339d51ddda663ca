import { describe, expect, it } from "vitest";
import { formatHistoryIssue, MAX_REPORTED_ERRORS, parseHistoryCsv, parseReviewTime, splitCsvLine } from "../../lib/history/csv";

const HEADER = "card_id,review_rating,review_time,review_duration";

describe("review times", () => {
  it("reads ISO 8601 times with an offset, microseconds included", () => {
    expect(parseReviewTime("2024-03-29T20:32:32.250000+00:00")).toBe(Date.UTC(2024, 2, 29, 20, 32, 32, 250));
    expect(parseReviewTime("2024-03-30T17:03:18+00:00")).toBe(Date.UTC(2024, 2, 30, 17, 3, 18));
    expect(parseReviewTime("2024-03-30T17:03:18.5Z")).toBe(Date.UTC(2024, 2, 30, 17, 3, 18, 500));
    expect(parseReviewTime("2024-03-31T01:03:18+08:00")).toBe(Date.UTC(2024, 2, 30, 17, 3, 18));
    expect(parseReviewTime("2024-03-30T12:33:18-0430")).toBe(Date.UTC(2024, 2, 30, 17, 3, 18));
  });
  it("refuses times without an offset and dates that do not exist", () => {
    for (const bad of ["2024-03-30T17:03:18", "2024-02-30T10:00:00Z", "2024-13-01T10:00:00Z", "2024-03-30T24:00:00Z", "30/03/2024 17:03", "1711684180217", ""]) {
      expect(parseReviewTime(bad), bad).toBeNull();
    }
  });
});

describe("CSV lines", () => {
  it("splits on commas, with double-quoted fields", () => {
    expect(splitCsvLine("a,1,x,")).toEqual(["a", "1", "x", ""]);
    expect(splitCsvLine('"a,b",1,"say ""hi"""')).toEqual(["a,b", "1", 'say "hi"']);
    expect(splitCsvLine('"open,1')).toBeNull();
    expect(splitCsvLine('"a"b,1')).toBeNull();
  });
});

describe("parsing a review history", () => {
  it("reads good rows, in any column order, with CRLF, a BOM and blank lines", () => {
    const text = `\uFEFFreview_time,card_id,review_duration,review_rating\r\n2024-03-29T20:32:32.250000+00:00,1711684180217,25060,1\r\n\r\n"2024-03-29T20:32:39.497000+00:00","1711684780667",,4\r\n`;
    expect(parseHistoryCsv(text)).toEqual({
      rows: [
        { line: 2, cardId: "1711684180217", rating: 1, reviewedAt: Date.UTC(2024, 2, 29, 20, 32, 32, 250), durationMs: 25060 },
        { line: 4, cardId: "1711684780667", rating: 4, reviewedAt: Date.UTC(2024, 2, 29, 20, 32, 39, 497), durationMs: null },
      ],
      errors: [],
      skipped: [],
    });
  });

  it("does without the duration column", () => {
    const r = parseHistoryCsv("card_id,review_rating,review_time\nx,2,2024-01-01T00:00:00Z\n");
    expect(r.errors).toEqual([]);
    expect(r.rows[0]).toMatchObject({ cardId: "x", rating: 2, durationMs: null });
  });

  it("skips manual (rating 0) rows and repeated rows, saying which", () => {
    const text = [HEADER, "c,3,2024-01-01T00:00:00Z,1", "c,0,2024-01-02T00:00:00Z,0", "c,4,2024-01-01T00:00:00.000Z,1"].join("\n");
    const r = parseHistoryCsv(text);
    expect(r.rows.map((x) => x.line)).toEqual([2]);
    expect(r.skipped).toEqual([
      { line: 3, message: "rating 0 (a manual entry, not a review)" },
      { line: 4, message: "same card and time as line 2" },
    ]);
  });

  it("reports each bad row with its line number", () => {
    const text = [
      HEADER,
      "c,3,2024-01-01T00:00:00Z,1", // 2 fine
      "c,5,2024-01-02T00:00:00Z,1", // 3 rating
      "c,3,2024-01-03 10:00,1", // 4 time
      "c,3,2024-01-04T00:00:00Z", // 5 field count
      "c d,3,2024-01-05T00:00:00Z,1", // 6 card id
      "c,3,2024-01-06T00:00:00Z,-4", // 7 duration
      ',3,"2024-01-07T00:00:00Z,1', // 8 quotes
      ",3,2024-01-08T00:00:00Z,1", // 9 empty id
    ].join("\n");
    const r = parseHistoryCsv(text);
    expect(r.rows).toHaveLength(1);
    expect(r.errors).toEqual([
      { line: 3, message: "review_rating must be 0, 1, 2, 3 or 4" },
      { line: 4, message: 'review_time "2024-01-03 10:00" is not an ISO 8601 time with an offset (such as 2024-03-29T20:32:39.497+00:00)' },
      { line: 5, message: "expected 4 fields, found 3" },
      { line: 6, message: "card_id may only contain letters, digits, - and _" },
      { line: 7, message: "review_duration must be a whole number of milliseconds" },
      { line: 8, message: "unbalanced double quotes" },
      { line: 9, message: "card_id is empty; card_id may only contain letters, digits, - and _" },
    ]);
    expect(formatHistoryIssue(r.errors[0]!, "logs.csv")).toBe("logs.csv:3: review_rating must be 0, 1, 2, 3 or 4");
    expect(formatHistoryIssue(r.errors[0]!)).toBe("line 3: review_rating must be 0, 1, 2, 3 or 4");
  });

  it("refuses a file without the columns it needs", () => {
    expect(parseHistoryCsv("").errors).toEqual([{ line: 1, message: "the file has no header: expected card_id,review_rating,review_time,review_duration" }]);
    expect(parseHistoryCsv("id,rating,time\n1,3,2024-01-01T00:00:00Z").errors).toEqual([
      { line: 1, message: "the header lacks card_id, review_rating, review_time: expected card_id,review_rating,review_time,review_duration" },
    ]);
  });

  it("lists the first errors of a wrong file, then how many more", () => {
    const lines = [HEADER, ...Array.from({ length: 50 }, (_, i) => `c,9,2024-01-01T00:00:${String(i % 60).padStart(2, "0")}Z,1`)];
    const r = parseHistoryCsv(lines.join("\n"));
    expect(r.errors).toHaveLength(MAX_REPORTED_ERRORS + 1);
    expect(r.errors[0]!.line).toBe(2);
    expect(r.errors[MAX_REPORTED_ERRORS]!.message).toBe(`and ${50 - MAX_REPORTED_ERRORS} more errors`);
  });
});
