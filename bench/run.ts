/**
 * `npm run bench`: the study hot path (fetch the next due card, rate it) on a database seeded
 * with 100,000 cards and 1,000,000 reviews, in-process through the use cases, against a
 * baseline doing the same SQL with better-sqlite3 directly, then over HTTP under concurrent load
 * (bench/http.ts: `next start` against a bare node:http baseline). Prints p50/p99 and the ratios.
 * Quizzes and the dashboard on the same database (bench/quiz.ts, bench/dashboard.ts). BENCH_HTTP_SECONDS=0 skips the HTTP part. Then personal FSRS parameters on a real review history
 * (bench/fsrs-eval.ts: import time, log loss and RMSE(bins) default vs optimized); BENCH_FSRS=0 skips it.
 * `npm run bench -- content` runs only the deck import bench (bench/content.ts); `npm run bench -- interview-day`
 * the interview plan against plain FSRS in a seeded simulation (bench/interview-day.ts); `npm run bench -- study`
 * the hot path alone on a smaller database, plain and with an interview date ahead (bench/study.ts).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import Database from "better-sqlite3";
import { migrate } from "../scripts/lib/setup";
import { createScheduler, stateFromRow, type SchedRow } from "../lib/scheduling";
import { DECK, NOW, seed, stats } from "./seed";
import { benchSearch } from "./search";
import { benchQuiz } from "./quiz";
import { benchDashboard } from "./dashboard";
import { benchHttp, liftDailyLimits, printSummary } from "./http";
import { benchFsrsEval } from "./fsrs-eval";
import { benchContent } from "./content";
import { benchInterviewDay } from "./interview-day";
import { benchStudy, rateNextCards } from "./study";

const CARDS = Number(process.env.BENCH_CARDS ?? 100_000);
const REVIEWS = Number(process.env.BENCH_REVIEWS ?? 1_000_000);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 3000);
const AUTOCHECKPOINT = process.env.BENCH_AUTOCHECKPOINT;

function benchUseCases(file: string, iterations = ITERATIONS, startAt = NOW, tag = "bench"): Promise<number[]> {
  return rateNextCards(file, startAt, tag, iterations);
}

/** The same minimal work, straight on better-sqlite3: select next, FSRS, insert review, update card. */
function benchBaseline(file: string, iterations = ITERATIONS, startAt = NOW + 10 * ITERATIONS * 1000, tag = "base"): number[] {
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  if (AUTOCHECKPOINT) sqlite.pragma(`wal_autocheckpoint = ${Number(AUTOCHECKPOINT)}`);
  const scheduler = createScheduler();
  const next = sqlite.prepare(`SELECT * FROM Card WHERE deckId = ? AND retired = 0 AND due <= ? AND state != 0 ORDER BY due LIMIT 1`);
  const ins = sqlite.prepare(
    `INSERT INTO Review (cardId, rating, reviewedAt, source, idempotencyKey, before, state, due, stability, difficulty, scheduledDays) VALUES (?, 3, ?, 'study', ?, '{}', ?, ?, ?, ?, ?)`,
  );
  const upd = sqlite.prepare(`UPDATE Card SET due = ?, stability = ?, difficulty = ?, scheduledDays = ?, reps = ?, state = ?, lastReview = ? WHERE id = ?`);
  const out: number[] = [];
  let t = startAt;
  for (let i = 0; i < iterations; i++) {
    t += 1000;
    const start = performance.now();
    const row = next.get(DECK, t) as SchedRow & { id: string };
    const before = stateFromRow(row);
    const a = scheduler.rate(before, 3, new Date(t));
    sqlite.transaction(() => {
      ins.run(row.id, t, `${tag}-${i}`, a.state, a.due.getTime(), a.stability, a.difficulty, a.scheduledDays);
      upd.run(a.due.getTime(), a.stability, a.difficulty, a.scheduledDays, a.reps, a.state, t, row.id);
    }).immediate();
    out.push(performance.now() - start);
  }
  sqlite.close();
  return out;
}

/** `npm run bench -- <part>` runs one part alone. */
const PARTS: Record<string, () => Promise<void>> = {
  content: benchContent,
  "interview-day": benchInterviewDay,
  study: () => benchStudy((file, iterations, startAt, tag) => benchBaseline(file, iterations, startAt, tag)),
};

async function main() {
  const part = process.argv[2];
  if (part !== undefined) {
    const run = PARTS[part];
    if (!run) throw new Error(`unknown bench part "${part}": one of ${Object.keys(PARTS).join(", ")}`);
    return run();
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mianshi-bench-"));
  const file = path.join(dir, "bench.db");
  try {
    migrate(file);
    const t0 = performance.now();
    seed(file, { cards: CARDS, reviews: REVIEWS });
    liftDailyLimits(file);
    console.log(`seeded ${CARDS.toLocaleString("en")} cards and ${REVIEWS.toLocaleString("en")} reviews in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    // warm up both paths (JIT, page cache) before measuring
    await benchUseCases(file, 500, NOW - 100 * 1000 * 1000, "warm-app");
    benchBaseline(file, 500, NOW - 50 * 1000 * 1000, "warm-base");
    const base = stats(benchBaseline(file));
    const app = stats(await benchUseCases(file));
    const fmt = (x: number) => x.toFixed(3);
    console.log(`\nrate a card + fetch the next, in-process, ${ITERATIONS} iterations`);
    console.log(`  use cases (server/use-cases/study/):  p50 ${fmt(app.p50)} ms  p99 ${fmt(app.p99)} ms  mean ${fmt(app.mean)} ms`);
    console.log(`  baseline (better-sqlite3 directly):   p50 ${fmt(base.p50)} ms  p99 ${fmt(base.p99)} ms  mean ${fmt(base.mean)} ms`);
    console.log(`  ratio p50 ${(app.p50 / base.p50).toFixed(2)}  p99 ${(app.p99 / base.p99).toFixed(2)}`);
    // the card browser's search, on the same database
    await benchSearch(file);
    // quizzes: creating, answering, the result
    await benchQuiz(file);
    // the progress dashboard over a year of 1,000,000 reviews
    await benchDashboard(file);
    const http = Number(process.env.BENCH_HTTP_SECONDS ?? 15) > 0 ? await benchHttp({ file, deck: DECK, onAbort: () => fs.rmSync(dir, { recursive: true, force: true }) }) : undefined;
    printSummary(`rate a card + fetch the next: ${CARDS.toLocaleString("en")} cards, ${REVIEWS.toLocaleString("en")} reviews`, { app, base }, http);
    if (process.env.BENCH_FSRS !== "0") await benchFsrsEval();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
