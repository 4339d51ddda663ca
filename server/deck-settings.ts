/**
 * Deck options as the hot path needs them: a prepared lookup, parsed once per preset version,
 * with the preset's scheduler made once (with the personal weights of store/settings.ts).
 */
import type { DeckOptions } from "@/lib/deck-options";
import { createScheduler, type Scheduler } from "@/lib/scheduling";
import type { Sqlite } from "./db";
import { parseOptions } from "./store/presets";
import { FSRS_PARAMETERS_KEY, parseWeights } from "./store/settings";
import { perConnection } from "./store/sql";

/** FSRS fuzz spreads due dates as Anki does; MIANSHI_FSRS_FUZZ=0 turns it off (tests). */
export function fuzzEnabled(): boolean {
  return process.env.MIANSHI_FSRS_FUZZ !== "0";
}

export interface ResolvedOptions {
  presetId: number;
  options: DeckOptions;
  scheduler: Scheduler;
  /**
   * the same without fuzz, when fuzz is on (else null): the load balancer picks a day within
   * the fuzz range of FSRS's own interval, which only this scheduler gives
   */
  unfuzzed: Scheduler | null;
}

const cache = new Map<string, ResolvedOptions>();

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
    hit = { presetId, options, scheduler: schedulerFor(options, weights), unfuzzed: fuzzEnabled() ? schedulerFor(options, weights, false) : null };
    if (cache.size > 100) cache.clear();
    cache.set(key, hit);
  }
  return hit;
}

type PresetRow = { id: number; options: string; updatedAt: number; weights: string | null };

/** The stored personal weights, read with the preset (one primary-key lookup). */
const WEIGHTS = `(SELECT value FROM Setting WHERE key = '${FSRS_PARAMETERS_KEY}') AS weights`;

/** The statements below, prepared once per connection. */
const statements = perConnection(prepare);

function prepare(sqlite: Sqlite) {
  return {
    byDeck: sqlite.prepare<[string], PresetRow>(`SELECT p.id, p.options, p.updatedAt, ${WEIGHTS} FROM Deck d JOIN Preset p ON p.id = d.presetId WHERE d.id = ?`),
    byCard: sqlite.prepare<[string], PresetRow>(
      `SELECT p.id, p.options, p.updatedAt, ${WEIGHTS} FROM Card c JOIN Deck d ON d.id = c.deckId JOIN Preset p ON p.id = d.presetId WHERE c.id = ?`,
    ),
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
