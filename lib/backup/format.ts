/**
 * The versioned export format: every table of the database as JSON, one object per row.
 * Each row schema mirrors prisma/schema.prisma column for column: DateTime columns are epoch
 * milliseconds (as the database stores them), Boolean columns are booleans, nullable columns
 * are null (never absent). Pure: validated with zod, no database.
 *
 * Rows are checked for meaning too, not only types: what the app reads back from a column
 * (a card's topic and data as JSON, its FSRS state 0-3, a time a date can hold, a rating 1-4)
 * must be something it can read, or a restored card would answer 500 on every route.
 */
import { z } from "zod";
import { CARD_KINDS } from "../content/types";
import { fsrsParametersSchema } from "../history/schemas";

export const EXPORT_FORMAT = "mianshi-export";
export const EXPORT_VERSION = 1;

const text = z.string();
const int = z.int();
const float = z.number();
const bool = z.boolean();
/** The earliest and latest times a row may hold: 1900-01-01 (older histories stored year 0 as 1900) to the end of 9999. */
export const TIME_MIN = Date.UTC(1900, 0, 1);
export const TIME_MAX = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
/** A DateTime column: integer epoch milliseconds of a date between 1900 and 9999. */
const time = z.int().min(TIME_MIN, "is before 1900: not a time this database holds").max(TIME_MAX, "is after the year 9999: not a time this database holds");
const count = z.int().nonnegative();
/** An FSRS card state: 0 new, 1 learning, 2 review, 3 relearning. */
const fsrsState = z.int().min(0, "must be an FSRS state: 0 new, 1 learning, 2 review, 3 relearning").max(3, "must be an FSRS state: 0 new, 1 learning, 2 review, 3 relearning");
const rating = z.int().min(1, "must be a rating from 1 (again) to 4 (easy)").max(4, "must be a rating from 1 (again) to 4 (easy)");

function parsesAs(value: string): unknown {
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}
const isObject = (v: unknown) => typeof v === "object" && v !== null && !Array.isArray(v);
/** A text column holding JSON, of a shape the app reads. */
const jsonText = (what: string, ok: (v: unknown) => boolean = (v) => v !== undefined) => z.string().refine((s) => ok(parsesAs(s)), `must be ${what}`);
const json = jsonText("JSON text");
const jsonObject = jsonText("a JSON object", isObject);
const stringList = jsonText("a JSON list of texts", (v) => Array.isArray(v) && v.every((x) => typeof x === "string"));
const validTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

export const deckRow = z.strictObject({
  id: text,
  source: text,
  title: text,
  description: text,
  tags: stringList,
  language: text,
  groupPath: text,
  notesMode: bool,
  contentHash: text,
  importedAt: time,
  presetId: int,
});

export const presetRow = z.strictObject({ id: int, name: text, options: jsonObject, updatedAt: time });

/** The settings the app reads, each with the values (JSON) it can use; other keys hold any text. */
const SETTING_VALUES: Record<string, [string, (v: unknown) => boolean]> = {
  rolloverHour: ["a whole hour from 0 to 23", (v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 23],
  timeZone: ["an IANA time zone such as Asia/Shanghai, as JSON text", (v) => typeof v === "string" && validTimeZone(v)],
  fsrsParameters: ["21 FSRS-6 parameters within their bounds", (v) => fsrsParametersSchema.safeParse(v).success],
};

export const settingRow = z.strictObject({ key: text, value: text }).superRefine((row, ctx) => {
  const rule = SETTING_VALUES[row.key];
  if (rule && !rule[1](parsesAs(row.value))) ctx.addIssue({ code: "custom", path: ["value"], message: `setting "${row.key}" must be ${rule[0]}` });
});

export const cardRow = z.strictObject({
  id: text,
  deckId: text,
  kind: z.enum(CARD_KINDS as [string, ...string[]], `must be a card kind: ${CARD_KINDS.join(", ")}`),
  topic: stringList,
  position: count,
  sourceLine: count,
  prompt: text,
  answer: text,
  promptHtml: text,
  answerHtml: text,
  data: jsonObject,
  retired: bool,
  suspended: bool,
  buriedUntil: time.nullable(),
  flag: z.int().min(0, "must be a flag from 0 (none) to 4").max(4, "must be a flag from 0 (none) to 4"),
  createdAt: time,
  updatedAt: time,
  due: time,
  stability: float.nonnegative(),
  difficulty: float.nonnegative(),
  elapsedDays: count,
  scheduledDays: count,
  learningSteps: count,
  reps: count,
  lapses: count,
  state: fsrsState,
  lastReview: time.nullable(),
});

export const reviewRow = z.strictObject({
  id: int,
  cardId: text,
  deckId: text,
  rating,
  prevState: fsrsState,
  reviewedAt: time,
  durationMs: count.nullable(),
  source: text,
  idempotencyKey: text.nullable(),
  // the card's state before the review, which undo puts back
  before: jsonObject,
  state: fsrsState,
  due: time,
  stability: float.nonnegative(),
  difficulty: float.nonnegative(),
  scheduledDays: count,
});

export const quizRow = z.strictObject({
  id: text,
  seed: text,
  settings: jsonObject,
  practice: bool,
  retakeOf: text.nullable(),
  skipped: json,
  createdAt: time,
  deadline: time.nullable(),
  finishedAt: time.nullable(),
  questionCount: int,
  score: float.nullable(),
});

export const quizQuestionRow = z.strictObject({
  quizId: text,
  position: int,
  cardId: text,
  kind: text,
  question: jsonObject,
  shownAt: time.nullable(),
  answeredAt: time.nullable(),
  answer: json.nullable(),
  result: json.nullable(),
  score: float.nullable(),
  durationMs: count.nullable(),
  rating: rating.nullable(),
  reviewId: int.nullable(),
});

export const interviewRow = z.strictObject({
  id: text,
  seed: text,
  settings: jsonObject,
  practice: bool,
  createdAt: time,
  deadline: time.nullable(),
  pausedAt: time.nullable(),
  finishedAt: time.nullable(),
  score: float.nullable(),
  questionCount: int,
  missedStudied: time.nullable(),
});

export const interviewQuestionRow = z.strictObject({
  interviewId: text,
  position: int,
  cardId: text,
  kind: text,
  question: jsonObject,
  shownAt: time.nullable(),
  deadline: time.nullable(),
  draft: text,
  draftSavedAt: time.nullable(),
  submittedAt: time.nullable(),
  autoSubmitted: bool,
  answer: json.nullable(),
  matches: json.nullable(),
  ticks: json.nullable(),
  result: json.nullable(),
  score: float.nullable(),
  durationMs: int.nullable(),
  reviewId: int.nullable(),
});

export const curationRow = z.strictObject({
  cardId: text,
  deckId: text,
  status: z.enum(["kept", "discarded", "edited"], "must be kept, discarded or edited"),
  override: text.nullable(),
  sourceHash: text,
  sourceChanged: bool,
  createdAt: time,
  updatedAt: time,
});

export const interviewDateRow = z.strictObject({
  id: text,
  label: text,
  at: time,
  timeZone: text,
  scope: text.refine((v) => {
    const scope = parsesAs(v);
    return scope === "all" || Array.isArray(scope);
  }, 'must be JSON: "all" or a list of decks'),
  targetRecall: z.number().min(0).max(1),
  dailyBudget: int.nullable(),
  // backups made before budgets in minutes have no unit: their budgets are reviews
  budgetUnit: z.enum(["reviews", "minutes"]).default("reviews"),
  createdAt: time,
  updatedAt: time,
}).refine((r) => r.budgetUnit !== "minutes" || r.dailyBudget === null || r.dailyBudget <= 1440, { error: "dailyBudget in minutes must be at most 1440", path: ["dailyBudget"] });

export interface TableSpec {
  /** key under `tables` in the export */
  name: string;
  /** the SQLite table */
  sqlTable: string;
  /** primary key columns: rows are exported in this order */
  primaryKey: readonly string[];
  row: z.ZodObject;
  /** added after version 1 was written: an export from before it has no such table (read as empty) */
  optional?: boolean;
}

/** Every table, in foreign-key order (a table only references tables before it). */
export const TABLES = [
  { name: "presets", sqlTable: "Preset", primaryKey: ["id"], row: presetRow },
  { name: "settings", sqlTable: "Setting", primaryKey: ["key"], row: settingRow },
  { name: "decks", sqlTable: "Deck", primaryKey: ["id"], row: deckRow },
  { name: "cards", sqlTable: "Card", primaryKey: ["id"], row: cardRow },
  { name: "reviews", sqlTable: "Review", primaryKey: ["id"], row: reviewRow },
  { name: "quizzes", sqlTable: "Quiz", primaryKey: ["id"], row: quizRow },
  { name: "quizQuestions", sqlTable: "QuizQuestion", primaryKey: ["quizId", "position"], row: quizQuestionRow },
  { name: "interviews", sqlTable: "Interview", primaryKey: ["id"], row: interviewRow },
  { name: "interviewQuestions", sqlTable: "InterviewQuestion", primaryKey: ["interviewId", "position"], row: interviewQuestionRow },
  // the user's decisions on generated cards (lib/content/curation.ts); last, so older exports end before it
  { name: "curations", sqlTable: "CardCuration", primaryKey: ["cardId"], row: curationRow, optional: true },
  // interview dates (lib/planning), added after the curations
  { name: "interviewDates", sqlTable: "InterviewDate", primaryKey: ["id"], row: interviewDateRow, optional: true },
] as const satisfies readonly TableSpec[];

export type TableName = (typeof TABLES)[number]["name"];

/** Columns of a row schema, in schema order. */
export function columnsOf(spec: TableSpec): string[] {
  return Object.keys(spec.row.shape);
}

/** Boolean columns (stored as 0/1 in SQLite). */
export function booleanColumnsOf(spec: TableSpec): string[] {
  return Object.entries(spec.row.shape)
    .filter(([, s]) => s instanceof z.ZodBoolean)
    .map(([k]) => k);
}

/**
 * The header of an export. `sequences` (optional) carries SQLite's AUTOINCREMENT counters, so
 * ids of deleted rows (an undone review) are not handed out again after a restore.
 */
export const exportHeader = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: z.iso.datetime(),
  sequences: z.record(z.string(), z.int().nonnegative()).optional(),
});
export type ExportHeader = z.infer<typeof exportHeader>;

export const exportSchema = exportHeader.extend({
  tables: z.strictObject({
    decks: z.array(deckRow),
    presets: z.array(presetRow),
    settings: z.array(settingRow),
    cards: z.array(cardRow),
    reviews: z.array(reviewRow),
    quizzes: z.array(quizRow),
    quizQuestions: z.array(quizQuestionRow),
    interviews: z.array(interviewRow),
    interviewQuestions: z.array(interviewQuestionRow),
    curations: z.array(curationRow).default([]),
    interviewDates: z.array(interviewDateRow).default([]),
  }),
});
export type MianshiExport = z.infer<typeof exportSchema>;

/** A file that is not a valid export; the message says where and why. */
export class ExportFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ExportFormatError";
  }
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => (i.path.length > 0 ? `${i.path.join(".")}: ${i.message}` : i.message)).join("; ");
}

/** Checks format, version, exportedAt and sequences (not the tables). */
export function parseHeaderOnly(raw: unknown): ExportHeader {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw new ExportFormatError("not a Mianshi export: expected a JSON object");
  const o = raw as Record<string, unknown>;
  if (o.format !== EXPORT_FORMAT) throw new ExportFormatError(`not a Mianshi export: format is ${JSON.stringify(o.format ?? null)}, expected "${EXPORT_FORMAT}"`);
  if (o.version !== EXPORT_VERSION) throw new ExportFormatError(`unsupported export version ${JSON.stringify(o.version ?? null)}: this Mianshi reads version ${EXPORT_VERSION}`);
  const header = exportHeader.safeParse({ format: o.format, version: o.version, exportedAt: o.exportedAt, sequences: o.sequences });
  if (!header.success) throw new ExportFormatError(`invalid export header: ${describeIssues(header.error)}`);
  return header.data;
}

/**
 * Checks the outer shape of an export (format, version, every table an array) without
 * validating rows; rows are validated one by one with `parseRow` as they are restored.
 */
export function parseExportHeader(raw: unknown): ExportHeader & { tables: Record<TableName, unknown[]> } {
  const header = parseHeaderOnly(raw);
  const tables = (raw as Record<string, unknown>).tables;
  if (typeof tables !== "object" || tables === null || Array.isArray(tables)) throw new ExportFormatError('invalid export: "tables" must be an object');
  const t = tables as Record<string, unknown>;
  const known = new Set<string>(TABLES.map((s) => s.name));
  for (const name of Object.keys(t)) if (!known.has(name)) throw new ExportFormatError(`unknown table "${name}"`);
  for (const spec of TABLES as readonly TableSpec[]) {
    if (!(spec.name in t) && spec.optional) t[spec.name] = [];
    if (!(spec.name in t)) throw new ExportFormatError(`missing table "${spec.name}"`);
    if (!Array.isArray(t[spec.name])) throw new ExportFormatError(`table "${spec.name}" must be an array`);
  }
  return { ...header, tables: t as Record<TableName, unknown[]> };
}

/** Validates one row of a table; the error names the table, the row index and the problem. */
export function parseRow<S extends TableSpec>(spec: S, index: number, raw: unknown): z.infer<S["row"]> {
  const r = spec.row.safeParse(raw);
  if (!r.success) throw new ExportFormatError(`table "${spec.name}", row ${index}: ${describeIssues(r.error)}`);
  return r.data as z.infer<S["row"]>;
}

/** Validates a whole export held in memory (the header, then every row). */
export function parseExport(raw: unknown): MianshiExport {
  const header = parseExportHeader(raw);
  const tables = {} as Record<TableName, unknown[]>;
  for (const spec of TABLES) tables[spec.name] = header.tables[spec.name].map((row, i) => parseRow(spec, i, row));
  return { ...header, tables } as MianshiExport;
}
