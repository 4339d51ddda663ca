/**
 * The one database module. Prisma (through the better-sqlite3 driver adapter) serves the
 * ordinary use cases; the study hot path (fetch the next card, record a review) uses
 * prepared statements on a raw better-sqlite3 connection to the same file, because Prisma
 * costs about 8x there (see ENVIRONMENT.md). Both connections use WAL and a busy timeout.
 */
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

export function openDb(file: string = databaseFile()): Db {
  const sqlite = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
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
