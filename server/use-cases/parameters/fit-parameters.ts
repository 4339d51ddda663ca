/**
 * The FSRS optimizer (fsrs-rs through @open-spaced-repetition/binding), run in a worker thread
 * of its own: the native addon (loaded only there) and the fit never touch the caller's event
 * loop. Not a use case: optimizeParameters (./optimize-parameters.ts) and bench/fsrs-eval.ts call it.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { ItemReview } from "@/lib/fsrs-metrics";

const PROGRESS_INTERVAL_MS = 100;

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

