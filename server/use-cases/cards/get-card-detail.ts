/**
 * One card as the browser shows it: its content (the study card), its schedule with the
 * probability of recall now, and every review it ever had, newest first.
 */
import { createScheduler, newCardState, STATE_NAMES, type StateName } from "@/lib/scheduling";
import type { StudyCard } from "@/lib/api-schemas";
import { db as defaultDb, type Db } from "../../db";
import { NotFoundError } from "../../errors";
import { getCardStatus } from "../../store/cards";
import { listCardReviews, type ReviewHistoryRow } from "../../store/reviews";
import { getScheduledCard } from "../../store/study-queue";
import { toStudyCard } from "../study/study-card";

const scheduler = createScheduler();

export interface CardSchedule {
  due: string;
  state: StateName;
  stability: number;
  difficulty: number;
  /** probability of recall at `now`, 0 to 1 (0 for a new card) */
  retrievability: number;
  reps: number;
  lapses: number;
  lastReview: string | null;
  suspended: boolean;
  buriedUntil: string | null;
  flag: number;
  retired: boolean;
}

export interface ReviewHistoryEntry {
  id: number;
  reviewedAt: string;
  rating: number;
  durationMs: number | null;
  source: string;
  /** the card's schedule after this review */
  state: StateName;
  due: string;
  stability: number;
  difficulty: number;
  /** the probability of recall when this review happened, from the review before (null for the first) */
  recall: number | null;
}

export interface CardDetail extends StudyCard {
  deckTitle: string;
  schedule: CardSchedule;
  /** newest first */
  reviews: ReviewHistoryEntry[];
}

export async function cardDetail(options: { cardId: string; now?: Date; db?: Db }): Promise<CardDetail> {
  const database = options.db ?? defaultDb();
  const now = options.now ?? new Date();
  const { sqlite } = database;
  // one read transaction: the card, its status and its reviews as of one moment
  const read = sqlite.transaction(() => {
    const card = getScheduledCard(sqlite, options.cardId);
    if (!card) return null;
    return { card, extra: getCardStatus(sqlite, options.cardId)!, reviews: listCardReviews(sqlite, options.cardId) };
  });
  const found = read.deferred();
  if (!found) throw new NotFoundError(`no card with id ${options.cardId}`);
  const { card, extra, reviews } = found;
  const sched = card.schedule;
  const r = scheduler.retrievability(sched, now);
  return {
    ...toStudyCard(card, now),
    deckTitle: extra.deckTitle,
    schedule: {
      due: sched.due.toISOString(),
      state: STATE_NAMES[sched.state] ?? "new",
      stability: sched.stability,
      difficulty: sched.difficulty,
      retrievability: Number.isFinite(r) ? Math.min(1, Math.max(0, r)) : 0,
      reps: sched.reps,
      lapses: sched.lapses,
      lastReview: sched.lastReview?.toISOString() ?? null,
      suspended: extra.suspended,
      buriedUntil: extra.buriedUntil === null ? null : new Date(extra.buriedUntil).toISOString(),
      flag: extra.flag,
      retired: card.retired,
    },
    reviews: reviews.map((v, i) => ({
      id: v.id,
      reviewedAt: new Date(v.reviewedAt).toISOString(),
      rating: v.rating,
      durationMs: v.durationMs,
      source: v.source,
      state: STATE_NAMES[v.state] ?? "new",
      due: new Date(v.due).toISOString(),
      stability: v.stability,
      difficulty: v.difficulty,
      recall: recallAt(reviews[i + 1], v.reviewedAt),
    })),
  };
}

/** Retrievability at `at` of the state a previous review left (FSRS's forgetting curve), or null. */
function recallAt(previous: ReviewHistoryRow | undefined, at: number): number | null {
  if (!previous || previous.stability <= 0) return null;
  const r = scheduler.retrievability(
    { ...newCardState(new Date(previous.reviewedAt)), state: previous.state, stability: previous.stability, difficulty: previous.difficulty, lastReview: new Date(previous.reviewedAt) },
    new Date(at),
  );
  return Number.isFinite(r) ? Math.min(1, Math.max(0, r)) : null;
}
