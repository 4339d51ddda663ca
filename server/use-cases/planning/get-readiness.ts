import { readiness } from "@/lib/planning/readiness";
import type { ReadinessView } from "@/lib/planning/schemas";
import { db as defaultDb, type Db } from "../../db";
import { optionsForDeck } from "../../deck-settings";
import { NotFoundError } from "../../errors";
import { cardsInScope, findInterviewDate } from "../../store/interview-dates";
import { fallbackOptions } from "../study/study-card";
import { toView } from "./interview-date-view";

/** Topic keys for lib/planning/readiness: deck and heading path, which no heading can contain. */
const topicKey = (deckId: string, topic: readonly string[]) => JSON.stringify([deckId, ...topic]);

/**
 * Readiness for an interview date: each card's predicted recall at the interview instant (FSRS's
 * forgetting curve from its state now; a new card counts 0), overall, per deck and per topic.
 * After the date it reads as of the date itself, what one recalled on the day.
 */
export async function getReadiness(options: { id: string; now?: Date; db?: Db }): Promise<ReadinessView> {
  const { sqlite } = options.db ?? defaultDb();
  const now = options.now ?? new Date();
  const d = findInterviewDate(sqlite, options.id);
  if (!d) throw new NotFoundError(`no interview date with id ${options.id}`);
  const cards = cardsInScope(sqlite, d.scope);
  // the forgetting curve depends only on the FSRS weights, which are one set for every preset
  // (the user's personal ones or the defaults): any deck's scheduler gives the same recall
  const firstDeck = cards[0]?.deckId;
  const scheduler = ((firstDeck !== undefined ? optionsForDeck(sqlite, firstDeck) : null) ?? fallbackOptions()).scheduler;
  const r = readiness(
    scheduler,
    cards.map((c) => ({ id: c.id, deckId: c.deckId, topic: topicKey(c.deckId, c.topic), state: c.state })),
    d.at,
  );
  const titles = new Map(cards.map((c) => [c.deckId, c.deckTitle]));
  return {
    interviewDate: toView(sqlite, d, now),
    recall: r.recall,
    cards: r.cards,
    onTarget: r.cards > 0 && r.recall >= d.targetRecall,
    byDeck: Object.entries(r.byDeck).map(([deckId, g]) => ({ deckId, title: titles.get(deckId) ?? deckId, ...g })),
    byTopic: Object.entries(r.byTopic)
      .map(([key, g]) => {
        const [deckId = "", ...topic] = JSON.parse(key) as string[];
        return { deckId, topic, ...g };
      })
      // weakest first: the topics to study for the day
      .sort((a, b) => a.recall - b.recall || a.deckId.localeCompare(b.deckId) || a.topic.join("\u0000").localeCompare(b.topic.join("\u0000"))),
  };
}
