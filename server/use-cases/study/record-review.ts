/**
 * Rating a card: the review and the card's new FSRS state, written together (its due on the
 * least loaded day with the load balancer, and brought forward by the interview plan when an
 * interview ahead covers the card: next-schedule.ts). The study hot
 * path (with studyQueue): its statements are prepared ones (server/store/study-queue.ts).
 */
import { STATE_NAMES, type RatingValue, type SchedState } from "@/lib/scheduling";
import { db as defaultDb, type Db } from "../../db";
import { ConflictError, NotFoundError } from "../../errors";
import { optionsForCard } from "../../deck-settings";
import { saveSchedule } from "../../store/cards";
import { findReviewByKey, getScheduledCard, insertReview } from "../../store/study-queue";
import { nextSchedule } from "./next-schedule";
import { fallbackOptions } from "./study-card";

export interface ReviewResult {
  /** the review's id, for undo */
  reviewId: number;
  cardId: string;
  rating: RatingValue;
  due: string;
  state: (typeof STATE_NAMES)[number];
  stability: number;
  difficulty: number;
  scheduledDays: number;
  reps: number;
  lapses: number;
  /** false when the idempotency key had already been used: nothing was recorded */
  recorded: boolean;
}

export interface RecordReviewOptions {
  cardId: string;
  rating: RatingValue;
  now?: Date;
  durationMs?: number;
  idempotencyKey?: string;
  source?: string;
  db?: Db;
}

/**
 * Rates a card: one transaction inserts the review and updates the card's FSRS state.
 * The same idempotency key records one review; the repeat gets the card's schedule back.
 */
export async function recordReview(options: RecordReviewOptions): Promise<ReviewResult> {
  const database = options.db ?? defaultDb();
  const run = database.sqlite.transaction(() => reviewInTransaction(database, options));
  // IMMEDIATE takes the write lock first, so racing requests with one key serialise here
  return run.immediate();
}

/**
 * The body of recordReview, for use cases that rate a card as part of their own transaction
 * (a quiz answer and its review are written together). Call it inside a transaction.
 */
export function reviewInTransaction(database: Db, options: Omit<RecordReviewOptions, "db">): ReviewResult {
  const now = options.now ?? new Date();
  const { sqlite } = database;
  if (options.idempotencyKey) {
    const prior = findReviewByKey(sqlite, options.idempotencyKey);
    if (prior) {
      if (prior.cardId !== options.cardId) throw new ConflictError("idempotencyKey was already used for another card");
      const card = getScheduledCard(sqlite, options.cardId)!;
      // the rating that was recorded, not the one sent again (a retry may differ)
      return resultOf(prior.id, card.id, prior.rating, card.schedule, false);
    }
  }
  const card = getScheduledCard(sqlite, options.cardId);
  if (!card) throw new NotFoundError(`no card with id ${options.cardId}`);
  if (card.retired) throw new ConflictError(`card ${options.cardId} is retired: its question is no longer in the content`);
  const before = card.schedule;
  const resolved = optionsForCard(sqlite, card.id) ?? fallbackOptions();
  // FSRS, the load balancer, then an interview ahead that may bring the next review forward: the
  // Review row records the due they gave, and the memory state is FSRS's either way
  const after = nextSchedule(sqlite, { card, rating: options.rating, now, resolved });
  const reviewId = insertReview(sqlite, {
    cardId: card.id,
    deckId: card.deckId,
    rating: options.rating,
    reviewedAt: now.getTime(),
    durationMs: options.durationMs ?? null,
    source: options.source ?? "study",
    idempotencyKey: options.idempotencyKey ?? null,
    before: JSON.stringify(before),
    prevState: before.state,
    state: after.state,
    due: after.due.getTime(),
    stability: after.stability,
    difficulty: after.difficulty,
    scheduledDays: after.scheduledDays,
  });
  saveSchedule(sqlite, card.id, after, now);
  return resultOf(reviewId, card.id, options.rating, after, true);
}

function resultOf(reviewId: number, cardId: string, rating: RatingValue, s: SchedState, recorded: boolean): ReviewResult {
  return {
    reviewId,
    cardId,
    rating,
    due: s.due.toISOString(),
    state: STATE_NAMES[s.state] ?? "new",
    stability: s.stability,
    difficulty: s.difficulty,
    scheduledDays: s.scheduledDays,
    reps: s.reps,
    lapses: s.lapses,
    recorded,
  };
}
