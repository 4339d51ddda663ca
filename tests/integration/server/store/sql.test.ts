/**
 * server/store/sql.ts on a real database: Kysely builds the SQL on the generated table types,
 * better-sqlite3 runs it. `prepared` compiles a query once and binds by name; constants in it
 * stay constants.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importContent } from "../../../../server/use-cases/import-content";
import { all, cachedStatements, first, perConnection, prepared, run, sql, STATEMENT_CACHE_SIZE } from "../../../../server/store/sql";
import { saveSchedule } from "../../../../server/store/cards";
import { freshDb, writeContent } from "../../helpers";

const NOW = new Date("2026-12-02T08:00:00Z");
let db: ReturnType<typeof freshDb>;
beforeEach(async () => {
  db = freshDb();
  const root = writeContent(db.dir, { "d.md": "# D\n\nQ1 :: A1\n\nQ2 :: A2\n\nQ3 :: A3\n" });
  await importContent({ db, paths: [root], contentRoot: root, now: NOW });
});
afterEach(async () => {
  await db.close();
});

describe("typed queries", () => {
  it("all, first and run build, compile and run on the connection", () => {
    const rows = all(db.sqlite, sql.selectFrom("Card").select(["id", "prompt", "retired"]).where("deckId", "=", "d").orderBy("position"));
    expect(rows.map((r) => r.prompt)).toEqual(["Q1", "Q2", "Q3"]);
    expect(rows[0]!.retired).toBe(0);
    const changed = run(db.sqlite, sql.updateTable("Card").set({ flag: 3 }).where("id", "=", rows[1]!.id));
    expect(changed.changes).toBe(1);
    expect(first(db.sqlite, sql.selectFrom("Card").select("flag").where("id", "=", rows[1]!.id))?.flag).toBe(3);
    expect(first(db.sqlite, sql.selectFrom("Card").select("flag").where("id", "=", "no such card"))).toBeUndefined();
  });
});

describe("the statement cache", () => {
  it("keeps at most STATEMENT_CACHE_SIZE statements a connection, however many IN lists of different lengths are asked", () => {
    const ids = all(db.sqlite, sql.selectFrom("Card").select("id")).map((r) => r.id);
    for (let n = 1; n <= STATEMENT_CACHE_SIZE + 50; n++) {
      const list = Array.from({ length: n }, (_, k) => ids[k % ids.length]!);
      expect(all(db.sqlite, sql.selectFrom("Card").select("id").where("id", "in", list)).length).toBe(Math.min(n, ids.length));
    }
    expect(cachedStatements(db.sqlite)).toBe(STATEMENT_CACHE_SIZE);
    // a statement used again stays, the least recently used one goes
    expect(all(db.sqlite, sql.selectFrom("Card").select("prompt").where("deckId", "=", "d")).length).toBe(3);
    expect(cachedStatements(db.sqlite)).toBe(STATEMENT_CACHE_SIZE);
  });
});

describe("perConnection", () => {
  it("builds once per connection, keeps it beside the connection and patches nothing onto it", async () => {
    let built = 0;
    const statements = perConnection((sqlite) => {
      built++;
      return { count: sqlite.prepare("SELECT COUNT(*) AS n FROM Card") };
    });
    const a = statements(db.sqlite);
    expect(statements(db.sqlite)).toBe(a);
    expect((a.count.get() as { n: number }).n).toBe(3);
    const other = freshDb();
    try {
      expect(statements(other.sqlite)).not.toBe(a);
      expect(built).toBe(2);
    } finally {
      await other.close();
    }
    expect(Object.keys(db.sqlite).filter((k) => k.startsWith("__mianshi"))).toEqual([]);
  });
});

describe("prepared", () => {
  it("binds each run's parameters by name and keeps the constants of the query", () => {
    const flagged = prepared((p: { deckId: string; flag: number }) =>
      sql.selectFrom("Card").select("prompt").where("deckId", "=", p.deckId).where("flag", "=", p.flag).where("retired", "=", 0).orderBy("position"),
    );
    const ids = all(db.sqlite, sql.selectFrom("Card").select("id").orderBy("position")).map((r) => r.id);
    run(db.sqlite, sql.updateTable("Card").set({ flag: 2 }).where("id", "in", [ids[0]!, ids[2]!]));
    expect(flagged.all(db.sqlite, { deckId: "d", flag: 2 }).map((r) => r.prompt)).toEqual(["Q1", "Q3"]);
    expect(flagged.all(db.sqlite, { deckId: "d", flag: 0 }).map((r) => r.prompt)).toEqual(["Q2"]);
    expect(flagged.first(db.sqlite, { deckId: "other", flag: 2 })).toBeUndefined();
    // the constant (retired = 0) is part of the compiled query, not taken from the parameters
    run(db.sqlite, sql.updateTable("Card").set({ retired: 1 }).where("id", "=", ids[0]!));
    expect(flagged.all(db.sqlite, { deckId: "d", flag: 2 }).map((r) => r.prompt)).toEqual(["Q3"]);
  });

  it("saveSchedule writes the whole schedule and when the row changed, and refuses an unknown card", () => {
    const id = first(db.sqlite, sql.selectFrom("Card").select("id").where("prompt", "=", "Q2"))!.id;
    const due = new Date("2026-12-09T08:00:00Z");
    const state = { due, stability: 7.5, difficulty: 4.25, elapsedDays: 3, scheduledDays: 7, learningSteps: 0, reps: 4, lapses: 1, state: 2 as const, lastReview: NOW };
    saveSchedule(db.sqlite, id, state, new Date(NOW.getTime() + 1000));
    expect(db.sqlite.prepare("SELECT due, stability, difficulty, elapsedDays, scheduledDays, learningSteps, reps, lapses, state, lastReview, updatedAt FROM Card WHERE id = ?").get(id)).toEqual({
      due: due.getTime(),
      stability: 7.5,
      difficulty: 4.25,
      elapsedDays: 3,
      scheduledDays: 7,
      learningSteps: 0,
      reps: 4,
      lapses: 1,
      state: 2,
      lastReview: NOW.getTime(),
      updatedAt: NOW.getTime() + 1000,
    });
    expect(() => saveSchedule(db.sqlite, "no such card", state, NOW)).toThrow(/no card/);
  });
});
