/**
 * Review rows as they are read back: a card's history (newest first), the review an undo
 * removes with the schedule it restores, and the whole history the FSRS optimizer fits to. The
 * review a rating writes, and the lookup by idempotency key, are the study loop's
 * (store/study-queue.ts). Times are epoch milliseconds, as stored.
 *
 * `before` holds the card's schedule before the review as JSON (dates as ISO strings, as
 * JSON.stringify wrote the SchedState); it is decoded here, once, into a SchedState.
 */
import { z } from "zod";
import type { HistoryReview } from "@/lib/fsrs-metrics";
import type { SchedState } from "@/lib/scheduling";
import type { Sqlite } from "../db";
import { scheduleRowShape } from "./cards";
import { decodeRow, jsonColumn } from "./json-column";
import { prepared, sql } from "./sql";

const historySchema = z.object({
  id: z.number(),
  reviewedAt: z.number(),
  rating: z.number(),
  durationMs: z.number().nullable(),
  source: z.string(),
  state: z.number(),
  due: z.number(),
  stability: z.number(),
  difficulty: z.number(),
});
/** A review as a card's history shows it: when, the rating, and the schedule it left. */
export type ReviewHistoryRow = z.output<typeof historySchema>;

const cardHistory = prepared((p: { cardId: string }) =>
  sql
    .selectFrom("Review")
    .select(["id", "reviewedAt", "rating", "durationMs", "source", "state", "due", "stability", "difficulty"])
    .where("cardId", "=", p.cardId)
    .orderBy("reviewedAt", "desc")
    .orderBy("id", "desc"),
);

/** A card's reviews, newest first (ties by id). */
export function listCardReviews(sqlite: Sqlite, cardId: string): ReviewHistoryRow[] {
  return cardHistory.all(sqlite, { cardId }).map((r) => decodeRow(historySchema, r, `Review ${r.id}`));
}

const isoDate = z
  .string()
  .transform((s) => new Date(s))
  .refine((d) => !Number.isNaN(d.getTime()), "not a date");
/** The schedule columns' shape, with the two times as JSON.stringify wrote them (ISO strings). */
const scheduleSchema: z.ZodType<SchedState, unknown> = z.object({ ...scheduleRowShape, due: isoDate, lastReview: isoDate.nullable() });
const undoSchema = z.object({ id: z.number(), cardId: z.string(), before: jsonColumn(scheduleSchema) });
/** A review with the card's schedule before it. */
export type ReviewBefore = z.output<typeof undoSchema>;

const withBefore = prepared((p: { id: number }) => sql.selectFrom("Review").select(["id", "cardId", "before"]).where("id", "=", p.id));
const latestOfCard = prepared((p: { cardId: string }) =>
  sql.selectFrom("Review").select("id").where("cardId", "=", p.cardId).orderBy("reviewedAt", "desc").orderBy("id", "desc").limit(1),
);
const deleteById = prepared((p: { id: number }) => sql.deleteFrom("Review").where("id", "=", p.id));

/** A review with the schedule it replaced; a `before` that is not such a schedule is a StoredRowError. */
export function findReviewBefore(sqlite: Sqlite, reviewId: number): ReviewBefore | null {
  const row = withBefore.first(sqlite, { id: reviewId });
  return row === undefined ? null : decodeRow(undoSchema, row, `Review ${row.id}`);
}

/** The id of a card's latest review (by time, then id), if it has any. */
export function latestReviewId(sqlite: Sqlite, cardId: string): number | undefined {
  return latestOfCard.first(sqlite, { cardId })?.id;
}

export function deleteReview(sqlite: Sqlite, reviewId: number): void {
  deleteById.run(sqlite, { id: reviewId });
}

const rated = prepared(() =>
  sql.selectFrom("Review").select(["cardId", "rating", "reviewedAt"]).where("rating", ">=", 1).where("rating", "<=", 4).orderBy("reviewedAt").orderBy("id"),
);

/**
 * Every review with a rating of 1 to 4, oldest first (ties by id): the history the FSRS
 * optimizer fits to. Tens of thousands of rows, all plain columns typed by the query, so they
 * are passed on as SQLite returns them, without a decoder's pass over each.
 */
export function listRatedReviews(sqlite: Sqlite): HistoryReview[] {
  return rated.all(sqlite, {});
}

/** Newest first by the index on reviewedAt. */
const recentDurations = prepared((p: { limit: number }) =>
  sql
    .selectFrom("Review")
    .select("durationMs")
    // a card's review (studied here, or imported with its time): a quiz's or interview's answer time includes the typing
    .where("source", "in", ["study", "import", "anki"])
    .where("durationMs", "is not", null)
    .orderBy("reviewedAt", "desc")
    .limit(p.limit),
);

/** How long the learner's newest timed reviews took (studied here or imported with their times), in milliseconds (a daily budget in minutes reads its pace from them). */
export function recentReviewDurations(sqlite: Sqlite, limit = 500): number[] {
  return recentDurations.all(sqlite, { limit }).map((r) => r.durationMs ?? 0);
}
