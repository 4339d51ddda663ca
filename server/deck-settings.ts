/**
 * Deck options and user settings as the hot path needs them: a prepared lookup, parsed once
 * per preset version, with the preset's scheduler made once.
 */
import { DEFAULT_DECK_OPTIONS, deckOptionsSchema, type DeckOptions } from "@/lib/deck-options";
import { createScheduler, type Scheduler } from "@/lib/scheduling";
import { isFsrsParameters } from "@/lib/fsrs-metrics";
import { DEFAULT_ROLLOVER_HOUR } from "@/lib/study-day";
import type { Sqlite } from "./db";
import { perConnection } from "./store/sql";

/** FSRS fuzz spreads due dates as Anki does; MIANSHI_FSRS_FUZZ=0 turns it off (tests). */
export function fuzzEnabled(): boolean {
  return process.env.MIANSHI_FSRS_FUZZ !== "0";
}

export interface ResolvedOptions {
  presetId: number;
  options: DeckOptions;
  scheduler: Scheduler;
}

const cache = new Map<string, ResolvedOptions>();

/** Options stored as JSON: what fails validation falls back to the defaults, field by field. */
export function parseOptions(json: string): DeckOptions {
  let raw: unknown = {};
  try {
    raw = JSON.parse(json);
  } catch {
    return DEFAULT_DECK_OPTIONS;
  }
  const parsed = deckOptionsSchema.safeParse(raw);
  return parsed.success ? parsed.data : DEFAULT_DECK_OPTIONS;
}

/** The personal FSRS weights stored by "optimize --apply" (Setting fsrsParameters), if valid. */
export function parseWeights(json: string | null): number[] | undefined {
  if (json === null) return undefined;
  try {
    const value: unknown = JSON.parse(json);
    return isFsrsParameters(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The scheduler of a preset's options and the stored personal weights (JSON, or null for the
 * defaults); the crash test replays reviews through it.
 */
export function schedulerFor(options: DeckOptions, weights: string | null = null, enableFuzz: boolean = fuzzEnabled()): Scheduler {
  return createScheduler({
    requestRetention: options.desiredRetention,
    maximumInterval: options.maximumInterval,
    learningSteps: options.learningSteps,
    relearningSteps: options.relearningSteps,
    enableFuzz,
    parameters: parseWeights(weights),
  });
}

export function resolveOptions(presetId: number, json: string, updatedAt: number, weights: string | null = null): ResolvedOptions {
  const key = `${presetId}:${updatedAt}:${fuzzEnabled()}:${weights}:${json}`;
  let hit = cache.get(key);
  if (!hit) {
    const options = parseOptions(json);
    hit = { presetId, options, scheduler: schedulerFor(options, weights) };
    if (cache.size > 100) cache.clear();
    cache.set(key, hit);
  }
  return hit;
}

type PresetRow = { id: number; options: string; updatedAt: number; weights: string | null };

/** The stored personal weights, read with the preset (one primary-key lookup). */
const WEIGHTS = `(SELECT value FROM Setting WHERE key = 'fsrsParameters') AS weights`;

/** The statements below, prepared once per connection. */
const statements = perConnection(prepare);

function prepare(sqlite: Sqlite) {
  return {
    byDeck: sqlite.prepare<[string], PresetRow>(`SELECT p.id, p.options, p.updatedAt, ${WEIGHTS} FROM Deck d JOIN Preset p ON p.id = d.presetId WHERE d.id = ?`),
    byCard: sqlite.prepare<[string], PresetRow>(
      `SELECT p.id, p.options, p.updatedAt, ${WEIGHTS} FROM Card c JOIN Deck d ON d.id = c.deckId JOIN Preset p ON p.id = d.presetId WHERE c.id = ?`,
    ),
    setting: sqlite.prepare<[string], { value: string }>(`SELECT value FROM Setting WHERE key = ?`),
  };
}

export function optionsForDeck(sqlite: Sqlite, deckId: string): ResolvedOptions | null {
  const row = statements(sqlite).byDeck.get(deckId);
  return row ? resolveOptions(row.id, row.options, row.updatedAt, row.weights) : null;
}

export function optionsForCard(sqlite: Sqlite, cardId: string): ResolvedOptions | null {
  const row = statements(sqlite).byCard.get(cardId);
  return row ? resolveOptions(row.id, row.options, row.updatedAt, row.weights) : null;
}

export interface UserSettings {
  /** the hour a study day starts, in the user's time zone */
  rolloverHour: number;
  /** the user's IANA time zone when they set one; otherwise the browser's is used */
  timeZone: string | null;
}

export function readSettings(sqlite: Sqlite): UserSettings {
  const get = (key: string): unknown => {
    const row = statements(sqlite).setting.get(key);
    if (!row) return undefined;
    try {
      return JSON.parse(row.value);
    } catch {
      return undefined;
    }
  };
  const hour = get("rolloverHour");
  const tz = get("timeZone");
  return {
    rolloverHour: typeof hour === "number" && Number.isInteger(hour) && hour >= 0 && hour <= 23 ? hour : DEFAULT_ROLLOVER_HOUR,
    timeZone: typeof tz === "string" ? tz : null,
  };
}

/** The stored personal FSRS weights, or null when none (or invalid) are stored. */
export function storedWeights(sqlite: Sqlite): number[] | null {
  return parseWeights(statements(sqlite).setting.get("fsrsParameters")?.value ?? null) ?? null;
}
