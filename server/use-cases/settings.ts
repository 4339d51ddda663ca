import type { Settings } from "@/lib/api-schemas";
import { db as defaultDb, type Db } from "../db";
import { readSettings } from "../deck-settings";

/** The user's settings: when the study day starts, and in which time zone. */
export async function getSettings(options: { db?: Db } = {}): Promise<Settings> {
  return readSettings((options.db ?? defaultDb()).sqlite);
}

/** Saves the given settings (a null time zone means: follow the browser). */
export async function saveSettings(options: { settings: Partial<Settings>; db?: Db }): Promise<Settings> {
  const database = options.db ?? defaultDb();
  const entries = Object.entries(options.settings).filter(([, v]) => v !== undefined);
  await database.prisma.$transaction(
    entries.map(([key, value]) =>
      value === null
        ? database.prisma.setting.deleteMany({ where: { key } })
        : database.prisma.setting.upsert({ where: { key }, create: { key, value: JSON.stringify(value) }, update: { value: JSON.stringify(value) } }),
    ),
  );
  return getSettings({ db: database });
}
