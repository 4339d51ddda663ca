/**
 * Personal FSRS parameters: fitted to the user's own review history with the FSRS optimizer
 * (fsrs-rs through @open-spaced-repetition/binding), judged on the newest part of that history,
 * and stored only when the user confirms (./apply-parameters.ts).
 *
 * The fit runs off the request thread, in a worker thread (./fit-parameters.ts), reporting progress as it
 * goes. Reading the reviews and building the items run on the calling thread (tens of
 * milliseconds for 10,000 reviews), and so does scoring, in slices of cards with the event
 * loop served in between.
 */
import { performance } from "node:perf_hooks";
import {
  cardHistories,
  compareMetrics,
  fsrsItemsOf,
  metricsOf,
  predictHistories,
  splitByTime,
  studyDays,
  type HistoryReview,
  type Metrics,
  type MetricsComparison,
  type Prediction,
} from "@/lib/fsrs-metrics";
import { db as defaultDb, type Db } from "../../db";
import { ValidationError } from "../../errors";
import { listRatedReviews } from "../../store/reviews";
import { readSettings } from "../../store/settings";
import { currentParameters } from "./current-parameters";
import { fit } from "./fit-parameters";

/** The share of the history, oldest first, that the parameters are fitted on; the rest tests them. */
export const TRAIN_FRACTION = 0.8;

export interface OptimizeProgress {
  stage: "reading" | "fitting" | "evaluating" | "done";
  /** how far the stage is, from 0 to 1 */
  fraction: number;
}

export interface OptimizeResult {
  /** the parameters in use now (stored ones, else FSRS-6's defaults) */
  current: number[];
  /** the parameters fitted on the older part of the history */
  proposed: number[];
  /** both, on the newest part of the history (never seen by the fit) */
  metrics: { current: Metrics; proposed: Metrics };
  /** whether the proposed parameters are better, judged mainly on log loss (compareMetrics) */
  comparison: MetricsComparison;
  /** reviews read */
  reviewCount: number;
  /** reviews the fit learned from, and the start of the test period */
  trainCount: number;
  testFrom: string | null;
  /** training items (reviews on a later day than the card's previous one) */
  itemCount: number;
  fitMs: number;
}

export interface OptimizeOptions {
  db?: Db;
  now?: Date;
  onProgress?: (progress: OptimizeProgress) => void;
  /** stops the fit: the promise rejects with the signal's reason */
  signal?: AbortSignal;
  /** the share of the history to fit on, oldest first */
  trainFraction?: number;
}

/** Cards scored between two turns of the event loop. */
const SCORE_SLICE = 100;

/** Lets the event loop serve whatever waits (requests) before going on. */
function breathe(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Too little history gives parameters that say more about chance than about the user. */
export const MIN_TRAIN_ITEMS = 8;

/**
 * Fits parameters to the history: the oldest 80% of the reviews (by time) train, the newest 20%
 * test; log loss and RMSE(bins) are reported for the current and the proposed parameters on
 * the test reviews. Nothing is stored: applyParameters does that when the user confirms.
 */
export async function optimizeParameters(options: OptimizeOptions = {}): Promise<OptimizeResult> {
  const database = options.db ?? defaultDb();
  const report = options.onProgress ?? (() => {});
  report({ stage: "reading", fraction: 0 });
  const reviews = listRatedReviews(database.sqlite);
  await breathe();
  const settings = readSettings(database.sqlite);
  const histories = cardHistories(reviews, studyDays(settings.timeZone ?? "UTC", settings.rolloverHour));
  const trainFraction = options.trainFraction ?? TRAIN_FRACTION;
  const { train, cutoff } = splitByTime(reviews, trainFraction);
  await breathe();
  const items = fsrsItemsOf(histories, (r) => r.reviewedAt < cutoff);
  report({ stage: "reading", fraction: 1 });
  if (items.length < MIN_TRAIN_ITEMS) {
    throw new ValidationError(
      `not enough review history to fit parameters: ${items.length} reviews on a later day than the card's previous one in the older ${Math.round(trainFraction * 100)}% of the history, at least ${MIN_TRAIN_ITEMS} needed`,
    );
  }

  const current = await currentParameters({ db: database });
  report({ stage: "fitting", fraction: 0 });
  const start = performance.now();
  const proposed = await fit(items, (done, total) => report({ stage: "fitting", fraction: total > 0 ? Math.min(1, done / total) : 0 }), options.signal);
  const fitMs = performance.now() - start;
  report({ stage: "fitting", fraction: 1 });

  // scoring replays every card twice: in slices, letting the event loop run in between
  const isTest = (r: HistoryReview) => r.reviewedAt >= cutoff;
  const scored = { current: [] as Prediction[], proposed: [] as Prediction[] };
  for (let k = 0; k < histories.length; k += SCORE_SLICE) {
    report({ stage: "evaluating", fraction: k / histories.length });
    await breathe();
    options.signal?.throwIfAborted();
    const slice = histories.slice(k, k + SCORE_SLICE);
    scored.current.push(...predictHistories(slice, current, isTest));
    scored.proposed.push(...predictHistories(slice, proposed, isTest));
  }
  const currentMetrics = metricsOf(scored.current);
  const proposedMetrics = metricsOf(scored.proposed);
  report({ stage: "done", fraction: 1 });
  return {
    current,
    proposed,
    metrics: { current: currentMetrics, proposed: proposedMetrics },
    comparison: compareMetrics(currentMetrics, proposedMetrics),
    reviewCount: reviews.length,
    trainCount: train.length,
    testFrom: Number.isFinite(cutoff) ? new Date(cutoff).toISOString() : null,
    itemCount: items.length,
    fitMs,
  };
}

