/** Home's deck list: every deck with its card counts and what is left to study today. */
import type { StudyCounts } from "@/lib/api-schemas";
import { db as defaultDb, type Db } from "../../db";
import { optionsForDeck } from "../../deck-settings";
import { countUndecided } from "../../store/curations";
import { isRemovedHash } from "../../store/decks";
import { deckCardCounts } from "../../store/study-queue";
import { IMPORTED_HISTORY_DECK_ID } from "../import-history";
import { countsToday, studyDayStartAt } from "./counts-today";
import { fallbackOptions } from "./study-card";

export interface DeckSummary {
  id: string;
  title: string;
  description: string;
  group: string;
  language: string;
  cardCount: number;
  /** cards seen before and due now */
  dueCount: number;
  /** cards never studied */
  newCount: number;
  /** the deck is generated from notes */
  notesMode: boolean;
  /** generated cards no one has kept, discarded or edited yet (the deck's review page) */
  toReview: number;
  /** the imported history's deck of placeholder cards: statistics only, nothing to study */
  placeholder: boolean;
  /** its file was removed from the notes folder (the watcher retired its cards; they return with the file) */
  fileRemoved: boolean;
  /** cards left today with the deck's daily limits applied, as the study screen counts them */
  today: StudyCounts;
}

export async function listDecks(options: { now?: Date; db?: Db; timeZone?: string } = {}): Promise<DeckSummary[]> {
  const database = options.db ?? defaultDb();
  const at = options.now ?? new Date();
  const dayStart = studyDayStartAt(database.sqlite, at, options.timeZone);
  const decks = await database.prisma.deck.findMany({ orderBy: [{ groupPath: "asc" }, { id: "asc" }] });
  const counts = deckCardCounts(database.sqlite, at.getTime());
  const undecided = countUndecided(database);
  return decks.map((d) => {
    const c = counts.get(d.id);
    return {
      id: d.id,
      title: d.title,
      description: d.description,
      group: d.groupPath,
      language: d.language,
      cardCount: c?.total ?? 0,
      dueCount: c?.due ?? 0,
      newCount: c?.fresh ?? 0,
      notesMode: d.notesMode,
      toReview: undecided.get(d.id) ?? 0,
      placeholder: d.id === IMPORTED_HISTORY_DECK_ID,
      fileRemoved: isRemovedHash(d.contentHash),
      today: countsToday(database.sqlite, d.id, optionsForDeck(database.sqlite, d.id)?.options ?? fallbackOptions().options, at, dayStart).counts,
    };
  });
}
