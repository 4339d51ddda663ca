/**
 * Login sessions, stored so that logging out ends one (server/auth.ts makes and checks the
 * cookie's mac). A row holds the SHA-256 of the cookie's secret: the database (or a backup of
 * it) never holds a usable cookie. Checking a session is one primary-key lookup, done by
 * proxy.ts for every request behind the login.
 */
import crypto from "node:crypto";
import { db as defaultDb, type Db } from "../db";

const rowId = (secret: string) => crypto.createHash("sha256").update(secret).digest("base64url");

/** Stores a new session that lasts `maxAgeMs` from `now`; sessions that have expired are deleted. */
export function createSession(options: { db?: Db; secret: string; now: Date; maxAgeMs: number }): void {
  const sqlite = (options.db ?? defaultDb()).sqlite;
  const now = options.now.getTime();
  sqlite.transaction(() => {
    sqlite.prepare(`DELETE FROM Session WHERE expiresAt <= ?`).run(now);
    sqlite.prepare(`INSERT INTO Session (id, createdAt, expiresAt) VALUES (?, ?, ?)`).run(rowId(options.secret), now, now + options.maxAgeMs);
  })();
}

/** Whether the session of `secret` exists and has not expired at `now`. */
export function sessionActive(options: { db?: Db; secret: string; now: Date }): boolean {
  const row = (options.db ?? defaultDb()).sqlite.prepare(`SELECT expiresAt FROM Session WHERE id = ?`).get(rowId(options.secret)) as { expiresAt: number } | undefined;
  return row !== undefined && row.expiresAt > options.now.getTime();
}

/** Ends the session of `secret` (logging out): its cookie opens nothing any more. Whether there was one. */
export function endSession(options: { db?: Db; secret: string }): boolean {
  return (options.db ?? defaultDb()).sqlite.prepare(`DELETE FROM Session WHERE id = ?`).run(rowId(options.secret)).changes > 0;
}
