/**
 * The study loop's SQL: a deck's due queue (the next learning, review and new card), its counts
 * for today, a card with its schedule, and the review a rating writes. This is the app's hot path
 * (fetch the next card, rate it; bench/run.ts measures it against hand-written better-sqlite3),
 * so every statement is `prepared`: compiled once, prepared once per connection (store/sql.ts),
 * and written for the indexes prisma/schema.prisma declares for it. Constants are SQL literals,
 * as they were in the hand-written statements, so SQLite plans each query as it did then.
 *
 * Card rows are decoded once, here (`decodeCard`): `retired` as a boolean and the schedule as
 * FSRS state. The JSON columns (topic, data) stay text: the review path never reads them, and
 * the study card (server/use-cases/study/study-card.ts) reads them its own way.
 */
import { sql as raw, type AliasedSelectQueryBuilder, type ExpressionBuilder, type Selectable } from "kysely";
import { stateFromRow, type RatingValue, type SchedState } from "@/lib/scheduling";
import type { Card, DB } from "../generated/kysely/types";
import type { Sqlite } from "../db";
import { all, first, prepared, sql } from "./sql";
import { SCHEDULE_COLUMNS } from "./cards";

/** Counts stop here (the screen shows "999+"): counting costs grow with the count. */
export const COUNT_CAP = 1000;

/** The columns of a card row (CardRow), for the practice queries too (store/practice.ts). */
export const CARD_COLUMNS = [
  "id",
  "deckId",
  "kind",
  "topic",
  "prompt",
  "answer",
  "promptHtml",
  "answerHtml",
  "data",
  "retired",
  ...SCHEDULE_COLUMNS,
] as const;

/** A card's row as the study queries read it: its content and its FSRS schedule, as SQLite stores them. */
export type CardRow = Pick<Selectable<Card>, (typeof CARD_COLUMNS)[number]>;

/** A card as the study use cases see it. topic and data are the stored JSON text. */
export interface ScheduledCard {
  id: string;
  deckId: string;
  kind: string;
  /** JSON: the heading path */
  topic: string;
  prompt: string;
  answer: string;
  promptHtml: string;
  answerHtml: string;
  /** JSON: the kind's fields */
  data: string;
  /** the question is no longer in the content */
  retired: boolean;
  schedule: SchedState;
}

/** The one decoder of a card row (the practice queries, store/practice.ts, select the same columns). */
export function decodeCard(row: CardRow): ScheduledCard {
  return {
    id: row.id,
    deckId: row.deckId,
    kind: row.kind,
    topic: row.topic,
    prompt: row.prompt,
    answer: row.answer,
    promptHtml: row.promptHtml,
    answerHtml: row.answerHtml,
    data: row.data,
    retired: row.retired !== 0,
    schedule: stateFromRow(row),
  };
}

/** A deck at a moment: the queue's parameters. */
export interface DeckAt {
  deckId: string;
  /** epoch ms */
  now: number;
}

const lit = raw.lit;

/** Not suspended and not buried at `now`. */
function studyable(eb: ExpressionBuilder<DB, "Card">, now: number) {
  return eb.and([eb("suspended", "=", lit(0)), eb.or([eb("buriedUntil", "is", null), eb("buriedUntil", "<=", now)])]);
}

/** A deck's live cards of one state, due at `now` and studyable. */
function dueOfState(p: DeckAt, state: 0 | 1 | 2 | 3) {
  return sql
    .selectFrom("Card")
    .select(CARD_COLUMNS)
    .where("deckId", "=", p.deckId)
    .where("retired", "=", lit(0))
    .where("state", "=", lit(state))
    .where("due", "<=", p.now)
    .where((eb) => studyable(eb, p.now));
}

// One index seek per learning state (with IN, SQLite walked every due card of the deck; a UNION
// of the two cost a temporary b-tree): the earlier of the two wins, in nextLearningCard.
const nextLearning = prepared((p: DeckAt) => dueOfState(p, 1).orderBy("due").limit(lit(1)));
const nextRelearning = prepared((p: DeckAt) => dueOfState(p, 3).orderBy("due").limit(lit(1)));
const nextReview = prepared((p: DeckAt) => dueOfState(p, 2).orderBy("due").limit(lit(1)));

/**
 * Card ids are hashes, so their order is a random one. In content order, the position index
 * walks new cards in order and stops at the first studyable one; without INDEXED BY the
 * planner may pick the due index and sort every new card.
 */
const nextNewRandom = prepared((p: DeckAt) => dueOfState(p, 0).orderBy("id").limit(lit(1)));
const nextNewInOrder = prepared((p: DeckAt) =>
  sql
    .selectFrom(raw<Card>`${raw.table("Card")}`.as<"Card">(raw`${raw.table("Card")} INDEXED BY ${raw.id("Card_deckId_retired_state_position_idx")}`))
    .select(CARD_COLUMNS)
    .where("deckId", "=", p.deckId)
    .where("retired", "=", lit(0))
    .where("state", "=", lit(0))
    .where("due", "<=", p.now)
    .where((eb) => studyable(eb, p.now))
    .orderBy("position")
    .limit(lit(1)),
);

function earlier(a: CardRow | undefined, b: CardRow | undefined): CardRow | undefined {
  if (!a) return b;
  if (!b) return a;
  return b.due < a.due ? b : a;
}

const decoded = (row: CardRow | undefined) => (row === undefined ? undefined : decodeCard(row));

/** The learning or relearning card due first (at `now`), if any. */
export function nextLearningCard(sqlite: Sqlite, at: DeckAt): ScheduledCard | undefined {
  return decoded(earlier(nextLearning.first(sqlite, at), nextRelearning.first(sqlite, at)));
}

/** The review card due first, if any. */
export function nextReviewCard(sqlite: Sqlite, at: DeckAt): ScheduledCard | undefined {
  return decoded(nextReview.first(sqlite, at));
}

/** The next new card, in content order or in random order (the deck's `newOrder`). */
export function nextNewCard(sqlite: Sqlite, at: DeckAt, order: "content" | "random"): ScheduledCard | undefined {
  return decoded((order === "random" ? nextNewRandom : nextNewInOrder).first(sqlite, at));
}

// today's reviews of the deck, read from the (deckId, reviewedAt, prevState, source) index alone
const doneToday = prepared((p: { deckId: string; dayStart: number }) =>
  sql
    .selectFrom("Review")
    .select((eb) => [
      eb.fn.sum<number | null>(eb.case().when("prevState", "=", lit(0)).then(lit(1)).else(lit(0)).end()).as("newDone"),
      eb.fn.sum<number | null>(eb.case().when("prevState", "=", lit(2)).then(lit(1)).else(lit(0)).end()).as("reviewDone"),
    ])
    .where("deckId", "=", p.deckId)
    .where("reviewedAt", ">=", p.dayStart)
    .where("source", "=", lit("study")),
);

/** How many new and how many review cards the deck's study sessions rated since `dayStart`. */
export function reviewsDoneToday(sqlite: Sqlite, p: { deckId: string; dayStart: number }): { newDone: number; reviewDone: number } {
  const row = doneToday.first(sqlite, p);
  return { newDone: row?.newDone ?? 0, reviewDone: row?.reviewDone ?? 0 };
}

/** COUNT(*) of at most `cap` rows of `rows` (the count stops once it reaches the cap). */
function cappedCount(rows: AliasedSelectQueryBuilder<{ one: number }, "t">) {
  return sql.selectFrom(rows).select((eb) => eb.fn.countAll<number>().as("n"));
}

const countLearningStatement = prepared((p: { deckId: string; now: number; until: number }) =>
  cappedCount(
    sql
      .selectFrom("Card")
      .select(lit(1).as("one"))
      .where("deckId", "=", p.deckId)
      .where("retired", "=", lit(0))
      .where("due", "<=", p.until)
      .where("state", "in", [lit(1), lit(3)])
      .where((eb) => studyable(eb, p.now))
      .limit(lit(COUNT_CAP))
      .as("t"),
  ),
);

const countReviewStatement = prepared((p: { deckId: string; now: number; cap: number }) =>
  cappedCount(
    sql
      .selectFrom("Card")
      .select(lit(1).as("one"))
      .where("deckId", "=", p.deckId)
      .where("retired", "=", lit(0))
      .where("due", "<=", p.now)
      .where("state", "=", lit(2))
      .where((eb) => studyable(eb, p.now))
      .limit(p.cap)
      .as("t"),
  ),
);

const countNewStatement = prepared((p: { deckId: string; now: number; cap: number }) =>
  cappedCount(
    sql
      .selectFrom("Card")
      .select(lit(1).as("one"))
      .where("deckId", "=", p.deckId)
      .where("retired", "=", lit(0))
      .where("state", "=", lit(0))
      .where("due", "<=", p.now)
      .where((eb) => studyable(eb, p.now))
      .limit(p.cap)
      .as("t"),
  ),
);

/** Learning and relearning cards due by `until` and studyable at `now`, up to COUNT_CAP. */
export function countLearning(sqlite: Sqlite, p: DeckAt & { until: number }): number {
  return countLearningStatement.first(sqlite, p)?.n ?? 0;
}

/** Review cards due at `now`, up to `cap`. */
export function countReview(sqlite: Sqlite, p: DeckAt & { cap: number }): number {
  return countReviewStatement.first(sqlite, p)?.n ?? 0;
}

/** New cards studyable at `now`, up to `cap`. */
export function countNew(sqlite: Sqlite, p: DeckAt & { cap: number }): number {
  return countNewStatement.first(sqlite, p)?.n ?? 0;
}

const nextDueStatement = prepared((p: DeckAt) =>
  sql
    .selectFrom("Card")
    .select((eb) => eb.fn.min<number | null>("due").as("due"))
    .where("deckId", "=", p.deckId)
    .where("retired", "=", lit(0))
    .where("state", "!=", lit(0))
    .where("suspended", "=", lit(0))
    .where("due", ">", p.now),
);

/** When the deck's next seen card (learning, review, relearning) falls due after `now`, in epoch ms, or null. */
export function nextDueAt(sqlite: Sqlite, at: DeckAt): number | null {
  return nextDueStatement.first(sqlite, at)?.due ?? null;
}

const cardById = prepared((p: { id: string }) => sql.selectFrom("Card").select(CARD_COLUMNS).where("id", "=", p.id));

/** A card with its schedule, retired or not. */
export function getScheduledCard(sqlite: Sqlite, cardId: string): ScheduledCard | undefined {
  return decoded(cardById.first(sqlite, { id: cardId }));
}

const reviewByKey = prepared((p: { key: string }) => sql.selectFrom("Review").select(["id", "cardId", "rating"]).where("idempotencyKey", "=", p.key));

/** The review an idempotency key recorded. */
export function findReviewByKey(sqlite: Sqlite, idempotencyKey: string): { id: number; cardId: string; rating: RatingValue } | undefined {
  const row = reviewByKey.first(sqlite, { key: idempotencyKey });
  // ratings are written by recordReview and the history import, 1 to 4 both
  return row === undefined ? undefined : { id: row.id, cardId: row.cardId, rating: row.rating as RatingValue };
}

/** A Review row as a rating writes it (times in epoch ms, `before` the state before as JSON). */
export interface NewReview {
  cardId: string;
  deckId: string;
  rating: number;
  reviewedAt: number;
  durationMs: number | null;
  source: string;
  idempotencyKey: string | null;
  before: string;
  prevState: number;
  state: number;
  due: number;
  stability: number;
  difficulty: number;
  scheduledDays: number;
}

const insertReviewStatement = prepared((p: NewReview) =>
  sql.insertInto("Review").values({
    cardId: p.cardId,
    deckId: p.deckId,
    rating: p.rating,
    reviewedAt: p.reviewedAt,
    durationMs: p.durationMs,
    source: p.source,
    idempotencyKey: p.idempotencyKey,
    before: p.before,
    prevState: p.prevState,
    state: p.state,
    due: p.due,
    stability: p.stability,
    difficulty: p.difficulty,
    scheduledDays: p.scheduledDays,
  }),
);

/** Writes a review; its id. */
export function insertReview(sqlite: Sqlite, review: NewReview): number {
  return insertReviewStatement.run(sqlite, review).lastInsertRowid;
}

const deckCountsStatement = prepared((p: { now: number }) =>
  sql
    .selectFrom("Card")
    .select((eb) => [
      "deckId",
      eb.fn.countAll<number>().as("total"),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(eb.and([eb("due", "<=", p.now), eb("state", "!=", lit(0)), studyable(eb, p.now)]))
            .then(lit(1))
            .else(lit(0))
            .end(),
        )
        .as("due"),
      eb.fn.sum<number>(eb.case().when(eb.and([eb("state", "=", lit(0)), studyable(eb, p.now)])).then(lit(1)).else(lit(0)).end()).as("fresh"),
    ])
    .where("retired", "=", lit(0))
    .groupBy("deckId"),
);

/** Each deck's live cards: all of them, the seen ones due at `now`, and the new ones (both studyable). */
export function deckCardCounts(sqlite: Sqlite, now: number): Map<string, { total: number; due: number; fresh: number }> {
  return new Map(deckCountsStatement.all(sqlite, { now }).map((c) => [c.deckId, { total: c.total, due: c.due, fresh: c.fresh }]));
}

/**
 * Review cards due per study day (day 0 starts at `origin`) from day `fromDay` to `toDay`, in the
 * decks of one preset, other than `exceptCardId`: the load balancer's calendar (the preset's
 * decks, as the option is the preset's). better-sqlite3 binds numbers as REAL, so the day is
 * cast to a whole number: a fractional day matched no day of the calendar.
 */
export function presetDueCountsByDay(sqlite: Sqlite, p: { presetId: number; origin: number; fromDay: number; toDay: number; exceptCardId: string }): Map<number, number> {
  const dayMs = 86_400_000;
  const start = p.origin + p.fromDay * dayMs;
  const end = p.origin + (p.toDay + 1) * dayMs;
  const query = sql
    .selectFrom("Card as c")
    .innerJoin("Deck as d", "d.id", "c.deckId")
    .select([raw<number>`CAST((c.due - ${p.origin}) / ${dayMs} AS INTEGER)`.as("day"), (eb) => eb.fn.countAll<number>().as("n")])
    .where("d.presetId", "=", p.presetId)
    .where("c.retired", "=", lit(0))
    .where("c.suspended", "=", lit(0))
    .where("c.state", "!=", lit(0))
    .where("c.due", ">=", start)
    .where("c.due", "<", end)
    .groupBy("day");
  const counts = new Map(all(sqlite, query).map((r) => [Number(r.day), Number(r.n)]));
  // the card being rated is not counted on its own day: taken off here, so the count reads the
  // index alone (an id filter in SQL read every card row in the range)
  const own = first(sqlite, sql.selectFrom("Card").select("due").where("id", "=", p.exceptCardId).where("retired", "=", lit(0)).where("suspended", "=", lit(0)).where("state", "!=", lit(0)));
  if (own && own.due >= start && own.due < end) {
    const day = Math.floor((Number(own.due) - p.origin) / dayMs);
    const n = counts.get(day) ?? 0;
    if (n <= 1) counts.delete(day);
    else counts.set(day, n - 1);
  }
  return counts;
}
