import { db as defaultDb, type Db } from "../../db";
import { ConflictError } from "../../errors";
import { deleteCuration, getCuration, saveCuration } from "../../store/curations";
import { curatableCard, reimportFor, stateOf, type CurationState } from "./curatable-card";

/**
 * Takes back a discard: the card returns to study as it was (edited, when it had been). The deck
 * is imported again so the card is live exactly when its notes still make it.
 */
export function restoreCard(options: { cardId: string; db?: Db; now?: Date }): CurationState & { warning?: string } {
  const db = options.db ?? defaultDb();
  const now = options.now ?? new Date();
  const { row, curation } = curatableCard(db, options.cardId);
  if (curation?.status !== "discarded") throw new ConflictError("this card is not discarded");
  if (curation.override) saveCuration(db, { ...curation, status: "edited" }, now);
  else deleteCuration(db, row.id);
  const outcome = reimportFor(db, row.deckId, now);
  return { ...stateOf(row.id, getCuration(db, row.id)), ...outcome };
}
