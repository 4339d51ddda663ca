/**
 * The CardCuration table: the user's decisions on generated cards (lib/content/curation.ts).
 * The only module that reads or writes it; rows are decoded once, here, with zod.
 */
import { z } from "zod";
import { CURATION_STATUSES, readOverride, type CardOverride, type Curation, type CurationOutcome, type CurationStatus } from "@/lib/content/curation";
import type { Db, Sqlite } from "../db";
import { decodeRow } from "./json-column";
import { perConnection } from "./sql";

const rowSchema = z.object({
  cardId: z.string(),
  deckId: z.string(),
  status: z.enum(CURATION_STATUSES as [CurationStatus, ...CurationStatus[]]),
  override: z.string().nullable(),
  sourceHash: z.string(),
  sourceChanged: z.union([z.literal(0), z.literal(1)]).transform((v) => v === 1),
  createdAt: z.number(),
  updatedAt: z.number(),
});

export interface CurationRow extends Omit<Curation, "override"> {
  deckId: string;
  override: CardOverride | null;
  sourceChanged: boolean;
  createdAt: Date;
  updatedAt: Date;
}

function decode(raw: unknown): CurationRow {
  // a row that is not what this module wrote is a StoredRowError (a 500), not a ZodError (a 400)
  const r = decodeRow(rowSchema, raw, "a CardCuration row");
  return { ...r, override: r.override === null ? null : readOverride(r.override), createdAt: new Date(r.createdAt), updatedAt: new Date(r.updatedAt) };
}

const COLUMNS = "cardId, deckId, status, override, sourceHash, sourceChanged, createdAt, updatedAt";

/** The statements below, prepared once per connection. */
const statements = perConnection(prepare);

function prepare(sqlite: Sqlite) {
  return {
    ofDeck: sqlite.prepare<[string]>(`SELECT ${COLUMNS} FROM CardCuration WHERE deckId = ?`),
    ofCard: sqlite.prepare<[string]>(`SELECT ${COLUMNS} FROM CardCuration WHERE cardId = ?`),
    upsert: sqlite.prepare(
      `INSERT INTO CardCuration (${COLUMNS}) VALUES (@cardId, @deckId, @status, @override, @sourceHash, @sourceChanged, @now, @now)
       ON CONFLICT(cardId) DO UPDATE SET status = excluded.status, override = excluded.override, sourceHash = excluded.sourceHash,
         sourceChanged = excluded.sourceChanged, updatedAt = excluded.updatedAt`,
    ),
    remove: sqlite.prepare<[string]>(`DELETE FROM CardCuration WHERE cardId = ?`),
    setStatus: sqlite.prepare(`UPDATE CardCuration SET status = @status, sourceChanged = @sourceChanged, updatedAt = @now WHERE cardId = @cardId`),
    undecided: sqlite.prepare<[], { deckId: string; n: number }>(
      `SELECT c.deckId AS deckId, COUNT(*) AS n FROM Card c
         JOIN Deck d ON d.id = c.deckId AND d.notesMode = 1
         LEFT JOIN CardCuration k ON k.cardId = c.id
       WHERE c.retired = 0 AND k.cardId IS NULL AND json_extract(c.data, '$.generatedBy') IS NOT NULL
       GROUP BY c.deckId`,
    ),
    flag: sqlite.prepare(`UPDATE CardCuration SET sourceChanged = @sourceChanged, updatedAt = @now WHERE cardId = @cardId AND sourceChanged != @sourceChanged`),
  };
}

/** A deck's decisions, by card id (what the importer applies). */
export function readCurations(db: Db, deckId: string): Map<string, Curation> {
  return new Map(listCurations(db, deckId).map((r) => [r.cardId, { cardId: r.cardId, status: r.status, override: r.override, sourceHash: r.sourceHash }]));
}

export function listCurations(db: Db, deckId: string): CurationRow[] {
  return statements(db.sqlite).ofDeck.all(deckId).map(decode);
}

/** Per notes deck, how many of its live generated cards have no decision yet (the review page's work). */
export function countUndecided(db: Db): Map<string, number> {
  return new Map(statements(db.sqlite).undecided.all().map((r) => [r.deckId, r.n]));
}

export function getCuration(db: Db, cardId: string): CurationRow | null {
  const raw = statements(db.sqlite).ofCard.get(cardId);
  return raw === undefined ? null : decode(raw);
}

export function saveCuration(db: Db, row: { cardId: string; deckId: string; status: CurationStatus; override: CardOverride | null; sourceHash: string; sourceChanged?: boolean }, now: Date): void {
  statements(db.sqlite).upsert.run({
    cardId: row.cardId,
    deckId: row.deckId,
    status: row.status,
    override: row.override === null ? null : JSON.stringify(row.override),
    sourceHash: row.sourceHash,
    sourceChanged: row.sourceChanged ? 1 : 0,
    now: now.getTime(),
  });
}

export function deleteCuration(db: Db, cardId: string): void {
  statements(db.sqlite).remove.run(cardId);
}

/**
 * What an import learnt about the decisions (inside the import's transaction): a discard or keep
 * of a card the notes now generate differently is forgotten (the card is back to be looked at),
 * unless the discarded card had been edited (it comes back as the edit); an edit is flagged.
 */
export function recordCurationOutcome(db: Db, outcome: CurationOutcome, now: Date): void {
  const st = statements(db.sqlite);
  const at = now.getTime();
  for (const { cardId, status } of outcome.lapsed) {
    if (status === "edited") st.flag.run({ cardId, sourceChanged: 1, now: at });
    else if (status === "discarded" && getCuration(db, cardId)?.override) st.setStatus.run({ cardId, status: "edited", sourceChanged: 1, now: at });
    else st.remove.run(cardId);
  }
  for (const cardId of outcome.current) st.flag.run({ cardId, sourceChanged: 0, now: at });
}
