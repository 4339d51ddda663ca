/**
 * Seeds a migrated benchmark database straight through better-sqlite3: one deck of `cards`
 * cards (70% already studied, due spread over two months) and `reviews` reviews. Shared by
 * bench/run.ts (the study hot path) and bench/search.ts (the card browser's search).
 */
import Database from "better-sqlite3";
import { mulberry32 } from "./random";

export const DECK = "bench/deck";
export const NOW = new Date("2026-11-26T08:00:00Z").getTime();
export const DAY = 86_400_000;

/** Headings of the seeded cards, by card number: ["Bench", "阶段 n", "步骤 m"]. */
export function benchTopic(i: number): string[] {
  return ["Bench", `阶段 ${i % 10}`, `步骤 ${i % 7}`];
}

export function seed(file: string, options: { cards: number; reviews: number }) {
  const { cards, reviews } = options;
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = OFF");
  const rnd = mulberry32(42);
  sqlite.prepare(`INSERT INTO Deck (id, source, title, contentHash, importedAt) VALUES (?, ?, ?, ?, ?)`).run(DECK, "bench.md", "Bench", "x", NOW);
  const card = sqlite.prepare(
    `INSERT INTO Card (id, deckId, kind, topic, position, sourceLine, prompt, answer, promptHtml, answerHtml, data, createdAt, updatedAt,
       due, stability, difficulty, elapsedDays, scheduledDays, learningSteps, reps, lapses, state, lastReview)
     VALUES (?, ?, 'basic', ?, ?, ?, ?, ?, ?, ?, '{}', ?, ?, ?, ?, ?, 0, ?, 0, ?, ?, ?, ?)`,
  );
  const review = sqlite.prepare(
    `INSERT INTO Review (cardId, rating, reviewedAt, source, before, state, due, stability, difficulty, scheduledDays)
     VALUES (?, ?, ?, 'study', '{}', 2, ?, ?, 5, 3)`,
  );
  sqlite.transaction(() => {
    for (let i = 0; i < cards; i++) {
      const seen = i < cards * 0.7;
      const due = seen ? NOW + Math.floor((rnd() - 0.3) * 60 * DAY) : NOW - DAY;
      const q = `问题 ${i}: nova-compute 在第 ${i} 步做什么？`;
      // one answer in a hundred mentions 校验, so the search bench has a rare Chinese word to find
      const a = i % 100 === 0 ? `到 keystone 校验 token，然后执行第 ${i} 步。` : `执行第 ${i} 步：调用 libvirt 启动虚拟机，并上报状态。`;
      card.run(`c${i}`, DECK, JSON.stringify(benchTopic(i)), i, i + 1, q, a, `<p>${q}</p>`, `<p>${a}</p>`, NOW, NOW, due, seen ? 10 : 0, seen ? 5 : 0, seen ? 10 : 0, seen ? 5 : 0, 0, seen ? 2 : 0, seen ? NOW - 10 * DAY : null);
    }
    for (let r = 0; r < reviews; r++) {
      const c = Math.floor(rnd() * cards * 0.7);
      review.run(`c${c}`, 1 + Math.floor(rnd() * 4), NOW - Math.floor(rnd() * 365 * DAY), NOW, 10);
    }
  })();
  sqlite.exec("ANALYZE");
  sqlite.close();
}

export function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { p50: at(0.5), p99: at(0.99), mean: s.reduce((a, b) => a + b, 0) / s.length };
}
