import { deckOptionsSchema, intervalPerStability, type DeckOptions } from "@/lib/deck-options";
import { db as defaultDb, type Db } from "../db";
import { parseOptions } from "../deck-settings";
import { ConflictError, NotFoundError, ValidationError } from "../errors";

export interface PresetSummary {
  id: number;
  name: string;
  deckCount: number;
}

export interface Workload {
  /** steady-state reviews a day of the cards already in review, at this retention */
  reviewsPerDay: number;
  /** new cards a day (each adds its learning steps on the day it is introduced) */
  newPerDay: number;
}

export interface DeckOptionsView {
  deckId: string;
  deckTitle: string;
  presetId: number;
  presetName: string;
  options: DeckOptions;
  presets: PresetSummary[];
  workload: Workload;
}

/**
 * Estimated reviews a day at a desired retention: each review card comes back every
 * S·k(R) days, so it costs 1/(S·k) reviews a day; summed in SQL over the preset's decks.
 */
export async function estimateWorkload(options: { presetId: number; desiredRetention: number; newPerDay: number; db?: Db }): Promise<Workload> {
  const { sqlite } = options.db ?? defaultDb();
  const k = intervalPerStability(options.desiredRetention);
  const row = sqlite
    .prepare(
      `SELECT SUM(1.0 / MAX(1.0, c.stability * ?)) AS perDay FROM Card c JOIN Deck d ON d.id = c.deckId
       WHERE d.presetId = ? AND c.state = 2 AND c.retired = 0 AND c.suspended = 0`,
    )
    .get(k, options.presetId) as { perDay: number | null };
  return { reviewsPerDay: Math.round((row.perDay ?? 0) * 10) / 10, newPerDay: options.newPerDay };
}

export async function getDeckOptions(options: { deckId: string; db?: Db }): Promise<DeckOptionsView> {
  const database = options.db ?? defaultDb();
  const deck = await database.prisma.deck.findUnique({ where: { id: options.deckId }, include: { preset: true } });
  if (!deck) throw new NotFoundError(`no deck with id ${options.deckId}`);
  const presets = await database.prisma.preset.findMany({ orderBy: { id: "asc" }, include: { _count: { select: { decks: true } } } });
  const parsed = parseOptions(deck.preset.options);
  return {
    deckId: deck.id,
    deckTitle: deck.title,
    presetId: deck.presetId,
    presetName: deck.preset.name,
    options: parsed,
    presets: presets.map((p) => ({ id: p.id, name: p.name, deckCount: p._count.decks })),
    workload: await estimateWorkload({ presetId: deck.presetId, desiredRetention: parsed.desiredRetention, newPerDay: parsed.newPerDay, db: database }),
  };
}

export interface SaveDeckOptions {
  deckId: string;
  options: DeckOptions;
  /** save into this existing preset (shared by every deck using it) */
  presetId?: number;
  /** or create a new preset with this name and use it for this deck */
  newPresetName?: string;
  now?: Date;
  db?: Db;
}

/** Saves options into a preset (existing or new) and points the deck at it, in one transaction. */
export async function saveDeckOptions(input: SaveDeckOptions): Promise<DeckOptionsView> {
  const database = input.db ?? defaultDb();
  const now = input.now ?? new Date();
  const opts = deckOptionsSchema.parse(input.options);
  const json = JSON.stringify(opts);
  await database.prisma.$transaction(async (tx) => {
    const deck = await tx.deck.findUnique({ where: { id: input.deckId }, select: { presetId: true } });
    if (!deck) throw new NotFoundError(`no deck with id ${input.deckId}`);
    let presetId = input.presetId ?? deck.presetId;
    if (input.newPresetName !== undefined) {
      const name = input.newPresetName.trim();
      if (name === "") throw new ValidationError("a new preset needs a name");
      if (await tx.preset.findUnique({ where: { name } })) throw new ConflictError(`a preset named ${name} already exists`);
      presetId = (await tx.preset.create({ data: { name, options: json, updatedAt: now } })).id;
    } else {
      const found = await tx.preset.findUnique({ where: { id: presetId } });
      if (!found) throw new NotFoundError(`no preset with id ${presetId}`);
      await tx.preset.update({ where: { id: presetId }, data: { options: json, updatedAt: now } });
    }
    await tx.deck.update({ where: { id: input.deckId }, data: { presetId } });
  });
  return getDeckOptions({ deckId: input.deckId, db: database });
}
