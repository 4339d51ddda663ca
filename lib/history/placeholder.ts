/**
 * The deck of an imported review history's placeholder cards: cards known only by their Anki id.
 * The database keeps their English title and text as stored (backups, the API and older
 * databases stay as they are); the interface says them in the reader's language from message
 * keys (namespace `importedHistory`), by the deck's id.
 */
export const IMPORTED_HISTORY_DECK_ID = "imported-history";

/** True for the deck of placeholder cards, which has nothing to study. */
export const isImportedHistoryDeck = (deckId: string) => deckId === IMPORTED_HISTORY_DECK_ID;

/** The message keys of the deck's title and description and of a placeholder card's text ({id}: the Anki card id). */
export type ImportedHistoryKey = "title" | "description" | "cardPrompt" | "cardAnswer";

/** How the interface names a deck and a card of it: the placeholder deck's from messages, any other as stored. */
export function historyNames(t: (key: ImportedHistoryKey, values?: { id: string }) => string) {
  return {
    deckTitle: (deckId: string, title: string) => (isImportedHistoryDeck(deckId) ? t("title") : title),
    deckDescription: (deckId: string, description: string) => (isImportedHistoryDeck(deckId) ? t("description") : description),
    /** a placeholder card's question and answer (its id is the Anki card id), or null for any other card */
    cardText: (deckId: string, cardId: string) => (isImportedHistoryDeck(deckId) ? { prompt: t("cardPrompt", { id: cardId }), answer: t("cardAnswer", { id: cardId }) } : null),
  };
}
export type HistoryNames = ReturnType<typeof historyNames>;
