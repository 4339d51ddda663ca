/**
 * The Deck table as the notes import reads it: which of a set of deck ids are already in the
 * database, with the file each was imported from (an import that would overwrite one needs the
 * user's "replace"). The deck rows themselves are written by the content import
 * (server/use-cases/import-content.ts), in the transaction that writes their cards.
 */
import { z } from "zod";
import type { Sqlite } from "../db";
import { decodeRow } from "./json-column";
import { all, sql } from "./sql";

const existingDeckSchema = z.object({ id: z.string(), title: z.string(), source: z.string() });
const groupSchema = z.object({ groupPath: z.string() });
export type ExistingDeck = z.infer<typeof existingDeckSchema>;

/** The decks among `ids` that exist, by id. */
export function existingDecks(sqlite: Sqlite, ids: string[]): Map<string, ExistingDeck> {
  if (ids.length === 0) return new Map();
  const rows = all(sqlite, sql.selectFrom("Deck").select(["id", "title", "source"]).where("id", "in", ids));
  return new Map(rows.map((r) => [r.id, decodeRow(existingDeckSchema, r, `Deck ${r.id}`)]));
}

/** The folders decks live in ("" for the top), for the group picker: one each, sorted. */
export function deckGroups(sqlite: Sqlite): string[] {
  return all(sqlite, sql.selectFrom("Deck").select("groupPath").distinct().orderBy("groupPath")).map((r) => decodeRow(groupSchema, r, "Deck").groupPath);
}
