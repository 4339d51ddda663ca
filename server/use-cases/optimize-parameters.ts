/**
 * Personal FSRS parameters: fitted to the user's own review history with the FSRS optimizer
 * (fsrs-rs through @open-spaced-repetition/binding), judged on the newest part of that history,
 * and stored only when the user confirms.
 *
 * The fit runs off the request thread, in a worker thread (see `fit`), reporting progress as it
 * goes. Reading the reviews and building the items run on the calling thread (tens of
 * milliseconds for 10,000 reviews), and so does scoring, in slices of cards with the event
 * loop served in between.
 */
import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { Worker } from "node:worker_threads";
import { fsrsParametersSchema } from "@/lib/history/schemas";
import {
  cardHistories,
  compareMetrics,
  DEFAULT_PARAMETERS,
  fsrsItemsOf,
  metricsOf,
  predictHistories,
  splitByTime,
  studyDays,
  type HistoryReview,
  type ItemReview,
  type Metrics,
  type MetricsComparison,
  type Prediction,
} from "@/lib/fsrs-metrics";
import { db as defaultDb, type Db } from "../db";
import { ValidationError } from "../errors";
import { deleteSetting, FSRS_PARAMETERS_KEY, readSettings, saveSetting, storedWeights } from "../store/settings";

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

const PROGRESS_INTERVAL_MS = 100;
/** Cards scored between two turns of the event loop. */
const SCORE_SLICE = 100;

/** Lets the event loop serve whatever waits (requests) before going on. */
function breathe(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Too little history gives parameters that say more about chance than about the user. */
export const MIN_TRAIN_ITEMS = 8;

const parametersSchema = fsrsParametersSchema;


/** The parameters in use: the applied ones, or FSRS-6's defaults. */
export async function currentParameters(options: { db?: Db } = {}): Promise<number[]> {
  return storedWeights((options.db ?? defaultDb()).sqlite) ?? [...DEFAULT_PARAMETERS];
}

/**
 * Fits parameters to the history: the oldest 80% of the reviews (by time) train, the newest 20%
 * test; log loss and RMSE(bins) are reported for the current and the proposed parameters on
 * the test reviews. Nothing is stored: applyParameters does that when the user confirms.
 */
export async function optimizeParameters(options: OptimizeOptions = {}): Promise<OptimizeResult> {
  const database = options.db ?? defaultDb();
  const report = options.onProgress ?? (() => {});
  report({ stage: "reading", fraction: 0 });
  const reviews = database.sqlite
    .prepare<[], HistoryReview>(`SELECT cardId, rating, reviewedAt FROM Review WHERE rating BETWEEN 1 AND 4 ORDER BY reviewedAt, id`)
    .all();
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

/**
 * The fit, in a worker thread of its own: the optimizer (a native addon, loaded only there) and
 * the building of its items never touch the caller's event loop. Plain JavaScript evaluated
 * as is (like the WAL checkpointer in server/db.ts), so that it runs the same under tsx, Vitest
 * and Next.js; the binding is resolved from the project's node_modules.
 */
const FIT_WORKER = `
const { workerData, parentPort } = require("node:worker_threads");
const binding = require(workerData.modulePath);
const flat = workerData.items;
const items = [];
for (let i = 0; i < flat.length; ) {
  const n = flat[i++];
  const reviews = [];
  for (let k = 0; k < n; k++, i += 2) reviews.push(new binding.FSRSBindingReview(flat[i], flat[i + 1]));
  items.push(new binding.FSRSBindingItem(reviews));
}
binding
  .computeParameters(items, {
    enableShortTerm: true,
    numRelearningSteps: workerData.numRelearningSteps,
    timeout: workerData.progressMs,
    progress: (done, total) => { parentPort.postMessage({ type: "progress", done, total }); },
  })
  .then(
    (parameters) => parentPort.postMessage({ type: "done", parameters }),
    (e) => parentPort.postMessage({ type: "error", message: String((e && e.message) || e) }),
  );
`;

type FitMessage = { type: "progress"; done: number; total: number } | { type: "done"; parameters: number[] } | { type: "error"; message: string };

/** Items as one flat array (count, then rating and days per review, item after item), handed over without a copy. */
function flatten(items: ItemReview[][]): Float64Array {
  const flat = new Float64Array(items.reduce((n, item) => n + 1 + 2 * item.length, 0));
  let i = 0;
  for (const item of items) {
    flat[i++] = item.length;
    for (const r of item) {
      flat[i++] = r.rating;
      flat[i++] = r.deltaT;
    }
  }
  return flat;
}

/**
 * Fits FSRS-6 parameters to training items (see buildFsrsItems) in a worker thread. `progress`
 * gets the optimizer's steps done and to do; `signal` stops the fit (the promise rejects).
 */
export function fit(items: ItemReview[][], progress?: (done: number, total: number) => void, signal?: AbortSignal): Promise<number[]> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const flat = flatten(items);
    const modulePath = createRequire(path.join(process.cwd(), "package.json")).resolve("@open-spaced-repetition/binding");
    const worker = new Worker(FIT_WORKER, {
      eval: true,
      workerData: { modulePath, items: flat, numRelearningSteps: 1, progressMs: PROGRESS_INTERVAL_MS },
      transferList: [flat.buffer as ArrayBuffer],
    });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener("abort", onAbort);
      void worker.terminate();
      fn();
    };
    const onAbort = () => finish(() => reject(signal?.reason));
    signal?.addEventListener("abort", onAbort);
    worker.on("message", (m: FitMessage) => {
      if (m.type === "progress") progress?.(m.done, m.total);
      else if (m.type === "error") finish(() => reject(new Error(`the FSRS optimizer failed: ${m.message}`)));
      else if (m.parameters.length !== 21 || !m.parameters.every(Number.isFinite)) {
        finish(() => reject(new Error(`the optimizer returned ${JSON.stringify(m.parameters)}, not 21 parameters`)));
      } else finish(() => resolve(m.parameters));
    });
    worker.on("error", (e) => finish(() => reject(e)));
    worker.on("exit", (code) => finish(() => reject(new Error(`the optimizer's worker stopped (exit code ${code})`))));
  });
}

/** Stores parameters (after the user confirmed them) and returns them. */
export async function applyParameters(options: { parameters: readonly number[]; db?: Db }): Promise<number[]> {
  const parsed = parametersSchema.safeParse(options.parameters);
  if (!parsed.success) throw new ValidationError(parsed.error.issues.map((i) => i.message).join("; "));
  const { sqlite } = options.db ?? defaultDb();
  saveSetting(sqlite, FSRS_PARAMETERS_KEY, parsed.data);
  return parsed.data;
}

/** Goes back to FSRS-6's default parameters. */
export async function resetParameters(options: { db?: Db } = {}): Promise<void> {
  deleteSetting((options.db ?? defaultDb()).sqlite, FSRS_PARAMETERS_KEY);
}

/**
 * Optimization as a background job, for a page that starts it and then polls its progress:
 * one job at a time (a second start while one runs gets the running one), the latest kept in
 * memory until the process ends.
 */
export interface OptimizeJob {
  id: string;
  status: "running" | "done" | "failed" | "cancelled";
  progress: OptimizeProgress;
  startedAt: string;
  result: OptimizeResult | null;
  error: string | null;
}

interface JobEntry {
  job: OptimizeJob;
  controller: AbortController;
  finished: Promise<OptimizeJob>;
}

const jobs = globalThis as unknown as { mianshiOptimizeJob?: JobEntry };

/** Starts optimizing in the background (or returns the job already running). */
export function startOptimizeJob(options: { db?: Db; now?: Date } = {}): { job: OptimizeJob; finished: Promise<OptimizeJob> } {
  const running = jobs.mianshiOptimizeJob;
  if (running?.job.status === "running") return { job: { ...running.job }, finished: running.finished };
  const controller = new AbortController();
  const job: OptimizeJob = {
    id: randomUUID(),
    status: "running",
    progress: { stage: "reading", fraction: 0 },
    startedAt: (options.now ?? new Date()).toISOString(),
    result: null,
    error: null,
  };
  const finished = optimizeParameters({ ...options, signal: controller.signal, onProgress: (p) => (job.progress = p) }).then(
    (result) => Object.assign(job, { status: "done", result }),
    (e: unknown) =>
      Object.assign(job, controller.signal.aborted ? { status: "cancelled" } : { status: "failed", error: e instanceof Error ? e.message : String(e) }),
  );
  jobs.mianshiOptimizeJob = { job, controller, finished: finished.then((j) => ({ ...j })) };
  return { job: { ...job }, finished: jobs.mianshiOptimizeJob.finished };
}

/** The latest job (or the one with this id), as it is now; null when there is none. */
export function getOptimizeJob(id?: string): OptimizeJob | null {
  const entry = jobs.mianshiOptimizeJob;
  if (!entry || (id !== undefined && entry.job.id !== id)) return null;
  return { ...entry.job };
}

/** Stops the running job; false when there is no such running job. */
export function cancelOptimizeJob(id: string): boolean {
  const entry = jobs.mianshiOptimizeJob;
  if (!entry || entry.job.id !== id || entry.job.status !== "running") return false;
  entry.controller.abort(new Error("optimization cancelled"));
  return true;
}
