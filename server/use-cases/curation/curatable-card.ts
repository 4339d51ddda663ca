import { parsedCardOf } from "@/lib/content/stored-card";
import { sourceHashOf } from "@/lib/content/curation";
import type { ParsedCard } from "@/lib/content/types";
import type { Db } from "../../db";
import { NotFoundError, ValidationError } from "../../errors";
import { getCardContent, type CardContentRow } from "../../store/cards";
import { getCuration, type CurationRow } from "../../store/curations";
import { reimportDeck } from "../import-content";

export interface CuratableCard {
  row: CardContentRow;
  card: ParsedCard;
  curation: CurationRow | null;
  /** the generated card the decision is about: the decision's own, or the stored card's */
  sourceHash: string;
}

/**
 * A card the user may keep, discard or edit: one notes mode generated. A card written by hand is
 * changed in its file, where it came from.
 */
export function curatableCard(db: Db, cardId: string): CuratableCard {
  const row = getCardContent(db, cardId);
  if (!row) throw new NotFoundError(`no card with id ${cardId}`);
  const card = parsedCardOf(row);
  if (!row.notesMode || !card.generatedBy) throw new ValidationError("this card is written in its deck's file: change it there (only cards generated from notes are kept, discarded or edited here)");
  const curation = getCuration(db, cardId);
  // with no decision yet the stored card is the generated one, so its hash is the source's
  return { row, card, curation, sourceHash: curation?.sourceHash ?? sourceHashOf(row) };
}

export interface CurationState {
  cardId: string;
  status: "unreviewed" | "kept" | "discarded" | "edited";
  /** edited, and the notes generate this card differently since */
  sourceChanged: boolean;
}

export function stateOf(cardId: string, curation: CurationRow | null): CurationState {
  return { cardId, status: curation?.status ?? "unreviewed", sourceChanged: curation?.sourceChanged ?? false };
}

/**
 * Imports the card's deck again so the stored cards are what the importer makes with the user's
 * decisions applied; a file that cannot be imported now (removed, or broken by an edit in
 * progress) leaves the decision saved, applied at the deck's next import, and says so.
 */
export function reimportFor(db: Db, deckId: string, now: Date): { warning?: string } {
  const { errors } = reimportDeck({ deckId, db, now });
  return errors.length > 0 ? { warning: errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join("\n") } : {};
}
