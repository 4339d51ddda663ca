import type { Settings } from "@/lib/api-schemas";
import { db as defaultDb, type Db } from "../../db";
import { deleteSetting, readSettings, saveSetting } from "../../store/settings";

/** Saves the given settings in one transaction (a null time zone means: follow the browser). */
export async function saveSettings(options: { settings: Partial<Settings>; db?: Db }): Promise<Settings> {
  const { sqlite } = options.db ?? defaultDb();
  const entries = Object.entries(options.settings).filter(([, v]) => v !== undefined);
  sqlite
    .transaction(() => {
      for (const [key, value] of entries) {
        if (value === null) deleteSetting(sqlite, key);
        else saveSetting(sqlite, key, value);
      }
    })
    .immediate();
  return readSettings(sqlite);
}
