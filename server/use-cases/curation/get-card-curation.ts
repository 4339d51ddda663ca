import { overrideOf, type CardOverride } from "@/lib/content/curation";
import { db as defaultDb, type Db } from "../../db";
import { curatableCard, stateOf, type CurationState } from "./curatable-card";

/** A generated card's decision and the fields its fix form starts from. */
export function getCardCuration(options: { cardId: string; db?: Db }): CurationState & { fields: CardOverride } {
  const db = options.db ?? defaultDb();
  const { row, card, curation } = curatableCard(db, options.cardId);
  // an edited card is stored as edited, so its fields are the edit's
  return { ...stateOf(row.id, curation), fields: overrideOf(card) };
}
