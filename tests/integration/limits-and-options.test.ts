import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importContent } from "../../server/use-cases/import-content";
import { recordReview } from "../../server/use-cases/study/record-review";
import { studyQueue } from "../../server/use-cases/study/study-queue";
import { getDeckOptions } from "../../server/use-cases/deck-options/get-deck-options";
import { saveDeckOptions } from "../../server/use-cases/deck-options/save-deck-options";
import { undoReview } from "../../server/use-cases/study/undo-review";
import { DEFAULT_DECK_OPTIONS } from "../../lib/deck-options";
import { ConflictError } from "../../server/errors";
import { freshDb, writeContent } from "./helpers";

const MIN = 60_000;
let db: ReturnType<typeof freshDb>;
const deck = (n: number) => "# L\n\n" + Array.from({ length: n }, (_, i) => `Q${i + 1} :: A${i + 1}\n`).join("\n");
// 2026-11-26 10:00 in Shanghai (UTC+8) and 21:00 the evening before in New York (UTC-5)
const T0 = new Date("2026-11-26T02:00:00Z");

beforeEach(async () => {
  db = freshDb();
  const root = writeContent(db.dir, { "l.md": deck(6) });
  await importContent({ db, paths: [root], contentRoot: root, now: new Date(T0.getTime() - 3600_000) });
});
afterEach(async () => {
  await db.close();
});

async function study(n: number, now: Date, rating: 1 | 2 | 3 | 4 = 4, timeZone = "Asia/Shanghai") {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const q = await studyQueue({ db, deckId: "l", now, timeZone });
    if (!q.card) break;
    ids.push(q.card.id);
    await recordReview({ db, cardId: q.card.id, rating, now });
  }
  return ids;
}

describe("daily limits and the study day", () => {
  it("stops new cards at the deck's daily limit and shows the counts left", async () => {
    await saveDeckOptions({ db, deckId: "l", options: { ...DEFAULT_DECK_OPTIONS, newPerDay: 2 }, now: T0 });
    let q = await studyQueue({ db, deckId: "l", now: T0, timeZone: "Asia/Shanghai" });
    expect(q.counts).toEqual({ new: 2, learning: 0, review: 0 });
    expect(q.card?.prompt).toBe("Q1");
    const studied = await study(5, T0); // Easy: straight to review, due in days
    expect(studied).toHaveLength(2);
    q = await studyQueue({ db, deckId: "l", now: T0, timeZone: "Asia/Shanghai" });
    expect(q.card).toBeNull();
    expect(q.counts).toEqual({ new: 0, learning: 0, review: 0 });
    expect(q.nextDueAt).not.toBeNull();
    expect(new Date(q.nextDueAt!).getTime()).toBeGreaterThan(T0.getTime());
  });

  it("a new study day starts at 4 am in the user's time zone, not at UTC midnight", async () => {
    await saveDeckOptions({ db, deckId: "l", options: { ...DEFAULT_DECK_OPTIONS, newPerDay: 1 }, now: T0 });
    await study(1, T0);
    // 03:59 the next morning in Shanghai: still the same study day
    const before4 = new Date("2026-11-26T19:59:00Z");
    expect((await studyQueue({ db, deckId: "l", now: before4, timeZone: "Asia/Shanghai" })).counts.new).toBe(0);
    // 04:00 in Shanghai: a new day, one new card again
    const at4 = new Date("2026-11-26T20:00:00Z");
    expect((await studyQueue({ db, deckId: "l", now: at4, timeZone: "Asia/Shanghai" })).counts.new).toBe(1);
    // in New York the same instants are 14:59 and 15:00 of the 26th, the day the card was studied (21:00 on the 25th is the 25th's day)
    expect((await studyQueue({ db, deckId: "l", now: at4, timeZone: "America/New_York" })).counts.new).toBe(1);
    expect((await studyQueue({ db, deckId: "l", now: new Date("2026-11-26T08:59:00Z"), timeZone: "America/New_York" })).counts.new).toBe(0);
  });

  it("caps reviews at the daily review limit; learning cards are never capped and come first", async () => {
    await saveDeckOptions({ db, deckId: "l", options: { ...DEFAULT_DECK_OPTIONS, newPerDay: 6, reviewsPerDay: 1 }, now: T0 });
    await study(6, T0, 4); // six review cards
    const later = new Date(T0.getTime() + 60 * 24 * 60 * MIN); // all overdue
    let q = await studyQueue({ db, deckId: "l", now: later, timeZone: "UTC" });
    expect(q.counts.review).toBe(1);
    await recordReview({ db, cardId: q.card!.id, rating: 1, now: later }); // a lapse: relearning, due in 10m
    q = await studyQueue({ db, deckId: "l", now: later, timeZone: "UTC" });
    expect(q.counts).toEqual({ new: 0, learning: 1, review: 0 });
    // the relearning card is within the 20-minute learn-ahead limit, so it is shown now
    expect(q.card).not.toBeNull();
    expect(q.card!.state).toBe("relearning");
  });

  it("undo gives the day's new-card allowance back", async () => {
    await saveDeckOptions({ db, deckId: "l", options: { ...DEFAULT_DECK_OPTIONS, newPerDay: 1 }, now: T0 });
    const q = await studyQueue({ db, deckId: "l", now: T0, timeZone: "UTC" });
    const r = await recordReview({ db, cardId: q.card!.id, rating: 3, now: T0 });
    expect((await studyQueue({ db, deckId: "l", now: T0, timeZone: "UTC" })).counts.new).toBe(0);
    await undoReview({ db, reviewId: r.reviewId });
    expect((await studyQueue({ db, deckId: "l", now: T0, timeZone: "UTC" })).counts.new).toBe(1);
  });

  it("learning steps and desired retention come from the deck's preset", async () => {
    await saveDeckOptions({ db, deckId: "l", options: { ...DEFAULT_DECK_OPTIONS, learningSteps: ["5m", "30m"] }, now: T0 });
    const q = await studyQueue({ db, deckId: "l", now: T0, timeZone: "UTC" });
    expect(q.card!.intervals["1"]).toBe("5m");
    const r = await recordReview({ db, cardId: q.card!.id, rating: 3, now: T0 });
    expect(new Date(r.due).getTime() - T0.getTime()).toBe(30 * MIN);
  });
});

describe("deck options and presets", () => {
  it("starts on the default preset with the default options and a workload estimate", async () => {
    const view = await getDeckOptions({ db, deckId: "l" });
    expect(view).toMatchObject({ presetId: 1, presetName: "Default", options: DEFAULT_DECK_OPTIONS });
    expect(view.workload).toEqual({ reviewsPerDay: 0, newPerDay: 20 });
  });

  it("a higher desired retention implies more reviews a day", async () => {
    await study(6, T0, 3);
    await study(6, new Date(T0.getTime() + 10 * MIN), 3); // graduate to review
    const at = async (r: number) => (await saveDeckOptions({ db, deckId: "l", options: { ...DEFAULT_DECK_OPTIONS, desiredRetention: r }, now: T0 })).workload.reviewsPerDay;
    const low = await at(0.8);
    const high = await at(0.97);
    expect(low).toBeGreaterThan(0);
    expect(high).toBeGreaterThan(low * 2);
  });

  it("a new preset is created once by name and can be shared", async () => {
    const saved = await saveDeckOptions({ db, deckId: "l", newPresetName: "Interview week", options: { ...DEFAULT_DECK_OPTIONS, newPerDay: 50 }, now: T0 });
    expect(saved.presetName).toBe("Interview week");
    expect(saved.presets.map((p) => [p.name, p.deckCount])).toEqual([["Default", 0], ["Interview week", 1]]);
    await expect(saveDeckOptions({ db, deckId: "l", newPresetName: "Interview week", options: DEFAULT_DECK_OPTIONS })).rejects.toBeInstanceOf(ConflictError);
    const back = await saveDeckOptions({ db, deckId: "l", presetId: 1, options: DEFAULT_DECK_OPTIONS, now: T0 });
    expect(back.presetName).toBe("Default");
  });
});
