/**
 * Issue 16 on the study path against a real database: until an interview, a deck it covers
 * introduces new cards at the plan's pace (cards left over the study days left, within the
 * deck's limit), its scope's first; the warning when they cannot all fit; the workload forecast
 * and the cards it leaves below target when it runs over the daily budget.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createScheduler } from "../../lib/scheduling";
import { firstReviewDays } from "../../lib/planning/simulate";
import { createInterviewDateSchema } from "../../lib/planning/schemas";
import { DEFAULT_DECK_OPTIONS } from "../../lib/deck-options";
import { importContent } from "../../server/use-cases/import-content";
import { getInterviewPlan, getNewCardPace } from "../../server/use-cases/planning/get-interview-plan";
import { removeInterviewDate } from "../../server/use-cases/planning/remove-interview-date";
import { setInterviewDate } from "../../server/use-cases/planning/set-interview-date";
import { recordReview } from "../../server/use-cases/study/record-review";
import { studyQueue } from "../../server/use-cases/study/study-queue";
import { dueCountsByDay } from "../../server/store/interview-dates";
import { freshDb, writeContent } from "./helpers";

const T0 = new Date("2026-12-01T02:00:00Z"); // 10:00 in Shanghai
const DAY = 86_400_000;
const MIN = 60_000;
const TZ = "Asia/Shanghai";
let db: ReturnType<typeof freshDb>;

const questions = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1} :: answer ${prefix}${i + 1}`).join("\n\n");

beforeEach(async () => {
  db = freshDb();
  const root = writeContent(db.dir, {
    // 30 new cards in topic A, then 30 in topic B
    "big.md": `# Big\n\n## A\n\n${questions("A", 30)}\n\n## B\n\n${questions("B", 30)}\n`,
    "small.md": `# Small\n\n${questions("S", 8)}\n`,
  });
  expect((await importContent({ db, paths: [root], contentRoot: root, now: new Date(T0.getTime() - MIN) })).errors).toEqual([]);
});
afterEach(async () => {
  await db.close();
});

const fields = (body: unknown) => createInterviewDateSchema.parse(body);
const inDays = (days: number) => new Date(T0.getTime() + days * DAY).toISOString();
const cardId = (prompt: string) => (db.sqlite.prepare("SELECT id FROM Card WHERE prompt = ?").get(prompt) as { id: string }).id;
/** days a new card rated Good needs to reach its first review, with the default steps */
const reserve = firstReviewDays(createScheduler({ learningSteps: DEFAULT_DECK_OPTIONS.learningSteps }), T0);

describe("new cards at the plan's pace", () => {
  it("a covered deck's new limit is the cards left over the study days left; studying keeps the day's pace; removal restores the deck limit", async () => {
    const queue = (now = T0) => studyQueue({ db, deckId: "big", now, timeZone: TZ });
    expect((await queue()).counts.new).toBe(20);
    const d = await setInterviewDate({ db, now: T0, fields: fields({ at: inDays(10), timeZone: TZ, scope: [{ deckId: "big", topics: [] }] }) });
    // day 10 in Shanghai is the interview's: 10 study days, the last `reserve` of them for first reviews
    const pace = Math.ceil(60 / (10 - reserve));
    expect(pace).toBeLessThan(20);
    expect((await queue()).counts.new).toBe(pace);
    // three new cards studied: the day's pace stands, three of it used
    for (const p of ["A1", "A2", "A3"]) await recordReview({ db, cardId: cardId(p), rating: 3, now: T0 });
    expect((await queue(new Date(T0.getTime() + MIN))).counts.new).toBe(pace - 3);
    expect(await getNewCardPace({ db, id: d.id, now: T0 })).toMatchObject({ newLeft: 57, fits: true, limit: 20 });
    // a deck the interview does not cover keeps its limit
    expect((await studyQueue({ db, deckId: "small", now: T0, timeZone: TZ })).counts.new).toBe(8);
    await removeInterviewDate({ db, id: d.id });
    expect((await queue(new Date(T0.getTime() + MIN))).counts.new).toBe(17);
  });

  it("an interview on one topic has that topic's new cards introduced first", async () => {
    await setInterviewDate({ db, now: T0, fields: fields({ at: inDays(10), timeZone: TZ, scope: [{ deckId: "big", topics: [["B"]] }] }) });
    const q = await studyQueue({ db, deckId: "big", now: T0, timeZone: TZ });
    expect(q.card?.prompt).toBe("B1");
    expect(q.counts.new).toBe(Math.ceil(30 / (10 - reserve)));
  });

  it("too many new cards for the days left: the deck's limit, and a warning that they cannot all fit", async () => {
    const d = await setInterviewDate({ db, now: T0, fields: fields({ at: inDays(4), timeZone: TZ, scope: [{ deckId: "big", topics: [] }] }) });
    expect((await studyQueue({ db, deckId: "big", now: T0, timeZone: TZ })).counts.new).toBe(20);
    expect(await getNewCardPace({ db, id: d.id, now: T0 })).toEqual({ newLeft: 60, perDay: 20, limit: 20, fits: false });
    expect(await getInterviewPlan({ db, id: d.id, now: T0 })).toMatchObject({ newLeft: 60, newPerDay: 20, newFits: false });
  });
});

describe("the workload forecast and the budget", () => {
  it("over the daily budget the forecast holds reviews back and lists the cards left below target, weakest first; without a budget nothing is", async () => {
    // the 8 small cards learnt 20 days ago: all due, recall fallen
    const past = new Date(T0.getTime() - 20 * DAY);
    for (let i = 1; i <= 8; i++) {
      const id = cardId(`S${i}`);
      await recordReview({ db, cardId: id, rating: 3, now: past });
      await recordReview({ db, cardId: id, rating: 3, now: new Date(past.getTime() + 10 * MIN) });
    }
    const scope = [{ deckId: "small", topics: [] }];
    const tight = await setInterviewDate({ db, now: T0, fields: fields({ at: inDays(3), timeZone: TZ, scope, dailyBudget: 1 }) });
    const plan = await getInterviewPlan({ db, id: tight.id, now: T0 });
    expect(plan.overBudget).toBe(true);
    expect(plan.forecast.every((f) => f.reviews <= 1 || f.heldBack === 0)).toBe(true);
    expect(plan.forecast[0]).toMatchObject({ day: 0, overBudget: true });
    expect(plan.belowTarget.length).toBeGreaterThan(0);
    expect(plan.belowTarget.every((b) => b.recall < 0.9 && b.deckId === "small" && /^S\d$/.test(b.prompt))).toBe(true);
    const recalls = plan.belowTarget.map((b) => b.recall);
    expect(recalls).toEqual([...recalls].sort((a, b) => a - b));

    const free = await setInterviewDate({ db, now: T0, fields: fields({ at: inDays(3), timeZone: TZ, scope }) });
    const open = await getInterviewPlan({ db, id: free.id, now: T0 });
    expect(open.overBudget).toBe(false);
    expect(open.forecast.reduce((s, f) => s + f.reviews, 0)).toBeGreaterThanOrEqual(8);
    expect(open.readinessWithPlan).toBeGreaterThan(plan.readinessWithPlan);
  });
});

describe("the plan's calendar", () => {
  it("counts reviews by whole study days (better-sqlite3 binds numbers as REAL: a fractional day matched no day, and the budget read every day as empty)", () => {
    const origin = new Date("2026-11-30T20:00:00Z"); // 04:00 in Shanghai
    for (const p of ["S1", "S2"]) db.sqlite.prepare("UPDATE Card SET state = 2, stability = 5, due = ? WHERE id = ?").run(origin.getTime() + 3 * DAY + 5 * 3600_000, cardId(p));
    expect(dueCountsByDay(db.sqlite, { scope: "all", origin, lastDay: 9, exceptCardId: "" })).toEqual(new Map([[3, 2]]));
  });
});
