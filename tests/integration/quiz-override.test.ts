// "I was right" on a typed quiz answer (issue 11: a quiz answer could not be overridden, and a
// wrong Again stayed in the schedule).
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { QuizQuestion } from "@/lib/quiz/types";
import { AppError } from "../../server/errors";
import { importContent } from "../../server/use-cases/import-content";
import { answerQuestion } from "../../server/use-cases/quiz/answer-question";
import { createQuiz } from "../../server/use-cases/quiz/create-quiz";
import { overrideAnswer } from "../../server/use-cases/quiz/override-answer";
import { recordReview } from "../../server/use-cases/study/record-review";
import { POST as overrideRoute } from "../../app/api/v1/quizzes/[id]/override/route";
import { closeDb } from "../../server/db";
import { freshDb, writeContent } from "./helpers";

const NOW = new Date("2026-11-26T08:00:00Z");
const at = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);
const DECK = "quiz/openstack-quiz";
let db: ReturnType<typeof freshDb>;

beforeEach(async () => {
  db = freshDb();
  const deck = fs.readFileSync(path.resolve(__dirname, "../fixtures/quiz-content/openstack-quiz.md"), "utf8");
  const root = writeContent(db.dir, { "quiz/openstack-quiz.md": deck });
  await importContent({ db, paths: [root], contentRoot: root, now: NOW });
});
afterEach(async () => {
  await db.close();
});

const question = (quizId: string, position: number) =>
  JSON.parse((db.sqlite.prepare("SELECT question FROM QuizQuestion WHERE quizId = ? AND position = ?").get(quizId, position) as { question: string }).question) as QuizQuestion;
const card = (id: string) => db.sqlite.prepare("SELECT state, due, reps FROM Card WHERE id = ?").get(id) as { state: number; due: number; reps: number };
const reviews = (id: string) => db.sqlite.prepare("SELECT rating, reviewedAt, source FROM Review WHERE cardId = ? ORDER BY id").all(id) as Array<{ rating: number; reviewedAt: number; source: string }>;

async function typedQuiz(count = 2, practice = false) {
  const quiz = await createQuiz({ settings: { scope: [{ deckId: DECK }], count, kinds: ["typed"], seed: "ov", practice }, now: NOW, db });
  return quiz.id;
}

describe("I was right", () => {
  it("a typed answer marked wrong scores 1, and its Again becomes the review a right answer gives, at the same time", async () => {
    const id = await typedQuiz();
    const q = question(id, 0);
    const cardId = (db.sqlite.prepare("SELECT cardId FROM QuizQuestion WHERE quizId = ? AND position = 0").get(id) as { cardId: string }).cardId;
    const before = card(cardId);
    const wrong = await answerQuestion({ quizId: id, position: 0, answer: { text: "令牌的别名" }, now: at(5), db });
    expect(wrong.score).toBe(0);
    expect(reviews(cardId)).toEqual([{ rating: 1, reviewedAt: at(5).getTime(), source: "quiz" }]);
    const again = card(cardId);

    const r = overrideAnswer({ quizId: id, position: 0, db });
    expect(r).toMatchObject({ position: 0, score: 1, rating: 3, rescheduled: true, quizScore: null });
    expect(reviews(cardId)).toEqual([{ rating: 3, reviewedAt: at(5).getTime(), source: "quiz" }]);
    const good = card(cardId);
    expect(good.reps).toBe(before.reps + 1);
    expect(good.due).toBeGreaterThan(again.due);
    const stored = db.sqlite.prepare("SELECT score, result FROM QuizQuestion WHERE quizId = ? AND position = 0").get(id) as { score: number; result: string };
    expect(stored.score).toBe(1);
    expect(JSON.parse(stored.result)).toMatchObject({ kind: "typed", score: 1, overridden: { score: 0 } });
    expect(q.kind).toBe("typed");

    // the quiz's total counts it once it ends
    await answerQuestion({ quizId: id, position: 1, answer: { text: "no idea" }, now: at(10), db });
    expect((db.sqlite.prepare("SELECT score FROM Quiz WHERE id = ?").get(id) as { score: number }).score).toBe(1);
    // twice is a 409, and so is a right answer
    expect(() => overrideAnswer({ quizId: id, position: 0, db })).toThrow(/already overridden/);
  });

  it("after the quiz ended the total changes; a card reviewed again since keeps its later history", async () => {
    const id = await typedQuiz(1);
    const cardId = (db.sqlite.prepare("SELECT cardId FROM QuizQuestion WHERE quizId = ? AND position = 0").get(id) as { cardId: string }).cardId;
    await answerQuestion({ quizId: id, position: 0, answer: { text: "no idea" }, now: at(5), db });
    await recordReview({ db, cardId, rating: 3, now: at(900) });
    const r = overrideAnswer({ quizId: id, position: 0, db });
    expect(r).toMatchObject({ score: 1, rating: 1, rescheduled: false, quizScore: 1 });
    expect(reviews(cardId).map((x) => x.rating)).toEqual([1, 3]);
  });

  it("the route: a 400 with the zod message for a bad body, a 409 for an unanswered question, a 404 for an unknown quiz", async () => {
    const id = await typedQuiz();
    process.env.DATABASE_URL = `file:${db.file}`;
    const post = (quizId: string, body: unknown) =>
      overrideRoute(new Request(`http://localhost/api/v1/quizzes/${quizId}/override`, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } }), { params: Promise.resolve({ id: quizId }) });
    const bad = await post(id, { position: "0" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/position must be the question's number/);
    expect((await post(id, { position: 0 })).status).toBe(409);
    expect((await post("abcdefgh12", { position: 0 })).status).toBe(404);
    // the route's process-wide connection goes before this test's database does
    await closeDb();
  });

  it("a practice quiz changes only the score", async () => {
    const id = await typedQuiz(1, true);
    await answerQuestion({ quizId: id, position: 0, answer: { text: "no idea" }, now: at(5), db });
    expect(overrideAnswer({ quizId: id, position: 0, db })).toMatchObject({ score: 1, rating: null, rescheduled: false });
  });
});

it("overriding a choice question is refused: it is scored exactly", async () => {
  const quiz = await createQuiz({ settings: { scope: [{ deckId: DECK }], count: 1, kinds: ["choice"], seed: "ov" }, now: NOW, db });
  const q = question(quiz.id, 0);
  const wrong = q.kind === "choice" ? [q.correct.findIndex((c) => !c)] : [0];
  await answerQuestion({ quizId: quiz.id, position: 0, answer: { selected: wrong }, now: at(5), db });
  const e = (() => {
    try {
      overrideAnswer({ quizId: quiz.id, position: 0, db });
    } catch (err) {
      return err;
    }
  })();
  expect(e).toBeInstanceOf(AppError);
  expect((e as AppError).status).toBe(409);
});
