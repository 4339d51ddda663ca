/**
 * The Deck table as the notes import reads it: which of a set of deck ids are already in the
 * database, with the file each was imported from (an import that would overwrite one needs the
 * user's "replace"). The deck rows themselves are written by the content import
 * (server/use-cases/import-content.ts), in the transaction that writes their cards; a deck whose
 * file was removed from the notes folder has its cards retired here (use-cases/decks/retire-deck-cards.ts).
 */
import { z } from "zod";
import type { Sqlite } from "../db";
import { decodeRow } from "./json-column";
import { all, first, run, sql } from "./sql";

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

const deckSourceSchema = z.object({ title: z.string(), source: z.string() });

/**
 * Retires every live card of a deck whose file was removed (its reviews and schedules stay) and
 * forgets the deck's content hash, so that the same file coming back is imported again and its
 * cards return (an unchanged hash would skip it). Null when there is no such deck. The caller
 * runs it in a transaction.
 */
export function retireDeckCards(sqlite: Sqlite, deckId: string, now: Date): { title: string; source: string; retired: number } | null {
  const row = first(sqlite, sql.selectFrom("Deck").select(["title", "source", "contentHash"]).where("id", "=", deckId));
  if (!row) return null;
  const deck = decodeRow(deckSourceSchema, row, `Deck ${deckId}`);
  const retired = run(sqlite, sql.updateTable("Card").set({ retired: 1, updatedAt: now.getTime() }).where("deckId", "=", deckId).where("retired", "=", 0)).changes;
  run(sqlite, sql.updateTable("Deck").set({ contentHash: removedHash(row.contentHash) }).where("id", "=", deckId));
  return { ...deck, retired };
}

/**
 * A removed deck's content hash is kept behind this prefix: no file's hash equals it (the file
 * coming back is imported again), and a file of another name with that content is the same deck
 * renamed (renamedDeck).
 */
export const REMOVED_HASH_PREFIX = "removed:";
const removedHash = (hash: string) => (hash.startsWith(REMOVED_HASH_PREFIX) || hash === "" ? hash : REMOVED_HASH_PREFIX + hash);

/** The deck's file was removed (or its deck moved to a renamed file): its cards are retired until it returns. */
export const isRemovedHash = (hash: string): boolean => hash === "" || hash.startsWith(REMOVED_HASH_PREFIX);

/** A deck's stored content hash (removed ones behind REMOVED_HASH_PREFIX, or ""), or null when there is no such deck. */
export function deckContentHash(sqlite: Sqlite, deckId: string): string | null {
  return first(sqlite, sql.selectFrom("Deck").select("contentHash").where("id", "=", deckId))?.contentHash ?? null;
}

/** Decks other than `deckId` whose stored content is `hash` (live or removed), with their files. */
export function decksWithContent(sqlite: Sqlite, hash: string, deckId: string): Array<{ id: string; source: string }> {
  return all(sqlite, sql.selectFrom("Deck").select(["id", "source"]).where("contentHash", "in", [hash, REMOVED_HASH_PREFIX + hash]).where("id", "!=", deckId));
}

/** The file a deck was imported from (as stored: relative to the working directory), or null. */
export function deckSource(sqlite: Sqlite, deckId: string): string | null {
  return first(sqlite, sql.selectFrom("Deck").select("source").where("id", "=", deckId))?.source ?? null;
}
