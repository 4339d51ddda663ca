/**
 * server/store/progress.ts on a real database: the dashboard's aggregates agree with plain SQL
 * over rows the use cases wrote, their rows decode into numbers, booleans and topic paths, and
 * a topic that is not a JSON path is a StoredRowError naming the group and the column (a 500).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { errorResponse } from "../../../../server/http";
import { StoredRowError } from "../../../../server/store/json-column";
import {
  anyReviewBetween,
  countDueByDay,
  countNewCards,
  countReviewsByDay,
  deckIdsInOrder,
  masteryGroups,
  recentInterviewScores,
  recentQuizScores,
  reviewSpan,
  reviewWindow,
} from "../../../../server/store/progress";
import { importContent } from "../../../../server/use-cases/import-content";
import { dashboard } from "../../../../server/use-cases/progress/get-dashboard";
import { recordReview } from "../../../../server/use-cases/study/record-review";
import { count, freshDb, writeContent } from "../../helpers";

const T0 = new Date("2026-11-01T10:00:00Z");
const H = 3600_000;
let db: ReturnType<typeof freshDb>;
let ids: string[];

beforeEach(async () => {
  db = freshDb();
  const root = writeContent(db.dir, { "z/n.md": "---\ntitle: N\n---\n\n# A\n\nq1 :: a\n\nq2 :: b\n\n# B\n\nq3 :: c\n", "m.md": "---\ntitle: M\n---\n\nq4 :: d\n" });
  await importContent({ db, paths: [root], contentRoot: root, now: T0 });
  ids = (db.sqlite.prepare("SELECT id FROM Card WHERE deckId = 'z/n' ORDER BY position").all() as Array<{ id: string }>).map((r) => r.id);
  await recordReview({ db, cardId: ids[0]!, rating: 4, now: T0, durationMs: 2000 });
  await recordReview({ db, cardId: ids[1]!, rating: 1, now: new Date(T0.getTime() + 2 * H), durationMs: 500 });
  await recordReview({ db, cardId: ids[2]!, rating: 3, now: new Date(T0.getTime() + 30 * H) });
});
afterEach(async () => {
  await db.close();
});

describe("the dashboard's aggregates", () => {
  it("agree with plain SQL", () => {
    const t = T0.getTime();
    const days: Array<[number, number]> = [
      [t - 24 * H, t],
      [t, t + 24 * H],
      [t + 24 * H, t + 48 * H],
    ];
    expect(countReviewsByDay(db.sqlite, days)).toEqual([
      { i: 0, n: 0 },
      { i: 1, n: 2 },
      { i: 2, n: 1 },
    ]);
    const due = countDueByDay(db.sqlite, [[0, t + 1000 * 24 * H]]);
    expect(due).toEqual([{ i: 0, n: count(db, "SELECT COUNT(*) n FROM Card WHERE state != 0") }]);
    expect(reviewSpan(db.sqlite)).toEqual({ lo: t, hi: t + 30 * H });
    expect(anyReviewBetween(db.sqlite, t + H, t + 2 * H)).toBe(false);
    expect(anyReviewBetween(db.sqlite, t + H, t + 2 * H + 1)).toBe(true);
    expect(countNewCards(db.sqlite)).toBe(count(db, "SELECT COUNT(*) n FROM Card WHERE state = 0"));
    expect(reviewWindow(db.sqlite, t, t + 48 * H)).toEqual({ reviews: 0, passed: 0, timeMs: 2500 });
    expect(deckIdsInOrder(db.sqlite)).toEqual(["m", "z/n"]);
    expect(recentQuizScores(db.sqlite)).toEqual([]);
    expect(recentInterviewScores(db.sqlite)).toEqual([]);
  });

  it("mastery groups read topic paths from their JSON, one group per deck and path", () => {
    const groups = masteryGroups(db.sqlite, { now: T0.getTime() + 48 * H, decay: -0.5, factor: 19 / 81, mature: 21 });
    expect(groups.map((g) => [g.deckId, g.deckTitle, g.topic, g.cards, g.studied]).sort()).toEqual([
      ["m", "M", [], 1, 0],
      ["z/n", "N", ["A"], 2, 2],
      ["z/n", "N", ["B"], 1, 1],
    ]);
    const a = groups.find((g) => g.topic[0] === "A")!;
    expect(a.rsum).toBeGreaterThan(0);
    expect(a.rsum).toBeLessThanOrEqual(2);
  });

  it("quiz and interview scores decode practice as a boolean", () => {
    db.sqlite.prepare("INSERT INTO Quiz (id, seed, settings, practice, createdAt, finishedAt, questionCount, score) VALUES ('q', 's', '{}', 1, 1, 5, 4, 3)").run();
    db.sqlite.prepare("INSERT INTO Interview (id, seed, settings, createdAt, finishedAt, questionCount, score) VALUES ('i', 's', '{}', 1, 6, 2, 0.5)").run();
    expect(recentQuizScores(db.sqlite)).toEqual([{ id: "q", at: 5, share: 0.75, practice: true }]);
    expect(recentInterviewScores(db.sqlite)).toEqual([{ id: "i", at: 6, score: 0.5 }]);
  });

  it("a topic that is not a JSON path is a StoredRowError naming the group and the column; the dashboard answers 500", async () => {
    db.sqlite.prepare("UPDATE Card SET topic = 'B' WHERE id = ?").run(ids[2]);
    const p = { now: T0.getTime(), decay: -0.5, factor: 19 / 81, mature: 21 };
    expect(() => masteryGroups(db.sqlite, p)).toThrow(StoredRowError);
    expect(() => masteryGroups(db.sqlite, p)).toThrow(/Card group \["z\/n","B"\] cannot be read.*not JSON.*topic/s);
    const e = await dashboard({ db, now: T0 }).catch((x: unknown) => x);
    expect(errorResponse(e).status).toBe(500);
  });
});
