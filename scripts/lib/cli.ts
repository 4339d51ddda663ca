/**
 * What every command-line tool (content, history, anki, backup) does around its command: point
 * the server code at the database file, migrate it if it is behind, and exit with the command's
 * code. One copy, so that a tool added later opens the database the same way.
 */
import { databaseFile } from "../../server/database-url";
import { migrateIfBehind } from "./setup";

/** DATABASE_URL's file (or the default ./data/mianshi.db), migrated if behind; the server modules imported after this read it. */
export function prepareLocalDatabase(): string {
  const file = databaseFile();
  process.env.DATABASE_URL = `file:${file}`;
  migrateIfBehind(file);
  return file;
}

/** The prepared database, opened as the server opens it. */
export async function openLocalDatabase() {
  const file = prepareLocalDatabase();
  const { db, closeDb } = await import("../../server/db");
  return { file, db: db(), closeDb };
}

/**
 * Runs `main` on the command's arguments and exits with the code it returns; an error nobody
 * caught prints its message (no stack: these are the user's tools) and exits with `failureCode`.
 */
export function runCli(main: (argv: string[]) => Promise<number>, failureCode = 2): void {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(failureCode);
    },
  );
}
