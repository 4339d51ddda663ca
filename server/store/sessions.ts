/**
 * The Session table: login sessions (server/auth.ts makes and checks the cookie's mac). A row
 * holds the SHA-256 of the cookie's secret, never the secret: the database (or a backup of it)
 * holds no usable cookie. Looking a session up is one primary-key read, done for every request
 * behind the login (proxy.ts), so it is `prepared`. Times are epoch milliseconds, as stored.
 */
import crypto from "node:crypto";
import { z } from "zod";
import type { Sqlite } from "../db";
import { decodeRow } from "./json-column";
import { prepared, sql } from "./sql";

/** The row id of a cookie's secret. */
const rowId = (secret: string) => crypto.createHash("sha256").update(secret).digest("base64url");

const sessionSchema = z.object({ id: z.string(), createdAt: z.number(), expiresAt: z.number() });
export type StoredSession = z.output<typeof sessionSchema>;

const byId = prepared((p: { id: string }) => sql.selectFrom("Session").select(["id", "createdAt", "expiresAt"]).where("id", "=", p.id));
const insert = prepared((p: StoredSession) => sql.insertInto("Session").values({ id: p.id, createdAt: p.createdAt, expiresAt: p.expiresAt }));
const deleteById = prepared((p: { id: string }) => sql.deleteFrom("Session").where("id", "=", p.id));
const deleteExpired = prepared((p: { now: number }) => sql.deleteFrom("Session").where("expiresAt", "<=", p.now));

/** The session of a cookie's secret, expired or not. */
export function findSession(sqlite: Sqlite, secret: string): StoredSession | null {
  const row = byId.first(sqlite, { id: rowId(secret) });
  return row === undefined ? null : decodeRow(sessionSchema, row, `Session ${row.id}`);
}

/** Stores the session of a secret, from `createdAt` until `expiresAt`. */
export function insertSession(sqlite: Sqlite, secret: string, createdAt: number, expiresAt: number): void {
  insert.run(sqlite, { id: rowId(secret), createdAt, expiresAt });
}

/** Deletes the session of a secret; whether there was one. */
export function deleteSession(sqlite: Sqlite, secret: string): boolean {
  return deleteById.run(sqlite, { id: rowId(secret) }).changes > 0;
}

/** Deletes the sessions expired at `now`. */
export function deleteExpiredSessions(sqlite: Sqlite, now: number): void {
  deleteExpired.run(sqlite, { now });
}
