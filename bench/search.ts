/**
 * The card browser's search (server/use-cases/search-cards.ts) on a database seeded with
 * 100,000 cards: first pages of common searches, a Chinese substring, a word found nowhere
 * (a full scan), and a page deep into the results through the keyset cursor. Prints p50/p99.
 * Run alone with `tsx bench/search.ts`; `npm run bench` runs it after the study benchmark.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { migrate } from "../scripts/lib/setup";
import { openDb } from "../server/db";
import { searchCards, type SearchCardsOptions } from "../server/use-cases/search-cards";
import { DAY, DECK, NOW, seed, stats } from "./seed";

const CARDS = Number(process.env.BENCH_CARDS ?? 100_000);
const REVIEWS = Number(process.env.BENCH_REVIEWS ?? 1_000_000);
const SEARCH_ITERATIONS = Number(process.env.BENCH_SEARCH_ITERATIONS ?? 200);

export async function benchSearch(file: string, iterations = SEARCH_ITERATIONS): Promise<void> {
  const db = openDb(file, { backgroundCheckpoints: false });
  const now = new Date(NOW);
  try {
    // a cursor 500 pages deep (page 501 of 50), to show that keyset pages cost the same anywhere
    let deep: string | undefined;
    for (let i = 0; i < 10; i++) deep = (await searchCards({ db, now, limit: 200, cursor: deep })).nextCursor ?? undefined;
    const cases: [string, Omit<SearchCardsOptions, "db" | "now">][] = [
      ["no filter, first page", {}],
      ["deck, first page", { deckId: DECK }],
      ["deck, page 41 (keyset cursor)", { deckId: DECK, cursor: deep }],
      ['text "校验" (1% of cards)', { text: "校验" }],
      ['text "nova-compute" (every card)', { text: "nova-compute" }],
      ['text "不存在" (no card: full scan)', { text: "不存在" }],
      ["state review, due in the next 7 days", { state: "review", dueAfter: now, dueBefore: new Date(NOW + 7 * DAY) }],
      ['topic prefix "Bench › 阶段 3"', { topic: ["Bench", "阶段 3"] }],
      ['text "校验" + kind + state + flag', { text: "校验", kind: "basic", state: "review", flag: 0 }],
    ];
    const fmt = (x: number) => x.toFixed(2).padStart(7);
    console.log(`\nsearchCards (server/use-cases/search-cards.ts), page of 50 + total, ${CARDS.toLocaleString("en")} cards, ${iterations} iterations`);
    for (const [label, query] of cases) {
      for (let i = 0; i < 10; i++) await searchCards({ db, now, ...query }); // warm up
      const samples: number[] = [];
      let result: Awaited<ReturnType<typeof searchCards>> | undefined;
      for (let i = 0; i < iterations; i++) {
        const start = performance.now();
        result = await searchCards({ db, now, ...query });
        samples.push(performance.now() - start);
      }
      const s = stats(samples);
      console.log(`  ${label.padEnd(42)} p50 ${fmt(s.p50)} ms  p99 ${fmt(s.p99)} ms  (${result?.cards.length ?? 0} shown of ${result?.total ?? 0})`);
    }
  } finally {
    await db.close();
  }
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mianshi-bench-search-"));
  const file = path.join(dir, "bench.db");
  try {
    migrate(file);
    const t0 = performance.now();
    seed(file, { cards: CARDS, reviews: REVIEWS });
    console.log(`seeded ${CARDS.toLocaleString("en")} cards and ${REVIEWS.toLocaleString("en")} reviews in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    await benchSearch(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
