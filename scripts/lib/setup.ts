/** Set-up steps shared by `npm start`, the e2e tests and the benchmarks. */
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

export const ROOT = path.resolve(import.meta.dirname, "../..");
const BIN = path.join(ROOT, "node_modules", ".bin");

export function run(cmd: string, args: string[], env: Record<string, string> = {}, quiet = false): void {
  const r = spawnSync(path.join(BIN, cmd), args, {
    cwd: ROOT,
    stdio: quiet ? "pipe" : "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
  });
  if (r.status !== 0) {
    const output = String(r.stdout ?? "") + String(r.stderr ?? "");
    // Prisma's schema engine waits 5 s for its exclusive lock, then says "unknown variant SocketTimeout"
    if (/SocketTimeout|database is locked|SQLITE_BUSY/i.test(output)) throw new Error(SERVER_RUNNING);
    if (/readonly database|read-only|SQLITE_READONLY|SQLITE_CANTOPEN|unable to open/i.test(output)) throw new Error(READ_ONLY);
    if (quiet) process.stderr.write(output);
    throw new Error(`${cmd} ${args.join(" ")} failed with exit code ${r.status}`);
  }
}

/** What a tool says when the database is in use by the server and it cannot go on. */
export const SERVER_RUNNING = "the server is running: stop it or use the page / API";
const READ_ONLY = "the database cannot be written (a read-only file or folder): Mianshi needs to write the file and create its -wal and -shm files beside it";

/** Applies the Prisma migrations to the SQLite file (created when missing). */
export function migrate(databaseFile: string, quiet = true): void {
  run("prisma", ["migrate", "deploy"], { DATABASE_URL: `file:${databaseFile}` }, quiet);
}

/** The migrations of prisma/migrations, oldest first (their folder names sort by time). */
export function migrationNames(): string[] {
  const dir = path.join(ROOT, "prisma", "migrations");
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(dir, e.name, "migration.sql")))
    .map((e) => e.name)
    .sort();
}

/**
 * The migrations not yet applied to the database, read from Prisma's `_prisma_migrations`
 * table without taking any lock (a read-only connection: it works while the server runs).
 * A missing file, or one without that table, has them all pending.
 */
export function pendingMigrations(databaseFile: string): string[] {
  const all = migrationNames();
  if (!fs.existsSync(databaseFile)) return all;
  let applied: Set<string>;
  const sqlite = new Database(databaseFile, { readonly: true, fileMustExist: true, timeout: 5000 });
  try {
    const table = sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'`).get();
    if (!table) return all;
    const rows = sqlite.prepare(`SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`).all() as Array<{ name: string }>;
    applied = new Set(rows.map((r) => r.name));
  } finally {
    sqlite.close();
  }
  return all.filter((m) => !applied.has(m));
}

/**
 * Migrates the database only when it is behind. `prisma migrate deploy` takes an exclusive
 * lock on the file and fails while any other process has it open (the server), so a tool
 * that needs no migration must not run it; one that does, while the server runs, says so.
 * Returns the migrations applied.
 */
export function migrateIfBehind(databaseFile: string): string[] {
  const pending = pendingMigrations(databaseFile);
  if (pending.length === 0) return [];
  if (serverIsRunning(databaseFile)) throw new Error(`${path.relative(process.cwd(), databaseFile) || databaseFile} needs ${pending.length} migration(s), but ${SERVER_RUNNING}`);
  migrate(databaseFile);
  return pending;
}

/**
 * Why the server could not write the database, or null: the file (when it exists) must open
 * for writing, and its folder must take new files (SQLite creates -wal and -shm beside it).
 * Without this check a read-only database fails later with "External error id#0".
 */
export function databaseWriteProblem(databaseFile: string): string | null {
  const shown = path.relative(process.cwd(), databaseFile) || databaseFile;
  const why = (e: unknown) => (e as NodeJS.ErrnoException).code ?? String(e);
  if (fs.existsSync(databaseFile)) {
    try {
      fs.closeSync(fs.openSync(databaseFile, "r+"));
    } catch (e) {
      return `the database ${shown} is read-only (${why(e)}): Mianshi writes every review to it; make the file writable (chmod u+w, or copy it to a writable place and set DATABASE_URL)`;
    }
  }
  const dir = path.dirname(databaseFile);
  const probe = path.join(dir, `.mianshi-write-check-${process.pid}`);
  try {
    fs.writeFileSync(probe, "");
    fs.rmSync(probe, { force: true });
  } catch (e) {
    return `the folder of the database, ${path.relative(process.cwd(), dir) || dir}, is read-only (${why(e)}): SQLite creates ${path.basename(databaseFile)}-wal and -shm beside the database; make the folder writable or set DATABASE_URL to a file in a writable folder`;
  }
  return null;
}

/** The lock file `npm start` holds for as long as it serves a database. */
export function serverLockFile(databaseFile: string): string {
  return `${databaseFile}-server.lock`;
}

/**
 * Takes the server lock of a database: an exclusive SQLite lock on a small file beside it,
 * held for the life of the process (the operating system drops it when the process ends, even
 * by SIGKILL, so it is never stale). Returns null when another process holds it.
 */
export function holdServerLock(databaseFile: string): { release(): void } | null {
  const lock = new Database(serverLockFile(databaseFile), { timeout: 0 });
  try {
    lock.pragma("locking_mode = EXCLUSIVE");
    lock.exec("BEGIN EXCLUSIVE");
  } catch (e) {
    lock.close();
    if ((e as { code?: string }).code === "SQLITE_BUSY") return null;
    throw e;
  }
  return {
    release() {
      if (lock.open) {
        lock.exec("ROLLBACK");
        lock.close();
      }
    },
  };
}

/** Where `npm start` says, while it serves a database, at which URL (for the CLI to send it work). */
export function serverAddressFile(databaseFile: string): string {
  return `${databaseFile}-server.json`;
}

/** Written by `npm start` once it serves; removed when it stops. */
export function writeServerAddress(databaseFile: string, url: string): void {
  fs.writeFileSync(serverAddressFile(databaseFile), JSON.stringify({ url, pid: process.pid }) + "\n");
}

/**
 * The running server's URL, or null: only while the server lock is held (a file left by a server
 * that was killed names nobody) and the file says a loopback http URL.
 */
export function runningServerUrl(databaseFile: string): string | null {
  if (!serverIsRunning(databaseFile)) return null;
  try {
    const { url } = JSON.parse(fs.readFileSync(serverAddressFile(databaseFile), "utf8")) as { url?: unknown };
    return typeof url === "string" && /^http:\/\/(127\.\d+\.\d+\.\d+|\[::1\]|localhost):\d+$/.test(url) ? url : null;
  } catch {
    return null;
  }
}

/** Whether a process (`npm start`) holds the server lock of this database. */
export function serverIsRunning(databaseFile: string): boolean {
  if (!fs.existsSync(serverLockFile(databaseFile))) return false;
  const held = holdServerLock(databaseFile);
  if (!held) return true;
  held.release();
  return false;
}

const BUILD_INPUTS = ["app", "lib", "server", "i18n", "messages", "proxy.ts", "instrumentation.ts", "next.config.js", "package-lock.json", "tsconfig.json", "prisma/schema.prisma"];

function hashTree(h: crypto.Hash, p: string) {
  const full = path.join(ROOT, p);
  if (!fs.existsSync(full)) return;
  const stat = fs.statSync(full);
  if (stat.isDirectory()) {
    for (const e of fs.readdirSync(full).sort()) if (e !== "generated") hashTree(h, path.join(p, e));
  } else {
    h.update(p).update("\0").update(fs.readFileSync(full));
  }
}

/** A hash of everything the production build depends on. */
export function sourceHash(): string {
  const h = crypto.createHash("sha256");
  for (const p of BUILD_INPUTS) hashTree(h, p);
  return h.digest("hex");
}

const STAMP = path.join(ROOT, ".next", "mianshi-source-hash");

/** Runs `next build` unless the last build was made from the same sources. */
export function ensureBuilt(): boolean {
  const hash = sourceHash();
  const built = fs.existsSync(path.join(ROOT, ".next", "BUILD_ID")) && fs.existsSync(STAMP) && fs.readFileSync(STAMP, "utf8") === hash;
  if (built) return false;
  run("next", ["build"]);
  fs.writeFileSync(STAMP, hash);
  return true;
}
