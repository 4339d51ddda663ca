/**
 * server/store/sessions.ts on a real database: a session reads back as it was written, its row
 * is keyed by the secret's hash (never the secret), and expired rows go.
 */
import crypto from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { deleteExpiredSessions, deleteSession, findSession, insertSession } from "../../../../server/store/sessions";
import { StoredRowError } from "../../../../server/store/json-column";
import { freshDb } from "../../helpers";

let db: ReturnType<typeof freshDb>;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  await db.close();
});

const hash = (secret: string) => crypto.createHash("sha256").update(secret).digest("base64url");

describe("Session rows", () => {
  it("read back as written, keyed by the SHA-256 of the secret", () => {
    insertSession(db.sqlite, "s1", 1000, 5000);
    expect(findSession(db.sqlite, "s1")).toEqual({ id: hash("s1"), createdAt: 1000, expiresAt: 5000 });
    expect(db.sqlite.prepare("SELECT id, createdAt, expiresAt FROM Session").all()).toEqual([{ id: hash("s1"), createdAt: 1000, expiresAt: 5000 }]);
    expect(findSession(db.sqlite, "other")).toBeNull();
  });

  it("delete one, and the expired ones", () => {
    insertSession(db.sqlite, "a", 0, 100);
    insertSession(db.sqlite, "b", 0, 200);
    insertSession(db.sqlite, "c", 0, 300);
    expect(deleteSession(db.sqlite, "c")).toBe(true);
    expect(deleteSession(db.sqlite, "c")).toBe(false);
    deleteExpiredSessions(db.sqlite, 100);
    expect(findSession(db.sqlite, "a")).toBeNull();
    expect(findSession(db.sqlite, "b")).not.toBeNull();
  });

  it("a row that is not what insertSession wrote is a StoredRowError naming the column", () => {
    db.sqlite.prepare("INSERT INTO Session (id, createdAt, expiresAt) VALUES (?, 0, 'soon')").run(hash("x"));
    expect(() => findSession(db.sqlite, "x")).toThrow(StoredRowError);
    expect(() => findSession(db.sqlite, "x")).toThrow(/Session .*expiresAt/s);
  });
});
