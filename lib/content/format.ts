import type { ContentError, ParsedCard, ParsedDeck } from "./types";

export function formatError(e: ContentError): string {
  return `${e.file}:${e.line}: ${e.message}`;
}

/** The JSON shape of `content check --json` for one card. */
export function cardToJson(card: ParsedCard): Record<string, unknown> {
  const base = { id: card.id, kind: card.kind, topic: card.topic, line: card.line, prompt: card.prompt, answer: card.answer };
  switch (card.kind) {
    case "basic":
      return { ...base, ...(card.generatedBy ? { generatedBy: card.generatedBy } : {}) };
    case "cloze":
      return { ...base, group: card.group, cloze: card.cloze, ...(card.generatedBy ? { generatedBy: card.generatedBy } : {}) };
    case "choice":
      return { ...base, options: card.options, multiple: card.multiple, explanation: card.explanation ?? null, ...(card.generatedBy ? { generatedBy: card.generatedBy } : {}) };
    case "ordering":
      return { ...base, steps: card.steps, explanation: card.explanation ?? null, ...(card.generatedBy ? { generatedBy: card.generatedBy } : {}) };
    case "open":
      return { ...base, points: card.points, modelAnswer: card.modelAnswer ?? null, ...(card.generatedBy ? { generatedBy: card.generatedBy } : {}) };
  }
}

export function deckToJson(deck: ParsedDeck): Record<string, unknown> {
  return {
    id: deck.id,
    title: deck.title,
    source: deck.source,
    description: deck.description,
    tags: deck.tags,
    language: deck.language,
    notesMode: deck.notesMode,
    cards: deck.cards.map(cardToJson),
  };
}
