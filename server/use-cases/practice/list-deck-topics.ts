import { db as defaultDb, type Db } from "../../db";
import { NotFoundError } from "../../errors";
import { optionsForDeck } from "../../deck-settings";
import { deckTopicCounts } from "../../store/practice";

export interface TopicCount {
  path: string[];
  /** cards under this topic, sub-topics included */
  count: number;
}

/** The deck's topic tree, every heading path with the number of cards under it. */
export async function deckTopics(options: { deckId: string; db?: Db }): Promise<TopicCount[]> {
  const { sqlite } = options.db ?? defaultDb();
  if (!optionsForDeck(sqlite, options.deckId)) throw new NotFoundError(`no deck with id ${options.deckId}`);
  // distinct paths are few (one per heading); the grouping runs in SQL
  const rows = deckTopicCounts(sqlite, options.deckId);
  const counts = new Map<string, TopicCount>();
  for (const r of rows) {
    const path = r.topic;
    for (let k = 1; k <= path.length; k++) {
      const prefix = path.slice(0, k);
      const key = JSON.stringify(prefix);
      const entry = counts.get(key) ?? { path: prefix, count: 0 };
      entry.count += r.n;
      counts.set(key, entry);
    }
  }
  return [...counts.values()];
}
