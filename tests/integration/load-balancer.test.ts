/**
 * Issue 16's load balancer and easy days on the review path, against a real database, with fuzz
 * on as users have it: a rating's due goes to the least loaded day of FSRS's fuzz range among
 * the preset's cards, easy days weigh in, the study buttons show exactly the interval the rating
 * applies, and the preset's switch turns it off (plain fuzz).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_DECK_OPTIONS, type DeckOptions } from "../../lib/deck-options";
import { fuzzRange } from "../../lib/planning/load-balancer";
import { formatInterval } from "../../lib/scheduling";
import { schedulerFor } from "../../server/deck-settings";
import { saveDeckOptions } from "../../server/use-cases/deck-options/save-deck-options";
import { simulateDeck } from "../../server/use-cases/deck-options/simulate-deck";
import { importContent } from "../../server/use-cases/import-content";
import { getStudyCard } from "../../server/use-cases/study/get-study-card";
import { recordReview } from "../../server/use-cases/study/record-review";
import { freshDb, writeContent } from "./helpers";

const DAY = 86_400_000;
// 10:00 UTC (the stored zone is unset: UTC, rollover 04:00), a Tuesday
const T0 = new Date("2026-12-01T10:00:00Z");
const DAY0 = new Date("2026-12-01T04:00:00Z").getTime();
let db: ReturnType<typeof freshDb>;
let fuzz: string | undefined;

beforeAll(() => {
  fuzz = process.env.MIANSHI_FSRS_FUZZ;
  process.env.MIANSHI_FSRS_FUZZ = "1";
});
afterAll(() => {
  process.env.MIANSHI_FSRS_FUZZ = fuzz;
});
beforeEach(async () => {
  db = freshDb();
  const root = writeContent(db.dir, { "l.md": "# L\n\n" + Array.from({ length: 80 }, (_, i) => `Q${i + 1} :: A${i + 1}\n`).join("\n") });
  await importContent({ db, paths: [root], contentRoot: root, now: new Date(T0.getTime() - 3600_000) });
});
afterEach(async () => {
  await db.close();
});

const ids = () => (db.sqlite.prepare("SELECT id FROM Card WHERE deckId = 'l' ORDER BY position").all() as Array<{ id: string }>).map((r) => r.id);
/** A review card last reviewed 10 days ago with stability 10, due now. */
function reviewCard(id: string) {
  db.sqlite
    .prepare("UPDATE Card SET state = 2, stability = 10, difficulty = 5, elapsedDays = 0, scheduledDays = 10, reps = 3, lapses = 0, learningSteps = 0, lastReview = ?, due = ? WHERE id = ?")
    .run(T0.getTime() - 10 * DAY, T0.getTime(), id);
}
/** Puts `n` review cards of `pool` due on study day `day`. */
function dueOn(pool: string[], day: number, n: number) {
  for (let i = 0; i < n; i++) {
    const id = pool.shift()!;
    db.sqlite.prepare("UPDATE Card SET state = 2, stability = 30, difficulty = 5, reps = 2, lastReview = ?, due = ? WHERE id = ?").run(T0.getTime() - DAY, DAY0 + day * DAY + 3600_000, id);
  }
}
const dayOfDue = (iso: string) => Math.floor((Date.parse(iso) - DAY0) / DAY);
/** Good's interval before fuzz, and its range, for the card made by reviewCard. */
function goodRange(id: string) {
  const plain = schedulerFor(DEFAULT_DECK_OPTIONS, null, false);
  const card = db.sqlite.prepare("SELECT * FROM Card WHERE id = ?").get(id) as Record<string, number | null>;
  const s = { due: new Date(card.due!), stability: 10, difficulty: 5, elapsedDays: 0, scheduledDays: 10, learningSteps: 0, reps: 3, lapses: 0, state: 2, lastReview: new Date(T0.getTime() - 10 * DAY) };
  const rated = plain.rate(s, 3, T0, id);
  return fuzzRange(rated.scheduledDays, rated.elapsedDays, DEFAULT_DECK_OPTIONS.maximumInterval);
}
const save = (options: Partial<DeckOptions>) => saveDeckOptions({ db, deckId: "l", options: { ...DEFAULT_DECK_OPTIONS, ...options }, now: T0 });

describe("the load balancer on the review path", () => {
  it("puts Good on the least loaded day of the fuzz range, and the button showed that interval", async () => {
    const [card, ...pool] = ids() as [string, ...string[]];
    reviewCard(card);
    const range = goodRange(card);
    expect(range.max - range.min).toBeGreaterThanOrEqual(2);
    // every day of the range busy but one near its end
    const quiet = range.max - 1;
    for (let d = range.min; d <= range.max; d++) dueOn(pool, d, d === quiet ? 0 : 3);
    const shown = (await getStudyCard({ db, cardId: card, now: T0 })).intervals["3"];
    const r = await recordReview({ db, cardId: card, rating: 3, now: T0 });
    expect(dayOfDue(r.due)).toBe(quiet);
    expect(r.scheduledDays).toBe(quiet);
    expect(shown).toBe(formatInterval(Date.parse(r.due) - T0.getTime()));
  });

  it("regression: Good never lands on or before Hard's balanced day (both ranges' quietest day was one day), and Good rated alone lands where its button said", async () => {
    const [card, ...pool] = ids() as [string, ...string[]];
    // stability 1, reviewed a day ago: Hard's fuzz range is days 2-4, Good's 3-5
    db.sqlite
      .prepare("UPDATE Card SET state = 2, stability = 1, difficulty = 5, elapsedDays = 0, scheduledDays = 1, reps = 3, lapses = 0, learningSteps = 0, lastReview = ?, due = ? WHERE id = ?")
      .run(T0.getTime() - DAY, T0.getTime(), card);
    const plain = schedulerFor(DEFAULT_DECK_OPTIONS, null, false);
    const state = { due: new Date(T0), stability: 1, difficulty: 5, elapsedDays: 0, scheduledDays: 1, learningSteps: 0, reps: 3, lapses: 0, state: 2, lastReview: new Date(T0.getTime() - DAY) };
    const rangeOf = (rating: 2 | 3) => {
      const x = plain.rate(state, rating, T0, card);
      return fuzzRange(x.scheduledDays, x.elapsedDays, DEFAULT_DECK_OPTIONS.maximumInterval);
    };
    expect(rangeOf(2)).toEqual({ min: 2, max: 4 });
    expect(rangeOf(3)).toEqual({ min: 3, max: 5 });
    // day 4 is the quietest of both ranges: without the rule Hard and Good would both take it
    dueOn(pool, 2, 5);
    dueOn(pool, 3, 1);
    dueOn(pool, 5, 5);
    const shown = (await getStudyCard({ db, cardId: card, now: T0 })).intervals;
    expect(shown["2"]).toBe(formatInterval(4 * DAY));
    expect(shown["3"]).toBe(formatInterval(5 * DAY));
    const good = await recordReview({ db, cardId: card, rating: 3, now: T0 });
    expect(good.scheduledDays).toBe(5);
    expect(shown["3"]).toBe(formatInterval(Date.parse(good.due) - T0.getTime()));
  });

  it("easy days: a minimum weekday is left empty while a normal day is open", async () => {
    const [card, ...pool] = ids() as [string, ...string[]];
    reviewCard(card);
    const range = goodRange(card);
    // one card on every day of the range except the quietest two, which are empty: one a Sunday made minimum
    const empty = [range.min, range.min + 1];
    for (let d = range.min; d <= range.max; d++) dueOn(pool, d, empty.includes(d) ? 0 : 1);
    const weekday = (d: number) => (new Date(DAY0 + d * DAY + DAY / 2).getUTCDay() + 6) % 7;
    const easyDays = DEFAULT_DECK_OPTIONS.easyDays.map((_, w) => (w === weekday(empty[0]!) ? "minimum" : "normal")) as DeckOptions["easyDays"];
    await save({ easyDays });
    const r = await recordReview({ db, cardId: card, rating: 3, now: T0 });
    expect(dayOfDue(r.due)).toBe(empty[1]);
  });

  it("switched off in the preset: plain fuzz, the day FSRS's fuzz draws, whatever the load", async () => {
    const [card, ...pool] = ids() as [string, ...string[]];
    reviewCard(card);
    const range = goodRange(card);
    for (let d = range.min; d <= range.max; d++) dueOn(pool, d, d === range.max ? 0 : 5);
    await save({ loadBalancer: false });
    const fuzzed = schedulerFor({ ...DEFAULT_DECK_OPTIONS, loadBalancer: false }, null, true);
    const shown = (await getStudyCard({ db, cardId: card, now: T0 })).intervals["3"];
    const state = { due: new Date(T0), stability: 10, difficulty: 5, elapsedDays: 0, scheduledDays: 10, learningSteps: 0, reps: 3, lapses: 0, state: 2, lastReview: new Date(T0.getTime() - 10 * DAY) };
    const expected = fuzzed.rate(state, 3, T0, card);
    const r = await recordReview({ db, cardId: card, rating: 3, now: T0 });
    expect(r.due).toBe(expected.due.toISOString());
    expect(shown).toBe(formatInterval(Date.parse(r.due) - T0.getTime()));
  });
});

describe("Help me decide: the simulator on the deck options page", () => {
  it("seeded: the same request gives the same days; more retention costs more reviews; no new cards learns none", async () => {
    const run = (desiredRetention: number, newPerDay: number, seed = "s") => simulateDeck({ db, deckId: "l", request: { desiredRetention, newPerDay, days: 20, seed }, now: T0 });
    const a = await run(0.9, 10);
    expect(a).toMatchObject({ deckId: "l", cards: 80, desiredRetention: 0.9, newPerDay: 10 });
    expect(a.reviewsPerDay).toHaveLength(20);
    expect(a.knownPerDay).toHaveLength(20);
    expect(a.totalReviews).toBe(a.reviewsPerDay.reduce((x, y) => x + y, 0));
    expect(await run(0.9, 10)).toEqual(a);
    expect((await run(0.9, 10, "other")).reviewsPerDay).not.toEqual(a.reviewsPerDay);
    expect((await run(0.97, 10)).totalReviews).toBeGreaterThan(a.totalReviews);
    // 10 new a day for 8 days is all 80: cards known climb to most of the deck
    expect(a.knownPerDay.at(-1)!).toBeGreaterThan(50);
    const none = await run(0.9, 0);
    expect(none.totalReviews).toBe(0);
    expect(none.knownPerDay.every((k) => k === 0)).toBe(true);
  });
});
