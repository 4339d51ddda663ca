/**
 * The command-line tools and `npm start` while a server has the database open (issue 13 item 8),
 * and `npm start`'s checks of its settings and database before it serves (item 13). The
 * "server" is this test process: a connection opened as the app opens it (WAL, a checkpointer
 * thread) and, where npm start would hold it, the server lock. Tools run as child processes.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { holdServerLock, pendingMigrations, ROOT, SERVER_RUNNING } from "../../scripts/lib/setup";
import { openDb, type Db } from "../../server/db";

const tsx = path.join(ROOT, "node_modules", ".bin", "tsx");
const tool = (script: string, args: string[], env: Record<string, string>) =>
  spawnSync(tsx, [script, ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, ...env }, timeout: 60_000 });

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A migrated database file in a temporary folder, and that folder. */
function database(): { dir: string; file: string; env: Record<string, string> } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mianshi-running-"));
  const file = path.join(dir, "app.db");
  fs.copyFileSync(process.env.MIANSHI_TEMPLATE_DB!, file);
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return { dir, file, env: { DATABASE_URL: `file:${file}` } };
}

/** Opens the database as the server does and keeps it open until the test ends. */
function serve(file: string, lock = true): Db {
  const db = openDb(file);
  db.sqlite.prepare("SELECT COUNT(*) FROM Card").get();
  const held = lock ? holdServerLock(file) : null;
  if (lock && !held) throw new Error("the server lock is taken");
  cleanups.push(async () => {
    held?.release();
    await db.close();
  });
  return db;
}

/** Undoes the newest migration (its indexes and its row), as a database made by older code. */
function oneMigrationBehind(file: string): string {
  const db = openDb(file, { backgroundCheckpoints: false });
  // undoes the newest migration (update this with each new one)
  const last = "20261212000000_interview_budget_unit";
  db.sqlite.exec(`ALTER TABLE "InterviewDate" DROP COLUMN "budgetUnit";`);
  db.sqlite.prepare(`DELETE FROM _prisma_migrations WHERE migration_name = ?`).run(last);
  db.sqlite.close();
  expect(pendingMigrations(file)).toEqual([last]);
  return last;
}

describe("item 8: the tools while the server runs", () => {
  it("item 8: every tool works while the server has the database open (no migration when it is current)", () => {
    const { dir, file, env } = database();
    serve(file);
    const content = path.join(dir, "content");
    fs.mkdirSync(content);
    fs.writeFileSync(path.join(content, "deck.md"), "# Deck\n\nQ1 :: A1\n\nQ2 :: A2\n");
    const csv = path.join(dir, "history.csv");
    fs.writeFileSync(csv, "card_id,review_rating,review_time,review_duration\n1711684180217,3,2024-03-29T20:32:39.497+00:00,7241\n");

    const runs = [
      // the database is empty: an export of it restores into it
      ["scripts/backup.ts", ["export", path.join(dir, "empty.json")]],
      ["scripts/backup.ts", ["restore", path.join(dir, "empty.json")]],
      ["scripts/content.ts", ["import", content]],
      ["scripts/history.ts", ["import", csv]],
      ["scripts/backup.ts", ["export", path.join(dir, "all.json")]],
      ["scripts/backup.ts", ["deck-csv", "deck", path.join(dir, "deck.csv")]],
      ["scripts/backup.ts", ["snapshot", path.join(dir, "snapshots")]],
    ] as const;
    for (const [script, args] of runs) {
      const r = tool(script, [...args], env);
      expect({ run: `${script} ${args[0]}`, status: r.status, stderr: r.stderr }).toEqual({ run: `${script} ${args[0]}`, status: 0, stderr: "" });
    }
    expect(fs.readFileSync(path.join(dir, "deck.csv"), "utf8")).toContain("Q2");
    expect(fs.readdirSync(path.join(dir, "snapshots"))).toEqual([expect.stringMatching(/^mianshi-\d{4}-\d{2}-\d{2}\.db$/)]);
  }, 240_000);

  it("item 8: a tool that must migrate while npm start runs says the server is running, and changes nothing", () => {
    const { dir, file, env } = database();
    const last = oneMigrationBehind(file);
    serve(file);
    fs.writeFileSync(path.join(dir, "deck.md"), "# Deck\n\nQ :: A\n");
    const r = tool("scripts/content.ts", ["import", path.join(dir, "deck.md")], env);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(SERVER_RUNNING);
    expect(r.stderr).not.toContain("SocketTimeout");
    expect(pendingMigrations(file)).toEqual([last]);
  });

  it("item 8: a tool that must migrate while a server started otherwise (next start) has the file open says the same", () => {
    const { file, env } = database();
    oneMigrationBehind(file);
    serve(file, false);
    const r = tool("scripts/backup.ts", ["snapshot", path.join(path.dirname(file), "snapshots")], env);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(SERVER_RUNNING);
    expect(r.stderr).not.toContain("SocketTimeout");
  }, 60_000);

  it("item 8: a second npm start on the same database says the server is running", () => {
    const { file, env } = database();
    serve(file);
    const r = tool("scripts/start.ts", [], { ...env, PORT: "1" });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${SERVER_RUNNING} (another npm start serves this database)`);
  });
});

describe("item 13: npm start refuses bad settings and an unwritable database before serving", () => {
  it("item 13: a MIANSHI_BACKUP_DIR it cannot write refuses to start, naming the setting", () => {
    const { dir, env } = database();
    fs.writeFileSync(path.join(dir, "a-file"), "");
    const r = tool("scripts/start.ts", [], { ...env, PORT: "1", MIANSHI_BACKUP_DIR: path.join(dir, "a-file", "backups") });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^MIANSHI_BACKUP_DIR=".*a-file\/backups": cannot write daily copies into .* \(ENOTDIR\): set it to a folder Mianshi can create and write$/m);
  });

  it("item 13: a MIANSHI_BACKUP_KEEP that is not a number of copies refuses to start, naming the setting", () => {
    const { env } = database();
    for (const keep of ["seven", "0", "-2", "1.5"]) {
      const r = tool("scripts/start.ts", [], { ...env, PORT: "1", MIANSHI_BACKUP_KEEP: keep });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`MIANSHI_BACKUP_KEEP="${keep}" is not a number of copies to keep: set it to a whole number, 1 or more (default 7)`);
    }
  }, 120_000);

  it("item 13: a read-only database at start says it is read-only, not External error id#0", (ctx) => {
    const { file, env } = database();
    // root writes through file modes: an immutable file is read-only for root too
    const root = process.getuid?.() === 0;
    if (root) {
      const r = spawnSync("chattr", ["+i", file]);
      if (r.status !== 0) ctx.skip(); // a file system without immutable files, as root: cannot make it read-only
      cleanups.push(() => void spawnSync("chattr", ["-i", file]));
    } else {
      fs.chmodSync(file, 0o444);
    }
    const r = tool("scripts/start.ts", [], { ...env, PORT: "1" });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^the database .*app\.db is read-only \((EPERM|EACCES)\): Mianshi writes every review to it; make the file writable/m);
    expect(r.stderr).not.toContain("External error");
  });
});
