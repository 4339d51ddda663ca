/** The folders decks live in, for the New deck page's group picker. */
import { db as defaultDb, type Db } from "../../db";
import { deckGroups } from "../../store/decks";
import { IMPORTED_HISTORY_DECK_ID } from "../import-history";

export function listDeckGroups(options: { db?: Db } = {}): string[] {
  const database = options.db ?? defaultDb();
  return deckGroups(database.sqlite).filter((g) => g !== "" && g !== IMPORTED_HISTORY_DECK_ID);
}
