/**
 * Issue 16, /stats and the mock-interview set-up against a real database: the plan's view of
 * an interview date (projection to the day with the plan and without more study, new-card pace,
 * forecast) and "weakest for the day first", which orders questions by recall at the date.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createInterviewDateSchema } from "../../lib/planning/schemas";
import { AppError } from "../../server/errors";
import { importContent } from "../../server/use-cases/import-content";
import { startInterview } from "../../server/use-cases/interview/start-interview";
import { getInterviewPlan } from "../../server/use-cases/planning/get-interview-plan";
import { getReadiness } from "../../server/use-cases/planning/get-readiness";
import { setInterviewDate } from "../../server/use-cases/planning/set-interview-date";
import { recordReview } from "../../server/use-cases/study/record-review";
import { freshDb, writeContent } from "./helpers";

const T0 = new Date("2026-12-01T02:00:00Z"); // 10:00 in Shanghai
const DAY = 86_400_000;
const MIN = 60_000;
const DECK = "mock/mock-interview";
let db: ReturnType<typeof freshDb>;

beforeEach(async () => {
  db = freshDb();
  const mock = fs.readFileSync(path.resolve(__dirname, "../fixtures/interview-content/mock-interview.md"), "utf8");
  const root = writeContent(db.dir, { "mock/mock-interview.md": mock, "net.md": "# Net\n\n## DHCP\n\nQ1 :: A1\n\nQ2 :: A2\n\n## Router\n\nQ3 :: A3\n" });
  expect((await importContent({ db, paths: [root], contentRoot: root, now: new Date(T0.getTime() - MIN) })).errors).toEqual([]);
});
afterEach(async () => {
  await db.close();
});

const fields = (body: unknown) => createInterviewDateSchema.parse(body);
const cardId = (prompt: string) => (db.sqlite.prepare("SELECT id FROM Card WHERE prompt = ?").get(prompt) as { id: string }).id;
/** Good, then Good at the 10-minute step: the card graduates to review. */
async function learn(id: string, at: Date) {
  await recordReview({ db, cardId: id, rating: 3, now: at });
  await recordReview({ db, cardId: id, rating: 3, now: new Date(at.getTime() + 10 * MIN) });
}

describe("the interview plan on /stats", () => {
  it("projects from now to the day: ends at readiness with the plan and without study, which is today's readiness at the instant", async () => {
    const d = await setInterviewDate({ db, now: T0, fields: fields({ at: new Date(T0.getTime() + 10 * DAY).toISOString(), timeZone: "Asia/Shanghai", scope: [{ deckId: "net", topics: [] }] }) });
    await learn(cardId("Q1"), T0);
    const now = new Date(T0.getTime() + 20 * MIN);
    const plan = await getInterviewPlan({ db, id: d.id, now });
    const readiness = await getReadiness({ db, id: d.id, now });
    expect(plan).toMatchObject({ mode: "plan", cards: 3, newLeft: 2, newFits: true, newPerDayLimit: 20 });
    expect(plan.readinessIfStopped).toBeCloseTo(readiness.recall, 10);
    // the plan introduces the two new cards and reviews them: far more known on the day
    expect(plan.readinessWithPlan).toBeGreaterThan(plan.readinessIfStopped + 0.3);
    const first = plan.projection[0]!;
    const last = plan.projection.at(-1)!;
    expect(first.at).toBe(now.toISOString());
    expect(first.withPlan).toBe(first.ifStopped);
    expect(last).toEqual({ at: d.at, withPlan: plan.readinessWithPlan, ifStopped: plan.readinessIfStopped });
    // one point a study day between: the interview's day is day 10 in Shanghai, days 0 to 9 are study days
    expect(plan.projection).toHaveLength(2 + 10);
    // without study recall only falls
    for (let i = 1; i < plan.projection.length; i++) expect(plan.projection[i]!.ifStopped).toBeLessThanOrEqual(plan.projection[i - 1]!.ifStopped);
    expect(plan.forecast).toHaveLength(10);
    expect(plan.forecast[0]).toMatchObject({ day: 0, newCards: 1 });
    // mock interviews on study days 5 and 8 (two days before the interview's day 10), at the start of those days in Shanghai
    expect(plan.mockInterviews.map((m) => m.day)).toEqual([5, 8]);
    expect(plan.mockInterviews.map((m) => m.start)).toEqual([plan.forecast[5]!.start, plan.forecast[8]!.start]);
  });

  it("a budget in minutes is reviews at the pace of the learner's own reviews: 25 reviews of 6 s make 3 minutes 30 reviews", async () => {
    const ids = ["Q1", "Q2", "Q3"].map(cardId);
    for (let i = 0; i < 25; i++) await recordReview({ db, cardId: ids[i % 3]!, rating: 3, now: new Date(T0.getTime() + i * 20 * MIN), durationMs: 6_000 });
    const now = new Date(T0.getTime() + 9 * 60 * MIN);
    const d = await setInterviewDate({ db, now, fields: fields({ at: new Date(T0.getTime() + 10 * DAY).toISOString(), timeZone: "Asia/Shanghai", scope: [{ deckId: "net", topics: [] }], dailyBudget: 3, budgetUnit: "minutes" }) });
    expect(d).toMatchObject({ dailyBudget: 3, budgetUnit: "minutes", secondsPerReview: 6, budgetReviews: 30 });
    const plan = await getInterviewPlan({ db, id: d.id, now });
    expect(plan.interviewDate).toMatchObject({ budgetReviews: 30 });
    // three cards never need 30 reviews a day: nothing is held back
    expect(plan.overBudget).toBe(false);
  });

  it("a past date or one with no study day left is plain FSRS: no projection", async () => {
    const soon = await setInterviewDate({ db, now: T0, fields: fields({ at: new Date(T0.getTime() + 3600_000).toISOString(), timeZone: "Asia/Shanghai" }) });
    expect(await getInterviewPlan({ db, id: soon.id, now: T0 })).toMatchObject({ mode: "no-time", projection: [], forecast: [], mockInterviews: [] });
    expect(await getInterviewPlan({ db, id: soon.id, now: new Date(T0.getTime() + 2 * 3600_000) })).toMatchObject({ mode: "past", projection: [] });
  });
});

describe("weakest for the day first", () => {
  const order = (id: string) => (db.sqlite.prepare("SELECT cardId FROM InterviewQuestion WHERE interviewId = ? ORDER BY position").all(id) as Array<{ cardId: string }>).map((r) => r.cardId);
  const openCards = () => (db.sqlite.prepare("SELECT id FROM Card WHERE deckId = ? AND kind = 'open' ORDER BY position").all(DECK) as Array<{ id: string }>).map((r) => r.id);
  const base = { scope: [{ deckId: DECK }], count: 3, secondsPerQuestion: 120, seed: "m1" };

  it("asks the lowest recall at the interview instant first, and refuses without a date ahead", async () => {
    await expect(startInterview({ db, now: T0, settings: { ...base, weakestForDay: true } })).rejects.toSatisfy((e) => e instanceof AppError && e.status === 400);
    const open = openCards();
    expect(open).toHaveLength(3);
    // learnt 20 days back, 5 days back and just now: by the day, weakest to strongest in that order
    const [c, a, b] = open as [string, string, string];
    await learn(a, new Date(T0.getTime() - 20 * DAY));
    await learn(b, new Date(T0.getTime() - 5 * DAY));
    await learn(c, T0);
    await setInterviewDate({ db, now: T0, fields: fields({ at: new Date(T0.getTime() + 5 * DAY).toISOString(), timeZone: "Asia/Shanghai" }) });
    const now = new Date(T0.getTime() + 30 * MIN);
    const day = await startInterview({ db, now, settings: { ...base, weakestForDay: true } });
    expect(order(day.id)).toEqual([a, b, c]);
    // the same seed without the option keeps the seeded order, whatever the recall
    const seeded = await startInterview({ db, now, settings: base });
    expect(new Set(order(seeded.id))).toEqual(new Set(open));
  });
});
