import { describe, expect, it } from "vitest";
import { ExportFormatError, TABLES, parseExport, parseExportHeader } from "@/lib/backup/format";
import { csvRecord } from "@/lib/backup/csv";

const card = {
  id: "c1",
  deckId: "d",
  kind: "basic",
  topic: '["网络","DHCP"]',
  position: 0,
  sourceLine: 3,
  prompt: "什么是 DHCP, \"dnsmasq\"?",
  answer: "a",
  promptHtml: "<p>q</p>",
  answerHtml: "<p>a</p>",
  data: "{}",
  retired: false,
  suspended: false,
  buriedUntil: null,
  flag: 0,
  createdAt: 1_764_000_000_000,
  updatedAt: 1_764_000_000_000,
  due: 1_764_000_000_000,
  stability: 2.5,
  difficulty: 5.1,
  elapsedDays: 0,
  scheduledDays: 1,
  learningSteps: 0,
  reps: 1,
  lapses: 0,
  state: 2,
  lastReview: 1_764_000_000_000,
};

function valid() {
  return {
    format: "mianshi-export",
    version: 1,
    exportedAt: "2026-11-26T16:00:00.000Z",
    sequences: { Review: 0 },
    tables: {
      decks: [{ id: "d", source: "d.md", title: "D", description: "", tags: "[]", language: "zh", groupPath: "", notesMode: false, contentHash: "h", importedAt: 1, presetId: 1 }],
      presets: [{ id: 1, name: "Default", options: "{}", updatedAt: 0 }],
      settings: [{ key: "rolloverHour", value: "4" }],
      cards: [card],
      reviews: [],
      quizzes: [],
      quizQuestions: [],
      interviews: [],
      interviewQuestions: [],
    } as Record<string, unknown[]>,
  };
}

function message(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ExportFormatError);
    return (e as Error).message;
  }
  throw new Error("expected an error");
}

describe("the export format", () => {
  it("accepts a valid export and keeps every value", () => {
    const parsed = parseExport(valid());
    expect(parsed.tables.cards[0]).toEqual(card);
    expect(parsed.tables.decks).toHaveLength(1);
  });

  it("lists the eleven tables in foreign-key order, the later additions last", () => {
    expect(TABLES.map((t) => t.name)).toEqual(["presets", "settings", "decks", "cards", "reviews", "quizzes", "quizQuestions", "interviews", "interviewQuestions", "curations", "interviewDates"]);
  });

  it("reads an export written before card curation existed (no curations table) as one with none", () => {
    const older = valid();
    delete older.tables.curations;
    expect(parseExport(older).tables.curations).toEqual([]);
  });

  it("rejects another format, an unknown version, a missing table and an unknown table", () => {
    expect(message(() => parseExport({ ...valid(), format: "anki" }))).toBe('not a Mianshi export: format is "anki", expected "mianshi-export"');
    expect(message(() => parseExport([]))).toBe("not a Mianshi export: expected a JSON object");
    expect(message(() => parseExport({ ...valid(), version: 2 }))).toBe("unsupported export version 2: this Mianshi reads version 1");
    const missing = valid();
    delete missing.tables.reviews;
    expect(message(() => parseExport(missing))).toBe('missing table "reviews"');
    const extra = valid();
    extra.tables.notes = [];
    expect(message(() => parseExport(extra))).toBe('unknown table "notes"');
    expect(message(() => parseExport({ ...valid(), exportedAt: "yesterday" }))).toBe("invalid export header: exportedAt: Invalid ISO datetime");
  });

  it("names the table, the row and the column of a wrong-typed row", () => {
    const bad = valid();
    bad.tables.cards = [card, { ...card, id: "c2", due: "2026-11-26" }];
    expect(message(() => parseExport(bad))).toBe('table "cards", row 1: due: Invalid input: expected number, received string');
    const fraction = valid();
    fraction.tables.presets = [{ id: 1.5, name: "Default", options: "{}", updatedAt: 0 }];
    expect(message(() => parseExport(fraction))).toBe('table "presets", row 0: id: Invalid input: expected int, received number');
    const unknownColumn = valid();
    unknownColumn.tables.settings = [{ key: "k", value: "v", extra: 1 }];
    expect(message(() => parseExport(unknownColumn))).toBe('table "settings", row 0: Unrecognized key: "extra"');
  });

  it("the header check leaves rows for later, row by row", () => {
    const bad = valid();
    bad.tables.cards = [{ nonsense: true }];
    expect(parseExportHeader(bad).tables.cards).toHaveLength(1);
  });
});

describe("CSV records", () => {
  it("quotes commas, quotes and newlines (RFC 4180) and ends records with CRLF", () => {
    expect(csvRecord(["a", 'say "hi"', "x,y", "第一行\n第二行", null, 1.5, true])).toBe('a,"say ""hi""","x,y","第一行\n第二行",,1.5,true\r\n');
  });
});
