import fs from "node:fs";
import path from "node:path";

/** Default database file, relative to the project root. */
export const DEFAULT_DATABASE_FILE = "data/mianshi.db";

/**
 * The SQLite file to use: `DATABASE_URL` (`file:./x.db` or a plain path) or the default under
 * `./data/`. The folder is created when missing.
 */
export function databaseFile(env: NodeJS.ProcessEnv = process.env): string {
  const raw = env.DATABASE_URL?.trim();
  let file = DEFAULT_DATABASE_FILE;
  if (raw) {
    if (raw.startsWith("file:")) file = raw.slice("file:".length).replace(/^\/\/(?=\/)/, "");
    else if (raw.includes("://")) throw new Error(`DATABASE_URL must be a SQLite file (file:./path.db), got ${raw}`);
    else file = raw;
  }
  const resolved = path.resolve(/*turbopackIgnore: true*/ file);
  fs.mkdirSync(path.dirname(resolved), { recursive: true });
  return resolved;
}
