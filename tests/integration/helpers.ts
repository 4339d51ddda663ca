import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDb, type Db } from "../../server/db";

/** A fresh, migrated SQLite file for one test (a copy of the template made in global setup). */
export function freshDb(): Db & { dir: string } {
  const template = process.env.MIANSHI_TEMPLATE_DB;
  if (!template) throw new Error("MIANSHI_TEMPLATE_DB is not set: run through vitest (global setup)");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mianshi-test-"));
  const file = path.join(dir, "test.db");
  fs.copyFileSync(template, file);
  const db = openDb(file);
  const close = db.close.bind(db);
  return Object.assign(db, {
    dir,
    async close() {
      await close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  });
}

/** Writes deck files into a temporary content folder. */
export function writeContent(dir: string, files: Record<string, string>): string {
  const root = path.join(dir, "content");
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(root, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  return root;
}

/** Counts rows with plain SQL, independent of the code under test. */
export function count(db: Db, sql: string, ...params: unknown[]): number {
  return (db.sqlite.prepare(sql).get(...params) as { n: number }).n;
}
