/**
 * `npm start`: check the settings and the database, migrate it when it is behind, build when the
 * sources changed, serve, then import content/ in the background when it changed (with progress
 * in the log), and copy the database once a day. While it serves, the server watches the notes
 * folder and imports a file again when it is saved (MIANSHI_WATCH_NOTES=0 turns that off). `--dev` serves with `next dev` instead of building.
 *
 * One `npm start` per database: it holds a lock beside the database file for as long as it
 * runs, and a second one (or a tool that must migrate) says the server is running.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { databaseFile } from "../server/database-url";
import { exposureProblem } from "../server/auth";
import { databaseWriteProblem, ensureBuilt, holdServerLock, migrate, pendingMigrations, ROOT, SERVER_RUNNING, serverAddressFile, writeServerAddress } from "./lib/setup";
import { formatError } from "../lib/content/format";

async function main() {
  const dev = process.argv.includes("--dev");
  const port = process.env.PORT ?? "3000";
  const host = process.env.HOST ?? "127.0.0.1";
  const problem = exposureProblem(host);
  if (problem) throw new Error(problem);
  const file = databaseFile();
  const shown = path.relative(ROOT, file) || file;
  process.env.DATABASE_URL = `file:${file}`;
  console.log(`database: ${shown}`);
  const readOnly = databaseWriteProblem(file);
  if (readOnly) throw new Error(readOnly);
  const lock = holdServerLock(file);
  if (!lock) throw new Error(`${shown}: ${SERVER_RUNNING} (another npm start serves this database)`);
  // settings that would otherwise only fail hours later, in the background
  const { backupSettingsFrom, startDailyBackups } = await import("../server/use-cases/backup");
  const backups = backupSettingsFrom(process.env, ROOT);
  const pending = pendingMigrations(file);
  if (pending.length > 0) {
    migrate(file);
    console.log(`database: applied ${pending.length} migration(s)`);
  }

  if (!dev && ensureBuilt()) console.log("built the app");
  if (process.env.MIANSHI_PASSPHRASE || process.env.MIANSHI_PASSPHRASE_HASH) console.log("a passphrase is set: every page and API asks for a login");
  const child = spawn(path.join(ROOT, "node_modules", ".bin", "next"), [dev ? "dev" : "start", "-p", port, "-H", host], {
    cwd: ROOT,
    stdio: "inherit",
    // the server watches the notes folder (server/notes-watcher.ts): a saved file is imported again
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", MIANSHI_WATCH_NOTES: process.env.MIANSHI_WATCH_NOTES ?? "1" },
  });
  // where `npm run content -- import` sends its files while this server runs (always over loopback)
  const local = host === "0.0.0.0" || host === "::" || host === "[::]" ? "127.0.0.1" : host;
  if (/^(127\.|localhost$|::1$|\[::1\]$)/.test(local)) writeServerAddress(file, `http://${local === "::1" ? "[::1]" : local}:${port}`);
  // a copy of the database once a day (the last MIANSHI_BACKUP_KEEP kept), made by this process
  const { openDb } = await import("../server/db");
  const stopBackups = startDailyBackups({ db: openDb(file, { backgroundCheckpoints: false }), dir: backups.dir, keep: backups.keep });
  const stop = (signal: NodeJS.Signals) => {
    stopBackups();
    child.kill(signal);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  child.on("exit", (code) => {
    fs.rmSync(serverAddressFile(file), { force: true });
    lock.release();
    process.exit(code ?? 0);
  });
  await importInBackground();
}

/**
 * Imports content/ while the server already serves (in this process, not the server's): only
 * changed files are parsed, each deck is written in one short transaction, so studying goes on
 * meanwhile; a deck being imported shows its old cards until its transaction commits.
 */
async function importInBackground() {
  const { importContent } = await import("../server/use-cases/import-content");
  const { closeDb } = await import("../server/db");
  const started = performance.now();
  const seconds = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  try {
    const result = await importContent({
      onDeckStart: (f) => console.log(`content: importing ${f.display} (changed)…`),
      onDeck: (d) => {
        if (d.status === "failed") console.log(`content: ${d.source}: not imported (errors below); the deck already in the database is unchanged`);
        else if (d.status === "imported") console.log(`content: ${d.source}: ${d.added} added, ${d.updated} updated, ${d.retired} retired, ${d.unchanged} unchanged${d.reworded ? `, ${d.reworded} reworded (progress kept)` : ""} (${seconds()})`);
      },
    });
    for (const e of result.errors) console.error(formatError(e));
    const unchanged = result.decks.filter((d) => d.status === "unchanged").length;
    const changed = result.decks.length - unchanged;
    console.log(`content: ${changed === 0 ? "no deck changed" : `${changed} changed deck(s) done`}, ${unchanged} unchanged, in ${seconds()}`);
  } catch (e) {
    console.error(`content: import failed: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    await closeDb();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
