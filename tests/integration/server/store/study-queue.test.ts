/**
 * server/store/study-queue.ts on a real database: the queue's statements pick the card the
 * study loop needs, a card row is decoded once, and the statements are prepared once per
 * connection (the hot path must not prepare SQL per request).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { importContent } from "../../../../server/use-cases/import-content";
import { all, run, sql } from "../../../../server/store/sql";
import {
  countLearning,
  countNew,
  findReviewByKey,
  getScheduledCard,
  insertReview,
  nextDueAt,
  nextLearningCard,
  nextNewCard,
  nextReviewCard,
  reviewsDoneToday,
} from "../../../../server/store/study-queue";
import { openDb } from "../../../../server/db";
import { freshDb, writeContent } from "../../helpers";

const NOW = new Date("2026-12-02T08:00:00Z");
const T = NOW.getTime();
const MIN = 60_000;
let db: ReturnType<typeof freshDb>;
let ids: string[];
beforeEach(async () => {
  db = freshDb();
  const root = writeContent(db.dir, { "d.md": "# D\n\nQ1 :: A1\n\nQ2 :: A2\n\nQ3 :: A3\n\nQ4 :: A4\n" });
  await importContent({ db, paths: [root], contentRoot: root, now: NOW });
  ids = all(db.sqlite, sql.selectFrom("Card").select("id").orderBy("position")).map((r) => r.id);
});
afterEach(async () => {
  await db.close();
});

const at = (now = T) => ({ deckId: "d", now });
const set = (id: string, values: { state?: number; due?: number; suspended?: number; buriedUntil?: number | null; retired?: number }) =>
  run(db.sqlite, sql.updateTable("Card").set(values).where("id", "=", id));

describe("the due queue", () => {
  it("new cards in content order, or by id; suspended and buried cards are left out until unburied", () => {
    expect(nextNewCard(db.sqlite, at(), "content")?.prompt).toBe("Q1");
    expect(nextNewCard(db.sqlite, at(), "random")?.id).toBe([...ids].sort()[0]);
    set(ids[0]!, { suspended: 1 });
    set(ids[1]!, { buriedUntil: T + MIN });
    expect(nextNewCard(db.sqlite, at(), "content")?.prompt).toBe("Q3");
    expect(nextNewCard(db.sqlite, at(T + MIN), "content")?.prompt).toBe("Q2");
    expect(countNew(db.sqlite, { ...at(), cap: 10 })).toBe(2);
    expect(countNew(db.sqlite, { ...at(), cap: 1 })).toBe(1);
  });

  it("the learning or relearning card due first; reviews apart; when the next one falls due", () => {
    set(ids[0]!, { state: 1, due: T - MIN });
    set(ids[1]!, { state: 3, due: T - 2 * MIN });
    set(ids[2]!, { state: 2, due: T - 3 * MIN });
    set(ids[3]!, { state: 2, due: T + 5 * MIN });
    expect(nextLearningCard(db.sqlite, at())?.prompt).toBe("Q2");
    set(ids[1]!, { retired: 1 });
    expect(nextLearningCard(db.sqlite, at())?.prompt).toBe("Q1");
    expect(countLearning(db.sqlite, { ...at(), until: T })).toBe(1);
    expect(nextReviewCard(db.sqlite, at())?.prompt).toBe("Q3");
    expect(nextDueAt(db.sqlite, at())).toBe(T + 5 * MIN);
    expect(nextNewCard(db.sqlite, at(), "content")).toBeUndefined();
  });
});

describe("a card and its reviews", () => {
  it("decodes a row once: retired as a boolean, the schedule as FSRS state", () => {
    set(ids[0]!, { state: 2, due: T + MIN, retired: 1 });
    const card = getScheduledCard(db.sqlite, ids[0]!)!;
    expect(card).toMatchObject({ id: ids[0], deckId: "d", kind: "basic", prompt: "Q1", retired: true });
    expect(card.schedule).toMatchObject({ state: 2, due: new Date(T + MIN), lastReview: null });
    expect(card.topic).toBe("[]"); // JSON text, as stored: the study card reads it
    expect(getScheduledCard(db.sqlite, "no such card")).toBeUndefined();
  });

  it("writes a review, finds it by its key, and counts today's by the state the card was in", () => {
    const review = { cardId: ids[0]!, deckId: "d", rating: 3, reviewedAt: T, durationMs: null, source: "study", before: "{}", state: 1, due: T + MIN, stability: 1, difficulty: 5, scheduledDays: 0 };
    const id = insertReview(db.sqlite, { ...review, idempotencyKey: "k1", prevState: 0 });
    insertReview(db.sqlite, { ...review, idempotencyKey: null, prevState: 2 });
    insertReview(db.sqlite, { ...review, idempotencyKey: null, prevState: 2, source: "quiz" });
    expect(findReviewByKey(db.sqlite, "k1")).toEqual({ id, cardId: ids[0], rating: 3 });
    expect(findReviewByKey(db.sqlite, "k2")).toBeUndefined();
    expect(reviewsDoneToday(db.sqlite, { deckId: "d", dayStart: T })).toEqual({ newDone: 1, reviewDone: 1 });
    expect(reviewsDoneToday(db.sqlite, { deckId: "d", dayStart: T + 1 })).toEqual({ newDone: 0, reviewDone: 0 });
  });
});

describe("prepared once per connection", () => {
  it("a second run prepares nothing; another connection prepares its own", async () => {
    const queue = (sqlite: typeof db.sqlite) => {
      nextLearningCard(sqlite, at());
      nextNewCard(sqlite, at(), "content");
      countNew(sqlite, { ...at(), cap: 5 });
      getScheduledCard(sqlite, ids[0]!);
    };
    queue(db.sqlite);
    const prepare = vi.spyOn(db.sqlite, "prepare");
    queue(db.sqlite);
    expect(prepare).not.toHaveBeenCalled();
    const other = openDb(db.file, { backgroundCheckpoints: false });
    try {
      const prepareOther = vi.spyOn(other.sqlite, "prepare");
      queue(other.sqlite);
      expect(prepareOther).toHaveBeenCalledTimes(5);
      expect(nextNewCard(other.sqlite, at(), "content")?.prompt).toBe("Q1");
    } finally {
      await other.close();
    }
  });
});
