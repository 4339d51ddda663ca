import { db as defaultDb, type Db } from "../../db";
import { ConflictError } from "../../errors";
import { deleteCuration, getCuration } from "../../store/curations";
import { curatableCard, reimportFor, stateOf, type CurationState } from "./curatable-card";

/** Drops the user's edit of a card: the card becomes what the notes generate now. */
export function revertCard(options: { cardId: string; db?: Db; now?: Date }): CurationState & { warning?: string } {
  const db = options.db ?? defaultDb();
  const now = options.now ?? new Date();
  const { row, curation } = curatableCard(db, options.cardId);
  if (curation?.status !== "edited") throw new ConflictError("this card has no edit to undo");
  deleteCuration(db, row.id);
  const outcome = reimportFor(db, row.deckId, now);
  return { ...stateOf(row.id, getCuration(db, row.id)), ...outcome };
}
