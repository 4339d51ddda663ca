import type { DeckOptions } from "@/lib/deck-options";
import { db as defaultDb, type Db } from "../../db";
import { NotFoundError } from "../../errors";
import { findDeckPreset, listPresets, type PresetSummary } from "../../store/presets";
import { estimateWorkload, type Workload } from "./estimate-workload";

export interface DeckOptionsView {
  deckId: string;
  deckTitle: string;
  presetId: number;
  presetName: string;
  options: DeckOptions;
  presets: PresetSummary[];
  workload: Workload;
}

/** A deck's options page: its preset and options, every preset, and the workload they give. */
export async function getDeckOptions(options: { deckId: string; db?: Db }): Promise<DeckOptionsView> {
  const database = options.db ?? defaultDb();
  const deck = findDeckPreset(database.sqlite, options.deckId);
  if (!deck) throw new NotFoundError(`no deck with id ${options.deckId}`);
  return {
    ...deck,
    presets: listPresets(database.sqlite),
    workload: await estimateWorkload({ presetId: deck.presetId, desiredRetention: deck.options.desiredRetention, newPerDay: deck.options.newPerDay, db: database }),
  };
}
