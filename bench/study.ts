/**
 * `npm run bench -- study`: the study hot path (fetch the next due card with its four buttons'
 * intervals, rate it) through the use cases, plain and with an interview date ahead whose scope
 * holds the deck (every rating then consults the plan, issue 16), each against the baseline doing
 * the same minimal SQL with better-sqlite3 in the same run. Smaller than the default bench
 * (BENCH_CARDS, default 20,000 cards and 200,000 reviews) so it runs in about a minute.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { migrate } from "../scripts/lib/setup";
import { openDb } from "../server/db";
import { insertInterviewDate } from "../server/store/interview-dates";
import { nextCard } from "../server/use-cases/study/next-card";
import { recordReview } from "../server/use-cases/study/record-review";
import { DECK, NOW, seed, stats } from "./seed";
import { liftDailyLimits } from "./http";

const CARDS = Number(process.env.BENCH_CARDS ?? 20_000);
const REVIEWS = Number(process.env.BENCH_REVIEWS ?? CARDS * 10);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 1000);

/** Fetch the next due card and rate it Good, `iterations` times, through the use cases: the milliseconds of each. */
export async function rateNextCards(file: string, startAt: number, tag: string, iterations = ITERATIONS): Promise<number[]> {
  const db = openDb(file);
  if (process.env.BENCH_AUTOCHECKPOINT) db.sqlite.pragma(`wal_autocheckpoint = ${Number(process.env.BENCH_AUTOCHECKPOINT)}`);
  const out: number[] = [];
  let t = startAt;
  for (let i = 0; i < iterations; i++) {
    t += 1000;
    const now = new Date(t);
    const start = performance.now();
    const card = await nextCard({ db, deckId: DECK, now });
    if (!card) throw new Error("no due card");
    await recordReview({ db, cardId: card.id, rating: 3, now, idempotencyKey: `${tag}-${i}` });
    out.push(performance.now() - start);
  }
  await db.close();
  return out;
}

export async function benchStudy(baseline: (file: string, iterations: number, startAt: number, tag: string) => number[]) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mianshi-bench-study-"));
  const file = path.join(dir, "bench.db");
  try {
    migrate(file);
    seed(file, { cards: CARDS, reviews: REVIEWS });
    liftDailyLimits(file);
    console.log(`study hot path: ${CARDS.toLocaleString("en")} cards, ${REVIEWS.toLocaleString("en")} reviews, ${ITERATIONS} iterations each`);
    await rateNextCards(file, NOW - 100 * 1000 * 1000, "warm");
    const fmt = (x: number) => x.toFixed(3);
    const base = stats(baseline(file, ITERATIONS, NOW - 50 * 1000 * 1000, "base"));
    const plain = stats(await rateNextCards(file, NOW, "plain"));
    const db = openDb(file);
    insertInterviewDate(db.sqlite, {
      id: "bench-interview",
      label: "bench",
      at: new Date(NOW + 21 * 86_400_000),
      timeZone: "UTC",
      scope: "all",
      targetRecall: 0.9,
      dailyBudget: 200,
      budgetUnit: "reviews",
      createdAt: new Date(NOW),
      updatedAt: new Date(NOW),
    });
    await db.close();
    const planned = stats(await rateNextCards(file, NOW + 10 * ITERATIONS * 1000, "planned"));
    console.log(`  baseline (better-sqlite3 directly):    p50 ${fmt(base.p50)} ms  p99 ${fmt(base.p99)} ms`);
    console.log(`  use cases:                             p50 ${fmt(plain.p50)} ms  p99 ${fmt(plain.p99)} ms  ratio p50 ${(plain.p50 / base.p50).toFixed(2)}`);
    console.log(`  use cases, an interview date ahead:    p50 ${fmt(planned.p50)} ms  p99 ${fmt(planned.p99)} ms  ratio p50 ${(planned.p50 / base.p50).toFixed(2)}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
