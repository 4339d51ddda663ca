import { fsrsParametersSchema } from "@/lib/history/schemas";
import { db as defaultDb, type Db } from "../../db";
import { ValidationError } from "../../errors";
import { FSRS_PARAMETERS_KEY, saveSetting } from "../../store/settings";

/** Stores parameters (after the user confirmed them) and returns them. */
export async function applyParameters(options: { parameters: readonly number[]; db?: Db }): Promise<number[]> {
  const parsed = fsrsParametersSchema.safeParse(options.parameters);
  if (!parsed.success) throw new ValidationError(parsed.error.issues.map((i) => i.message).join("; "));
  const { sqlite } = options.db ?? defaultDb();
  saveSetting(sqlite, FSRS_PARAMETERS_KEY, parsed.data);
  return parsed.data;
}
