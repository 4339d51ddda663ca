/**
 * One deck's heading, for pages that show or act on a single deck (study, practice, the
 * generated-cards review). `listDecks` counts every deck's cards for today; a page about one
 * deck needs none of that.
 */
import { db as defaultDb, type Db } from "../../db";
import { IMPORTED_HISTORY_DECK_ID } from "../import-history";

export interface DeckHeading {
  id: string;
  title: string;
  notesMode: boolean;
  /** the imported history's deck of placeholder cards */
  placeholder: boolean;
}

export interface GetDeckOptions {
  deckId: string;
  db?: Db;
}

/** The deck, or null when there is none with that id. */
export async function getDeck(options: GetDeckOptions): Promise<DeckHeading | null> {
  const database = options.db ?? defaultDb();
  const deck = await database.prisma.deck.findUnique({ where: { id: options.deckId }, select: { id: true, title: true, notesMode: true } });
  return deck ? { ...deck, placeholder: deck.id === IMPORTED_HISTORY_DECK_ID } : null;
}
