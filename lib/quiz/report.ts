/** The result of a quiz: totals and a breakdown by deck and topic. Pure functions. */
import type { QuestionSource } from "./types";

export interface ScoredItem {
  source: QuestionSource;
  /** 0..1, or null when the question was not answered (it counts as 0) */
  score: number | null;
}

export interface TopicScore {
  /** deck title first, then the heading path */
  path: string[];
  deckId: string;
  questions: number;
  /** sum of the questions' scores */
  points: number;
  /** points / questions */
  share: number;
}

/**
 * Scores summed for the deck and every topic above each question, in tree order (a deck,
 * then its topics depth first, as the questions first name them). Unanswered questions count 0.
 */
export function topicBreakdown(items: readonly ScoredItem[]): TopicScore[] {
  const rows = new Map<string, TopicScore>();
  for (const item of items) {
    const full = [item.source.deckTitle, ...item.source.topic];
    for (let depth = 1; depth <= full.length; depth++) {
      const path = full.slice(0, depth);
      const key = JSON.stringify([item.source.deckId, ...path.slice(1)]);
      const row = rows.get(key) ?? { path, deckId: item.source.deckId, questions: 0, points: 0, share: 0 };
      row.questions++;
      row.points += item.score ?? 0;
      rows.set(key, row);
    }
  }
  const out = [...rows.values()].map((r) => ({ ...r, share: r.questions > 0 ? r.points / r.questions : 0 }));
  // tree order: parents before children, siblings in the order they first appear
  const firstSeen = new Map([...rows.keys()].map((k, i) => [k, i]));
  const keyOf = (r: TopicScore) => JSON.stringify([r.deckId, ...r.path.slice(1)]);
  const sortKey = (r: TopicScore) => r.path.map((_, d) => firstSeen.get(JSON.stringify([r.deckId, ...r.path.slice(1, d + 1)])) ?? 0);
  return out.sort((a, b) => {
    const x = sortKey(a);
    const y = sortKey(b);
    for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
    return x.length - y.length || keyOf(a).localeCompare(keyOf(b));
  });
}

/** The weakest topics: the deepest rows below `threshold`, worst first. */
export function weakestTopics(rows: readonly TopicScore[], threshold = 0.6): TopicScore[] {
  const leafish = rows.filter((r) => r.path.length > 1 && r.share < threshold);
  return [...leafish].sort((a, b) => a.share - b.share || b.questions - a.questions);
}
