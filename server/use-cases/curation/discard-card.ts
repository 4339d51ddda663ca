import { db as defaultDb, type Db } from "../../db";
import { setCardRetired } from "../../store/cards";
import { getCuration, saveCuration } from "../../store/curations";
import { curatableCard, stateOf, type CurationState } from "./curatable-card";

/**
 * Discards a generated card for good: it leaves study, quizzes and interviews now, and stays out
 * on every import while the notes generate it the same way (history kept; restore brings it back).
 */
export function discardCard(options: { cardId: string; db?: Db; now?: Date }): CurationState {
  const db = options.db ?? defaultDb();
  const now = options.now ?? new Date();
  const { row, curation, sourceHash } = curatableCard(db, options.cardId);
  db.sqlite.transaction(() => {
    saveCuration(db, { cardId: row.id, deckId: row.deckId, status: "discarded", override: curation?.override ?? null, sourceHash, sourceChanged: curation?.sourceChanged ?? false }, now);
    setCardRetired(db, row.id, true, now);
  }).immediate();
  return stateOf(row.id, getCuration(db, row.id));
}
