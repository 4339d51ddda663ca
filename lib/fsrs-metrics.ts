/**
 * Measuring how well FSRS parameters predict a review history, the way srs-benchmark does
 * (github.com/open-spaced-repetition/srs-benchmark): only reviews on a later day than the
 * card's previous review are predicted (same-day reviews still update the memory state); a
 * prediction is FSRS's retrievability at that review, the outcome is 1 unless the rating was
 * Again. Pure: times are epoch milliseconds passed in; days come from a `DayIndex` function.
 */
import { FSRSAlgorithm, default_w, forgetting_curve, generatorParameters, type FSRSState } from "ts-fsrs";
import { TZDate } from "@date-fns/tz";
import { studyDayStart } from "./study-day";

const DAY_MS = 86_400_000;

/** One review of a history, as the metrics need it. */
export interface HistoryReview {
  cardId: string;
  /** 1 Again, 2 Hard, 3 Good, 4 Easy */
  rating: number;
  /** epoch milliseconds */
  reviewedAt: number;
}

/** The study day a time falls on (an integer; only differences matter). */
export type DayIndex = (ms: number) => number;

/**
 * Study days that start at `rolloverHour` at a fixed UTC offset (minutes east of UTC), as Anki
 * counts elapsed days: a review at 1 am belongs to the previous day when the day starts at 4.
 */
export function fixedOffsetDays(rolloverHour = 4, offsetMinutes = 0): DayIndex {
  const shift = (offsetMinutes - rolloverHour * 60) * 60_000;
  return (ms) => Math.floor((ms + shift) / DAY_MS);
}

/**
 * Study days in an IANA time zone starting at `rolloverHour` (what the app's settings say).
 * Day starts fall on quarter hours in every zone, so the answer is cached per quarter hour.
 */
export function studyDays(timeZone: string, rolloverHour = 4): DayIndex {
  const QUARTER = 900_000;
  const cache = new Map<number, number>();
  return (ms) => {
    const bucket = Math.floor(ms / QUARTER);
    let day = cache.get(bucket);
    if (day === undefined) {
      // the day is the local calendar date its start falls on (DST never shifts it)
      const start = new TZDate(studyDayStart(new Date(bucket * QUARTER), timeZone, rolloverHour).getTime(), timeZone);
      day = Date.UTC(start.getFullYear(), start.getMonth(), start.getDate()) / DAY_MS;
      cache.set(bucket, day);
    }
    return day;
  };
}

/** A review with its card's elapsed study days since the card's previous review (0 for the first). */
export interface TimedReview extends HistoryReview {
  deltaT: number;
}

/** Each card's reviews in time order with their elapsed days; cards in order of their first review. */
export function cardHistories<T extends HistoryReview>(reviews: readonly T[], dayIndex: DayIndex): Array<Array<T & { deltaT: number }>> {
  const sorted = isSortedByTime(reviews) ? reviews : sortByTime(reviews);
  const byCard = new Map<string, Array<T & { deltaT: number }>>();
  const lastDay = new Map<string, number>();
  for (const r of sorted) {
    const day = dayIndex(r.reviewedAt);
    const prev = lastDay.get(r.cardId);
    let list = byCard.get(r.cardId);
    if (!list) byCard.set(r.cardId, (list = []));
    list.push({ ...r, deltaT: prev === undefined ? 0 : Math.max(0, day - prev) });
    lastDay.set(r.cardId, day);
  }
  return [...byCard.values()];
}

function isSortedByTime(reviews: readonly { reviewedAt: number }[]): boolean {
  for (let i = 1; i < reviews.length; i++) if (reviews[i]!.reviewedAt < reviews[i - 1]!.reviewedAt) return false;
  return true;
}

/** A stable sort by time (ties keep their given order). */
export function sortByTime<T extends { reviewedAt: number }>(reviews: readonly T[]): T[] {
  return reviews
    .map((r, i) => [r, i] as const)
    .sort((a, b) => a[0].reviewedAt - b[0].reviewedAt || a[1] - b[1])
    .map(([r]) => r);
}

/**
 * The train/test split by time: the oldest `trainFraction` of the reviews train, the newest
 * rest test. `cutoff` is the time of the first test review (reviews at or after it are tests,
 * except ties with the last train review, which stay in train).
 */
export function splitByTime<T extends { reviewedAt: number }>(reviews: readonly T[], trainFraction = 0.8): { train: T[]; test: T[]; cutoff: number } {
  if (!(trainFraction > 0 && trainFraction < 1)) throw new RangeError("trainFraction must be between 0 and 1");
  const sorted = sortByTime(reviews);
  const n = Math.floor(sorted.length * trainFraction);
  const train = sorted.slice(0, n);
  const test = sorted.slice(n);
  return { train, test, cutoff: test[0]?.reviewedAt ?? Number.POSITIVE_INFINITY };
}

/** One review of an FSRS item: the rating and the days since the previous review (0 first). */
export interface ItemReview {
  rating: number;
  deltaT: number;
}

/**
 * FSRS training items (what fsrs-rs and the binding's FSRSItem hold): for every review on a
 * later day than its card's previous one, the card's history up to and including it. Same-day
 * reviews are in the histories but are not items of their own. `include` picks the reviews
 * whose items are wanted (those of the training period, say).
 */
export function buildFsrsItems<T extends HistoryReview>(reviews: readonly T[], dayIndex: DayIndex, include: (review: T) => boolean = () => true): ItemReview[][] {
  return fsrsItemsOf(cardHistories(reviews, dayIndex), include);
}

/** buildFsrsItems on histories already made by cardHistories. */
export function fsrsItemsOf<T extends TimedReview>(histories: ReadonlyArray<readonly T[]>, include: (review: T) => boolean = () => true): ItemReview[][] {
  const items: ItemReview[][] = [];
  for (const history of histories) {
    const steps = history.map((r) => ({ rating: r.rating, deltaT: r.deltaT }));
    for (let k = 1; k < history.length; k++) {
      const r = history[k]!;
      if (r.deltaT > 0 && include(r)) items.push(steps.slice(0, k + 1));
    }
  }
  return items;
}

/** One predicted review, with what RMSE(bins) groups by. */
export interface Prediction {
  /** 1 recalled (Hard, Good, Easy), 0 forgotten (Again) */
  y: 0 | 1;
  /** predicted probability of recall */
  p: number;
  /** study days since the card's previous review (> 0) */
  elapsedDays: number;
  /** 1 + the card's reviews on a later day than the one before, this one included */
  i: number;
  /** the card's earlier lapses: Again on a later day than the review before */
  lapses: number;
}

/**
 * Replays each card's history with FSRS `parameters` (same-day reviews through the short-term
 * stability of FSRS-5/6) and predicts every review that `include` picks and that comes a day
 * or more after the card's previous review.
 */
export function predictHistory<T extends HistoryReview>(
  reviews: readonly T[],
  parameters: readonly number[],
  dayIndex: DayIndex,
  include: (review: T) => boolean = () => true,
): Prediction[] {
  return predictHistories(cardHistories(reviews, dayIndex), parameters, include);
}

/** predictHistory on histories already made by cardHistories (a slice of them, say). */
export function predictHistories<T extends TimedReview>(
  histories: ReadonlyArray<readonly T[]>,
  parameters: readonly number[],
  include: (review: T) => boolean = () => true,
): Prediction[] {
  const settings = generatorParameters({ w: [...parameters], enable_short_term: true });
  const algorithm = new FSRSAlgorithm(settings);
  const w = settings.w;
  const out: Prediction[] = [];
  for (const history of histories) {
    let state: FSRSState | null = null;
    let i = 1;
    let lapses = 0;
    for (const r of history) {
      const longTerm = state !== null && r.deltaT > 0;
      if (longTerm) i++;
      if (longTerm && include(r)) {
        out.push({ y: r.rating > 1 ? 1 : 0, p: forgetting_curve(w, r.deltaT, state!.stability), elapsedDays: r.deltaT, i, lapses });
      }
      if (longTerm && r.rating === 1) lapses++;
      state = algorithm.next_state(state, r.deltaT, r.rating);
    }
  }
  return out;
}

/** Probabilities are kept inside [EPS, 1 - EPS] so a certain wrong prediction costs a finite loss. */
const EPS = 1e-15;

/** Mean binary cross-entropy: -mean(y ln p + (1 - y) ln(1 - p)). */
export function logLoss(predictions: ReadonlyArray<Pick<Prediction, "y" | "p">>): number {
  if (predictions.length === 0) return Number.NaN;
  let sum = 0;
  for (const { y, p } of predictions) {
    const q = Math.min(1 - EPS, Math.max(EPS, p));
    sum += y === 1 ? -Math.log(q) : -Math.log(1 - q);
  }
  return sum / predictions.length;
}

/** srs-benchmark's bins: elapsed days, review number and lapses on logarithmic scales. */
export function binOf(prediction: Pick<Prediction, "elapsedDays" | "i" | "lapses">): string {
  const logBin = (x: number, scale: number, base: number) => scale * Math.pow(base, Math.floor(Math.log(x) / Math.log(base)));
  const t = Math.round(logBin(Math.max(prediction.elapsedDays, 1e-6), 2.48, 3.62) * 100) / 100;
  const i = Math.round(logBin(prediction.i, 1.99, 1.89));
  const l = prediction.lapses !== 0 ? Math.round(logBin(prediction.lapses, 1.65, 1.73)) : 0;
  return `${t}|${i}|${l}`;
}

/**
 * RMSE over bins as srs-benchmark defines it: reviews are grouped by (elapsed days, review
 * number, lapses), each on a logarithmic scale; within a group the mean outcome is compared
 * with the mean prediction; the root of the mean squared difference, weighted by group size.
 */
export function rmseBins(predictions: readonly Prediction[]): number {
  if (predictions.length === 0) return Number.NaN;
  const groups = new Map<string, { n: number; y: number; p: number }>();
  for (const pr of predictions) {
    const key = binOf(pr);
    const g = groups.get(key) ?? { n: 0, y: 0, p: 0 };
    g.n++;
    g.y += pr.y;
    g.p += pr.p;
    groups.set(key, g);
  }
  let sum = 0;
  for (const g of groups.values()) sum += g.n * (g.y / g.n - g.p / g.n) ** 2;
  return Math.sqrt(sum / predictions.length);
}

export interface Metrics {
  logLoss: number;
  rmseBins: number;
  /** reviews predicted */
  count: number;
}

export function metricsOf(predictions: readonly Prediction[]): Metrics {
  return { logLoss: logLoss(predictions), rmseBins: rmseBins(predictions), count: predictions.length };
}

/** What the comparison of two sets of parameters on the same reviews says, for a person to act on. */
export type Verdict = "better" | "same" | "worse";

/**
 * Log loss changes smaller than this share are noise (a fit on the same history moves it by
 * about that much); RMSE(bins), noisier still, decides only then, and only past its own margin.
 */
export const LOG_LOSS_MARGIN = 0.005;
export const RMSE_MARGIN = 0.1;

export interface MetricsComparison {
  /** whether the proposed parameters predict the tested reviews better than the current ones */
  verdict: Verdict;
  /** relative changes, proposed against current (negative: lower, so better) */
  logLossChange: number;
  rmseChange: number;
}

/**
 * Judges proposed parameters against the current ones on the same reviews: mainly on log loss
 * (how surprised the model is by each actual answer, what the optimizer minimizes), with
 * RMSE(bins) (how far predicted recall is from the observed rate, in groups) deciding only
 * when log loss is about the same.
 */
export function compareMetrics(current: Metrics, proposed: Metrics): MetricsComparison {
  const change = (a: number, b: number) => (a > 0 ? (b - a) / a : b - a);
  const logLossChange = change(current.logLoss, proposed.logLoss);
  const rmseChange = change(current.rmseBins, proposed.rmseBins);
  const verdict: Verdict =
    logLossChange < -LOG_LOSS_MARGIN ? "better" : logLossChange > LOG_LOSS_MARGIN ? "worse" : rmseChange < -RMSE_MARGIN ? "better" : rmseChange > RMSE_MARGIN ? "worse" : "same";
  return { verdict, logLossChange, rmseChange };
}

/** FSRS-6's default parameters (21 numbers), as ts-fsrs and fsrs-rs ship them. */
export const DEFAULT_PARAMETERS: readonly number[] = default_w;

/** Whether a list of numbers can be FSRS-6 parameters (21 finite numbers). */
export function isFsrsParameters(value: unknown): value is number[] {
  return Array.isArray(value) && value.length === 21 && value.every((x) => typeof x === "number" && Number.isFinite(x));
}
