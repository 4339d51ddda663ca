import { applyOverride, overrideOf, sameOverride, type CardOverride } from "@/lib/content/curation";
import { db as defaultDb, type Db } from "../../db";
import { ValidationError } from "../../errors";
import { getCuration, saveCuration } from "../../store/curations";
import { curatableCard, reimportFor, stateOf, type CurationState } from "./curatable-card";

/**
 * Saves the user's version of a generated card. It replaces the generated card on this and every
 * later import (same id, so the review history stays), and is never written into the notes.
 */
export function editCard(options: { cardId: string; override: CardOverride; db?: Db; now?: Date }): CurationState & { warning?: string } {
  const db = options.db ?? defaultDb();
  const now = options.now ?? new Date();
  const { row, card, curation, sourceHash } = curatableCard(db, options.cardId);
  const made = applyOverride(options.override, card);
  if (!made.ok) throw new ValidationError(made.message);
  // saved as it already is: nothing to record (the form's Save on an untouched card)
  if (!curation?.override && sameOverride(options.override, overrideOf(card))) return stateOf(row.id, curation);
  saveCuration(db, { cardId: row.id, deckId: row.deckId, status: "edited", override: options.override, sourceHash, sourceChanged: curation?.sourceChanged ?? false }, now);
  // the importer applies the edit, so the stored card is exactly what every later import makes
  const outcome = reimportFor(db, row.deckId, now);
  return { ...stateOf(row.id, getCuration(db, row.id)), ...outcome };
}
