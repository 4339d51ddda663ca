/**
 * The one database module. Prisma (through the better-sqlite3 driver adapter) serves the
 * ordinary use cases; the study hot path (fetch the next card, record a review) uses
 * prepared statements on a raw better-sqlite3 connection to the same file, because Prisma
 * costs about 8x there (see ENVIRONMENT.md). Both connections use WAL and a busy timeout.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { Worker } from "node:worker_threads";
import Database from "better-sqlite3";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/prisma/client";
import { databaseFile } from "./database-url";

export type Sqlite = Database.Database;

export interface Db {
  file: string;
  prisma: PrismaClient;
  sqlite: Sqlite;
  close(): Promise<void>;
}

const BUSY_TIMEOUT_MS = 5000;

/**
 * WAL checkpoints copy the log back into the database and fsync it: a few milliseconds that,
 * run by the connection that commits, land inside one request in a hundred (the p99 of the
 * study hot path). A worker thread with its own connection runs them instead, every second,
 * in PASSIVE mode (never blocking writers). The main connection keeps a high automatic
 * checkpoint threshold as a safety net should the worker fail.
 */
const CHECKPOINTER = `
const { workerData, parentPort } = require("node:worker_threads");
const Database = require(workerData.modulePath);
const db = new Database(workerData.file, { timeout: 1000 });
const checkpoint = () => { try { db.pragma("wal_checkpoint(PASSIVE)"); } catch {} };
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on("message", () => { clearInterval(timer); checkpoint(); db.close(); parentPort.close(); });
`;
const CHECKPOINT_INTERVAL_MS = 1000;
const FALLBACK_AUTOCHECKPOINT_PAGES = 10000;

function startCheckpointer(file: string): Worker | null {
  try {
    const modulePath = createRequire(path.join(process.cwd(), "package.json")).resolve("better-sqlite3");
    const worker = new Worker(CHECKPOINTER, { eval: true, workerData: { file, modulePath, intervalMs: CHECKPOINT_INTERVAL_MS } });
    worker.unref();
    worker.on("error", (e) => console.error("wal checkpointer stopped:", e));
    return worker;
  } catch (e) {
    console.error("wal checkpointer not started, checkpoints run inline:", e);
    return null;
  }
}

export function openDb(file: string = databaseFile(), options: { backgroundCheckpoints?: boolean } = {}): Db {
  const sqlite = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  const checkpointer = options.backgroundCheckpoints === false ? null : startCheckpointer(file);
  if (checkpointer) sqlite.pragma(`wal_autocheckpoint = ${FALLBACK_AUTOCHECKPOINT_PAGES}`);
  // the Prisma client (and its own connection) is made on first use: the hot path never needs it
  let prisma: PrismaClient | undefined;
  return {
    file,
    get prisma() {
      prisma ??= new PrismaClient({
        adapter: new PrismaBetterSQLite3({ url: file, timeout: BUSY_TIMEOUT_MS }, { timestampFormat: "unixepoch-ms" }),
      });
      return prisma;
    },
    sqlite,
    async close() {
      await prisma?.$disconnect();
      if (checkpointer) {
        const exited = new Promise((resolve) => checkpointer.once("exit", resolve));
        checkpointer.ref(); // keep the process alive until the final checkpoint is done
        checkpointer.postMessage("close");
        await exited;
      }
      sqlite.close();
    },
  };
}

const globalForDb = globalThis as unknown as { mianshiDb?: Db };

/** The process-wide database, opened on first use from DATABASE_URL. */
export function db(): Db {
  globalForDb.mianshiDb ??= openDb();
  return globalForDb.mianshiDb;
}

export async function closeDb(): Promise<void> {
  const current = globalForDb.mianshiDb;
  globalForDb.mianshiDb = undefined;
  if (current) await current.close();
}
