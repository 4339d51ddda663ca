/** Stored login sessions (server/use-cases/auth/*.ts) on a real SQLite file. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createSession } from "../../server/use-cases/auth/create-session";
import { endSession } from "../../server/use-cases/auth/end-session";
import { sessionActive } from "../../server/use-cases/auth/session-active";
import { count, freshDb } from "./helpers";

const NOW = new Date("2027-01-04T09:00:00Z");
const DAY = 24 * 3600_000;
let db: ReturnType<typeof freshDb>;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  await db.close();
});

describe("sessions", () => {
  it("logout does not end the session: a stored session lives until it is ended or expires", () => {
    createSession({ db, secret: "s1", now: NOW, maxAgeMs: 30 * DAY });
    createSession({ db, secret: "s2", now: NOW, maxAgeMs: 30 * DAY });
    expect(sessionActive({ db, secret: "s1", now: new Date(NOW.getTime() + 29 * DAY) })).toBe(true);
    expect(sessionActive({ db, secret: "s1", now: new Date(NOW.getTime() + 30 * DAY) })).toBe(false);
    expect(sessionActive({ db, secret: "never made", now: NOW })).toBe(false);
    expect(endSession({ db, secret: "s1" })).toBe(true);
    expect(sessionActive({ db, secret: "s1", now: NOW })).toBe(false);
    expect(endSession({ db, secret: "s1" })).toBe(false);
    // logging out of one browser leaves the others logged in
    expect(sessionActive({ db, secret: "s2", now: NOW })).toBe(true);
  });

  it("stores only a hash of the secret, and drops expired sessions when a new one is made", () => {
    createSession({ db, secret: "old", now: NOW, maxAgeMs: DAY });
    expect(count(db, "SELECT COUNT(*) AS n FROM Session WHERE id = 'old'")).toBe(0);
    createSession({ db, secret: "new", now: new Date(NOW.getTime() + 2 * DAY), maxAgeMs: DAY });
    expect(count(db, "SELECT COUNT(*) AS n FROM Session")).toBe(1);
    expect(sessionActive({ db, secret: "new", now: new Date(NOW.getTime() + 2 * DAY) })).toBe(true);
  });
});
