/**
 * `npm run content -- import` while the server runs: the built app (`next start`) serves a fresh
 * database and a fresh notes folder; this test holds the server lock and writes the address file
 * as `npm start` does. The CLI then sends the files to the server's import API (it migrates
 * nothing, writes nothing itself): the deck and its image land in the server's notes folder and
 * database. Also over the real HTTP stack: an upload over the cap is a 413.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { holdServerLock, ROOT, serverAddressFile, writeServerAddress } from "../../scripts/lib/setup";
import { send, startApp, type App } from "./http-server";

const NOW = new Date("2026-12-01T08:00:00Z");
const FIXTURES = path.join(import.meta.dirname, "..", "fixtures", "new-deck");
let app: App;
let root: string;
let lock: { release(): void } | null;
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "mianshi-notes-cli-"));
  root = path.join(dir, "notes");
  app = await startApp({ now: NOW, env: { MIANSHI_CONTENT_DIR: root } });
  lock = holdServerLock(app.db.file);
  writeServerAddress(app.db.file, app.url);
}, 600_000);
afterAll(async () => {
  lock?.release();
  if (app) fs.rmSync(serverAddressFile(app.db.file), { force: true });
  await app?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("content import while the server runs", () => {
  it("sends each deck file with its linked images to the running server, which saves and imports them", () => {
    const outside = path.join(app.db.dir, "elsewhere");
    fs.mkdirSync(path.join(outside, "images"), { recursive: true });
    fs.copyFileSync(path.join(FIXTURES, "upload", "tcp-handshake.md"), path.join(outside, "tcp-handshake.md"));
    fs.copyFileSync(path.join(FIXTURES, "upload", "images", "handshake.png"), path.join(outside, "images", "handshake.png"));
    const tsx = path.join(ROOT, "node_modules", ".bin", "tsx");
    const run = () => spawnSync(tsx, ["scripts/content.ts", "import", outside], { cwd: ROOT, encoding: "utf8", env: { ...process.env, DATABASE_URL: `file:${app.db.file}` }, timeout: 120_000 });

    const r = run();
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: `the server is running: sending the files to it (${app.url})\n` });
    expect(r.stdout).toContain("tcp-handshake.md: 2 added, 0 updated, 0 retired, 0 unchanged");
    expect(fs.readFileSync(path.join(root, "tcp-handshake.md"), "utf8")).toBe(fs.readFileSync(path.join(outside, "tcp-handshake.md"), "utf8"));
    expect(fs.existsSync(path.join(root, "images", "handshake.png"))).toBe(true);
    expect(app.db.sqlite.prepare("SELECT COUNT(*) AS n FROM Card WHERE deckId = 'tcp-handshake'").get()).toEqual({ n: 2 });

    // again: a re-import, nothing changed
    const again = run();
    expect(again.status).toBe(0);
    expect(again.stdout).toContain("tcp-handshake.md: 0 added, 0 updated, 0 retired, 2 unchanged (file unchanged)");
  }, 240_000);

  it("an upload over the cap is a 413 over HTTP, and writes nothing", async () => {
    const boundary = "x-mianshi-boundary";
    const big = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="big.md"\r\nContent-Type: text/markdown\r\n\r\n`),
      Buffer.alloc(22 * 1024 * 1024, 0x61),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await send(app, "/api/v1/decks/import", { method: "POST", headers: { "content-type": `multipart/form-data; boundary=${boundary}`, "content-length": String(big.length) }, body: big });
    expect(res.status).toBe(413);
    expect(res.json<{ error: { message: string } }>().error.message).toBe("an upload (at most 20 MB of files) may be at most 21 MB");
    expect(fs.existsSync(path.join(root, "big.md"))).toBe(false);
  });
});
