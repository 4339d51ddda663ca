import { intervalPerStability } from "@/lib/deck-options";
import { db as defaultDb, type Db } from "../../db";
import { reviewsPerDay } from "../../store/presets";

export interface Workload {
  /** steady-state reviews a day of the cards already in review, at this retention */
  reviewsPerDay: number;
  /** new cards a day (each adds its learning steps on the day it is introduced) */
  newPerDay: number;
}

/**
 * Estimated reviews a day at a desired retention: each review card comes back every
 * S·k(R) days, so it costs 1/(S·k) reviews a day; summed in SQL over the preset's decks.
 */
export async function estimateWorkload(options: { presetId: number; desiredRetention: number; newPerDay: number; db?: Db }): Promise<Workload> {
  const { sqlite } = options.db ?? defaultDb();
  const perDay = reviewsPerDay(sqlite, options.presetId, intervalPerStability(options.desiredRetention));
  return { reviewsPerDay: Math.round(perDay * 10) / 10, newPerDay: options.newPerDay };
}
