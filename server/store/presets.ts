/**
 * The Preset table (deck options shared by decks, Anki's option groups) and which preset a deck
 * uses. Preset 1 is the default. The study path reads a deck's preset through
 * server/deck-settings.ts (with the scheduler made from it); this module serves the options page:
 * a deck with its preset, the presets with their deck counts, the workload estimate, and saving.
 *
 * `options` is JSON (lib/deck-options.ts), decoded here by parseOptions: options that are not
 * JSON, or fail validation, read as the defaults (a preset written by an older version must
 * still open, and the study queue must still run), never as an error. Times are epoch ms.
 */
import { sql as raw } from "kysely";
import { z } from "zod";
import { DEFAULT_DECK_OPTIONS, deckOptionsSchema, type DeckOptions } from "@/lib/deck-options";
import type { Sqlite } from "../db";
import { decodeRow } from "./json-column";
import { first, all, run, sql } from "./sql";

/** Options stored as JSON: what fails validation falls back to the defaults. */
export function parseOptions(json: string): DeckOptions {
  let value: unknown = {};
  try {
    value = JSON.parse(json);
  } catch {
    return DEFAULT_DECK_OPTIONS;
  }
  const parsed = deckOptionsSchema.safeParse(value);
  return parsed.success ? parsed.data : DEFAULT_DECK_OPTIONS;
}

const deckPresetSchema = z.object({
  deckId: z.string(),
  deckTitle: z.string(),
  presetId: z.number(),
  presetName: z.string(),
  options: z.string().transform(parseOptions),
});
/** A deck with its preset's name and options. */
export type DeckPreset = z.output<typeof deckPresetSchema>;

export function findDeckPreset(sqlite: Sqlite, deckId: string): DeckPreset | null {
  const row = first(
    sqlite,
    sql
      .selectFrom("Deck as d")
      .innerJoin("Preset as p", "p.id", "d.presetId")
      .select(["d.id as deckId", "d.title as deckTitle", "d.presetId", "p.name as presetName", "p.options"])
      .where("d.id", "=", deckId),
  );
  return row === undefined ? null : decodeRow(deckPresetSchema, row, `Deck ${row.deckId}`);
}

const summarySchema = z.object({ id: z.number(), name: z.string(), deckCount: z.number() });
export type PresetSummary = z.output<typeof summarySchema>;

/** Every preset with the number of decks using it, by id. */
export function listPresets(sqlite: Sqlite): PresetSummary[] {
  const query = sql
    .selectFrom("Preset as p")
    .select((eb) => ["p.id", "p.name", eb.selectFrom("Deck as d").select((e) => e.fn.countAll<number>().as("n")).whereRef("d.presetId", "=", "p.id").as("deckCount")])
    .orderBy("p.id");
  return all(sqlite, query).map((r) => decodeRow(summarySchema, r, `Preset ${r.id}`));
}

/**
 * The steady-state reviews a day of the preset's decks' review cards (not retired, not
 * suspended): each comes back every S·k days, `k` the interval per day of stability at the
 * desired retention, so it costs 1/max(1, S·k) reviews a day.
 */
export function reviewsPerDay(sqlite: Sqlite, presetId: number, k: number): number {
  const row = first(
    sqlite,
    sql
      .selectFrom("Card as c")
      .innerJoin("Deck as d", "d.id", "c.deckId")
      .select(raw<number | null>`SUM(1.0 / MAX(1.0, ${raw.ref("c.stability")} * ${k}))`.as("perDay"))
      .where("d.presetId", "=", presetId)
      .where("c.state", "=", raw.lit(2))
      .where("c.retired", "=", raw.lit(0))
      .where("c.suspended", "=", raw.lit(0)),
  );
  return row?.perDay ?? 0;
}

/** The preset a deck uses, or null when there is no such deck. */
export function deckPresetId(sqlite: Sqlite, deckId: string): number | null {
  return first(sqlite, sql.selectFrom("Deck").select("presetId").where("id", "=", deckId))?.presetId ?? null;
}

export function presetExists(sqlite: Sqlite, presetId: number): boolean {
  return first(sqlite, sql.selectFrom("Preset").select("id").where("id", "=", presetId)) !== undefined;
}

export function presetNamed(sqlite: Sqlite, name: string): boolean {
  return first(sqlite, sql.selectFrom("Preset").select("id").where("name", "=", name)) !== undefined;
}

/** A new preset with these options; its id. */
export function insertPreset(sqlite: Sqlite, name: string, options: DeckOptions, now: Date): number {
  return run(sqlite, sql.insertInto("Preset").values({ name, options: JSON.stringify(options), updatedAt: now.getTime() })).lastInsertRowid;
}

export function updatePresetOptions(sqlite: Sqlite, presetId: number, options: DeckOptions, now: Date): void {
  run(sqlite, sql.updateTable("Preset").set({ options: JSON.stringify(options), updatedAt: now.getTime() }).where("id", "=", presetId));
}

export function setDeckPreset(sqlite: Sqlite, deckId: string, presetId: number): void {
  run(sqlite, sql.updateTable("Deck").set({ presetId }).where("id", "=", deckId));
}
