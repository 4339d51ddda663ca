import type { Settings } from "@/lib/api-schemas";
import { db as defaultDb, type Db } from "../../db";
import { readSettings } from "../../store/settings";

/** The user's settings: when the study day starts, and in which time zone. */
export async function getSettings(options: { db?: Db } = {}): Promise<Settings> {
  return readSettings((options.db ?? defaultDb()).sqlite);
}
