/**
 * Readiness: how much of what is in scope one is predicted to recall at the interview. For
 * each card, FSRS's forgetting curve from its current state to that instant (ts-fsrs'
 * get_retrievability through lib/scheduling.ts); a new card counts as not known (0). Averaged
 * per topic, per deck and overall, every card weighing the same.
 */
import type { SchedState, Scheduler } from "../scheduling";

export interface ScopedCard {
  id: string;
  deckId: string;
  /** the card's topic (its heading path, as the caller keys it) */
  topic: string;
  state: SchedState;
}

export interface RecallGroup {
  /** mean predicted recall, 0 to 1 */
  recall: number;
  cards: number;
}

export interface Readiness extends RecallGroup {
  byDeck: Record<string, RecallGroup>;
  byTopic: Record<string, RecallGroup>;
  /** each card's predicted recall, by card id (to sort "weakest for the day first") */
  byCard: Record<string, number>;
}

/** Predicted recall of one card at `at` (0 for a new card; 1 if `at` is before its last review). */
export function recallAt(scheduler: Scheduler, state: SchedState, at: Date): number {
  return scheduler.retrievability(state, at);
}

export function readiness(scheduler: Scheduler, cards: readonly ScopedCard[], at: Date): Readiness {
  const byCard: Record<string, number> = {};
  const decks = new Map<string, { sum: number; n: number }>();
  const topics = new Map<string, { sum: number; n: number }>();
  let sum = 0;
  const add = (groups: Map<string, { sum: number; n: number }>, key: string, r: number) => {
    const g = groups.get(key) ?? { sum: 0, n: 0 };
    g.sum += r;
    g.n++;
    groups.set(key, g);
  };
  for (const card of cards) {
    const r = recallAt(scheduler, card.state, at);
    byCard[card.id] = r;
    sum += r;
    add(decks, card.deckId, r);
    add(topics, card.topic, r);
  }
  const mean = (groups: Map<string, { sum: number; n: number }>) =>
    Object.fromEntries([...groups].map(([key, g]) => [key, { recall: g.sum / g.n, cards: g.n }]));
  // an empty scope is not ready at all rather than NaN
  return { recall: cards.length === 0 ? 0 : sum / cards.length, cards: cards.length, byDeck: mean(decks), byTopic: mean(topics), byCard };
}
