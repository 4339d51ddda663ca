/**
 * A deck's file was removed from the notes folder: its cards are retired, never deleted (their
 * reviews and schedules stay), in one transaction. The same file coming back is imported again
 * and its cards return with their history (the import updates retired cards by id).
 */
import path from "node:path";
import type { DeckImportReport } from "../import-content";
import { IMPORTED_HISTORY_DECK_ID } from "../import-history";
import { db as defaultDb, type Db } from "../../db";
import { deckSource, retireDeckCards as retireCards } from "../../store/decks";

export interface RetireDeckCardsOptions {
  deckId: string;
  /**
   * The removed file (absolute). When given, the deck is only retired if it was imported from
   * that file: a deck of the same id imported from elsewhere is left alone.
   */
  file?: string;
  db?: Db;
  now?: Date;
}

export function retireDeckCards(options: RetireDeckCardsOptions): DeckImportReport {
  const database = options.db ?? defaultDb();
  const now = options.now ?? new Date();
  const report: DeckImportReport = { deckId: options.deckId, source: options.file ? path.relative(process.cwd(), options.file) || options.file : "", status: "unchanged", added: 0, updated: 0, retired: 0, unchanged: 0 };
  // the imported review history's deck has no file: nothing removed retires it
  if (options.deckId === IMPORTED_HISTORY_DECK_ID) return report;
  database.sqlite
    .transaction(() => {
      const source = deckSource(database.sqlite, options.deckId);
      if (source === null) return;
      if (options.file && path.resolve(/*turbopackIgnore: true*/ source) !== path.resolve(/*turbopackIgnore: true*/ options.file)) return;
      const done = retireCards(database.sqlite, options.deckId, now);
      if (!done) return;
      Object.assign(report, { source: done.source, title: done.title, status: done.retired > 0 ? "imported" : "unchanged", retired: done.retired });
    })
    .immediate();
  return report;
}
