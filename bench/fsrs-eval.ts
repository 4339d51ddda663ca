/**
 * Personal FSRS parameters on a real history: Josh's Anki review log (tests/fixtures/history, MIT, 12,580
 * reviews of 1,205 cards). The oldest 80% of the reviews (by time) train the optimizer, the
 * newest 20% test it: log loss and RMSE(bins) (srs-benchmark's definitions, lib/fsrs-metrics.ts)
 * for FSRS-6's default parameters and for the fitted ones. Also: how long importing the file
 * takes (and re-importing it), how long the fit takes, and how long the event loop stalled
 * during the fit (it runs in a worker thread). Runs as part of `npm run bench`, or alone:
 * `npx tsx bench/fsrs-eval.ts`. BENCH_HISTORY_CSV names another file, BENCH_HISTORY_TZ its
 * time zone.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { parseHistoryCsv } from "../lib/history/csv";
import { buildFsrsItems, DEFAULT_PARAMETERS, metricsOf, predictHistory, splitByTime, studyDays, type Metrics } from "../lib/fsrs-metrics";
import { migrate, ROOT } from "../scripts/lib/setup";
import { openDb } from "../server/db";
import { importHistory } from "../server/use-cases/import-history";
import { fit } from "../server/use-cases/parameters/fit-parameters";

export const JOSH_CSV = path.resolve(ROOT, "tests/fixtures/history/review-logs-josh.csv");
/**
 * Josh's time zone is not in the file. His reviews never fall between 06:00 and 15:00 UTC, a
 * night in US Pacific time, so his study days are taken to start at 4 am there; with UTC days
 * (the app's default) the numbers move in the third decimal.
 */
export const JOSH_TIME_ZONE = process.env.BENCH_HISTORY_TZ ?? "America/Los_Angeles";
const TIME_ZONE = JOSH_TIME_ZONE;

/** srs-benchmark's FSRS-6 results over 10,000 users, for scale. */
const REFERENCE = { default: 0.3393, optimized: 0.3214 };

export async function benchFsrsEval(file = process.env.BENCH_HISTORY_CSV ?? JOSH_CSV): Promise<void> {
  if (!fs.existsSync(file)) {
    console.log(`\nFSRS evaluation skipped: ${file} not found`);
    return;
  }
  const text = fs.readFileSync(file, "utf8");
  console.log(`\nreview history ${path.relative(process.cwd(), file)}`);

  // import into a fresh database, then again (idempotent: adds nothing)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mianshi-history-"));
  try {
    const dbFile = path.join(dir, "history.db");
    migrate(dbFile);
    const db = openDb(dbFile);
    let start = performance.now();
    const first = await importHistory({ db, csvText: text });
    const importMs = performance.now() - start;
    start = performance.now();
    const again = await importHistory({ db, csvText: text });
    const reimportMs = performance.now() - start;
    await db.close();
    if (!first.ok || !again.ok) throw new Error("the history did not import");
    console.log(
      `  import: ${first.reviewsAdded.toLocaleString("en")} reviews, ${first.cardsCreated.toLocaleString("en")} placeholder cards in ${importMs.toFixed(0)} ms; ` +
        `again: ${again.reviewsAdded} added in ${reimportMs.toFixed(0)} ms`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }

  // fit on the oldest 80%, test on the newest 20%
  const { rows } = parseHistoryCsv(text);
  const days = studyDays(TIME_ZONE, 4);
  const { train, test, cutoff } = splitByTime(rows, 0.8);
  const items = buildFsrsItems(rows, days, (r) => r.reviewedAt < cutoff);
  const lag = watchEventLoop();
  const start = performance.now();
  const optimized = await fit(items);
  const fitMs = performance.now() - start;
  const maxLag = lag.stop();

  const isTest = (r: { reviewedAt: number }) => r.reviewedAt >= cutoff;
  const before = metricsOf(predictHistory(rows, DEFAULT_PARAMETERS, days, isTest));
  const after = metricsOf(predictHistory(rows, optimized, days, isTest));
  const { FSRSBinding, FSRSBindingItem, FSRSBindingReview } = await import("@open-spaced-repetition/binding");
  const testItems = buildFsrsItems(rows, days, isTest).map((it) => new FSRSBindingItem(it.map((r) => new FSRSBindingReview(r.rating, r.deltaT))));
  const fsrsRs = { default: new FSRSBinding([...DEFAULT_PARAMETERS]).evaluate(testItems), optimized: new FSRSBinding(optimized).evaluate(testItems) };

  const fmt = (m: Metrics) => `${m.logLoss.toFixed(4)}     ${m.rmseBins.toFixed(4)}`;
  console.log(`  split: train ${train.length.toLocaleString("en")} reviews (${items.length.toLocaleString("en")} items) before ${new Date(cutoff).toISOString()}, test ${test.length.toLocaleString("en")} reviews (${before.count} predicted: on a later day than the card's previous review); days start 4 am ${TIME_ZONE}`);
  console.log(`  fit: ${fitMs.toFixed(0)} ms in a worker thread; longest event-loop stall meanwhile ${maxLag.toFixed(1)} ms`);
  console.log(`                 log loss   RMSE(bins)   (fsrs-rs evaluate: log loss / its RMSE(bins))`);
  console.log(`  default        ${fmt(before)}       ${fsrsRs.default.logLoss.toFixed(4)} / ${fsrsRs.default.rmseBins.toFixed(4)}`);
  console.log(`  optimized      ${fmt(after)}       ${fsrsRs.optimized.logLoss.toFixed(4)} / ${fsrsRs.optimized.rmseBins.toFixed(4)}`);
  console.log(`  (srs-benchmark, FSRS-6 over 10,000 users: log loss ${REFERENCE.default} default, ${REFERENCE.optimized} optimized)`);
}

/** The longest gap between 5 ms timer ticks: how long the event loop was kept from running. */
function watchEventLoop() {
  let last = performance.now();
  let max = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    max = Math.max(max, now - last - 5);
    last = now;
  }, 5);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(max, performance.now() - last - 5, 0);
    },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchFsrsEval().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
