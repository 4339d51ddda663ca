/**
 * The integration test: set an interview date, study, undo, change the date, remove it.
 * The plan only ever moves a due: every card row stays exact through undo, and its memory state
 * is what replaying its ratings from the history through plain FSRS gives.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { formatInterval, newCardState, stateFromRow, type RatingValue, type SchedRow, type SchedState } from "../../lib/scheduling";
import { optionsForCard } from "../../server/deck-settings";
import { importContent } from "../../server/use-cases/import-content";
import { removeInterviewDate } from "../../server/use-cases/planning/remove-interview-date";
import { setInterviewDate } from "../../server/use-cases/planning/set-interview-date";
import { updateInterviewDate } from "../../server/use-cases/planning/update-interview-date";
import { recordReview } from "../../server/use-cases/study/record-review";
import { undoReview } from "../../server/use-cases/study/undo-review";
import { getStudyCard } from "../../server/use-cases/study/get-study-card";
import { studyQueue } from "../../server/use-cases/study/study-queue";
import { freshDb, writeContent } from "./helpers";

const T0 = new Date("2026-12-01T02:00:00Z"); // 10:00 in Shanghai, study day started at 04:00
const DAY = 86_400_000;
let db: ReturnType<typeof freshDb>;

beforeEach(async () => {
  db = freshDb();
  const root = writeContent(db.dir, { "d.md": "# D\n\n## A\n\nQ1 :: A1\n\n## B\n\nQ2 :: A2\n" });
  await importContent({ db, paths: [root], contentRoot: root, now: T0 });
});
afterEach(async () => {
  await db.close();
});

const cardId = (prompt: string) => (db.sqlite.prepare("SELECT id FROM Card WHERE prompt = ?").get(prompt) as { id: string }).id;
const cardRow = (id: string) => {
  const row = db.sqlite.prepare("SELECT * FROM Card WHERE id = ?").get(id) as Record<string, unknown>;
  // updatedAt says when the row last changed (an undo too), not what the schedule is
  delete row.updatedAt;
  return row;
};
const scheduleOf = (id: string): SchedState => stateFromRow(db.sqlite.prepare("SELECT * FROM Card WHERE id = ?").get(id) as SchedRow);
const scheduler = (id: string) => optionsForCard(db.sqlite, id)!.scheduler;
/** Plain FSRS from the card's current state: what the review would give with no interview. */
const plain = (id: string, rating: RatingValue, at: Date) => scheduler(id).rate(scheduleOf(id), rating, at, id);
const memory = (s: SchedState) => ({ stability: s.stability, difficulty: s.difficulty, state: s.state, reps: s.reps, lapses: s.lapses, learningSteps: s.learningSteps, lastReview: s.lastReview });

describe("an interview date drives the schedule", () => {
  it("regression: the rating buttons showed plain FSRS's interval for a card the plan brings forward; they show the interval the rating applies", async () => {
    const q1 = cardId("Q1");
    const at = new Date(T0.getTime() + 6 * DAY);
    await setInterviewDate({ db, now: T0, fields: { label: "", at, timeZone: "Asia/Shanghai", scope: "all", targetRecall: 0.95, dailyBudget: null, budgetUnit: "reviews" } });
    const shown = (await getStudyCard({ db, cardId: q1, now: T0 })).intervals;
    const plainEasy = plain(q1, 4, T0);
    expect(plainEasy.due.getTime()).toBeGreaterThan(at.getTime());
    const queue = await studyQueue({ db, deckId: "d", now: T0, timeZone: "Asia/Shanghai" });
    expect(queue.card?.intervals).toEqual(shown);
    const r = await recordReview({ db, cardId: q1, rating: 4, now: T0 });
    expect(shown["4"]).toBe(formatInterval(new Date(r.due).getTime() - T0.getTime()));
    expect(shown["4"]).not.toBe(formatInterval(plainEasy.due.getTime() - T0.getTime()));
  });

  it("set, study, undo, change the date, remove it: rows stay exact and replay from the history", async () => {
    const q1 = cardId("Q1");
    const q2 = cardId("Q2");
    const at = new Date(T0.getTime() + 6 * DAY);
    const interview = await setInterviewDate({
      db,
      now: T0,
      fields: { label: "", at, timeZone: "Asia/Shanghai", scope: [{ deckId: "d", topics: [["A"]] }], targetRecall: 0.95, dailyBudget: null, budgetUnit: "reviews" },
    });

    // study: Easy on a new card. Plain FSRS puts the next review after the date, where recall is
    // below 0.95; the plan brings it forward to a study day's start before the date
    const fresh = cardRow(q1);
    const plainFirst = plain(q1, 4, T0);
    expect(plainFirst.due.getTime()).toBeGreaterThan(at.getTime());
    expect(scheduler(q1).retrievability(plainFirst, at)).toBeLessThan(0.95);
    const r1 = await recordReview({ db, cardId: q1, rating: 4, now: T0 });
    const planned = scheduleOf(q1);
    expect(planned.due.getTime()).toBeLessThan(at.getTime());
    expect(planned.due.getTime()).toBeGreaterThan(T0.getTime());
    // 04:00 in Shanghai: the start of a study day
    expect(planned.due.getUTCHours()).toBe(20);
    expect(memory(planned)).toEqual(memory(plainFirst));
    expect(r1.due).toBe(planned.due.toISOString());
    const review1 = db.sqlite.prepare("SELECT due, scheduledDays, stability FROM Review WHERE id = ?").get(r1.reviewId) as { due: number; scheduledDays: number; stability: number };
    expect(review1).toEqual({ due: planned.due.getTime(), scheduledDays: planned.scheduledDays, stability: plainFirst.stability });
    const afterFirst = cardRow(q1);

    // a card outside the scope (topic B) is plain FSRS
    const plainQ2 = plain(q2, 4, T0);
    await recordReview({ db, cardId: q2, rating: 4, now: T0 });
    expect(scheduleOf(q2)).toEqual(plainQ2);

    // undo gives back the exact row, and the same rating again the same planned row
    await undoReview({ db, reviewId: r1.reviewId, now: T0 });
    expect(cardRow(q1)).toEqual(fresh);
    await recordReview({ db, cardId: q1, rating: 4, now: T0 });
    expect(cardRow(q1)).toEqual(afterFirst);

    // the date moved 30 days out: the due stands until the next rating, which the new plan places
    await updateInterviewDate({ db, id: interview.id, now: T0, changes: { at: new Date(T0.getTime() + 30 * DAY) } });
    expect(cardRow(q1)).toEqual(afterFirst);
    const secondAt = planned.due;
    const plainSecond = plain(q1, 3, secondAt);
    const r2 = await recordReview({ db, cardId: q1, rating: 3, now: secondAt });
    const second = scheduleOf(q1);
    expect(memory(second)).toEqual(memory(plainSecond));
    expect(second.due.getTime()).toBeLessThanOrEqual(plainSecond.due.getTime());
    const afterSecond = cardRow(q1);
    await undoReview({ db, reviewId: r2.reviewId, now: secondAt });
    expect(cardRow(q1)).toEqual(afterFirst);
    await recordReview({ db, cardId: q1, rating: 3, now: secondAt });
    expect(cardRow(q1)).toEqual(afterSecond);

    // removed: the next rating is plain FSRS, from the state the plan left, nothing lost
    await removeInterviewDate({ db, id: interview.id });
    expect(cardRow(q1)).toEqual(afterSecond);
    const thirdAt = second.due;
    const plainThird = plain(q1, 3, thirdAt);
    await recordReview({ db, cardId: q1, rating: 3, now: thirdAt });
    expect(scheduleOf(q1)).toEqual(plainThird);

    // the history replays: every review an ordinary one, its memory state plain FSRS's from the ratings
    const reviews = db.sqlite.prepare("SELECT rating, reviewedAt, source, state, due, stability, difficulty FROM Review WHERE cardId = ? ORDER BY reviewedAt, id").all(q1) as Array<{
      rating: RatingValue;
      reviewedAt: number;
      source: string;
      state: number;
      due: number;
      stability: number;
      difficulty: number;
    }>;
    expect(reviews.map((r) => r.source)).toEqual(["study", "study", "study"]);
    let replayed = newCardState(T0);
    for (const r of reviews) {
      replayed = scheduler(q1).rate(replayed, r.rating, new Date(r.reviewedAt), q1);
      expect({ state: replayed.state, stability: replayed.stability, difficulty: replayed.difficulty }).toEqual({ state: r.state, stability: r.stability, difficulty: r.difficulty });
    }
    expect(memory(scheduleOf(q1))).toEqual(memory(replayed));
    // the last review was plain: its due is the replayed one too; the card's due is what the history says was scheduled
    expect(scheduleOf(q1).due).toEqual(replayed.due);
    expect(scheduleOf(q1).due.getTime()).toBe(reviews.at(-1)!.due);
  });

  it("after the date has passed, a review of a card in scope is plain FSRS", async () => {
    const q1 = cardId("Q1");
    await setInterviewDate({ db, now: T0, fields: { label: "", at: new Date(T0.getTime() + DAY), timeZone: "Asia/Shanghai", scope: "all", targetRecall: 0.95, dailyBudget: null, budgetUnit: "reviews" } });
    const later = new Date(T0.getTime() + 2 * DAY);
    const expected = plain(q1, 4, later);
    await recordReview({ db, cardId: q1, rating: 4, now: later });
    expect(scheduleOf(q1)).toEqual(expected);
  });
});
