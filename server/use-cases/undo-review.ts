import type { SchedState } from "@/lib/scheduling";
import { STATE_NAMES } from "@/lib/scheduling";
import { db as defaultDb, type Db, type Sqlite } from "../db";
import { ConflictError, NotFoundError } from "../errors";
import { saveSchedule } from "../store/cards";

export interface UndoResult {
  reviewId: number;
  cardId: string;
  /** the card's restored schedule */
  due: string;
  state: (typeof STATE_NAMES)[number];
}

/** The `before` snapshot stored with each review (dates as ISO strings). */
function parseBefore(json: string): SchedState {
  const raw = JSON.parse(json) as Omit<SchedState, "due" | "lastReview"> & { due: string; lastReview: string | null };
  return { ...raw, due: new Date(raw.due), lastReview: raw.lastReview === null ? null : new Date(raw.lastReview) };
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
  const review = sqlite.prepare(`SELECT id, cardId, before FROM Review WHERE id = ?`).get(reviewId) as { id: number; cardId: string; before: string } | undefined;
  if (!review) throw new NotFoundError(`no review with id ${reviewId}`);
  const latest = sqlite.prepare(`SELECT id FROM Review WHERE cardId = ? ORDER BY reviewedAt DESC, id DESC LIMIT 1`).get(review.cardId) as { id: number };
  if (latest.id !== review.id) throw new ConflictError("only the latest review of a card can be undone");
  const s = parseBefore(review.before);
  saveSchedule(sqlite, review.cardId, s, now);
  sqlite.prepare(`DELETE FROM Review WHERE id = ?`).run(review.id);
  return { reviewId: review.id, cardId: review.cardId, due: s.due.toISOString(), state: STATE_NAMES[s.state] ?? "new" };
}
