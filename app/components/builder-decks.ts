/**
 * The decks a scope can be chosen from, each with its topic tree (the quiz builder, the
 * mock-interview set-up, an interview date's scope in settings). Server-side: it reads each
 * deck's topics. The imported history's placeholder deck holds ids only, nothing to ask or
 * prepare, and is left out.
 */
import type { DeckSummary } from "@/server/use-cases/study/list-decks";
import { deckTopics } from "@/server/use-cases/practice/list-deck-topics";
import type { BuilderDeck } from "@/app/quiz/builder-params";

export function builderDecks(summaries: readonly DeckSummary[]): Promise<BuilderDeck[]> {
  return Promise.all(summaries.filter((d) => !d.placeholder).map(async (d) => ({ id: d.id, title: d.title, cardCount: d.cardCount, topics: await deckTopics({ deckId: d.id }) })));
}
