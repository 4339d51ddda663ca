import { db as defaultDb, type Db } from "../../db";
import { ConflictError } from "../../errors";
import { getCuration, saveCuration } from "../../store/curations";
import { curatableCard, stateOf, type CurationState } from "./curatable-card";

/**
 * Marks one generated card as looked at and good as it is. An edited card is already the user's
 * own and stays so; a discarded one is brought back with restore, not with keep.
 */
export function keepCard(options: { cardId: string; db?: Db; now?: Date }): CurationState {
  const db = options.db ?? defaultDb();
  const now = options.now ?? new Date();
  const { row, curation, sourceHash } = curatableCard(db, options.cardId);
  if (curation?.status === "discarded") throw new ConflictError("this card is discarded: restore it to keep it");
  if (curation?.status === "edited" || curation?.status === "kept") return stateOf(row.id, curation);
  saveCuration(db, { cardId: row.id, deckId: row.deckId, status: "kept", override: null, sourceHash }, now);
  return stateOf(row.id, getCuration(db, row.id));
}
