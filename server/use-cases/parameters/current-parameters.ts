import { DEFAULT_PARAMETERS } from "@/lib/fsrs-metrics";
import { db as defaultDb, type Db } from "../../db";
import { storedWeights } from "../../store/settings";

/** The parameters in use: the applied ones, or FSRS-6's defaults. */
export async function currentParameters(options: { db?: Db } = {}): Promise<number[]> {
  return storedWeights((options.db ?? defaultDb()).sqlite) ?? [...DEFAULT_PARAMETERS];
}
