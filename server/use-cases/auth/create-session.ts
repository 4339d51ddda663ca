/** Logging in: a stored session (server/store/sessions.ts) for the new cookie's secret. */
import { db as defaultDb, type Db } from "../../db";
import { deleteExpiredSessions, insertSession } from "../../store/sessions";

/** Stores a new session that lasts `maxAgeMs` from `now`; sessions that have expired are deleted. */
export function createSession(options: { db?: Db; secret: string; now: Date; maxAgeMs: number }): void {
  const sqlite = (options.db ?? defaultDb()).sqlite;
  const now = options.now.getTime();
  sqlite.transaction(() => {
    deleteExpiredSessions(sqlite, now);
    insertSession(sqlite, options.secret, now, now + options.maxAgeMs);
  })();
}
