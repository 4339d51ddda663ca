import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importContent } from "../../server/use-cases/import-content";
import { listDecks } from "../../server/use-cases/study/list-decks";
import { nextCard } from "../../server/use-cases/study/next-card";
import { recordReview } from "../../server/use-cases/study/record-review";
import { undoReview } from "../../server/use-cases/study/undo-review";
import { saveSettings } from "../../server/use-cases/settings/save-settings";
import { applyCardAction } from "../../server/use-cases/cards/apply-card-action";
import { ConflictError, NotFoundError } from "../../server/errors";
import { count, freshDb, writeContent } from "./helpers";

const T0 = new Date("2026-11-26T02:00:00Z"); // 10:00 in Shanghai
const MIN = 60_000;
let db: ReturnType<typeof freshDb>;

beforeEach(async () => {
  db = freshDb();
  const root = writeContent(db.dir, { "d.md": "# D\n\nQ1 :: A1\n\nQ2 :: A2\n\nQ3 :: A3\n" });
  await importContent({ db, paths: [root], contentRoot: root, now: T0 });
});
afterEach(async () => {
  await db.close();
});

const cardRow = (id: string) => db.sqlite.prepare("SELECT * FROM Card WHERE id = ?").get(id) as Record<string, unknown>;
/** The row without updatedAt, which says when the row last changed (the undo, too). */
const stateOf = (id: string) => {
  const row = cardRow(id);
  delete row.updatedAt;
  return row;
};

describe("undoReview", () => {
  it("restores the card's exact state and removes the review, twice in a row", async () => {
    const c = (await nextCard({ db, deckId: "d", now: T0 }))!;
    const fresh = stateOf(c.id);
    const r1 = await recordReview({ db, cardId: c.id, rating: 3, now: T0 });
    const afterFirst = stateOf(c.id);
    const r2 = await recordReview({ db, cardId: c.id, rating: 1, now: new Date(T0.getTime() + 10 * MIN) });
    expect(count(db, "SELECT COUNT(*) n FROM Review")).toBe(2);
    expect(cardRow(c.id).updatedAt).toBe(T0.getTime() + 10 * MIN);

    const undoAt = new Date(T0.getTime() + 11 * MIN);
    const u2 = await undoReview({ db, reviewId: r2.reviewId, now: undoAt });
    expect(u2).toMatchObject({ cardId: c.id, state: "learning" });
    expect(stateOf(c.id)).toEqual(afterFirst);
    expect(cardRow(c.id).updatedAt).toBe(undoAt.getTime());
    await undoReview({ db, reviewId: r1.reviewId, now: undoAt });
    expect(stateOf(c.id)).toEqual(fresh);
    expect(count(db, "SELECT COUNT(*) n FROM Review")).toBe(0);
  });

  it("refuses an older review of a card (409) and an unknown or already undone one (404)", async () => {
    const c = (await nextCard({ db, deckId: "d", now: T0 }))!;
    const r1 = await recordReview({ db, cardId: c.id, rating: 3, now: T0 });
    await recordReview({ db, cardId: c.id, rating: 3, now: new Date(T0.getTime() + 10 * MIN) });
    await expect(undoReview({ db, reviewId: r1.reviewId })).rejects.toBeInstanceOf(ConflictError);
    await expect(undoReview({ db, reviewId: 999 })).rejects.toBeInstanceOf(NotFoundError);
    expect(count(db, "SELECT COUNT(*) n FROM Review")).toBe(2);
  });

  it("an idempotent replay reports the review id that undo needs", async () => {
    const c = (await nextCard({ db, deckId: "d", now: T0 }))!;
    const a = await recordReview({ db, cardId: c.id, rating: 3, now: T0, idempotencyKey: "k" });
    const b = await recordReview({ db, cardId: c.id, rating: 3, now: T0, idempotencyKey: "k" });
    expect(b.reviewId).toBe(a.reviewId);
  });
});

describe("applyCardAction", () => {
  it("a suspended card leaves the queue and the counts until unsuspended", async () => {
    const c = (await nextCard({ db, deckId: "d", now: T0 }))!;
    await applyCardAction({ db, cardId: c.id, action: { action: "suspend" }, now: T0 });
    expect((await nextCard({ db, deckId: "d", now: T0 }))!.id).not.toBe(c.id);
    expect((await listDecks({ db, now: T0 }))[0]).toMatchObject({ newCount: 2, cardCount: 3 });
    await applyCardAction({ db, cardId: c.id, action: { action: "unsuspend" }, now: T0 });
    expect((await nextCard({ db, deckId: "d", now: T0 }))!.id).toBe(c.id);
  });

  it("a buried card comes back at 4 am of the next study day in the user's time zone", async () => {
    const c = (await nextCard({ db, deckId: "d", now: T0 }))!;
    const r = await applyCardAction({ db, cardId: c.id, action: { action: "bury", timeZone: "Asia/Shanghai" }, now: T0 });
    expect(r.buriedUntil).toBe("2026-11-26T20:00:00.000Z");
    expect((await nextCard({ db, deckId: "d", now: new Date("2026-11-26T19:59:00Z") }))!.id).not.toBe(c.id);
    expect((await nextCard({ db, deckId: "d", now: new Date("2026-11-26T20:00:00Z") }))!.id).toBe(c.id);
  });

  it("regression (architecture issue): bury ignored the stored rollover hour and time zone; it buries until the queue's next study day", async () => {
    // the user's study day starts at 6 am in Shanghai; the browser reports UTC
    await saveSettings({ db, settings: { rolloverHour: 6, timeZone: "Asia/Shanghai" } });
    const c = (await nextCard({ db, deckId: "d", now: T0 }))!;
    const r = await applyCardAction({ db, cardId: c.id, action: { action: "bury", timeZone: "UTC" }, now: T0 });
    // 6 am in Shanghai the next day, not 4 am UTC
    expect(r.buriedUntil).toBe("2026-11-26T22:00:00.000Z");
    expect((await nextCard({ db, deckId: "d", now: new Date("2026-11-26T21:59:00Z") }))!.id).not.toBe(c.id);
    expect((await nextCard({ db, deckId: "d", now: new Date("2026-11-26T22:00:00Z") }))!.id).toBe(c.id);
    // without a stored zone the browser's is used, with the stored hour (02:00 UTC is still the day that began at 06:00 yesterday)
    await saveSettings({ db, settings: { timeZone: null } });
    const d = (await nextCard({ db, deckId: "d", now: T0 }))!;
    expect((await applyCardAction({ db, cardId: d.id, action: { action: "bury", timeZone: "UTC" }, now: T0 })).buriedUntil).toBe("2026-11-26T06:00:00.000Z");
  });

  it("reset makes a studied card new again and keeps its history; flags are stored", async () => {
    const c = (await nextCard({ db, deckId: "d", now: T0 }))!;
    await recordReview({ db, cardId: c.id, rating: 4, now: T0 });
    expect(cardRow(c.id)).toMatchObject({ state: 2, reps: 1 });
    await applyCardAction({ db, cardId: c.id, action: { action: "reset" }, now: T0 });
    expect(cardRow(c.id)).toMatchObject({ state: 0, reps: 0, stability: 0, lastReview: null });
    expect(count(db, "SELECT COUNT(*) n FROM Review WHERE cardId = ?", c.id)).toBe(1);
    const f = await applyCardAction({ db, cardId: c.id, action: { action: "flag", flag: 2 }, now: T0 });
    expect(f.flag).toBe(2);
    await expect(applyCardAction({ db, cardId: "nope", action: { action: "suspend" } })).rejects.toBeInstanceOf(NotFoundError);
  });
});
