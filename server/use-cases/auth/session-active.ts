/** Checking a session cookie's secret, for every request behind the login (proxy.ts): one primary-key lookup. */
import { db as defaultDb, type Db } from "../../db";
import { findSession } from "../../store/sessions";

/** Whether the session of `secret` exists and has not expired at `now`. */
export function sessionActive(options: { db?: Db; secret: string; now: Date }): boolean {
  const session = findSession((options.db ?? defaultDb()).sqlite, options.secret);
  return session !== null && session.expiresAt > options.now.getTime();
}
