/**
 * The Setting table: one JSON value per key. Three keys are read: `rolloverHour` and `timeZone`
 * (the user's settings) and `fsrsParameters` (the personal FSRS weights the user applied).
 *
 * Each key's value is decoded here, by its own schema. A value that is not JSON, or not of its
 * key's shape, reads as absent (the default applies) rather than as an error: the settings page
 * must still open to set it again, and the study queue reads these on every request. Reading is
 * `prepared` (the queue's counts read the settings on every card).
 */
import { z } from "zod";
import { isFsrsParameters } from "@/lib/fsrs-metrics";
import { DEFAULT_ROLLOVER_HOUR } from "@/lib/study-day";
import type { Sqlite } from "../db";
import { jsonColumn } from "./json-column";
import { prepared, sql } from "./sql";

/** The key of the applied personal FSRS parameters (a JSON array of 21 numbers). */
export const FSRS_PARAMETERS_KEY = "fsrsParameters";

export interface UserSettings {
  /** the hour a study day starts, in the user's time zone */
  rolloverHour: number;
  /** the user's IANA time zone when they set one; otherwise the browser's is used */
  timeZone: string | null;
}

/** Each key's value, as JSON text. */
const hourValue = jsonColumn(z.number().int().min(0).max(23));
const zoneValue = jsonColumn(z.string());
const weightsValue = jsonColumn(z.unknown().refine(isFsrsParameters)).transform((w) => w as number[]);

const valueOf = prepared((p: { key: string }) => sql.selectFrom("Setting").select("value").where("key", "=", p.key));
const upsert = prepared((p: { key: string; value: string }) =>
  sql
    .insertInto("Setting")
    .values({ key: p.key, value: p.value })
    .onConflict((oc) => oc.column("key").doUpdateSet((eb) => ({ value: eb.ref("excluded.value") }))),
);
const remove = prepared((p: { key: string }) => sql.deleteFrom("Setting").where("key", "=", p.key));

/** A key's value read with its schema; undefined when there is none or it is not of that shape. */
function read<T>(sqlite: Sqlite, key: string, schema: z.ZodType<T, string>): T | undefined {
  const row = valueOf.first(sqlite, { key });
  if (row === undefined) return undefined;
  const parsed = schema.safeParse(row.value);
  return parsed.success ? parsed.data : undefined;
}

/** The user's settings, defaults where none (or no valid one) is stored. */
export function readSettings(sqlite: Sqlite): UserSettings {
  return { rolloverHour: read(sqlite, "rolloverHour", hourValue) ?? DEFAULT_ROLLOVER_HOUR, timeZone: read(sqlite, "timeZone", zoneValue) ?? null };
}

/** The personal FSRS weights as stored (JSON text, or null), if they are 21 finite numbers. */
export function parseWeights(json: string | null): number[] | undefined {
  if (json === null) return undefined;
  const parsed = weightsValue.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

/** The stored personal FSRS weights, or null when none (or invalid ones) are stored. */
export function storedWeights(sqlite: Sqlite): number[] | null {
  return read(sqlite, FSRS_PARAMETERS_KEY, weightsValue) ?? null;
}

/** Stores a key's value (as JSON), replacing the one it had. */
export function saveSetting(sqlite: Sqlite, key: string, value: unknown): void {
  upsert.run(sqlite, { key, value: JSON.stringify(value) });
}

/** Removes a key (its default applies again). */
export function deleteSetting(sqlite: Sqlite, key: string): void {
  remove.run(sqlite, { key });
}
