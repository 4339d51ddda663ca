/** What every card rule of notes mode shares: the deck's wording, glossary and the card list being built. */
import type { CardDraft, ParsedCard } from "../types";
import type { Glossary } from "../../glossary";
import { cardId } from "../ids";
import type { Templates } from "./templates";

export interface Generator {
  t: Templates;
  zh: boolean;
  glossary: Glossary;
  /** adds a card once: a repeated sentence in notes yields its card once */
  add(card: CardDraft, question: string): void;
  cards: ParsedCard[];
}

export function makeGenerator(deckId: string, t: Templates, zh: boolean, glossary: Glossary): Generator {
  const cards: ParsedCard[] = [];
  const ids = new Set<string>();
  return {
    t,
    zh,
    glossary,
    cards,
    add(card, question) {
      const id = cardId(deckId, card.topic, card.kind, question);
      if (ids.has(id)) return;
      ids.add(id);
      cards.push({ ...card, id } as ParsedCard);
    },
  };
}
