/**
 * A daily budget in reviews or in minutes (issue 16). The plan and the simulator count reviews, so
 * minutes become reviews at the pace of the learner's own recent reviews: the median time one
 * took (a median, so that a card left open over lunch does not make every review look slow).
 */

export const BUDGET_UNITS = ["reviews", "minutes"] as const;
export type BudgetUnit = (typeof BUDGET_UNITS)[number];

/** The most minutes a day a budget may hold. */
export const MAX_BUDGET_MINUTES = 1440;
/** Seconds a review is taken to last until the learner has this many timed reviews of their own. */
export const DEFAULT_SECONDS_PER_REVIEW = 10;
export const MIN_TIMED_REVIEWS = 20;
/** A review timed longer than this was left open; shorter than this, not read. */
const LONGEST_MS = 120_000;
const SHORTEST_MS = 1_000;

/** Seconds one review takes this learner: the median of their timed reviews, or the default with too few. */
export function secondsPerReview(durationsMs: readonly (number | null)[]): number {
  const timed = durationsMs.filter((d): d is number => d !== null && Number.isFinite(d) && d > 0).map((d) => Math.min(LONGEST_MS, Math.max(SHORTEST_MS, d)));
  if (timed.length < MIN_TIMED_REVIEWS) return DEFAULT_SECONDS_PER_REVIEW;
  const sorted = [...timed].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return Math.round(median / 100) / 10;
}

/** The reviews a day a budget allows (at least one); no budget, no limit. */
export function reviewsPerDay(budget: number | null, unit: BudgetUnit, seconds: number): number {
  if (budget === null) return Number.POSITIVE_INFINITY;
  if (unit === "reviews") return budget;
  return Math.max(1, Math.floor((budget * 60) / Math.max(1, seconds)));
}
