/**
 * Issue 13 item 10: `npm start` now serves first and imports changed content in the background,
 * so an import must never keep the database's write lock while it parses and renders (a review
 * waits at most 5 s for it, then fails). Each deck is written in one synchronous transaction
 * after its cards are rendered: no other request can even try to write while it is held.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { normalDeck } from "../../bench/content";
import { importContent } from "../../server/use-cases/import-content";
import { count, freshDb, writeContent } from "./helpers";

const NOW = new Date("2026-11-26T08:00:00Z");

/**
 * Another thread (the server) writing as a review does, with the server's 5 s busy timeout,
 * every few milliseconds until told to stop; it reports how many writes it made and which failed.
 */
const WRITER = `
const { workerData, parentPort } = require("node:worker_threads");
const Database = require(workerData.modulePath);
const db = new Database(workerData.file, { timeout: 5000 });
const stop = new Int32Array(workerData.stop);
const write = db.prepare("INSERT INTO Setting (key, value) VALUES ('probe', '0') ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1");
let writes = 0;
const failures = [];
parentPort.postMessage({ ready: true });
while (Atomics.load(stop, 0) === 0) {
  try { write.run(); writes++; } catch (e) { failures.push(e.code || String(e)); }
  Atomics.wait(stop, 0, 0, 5);
}
db.close();
parentPort.postMessage({ writes, failures });
`;

describe("item 10: importing while the server serves", () => {
  it("item 10: reviews are written all through an import (the write lock was held while the deck rendered, longer than the 5 s a review waits)", async () => {
    const db = freshDb();
    const stop = new SharedArrayBuffer(4);
    const modulePath = createRequire(path.join(process.cwd(), "package.json")).resolve("better-sqlite3");
    const worker = new Worker(WRITER, { eval: true, workerData: { file: db.file, modulePath, stop } });
    try {
      const messages: Array<{ ready?: boolean; writes?: number; failures?: string[] }> = [];
      const report = new Promise<{ writes: number; failures: string[] }>((resolve, reject) => {
        worker.on("message", (m: (typeof messages)[number]) => (m.ready ? messages.push(m) : resolve(m as { writes: number; failures: string[] })));
        worker.on("error", reject);
      });
      while (messages.length === 0) await new Promise((r) => setTimeout(r, 5));
      // 800 cards: rendered inside the transaction, they held the lock for more than 5 s here
      const root = writeContent(db.dir, { "big.md": normalDeck(800, 7), "small.md": "# S\n\nQ :: A\n" });
      const progress: string[] = [];
      const result = await importContent({
        db,
        paths: [root],
        contentRoot: root,
        now: NOW,
        onDeckStart: (f) => progress.push(`start ${f.deckId}`),
        onDeck: (d) => progress.push(`${d.status} ${d.deckId}`),
      });
      Atomics.store(new Int32Array(stop), 0, 1);
      Atomics.notify(new Int32Array(stop), 0);
      const { writes, failures } = await report;
      expect(result.errors).toEqual([]);
      expect(progress).toEqual(["start big", "imported big", "start small", "imported small"]);
      expect(count(db, "SELECT COUNT(*) AS n FROM Card WHERE deckId = 'big'")).toBeGreaterThan(700);
      expect(failures).toEqual([]);
      expect(writes).toBeGreaterThan(1);
    } finally {
      await worker.terminate();
      await db.close();
    }
  }, 120_000);
});
