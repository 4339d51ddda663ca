import { STATE_NAMES } from "@/lib/scheduling";
import { db as defaultDb, type Db, type Sqlite } from "../../db";
import { ConflictError, NotFoundError } from "../../errors";
import { saveSchedule } from "../../store/cards";
import { deleteReview, findReviewBefore, latestReviewId } from "../../store/reviews";

export interface UndoResult {
  reviewId: number;
  cardId: string;
  /** the card's restored schedule */
  due: string;
  state: (typeof STATE_NAMES)[number];
}

/**
 * Undoes a rating: the card gets back exactly the state it had before, and the review is
 * removed. Only a card's latest review can be undone (an older one would rewrite history
 * that later reviews were computed from).
 */
export async function undoReview(options: { reviewId: number; now?: Date; db?: Db }): Promise<UndoResult> {
  const { sqlite } = options.db ?? defaultDb();
  return sqlite.transaction((): UndoResult => undoInTransaction(sqlite, options.reviewId, options.now ?? new Date())).immediate();
}

/** undoReview inside the caller's transaction (a quiz answer overridden replaces its review). */
export function undoInTransaction(sqlite: Sqlite, reviewId: number, now: Date): UndoResult {
  const review = findReviewBefore(sqlite, reviewId);
  if (!review) throw new NotFoundError(`no review with id ${reviewId}`);
  if (latestReviewId(sqlite, review.cardId) !== review.id) throw new ConflictError("only the latest review of a card can be undone");
  const s = review.before;
  saveSchedule(sqlite, review.cardId, s, now);
  deleteReview(sqlite, review.id);
  return { reviewId: review.id, cardId: review.cardId, due: s.due.toISOString(), state: STATE_NAMES[s.state] ?? "new" };
}
