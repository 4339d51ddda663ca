// Item 9 and 7 of the new-user issue: the deck list counts what is left today with the deck's
// limits (as the study screen does), and marks the imported history's placeholder deck.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importContent } from "../../server/use-cases/import-content";
import { importHistory } from "../../server/use-cases/import-history";
import { listDecks } from "../../server/use-cases/study/list-decks";
import { recordReview } from "../../server/use-cases/study/record-review";
import { studyQueue } from "../../server/use-cases/study/study-queue";
import { saveDeckOptions } from "../../server/use-cases/deck-options/save-deck-options";
import { searchCards } from "../../server/use-cases/search-cards";
import { DEFAULT_DECK_OPTIONS } from "../../lib/deck-options";
import { freshDb, writeContent } from "./helpers";

const T0 = new Date("2026-11-26T02:00:00Z");
let db: ReturnType<typeof freshDb>;

beforeEach(async () => {
  db = freshDb();
  const root = writeContent(db.dir, { "l.md": "# L\n\n" + Array.from({ length: 30 }, (_, i) => `Q${i + 1} :: A${i + 1}\n`).join("\n") });
  await importContent({ db, paths: [root], contentRoot: root, now: new Date(T0.getTime() - 3600_000) });
});
afterEach(async () => {
  await db.close();
});

describe("the deck list's counts for today", () => {
  it("regression: home said 30 new while study said 20 (the day's limit); learning cards were not counted", async () => {
    let [deck] = await listDecks({ db, now: T0, timeZone: "Asia/Shanghai" });
    expect(deck).toMatchObject({ cardCount: 30, newCount: 30, today: { new: 20, learning: 0, review: 0 } });
    const q = await studyQueue({ db, deckId: "l", now: T0, timeZone: "Asia/Shanghai" });
    expect(q.counts).toEqual(deck!.today);
    await recordReview({ db, cardId: q.card!.id, rating: 3, now: T0 });
    [deck] = await listDecks({ db, now: T0, timeZone: "Asia/Shanghai" });
    expect(deck!.today).toEqual({ new: 19, learning: 1, review: 0 });
    // a lower limit applies at once
    await saveDeckOptions({ db, deckId: "l", options: { ...DEFAULT_DECK_OPTIONS, newPerDay: 5 } });
    [deck] = await listDecks({ db, now: T0, timeZone: "Asia/Shanghai" });
    expect(deck!.today.new).toBe(4);
  });

  it("the imported history's deck is a placeholder deck, and a search without a deck leaves it out", async () => {
    await importHistory({ db, csvText: "card_id,review_rating,review_time,review_duration\n111,3,2026-11-01T08:00:00+00:00,5000\n", now: T0 });
    const decks = await listDecks({ db, now: T0 });
    expect(decks.map((d) => [d.id, d.placeholder])).toEqual(expect.arrayContaining([["l", false], ["imported-history", true]]));
    expect((await searchCards({ db, now: T0 })).cards.every((c) => c.deckId === "l")).toBe(true);
    expect((await searchCards({ db, deckId: "imported-history", now: T0 })).cards).toHaveLength(1);
  });
});
