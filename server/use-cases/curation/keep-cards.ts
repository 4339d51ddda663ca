import { sourceHashOf } from "@/lib/content/curation";
import { parsedCardOf } from "@/lib/content/stored-card";
import { db as defaultDb, type Db } from "../../db";
import { NotFoundError } from "../../errors";
import { listDeckCardContent } from "../../store/cards";
import { listCurations, saveCuration } from "../../store/curations";

/**
 * Marks generated cards as looked at and kept: the given ones, or every card of the deck not yet
 * decided on ("keep all"). A keep lapses when the notes generate the card differently.
 */
export function keepCards(options: { deckId: string; cardIds?: string[]; db?: Db; now?: Date }): { kept: number } {
  const db = options.db ?? defaultDb();
  const now = options.now ?? new Date();
  const rows = listDeckCardContent(db, options.deckId);
  if (rows.length === 0) throw new NotFoundError(`no deck with id ${options.deckId}, or it has no cards`);
  const decided = new Set(listCurations(db, options.deckId).map((c) => c.cardId));
  const wanted = options.cardIds ? new Set(options.cardIds) : null;
  if (wanted) for (const id of wanted) if (!rows.some((r) => r.id === id)) throw new NotFoundError(`no card with id ${id} in deck ${options.deckId}`);
  let kept = 0;
  db.sqlite.transaction(() => {
    for (const row of rows) {
      if (decided.has(row.id) || (wanted && !wanted.has(row.id)) || !row.notesMode || !parsedCardOf(row).generatedBy) continue;
      saveCuration(db, { cardId: row.id, deckId: row.deckId, status: "kept", override: null, sourceHash: sourceHashOf(row) }, now);
      kept++;
    }
  }).immediate();
  return { kept };
}
