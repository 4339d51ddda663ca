import { db as defaultDb, type Db } from "../../db";
import { deleteSetting, FSRS_PARAMETERS_KEY } from "../../store/settings";

/** Goes back to FSRS-6's default parameters. */
export async function resetParameters(options: { db?: Db } = {}): Promise<void> {
  deleteSetting((options.db ?? defaultDb()).sqlite, FSRS_PARAMETERS_KEY);
}
