/**
 * server/store/reviews.ts on a real database: reviews that recordReview wrote read back as
 * written (checked here with plain SQL), `before` decodes into the SchedState it was written
 * from, and a `before` that is not JSON, or not a schedule, is a StoredRowError naming the row
 * and the column (a 500), never a wrong schedule restored.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { errorResponse } from "../../../../server/http";
import { StoredRowError } from "../../../../server/store/json-column";
import { deleteReview, findReviewBefore, latestReviewId, listCardReviews, listRatedReviews } from "../../../../server/store/reviews";
import { getScheduledCard } from "../../../../server/store/study-queue";
import { importContent } from "../../../../server/use-cases/import-content";
import { recordReview } from "../../../../server/use-cases/study/record-review";
import { undoReview } from "../../../../server/use-cases/study/undo-review";
import { freshDb, writeContent } from "../../helpers";

const T0 = new Date("2026-11-01T10:00:00Z");
const at = (h: number) => new Date(T0.getTime() + h * 3600_000);
let db: ReturnType<typeof freshDb>;
let card: string;

beforeEach(async () => {
  db = freshDb();
  const root = writeContent(db.dir, { "n.md": "---\ntitle: N\n---\n\n# A\n\nq1 :: a\n\nq2 :: b\n" });
  await importContent({ db, paths: [root], contentRoot: root, now: T0 });
  card = (db.sqlite.prepare("SELECT id FROM Card ORDER BY position").get() as { id: string }).id;
});
afterEach(async () => {
  await db.close();
});

describe("Review rows", () => {
  it("a card's history reads back as written, newest first", async () => {
    const before = getScheduledCard(db.sqlite, card)!.schedule;
    const first = await recordReview({ db, cardId: card, rating: 3, now: at(0), durationMs: 1200 });
    await recordReview({ db, cardId: card, rating: 1, now: at(30) });
    const plain = db.sqlite
      .prepare("SELECT id, reviewedAt, rating, durationMs, source, state, due, stability, difficulty FROM Review WHERE cardId = ? ORDER BY id DESC")
      .all(card);
    const history = listCardReviews(db.sqlite, card);
    expect(history).toEqual(plain);
    expect(history.map((r) => r.rating)).toEqual([1, 3]);
    expect(history[1]).toMatchObject({ reviewedAt: at(0).getTime(), durationMs: 1200, source: "study" });
    expect(listCardReviews(db.sqlite, "no such card")).toEqual([]);

    // `before` is the schedule the first review replaced, dates and all
    expect(findReviewBefore(db.sqlite, first.reviewId)).toEqual({ id: first.reviewId, cardId: card, before });
    expect(findReviewBefore(db.sqlite, 9999)).toBeNull();
  });

  it("the latest review is by time, then id; deleting one leaves the rest", async () => {
    const a = await recordReview({ db, cardId: card, rating: 3, now: at(0) });
    const b = await recordReview({ db, cardId: card, rating: 3, now: at(30) });
    expect(latestReviewId(db.sqlite, card)).toBe(b.reviewId);
    db.sqlite.prepare("UPDATE Review SET reviewedAt = ? WHERE id = ?").run(at(60).getTime(), a.reviewId);
    expect(latestReviewId(db.sqlite, card)).toBe(a.reviewId);
    deleteReview(db.sqlite, a.reviewId);
    expect(latestReviewId(db.sqlite, card)).toBe(b.reviewId);
    deleteReview(db.sqlite, b.reviewId);
    expect(latestReviewId(db.sqlite, card)).toBeUndefined();
  });

  it("the optimizer's history: every rated review oldest first, ties by id", async () => {
    const ids = (db.sqlite.prepare("SELECT id FROM Card ORDER BY position").all() as Array<{ id: string }>).map((r) => r.id);
    await recordReview({ db, cardId: ids[1]!, rating: 2, now: at(5) });
    await recordReview({ db, cardId: ids[0]!, rating: 4, now: at(1) });
    await recordReview({ db, cardId: ids[0]!, rating: 3, now: at(5) });
    // a rating outside 1 to 4 (none is written so; an import of another app's log might) is left out
    db.sqlite.prepare("UPDATE Review SET rating = 0 WHERE id = 3").run();
    expect(listRatedReviews(db.sqlite)).toEqual([
      { cardId: ids[0], rating: 4, reviewedAt: at(1).getTime() },
      { cardId: ids[1], rating: 2, reviewedAt: at(5).getTime() },
    ]);
  });

  it("a corrupt `before` is a StoredRowError naming the review and the column, and undo answers 500", async () => {
    const r = await recordReview({ db, cardId: card, rating: 3, now: at(0) });
    const cases: Array<[string, RegExp]> = [
      ["not json", /not JSON/],
      [JSON.stringify({ ...JSON.parse((db.sqlite.prepare("SELECT before FROM Review").get() as { before: string }).before), due: "someday" }), /due/],
      ['{"state": 0}', /stability/],
    ];
    for (const [text, detail] of cases) {
      db.sqlite.prepare("UPDATE Review SET before = ? WHERE id = ?").run(text, r.reviewId);
      let thrown: unknown;
      try {
        findReviewBefore(db.sqlite, r.reviewId);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(StoredRowError);
      expect(String((thrown as Error).message)).toMatch(new RegExp(`Review ${r.reviewId} cannot be read`));
      expect(String((thrown as Error).message)).toMatch(/before/);
      expect(String((thrown as Error).message)).toMatch(detail);
      const e = await undoReview({ db, reviewId: r.reviewId, now: at(1) }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(StoredRowError);
      expect(errorResponse(e).status).toBe(500);
    }
    // nothing was undone
    expect(latestReviewId(db.sqlite, card)).toBe(r.reviewId);
  });
});
