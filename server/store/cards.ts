/**
 * Card rows: their content (what curation needs), their schedule (written after every review,
 * undo and history import), and their status (suspended, buried, flagged: what the card actions
 * set and the card page shows). The study queue's and the practice queries are in
 * store/study-queue.ts; the rest of the card queries still live in the use cases that were
 * written before this storage layer (import, search, backup), and move here one at a time.
 */
import { z } from "zod";
import { rowFromState, type SchedRow, type SchedState } from "@/lib/scheduling";
import type { Db, Sqlite } from "../db";
import { decodeRow, jsonColumn } from "./json-column";
import { all, first, prepared, run, sql, perConnection } from "./sql";

const contentSchema = z.object({
  id: z.string(),
  deckId: z.string(),
  kind: z.string(),
  topic: z.string(),
  position: z.number().int(),
  sourceLine: z.number().int(),
  prompt: z.string(),
  answer: z.string(),
  promptHtml: z.string(),
  answerHtml: z.string(),
  data: z.string(),
  retired: z.union([z.literal(0), z.literal(1)]).transform((v) => v === 1),
  notesMode: z.union([z.literal(0), z.literal(1)]).transform((v) => v === 1),
});
export type CardContentRow = z.infer<typeof contentSchema>;

const COLUMNS = "c.id, c.deckId, c.kind, c.topic, c.position, c.sourceLine, c.prompt, c.answer, c.promptHtml, c.answerHtml, c.data, c.retired, d.notesMode";

/** The statements below, prepared once per connection. */
const statements = perConnection(prepare);

function prepare(sqlite: Sqlite) {
  return {
    one: sqlite.prepare<[string]>(`SELECT ${COLUMNS} FROM Card c JOIN Deck d ON d.id = c.deckId WHERE c.id = ?`),
    // a deck's live cards and the ones the user discarded (retired only because of that)
    generatedOfDeck: sqlite.prepare<[string]>(
      `SELECT ${COLUMNS} FROM Card c JOIN Deck d ON d.id = c.deckId LEFT JOIN CardCuration k ON k.cardId = c.id
       WHERE c.deckId = ? AND (c.retired = 0 OR k.status = 'discarded') ORDER BY c.position, c.id`,
    ),
    setRetired: sqlite.prepare(`UPDATE Card SET retired = @retired, updatedAt = @now WHERE id = @id`),
  };
}

export function getCardContent(db: Db, cardId: string): CardContentRow | null {
  const raw = statements(db.sqlite).one.get(cardId);
  return raw === undefined ? null : contentSchema.parse(raw);
}

/** The cards a deck's review page lists, in content order, discarded ones included. */
export function listDeckCardContent(db: Db, deckId: string): CardContentRow[] {
  return statements(db.sqlite).generatedOfDeck.all(deckId).map((r) => contentSchema.parse(r));
}

export function setCardRetired(db: Db, cardId: string, retired: boolean, now: Date): void {
  statements(db.sqlite).setRetired.run({ id: cardId, retired: retired ? 1 : 0, now: now.getTime() });
}

/** The Card columns FSRS's schedule is stored in (lib/scheduling SchedRow), for every store that selects them. */
export const SCHEDULE_COLUMNS = ["due", "stability", "difficulty", "elapsedDays", "scheduledDays", "learningSteps", "reps", "lapses", "state", "lastReview"] as const satisfies ReadonlyArray<keyof SchedRow>;

/** The schedule columns' decoder, for a store that decodes its rows with zod: one shape, not a copy per store. */
export const scheduleRowShape = {
  due: z.number(),
  stability: z.number(),
  difficulty: z.number(),
  elapsedDays: z.number(),
  scheduledDays: z.number(),
  learningSteps: z.number(),
  reps: z.number(),
  lapses: z.number(),
  state: z.number(),
  lastReview: z.number().nullable(),
} satisfies Record<(typeof SCHEDULE_COLUMNS)[number], z.ZodType>;

/** The schedule columns of a Card update, in one place for every store that writes them (study, history import, Anki import). */
export function scheduleValues(p: SchedRow): SchedRow {
  return {
    due: p.due,
    stability: p.stability,
    difficulty: p.difficulty,
    elapsedDays: p.elapsedDays,
    scheduledDays: p.scheduledDays,
    learningSteps: p.learningSteps,
    reps: p.reps,
    lapses: p.lapses,
    state: p.state,
    lastReview: p.lastReview,
  };
}

/** The schedule columns (as SQLite stores them), the card they belong to, and when the row changed. */
type ScheduleColumns = SchedRow & { id: string; updatedAt: number };
const updateSchedule = prepared((p: ScheduleColumns) =>
  sql
    .updateTable("Card")
    .set({ ...scheduleValues(p), updatedAt: p.updatedAt })
    .where("id", "=", p.id),
);

/**
 * A card's schedule, as FSRS left it. Written in one place: the review, its undo and a history
 * import each had their own copy of this UPDATE (and only one of them kept updatedAt).
 */
export function saveSchedule(sqlite: Sqlite, cardId: string, s: SchedState, now: Date): void {
  const changed = updateSchedule.run(sqlite, { id: cardId, ...rowFromState(s), updatedAt: now.getTime() }).changes;
  if (changed !== 1) throw new Error(`saveSchedule: no card ${cardId}`);
}

const textSchema = z.object({
  id: z.string(),
  deckId: z.string(),
  kind: z.string(),
  topic: jsonColumn(z.array(z.string())),
  prompt: z.string(),
  answer: z.string(),
  retired: z.union([z.literal(0), z.literal(1)]).transform((v) => v === 1),
  suspended: z.union([z.literal(0), z.literal(1)]).transform((v) => v === 1),
});
/** A card's text and topic, and whether it is studied: what "study what I missed" matches a missed point against. */
export type CardText = z.output<typeof textSchema>;

const textColumns = ["id", "deckId", "kind", "topic", "prompt", "answer", "retired", "suspended"] as const;
const decodeText = (raw: { id: string }): CardText => decodeRow(textSchema, raw, `Card ${raw.id}`);

export function findCardText(sqlite: Sqlite, cardId: string): CardText | null {
  const row = first(sqlite, sql.selectFrom("Card").select(textColumns).where("id", "=", cardId));
  return row === undefined ? null : decodeText(row);
}

/** A deck's cards that are studied (not retired, not suspended), in content order. */
export function listStudiedCardText(sqlite: Sqlite, deckId: string): CardText[] {
  const query = sql.selectFrom("Card").select(textColumns).where("deckId", "=", deckId).where("retired", "=", 0).where("suspended", "=", 0).orderBy("position");
  return all(sqlite, query).map(decodeText);
}

const flag01 = z.union([z.literal(0), z.literal(1)]).transform((v) => v === 1);
const statusSchema = z.object({
  id: z.string(),
  deckTitle: z.string(),
  suspended: flag01,
  buriedUntil: z.number().nullable(),
  flag: z.number().int(),
  state: z.number().int(),
});
/** Whether a card is kept out of study (suspended, or buried until a time in epoch ms), its flag and its FSRS state, with its deck's title. */
export type CardStatus = z.output<typeof statusSchema>;

const statusById = prepared((p: { id: string }) =>
  sql
    .selectFrom("Card as c")
    .innerJoin("Deck as d", "d.id", "c.deckId")
    .select(["c.id", "d.title as deckTitle", "c.suspended", "c.buriedUntil", "c.flag", "c.state"])
    .where("c.id", "=", p.id),
);

export function getCardStatus(sqlite: Sqlite, cardId: string): CardStatus | null {
  const row = statusById.first(sqlite, { id: cardId });
  return row === undefined ? null : decodeRow(statusSchema, row, `Card ${row.id}`);
}

/** What a card action changes: suspended, buried (until epoch ms, or null), or its flag. */
export type StatusChange = { suspended: boolean } | { buriedUntil: number | null } | { flag: number };

/** Sets a card's status; whether there was such a card. */
export function setCardStatus(sqlite: Sqlite, cardId: string, change: StatusChange, now: Date): boolean {
  const set = "suspended" in change ? { suspended: change.suspended ? 1 : 0 } : "buriedUntil" in change ? { buriedUntil: change.buriedUntil } : { flag: change.flag };
  return run(sqlite, sql.updateTable("Card").set({ ...set, updatedAt: now.getTime() }).where("id", "=", cardId)).changes === 1;
}
