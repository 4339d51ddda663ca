import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { QuizAnswer, QuizQuestion } from "@/lib/quiz/types";
import { AppError } from "../../server/errors";
import { importContent } from "../../server/use-cases/import-content";
import { answerQuestion } from "../../server/use-cases/quiz/answer-question";
import { createQuiz, retakeQuiz } from "../../server/use-cases/quiz/create-quiz";
import { finishQuiz } from "../../server/use-cases/quiz/finish-quiz";
import { getQuiz } from "../../server/use-cases/quiz/get-quiz";
import { listQuizzes } from "../../server/use-cases/quiz/list-quizzes";
import { quizResult } from "../../server/use-cases/quiz/quiz-result";
import { count, freshDb, writeContent } from "./helpers";

const NOW = new Date("2026-11-26T08:00:00Z");
const at = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);
const DECK = "quiz/openstack-quiz";
const ALL = ["choice", "generated", "typed", "ordering"] as const;

let db: ReturnType<typeof freshDb>;

beforeEach(async () => {
  db = freshDb();
  const deck = fs.readFileSync(path.resolve(__dirname, "../fixtures/quiz-content/openstack-quiz.md"), "utf8");
  const root = writeContent(db.dir, { "quiz/openstack-quiz.md": deck });
  const r = await importContent({ db, paths: [root], contentRoot: root, now: NOW });
  expect(r.errors).toEqual([]);
});
afterEach(async () => {
  await db.close();
});

const settings = (over: Record<string, unknown> = {}) => ({ scope: [{ deckId: DECK }], count: 10, kinds: [...ALL], seed: "s1", ...over });

/** The stored question with its keys, read with plain SQL. */
function stored(quizId: string, position: number): QuizQuestion {
  const row = db.sqlite.prepare("SELECT question FROM QuizQuestion WHERE quizId = ? AND position = ?").get(quizId, position) as { question: string };
  return JSON.parse(row.question) as QuizQuestion;
}

function rightAnswer(q: QuizQuestion): QuizAnswer {
  switch (q.kind) {
    case "choice":
      return { selected: q.correct.flatMap((c, i) => (c ? [i] : [])) };
    case "generated":
      return { selected: [q.correctIndex] };
    case "typed":
      return { text: q.expected.toUpperCase() };
    case "ordering":
      return { order: q.ranks.map((_, i) => i).sort((a, b) => q.ranks[a]! - q.ranks[b]!) };
  }
}

function wrongAnswer(q: QuizQuestion): QuizAnswer {
  switch (q.kind) {
    case "choice":
      return { selected: [q.correct.findIndex((c) => !c)] };
    case "generated":
      return { selected: [(q.correctIndex + 1) % q.options.length] };
    case "typed":
      return { text: "no idea" };
    case "ordering":
      // the reverse of the right order
      return { order: q.ranks.map((_, i) => i).sort((a, b) => q.ranks[b]! - q.ranks[a]!) };
  }
}

async function expectError(p: Promise<unknown>, status: number, message: RegExp) {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  expect((e as AppError).status).toBe(status);
  expect((e as AppError).message).toMatch(message);
}

describe("creating a quiz", () => {
  it("the same seed and settings give the same questions; another seed does not", async () => {
    const a = await createQuiz({ settings: settings(), now: NOW, db });
    const b = await createQuiz({ settings: settings(), now: at(60), db });
    const c = await createQuiz({ settings: settings({ seed: "s2" }), now: at(60), db });
    expect(a.questionCount).toBe(10);
    const questions = (id: string) => db.sqlite.prepare("SELECT cardId, kind, question FROM QuizQuestion WHERE quizId = ? ORDER BY position").all(id);
    expect(questions(b.id)).toEqual(questions(a.id));
    expect(questions(c.id)).not.toEqual(questions(a.id));
    const kinds = new Set((questions(a.id) as Array<{ kind: string }>).map((q) => q.kind));
    expect(kinds).toEqual(new Set(ALL));
  });

  it("draws from the chosen topics only", async () => {
    const q = await createQuiz({ settings: settings({ scope: [{ deckId: DECK, topics: [["DHCP"], ["Router"]] }], count: 20 }), now: NOW, db });
    const topics = db.sqlite.prepare("SELECT DISTINCT json_extract(question, '$.source.topic[0]') AS t FROM QuizQuestion WHERE quizId = ?").all(q.id);
    expect(new Set((topics as Array<{ t: string }>).map((t) => t.t))).toEqual(new Set(["DHCP", "Router"]));
    // DHCP: dnsmasq, the namespace cloze and a choice; Router: the l3 agent and a choice
    expect(q.questionCount).toBe(5);
  });

  it("a random seed is chosen and kept when none is given", async () => {
    const q = await createQuiz({ settings: settings({ seed: undefined }), now: NOW, db });
    expect(q.seed).toMatch(/^[0-9a-f]{8}$/);
    expect((await getQuiz({ quizId: q.id, now: NOW, db })).settings.seed).toBe(q.seed);
  });

  it("unknown decks are a 404 and impossible quizzes a 400 naming why", async () => {
    await expectError(createQuiz({ settings: settings({ scope: [{ deckId: "nope" }] }), now: NOW, db }), 404, /no deck with id nope/);
    await expectError(createQuiz({ settings: settings({ scope: [{ deckId: DECK, topics: [["No such topic"]] }] }), now: NOW, db }), 400, /no question can be made/);
    await expectError(createQuiz({ settings: settings({ kinds: [] }), now: NOW, db }), 400, /choose at least one kind/);
  });

  it("suspended and retired cards are not asked", async () => {
    db.sqlite.prepare("UPDATE Card SET suspended = 1 WHERE kind = 'ordering'").run();
    const q = await createQuiz({ settings: settings({ kinds: ["ordering", "choice"] }), now: NOW, db });
    expect(count(db, "SELECT COUNT(*) n FROM QuizQuestion WHERE quizId = ? AND kind = 'ordering'", q.id)).toBe(0);
    expect(q.questionCount).toBe(2);
  });
});

describe("taking a quiz", () => {
  it("answers become reviews with the documented ratings: right → Good, right but slow → Hard, wrong → Again", async () => {
    const quiz = await createQuiz({ settings: settings(), now: NOW, db });
    let clock = 0;
    const expected: Array<{ cardId: string; rating: number }> = [];
    for (let position = 0; position < 10; position++) {
      const view = await getQuiz({ quizId: quiz.id, now: at(clock), db });
      expect(view.current?.position).toBe(position);
      const q = stored(quiz.id, position);
      // position 0..3 right and quick, 4 right but slow, 5..9 wrong
      const slow = position === 4;
      clock += slow ? 120 : 5;
      const answer = position <= 4 ? rightAnswer(q) : wrongAnswer(q);
      const fb = await answerQuestion({ quizId: quiz.id, position, answer, now: at(clock), db });
      expect(fb.durationMs).toBe((slow ? 120 : 5) * 1000);
      const rating = position <= 3 ? 3 : position === 4 ? 2 : 1;
      expect(fb).toMatchObject({ position, score: position <= 4 ? 1 : 0, rating, finished: position === 9 });
      expected.push({ cardId: q.source.cardId, rating });
    }
    const reviews = db.sqlite.prepare("SELECT cardId, rating FROM Review WHERE source = 'quiz' ORDER BY id").all();
    expect(reviews).toEqual(expected);
    // each review moved its card's schedule
    expect(count(db, "SELECT COUNT(*) n FROM Card WHERE reps = 1")).toBe(10);
    const result = await quizResult({ quizId: quiz.id, now: at(clock), db });
    expect(result).toMatchObject({ score: 5, share: 0.5, wrong: 5, questionCount: 10, totalMs: (9 * 5 + 120) * 1000, timedOut: false });
    // the topic breakdown adds up: the deck row has every question, topics their own
    const deckRow = result.topics[0]!;
    expect(deckRow).toMatchObject({ path: ["OpenStack quiz"], questions: 10, points: 5 });
    const topicRows = result.topics.filter((t) => t.path.length === 2);
    expect(topicRows.reduce((s, t) => s + t.questions, 0)).toBe(10);
    for (const t of topicRows) {
      const inTopic = result.questions.filter((q) => q.question.source.topic[0] === t.path[1]);
      expect(t.points).toBeCloseTo(inTopic.reduce((s, q) => s + q.score, 0), 10);
    }
  });

  it("partial credit: half of a multiple choice and an ordering with one step out of place give Hard", async () => {
    const quiz = await createQuiz({ settings: settings({ kinds: ["choice", "ordering"], count: 4 }), now: NOW, db });
    for (let position = 0; position < 4; position++) {
      await getQuiz({ quizId: quiz.id, now: NOW, db });
      const q = stored(quiz.id, position);
      let answer: QuizAnswer = rightAnswer(q);
      if (q.kind === "choice" && q.multiple) answer = { selected: [q.correct.indexOf(true)] };
      if (q.kind === "ordering") {
        const right = rightAnswer(q) as { order: number[] };
        answer = { order: [right.order[1]!, right.order[0]!, ...right.order.slice(2)] };
      }
      const fb = await answerQuestion({ quizId: quiz.id, position, answer, now: NOW, db });
      if (q.kind === "ordering") {
        expect(fb.score).toBeCloseTo(2 / 3, 10);
        expect(fb).toMatchObject({ rating: 2, result: { moves: 1, inOrder: 3 } });
      }
      if (q.kind === "choice" && q.multiple) expect(fb).toMatchObject({ score: 0.5, rating: 2 });
    }
  });

  it("a practice quiz scores answers and writes no review", async () => {
    const before = db.sqlite.prepare("SELECT * FROM Card ORDER BY id").all();
    const quiz = await createQuiz({ settings: settings({ practice: true }), now: NOW, db });
    for (let position = 0; position < 10; position++) {
      await getQuiz({ quizId: quiz.id, now: NOW, db });
      const fb = await answerQuestion({ quizId: quiz.id, position, answer: rightAnswer(stored(quiz.id, position)), now: NOW, db });
      expect(fb.rating).toBeNull();
    }
    expect(count(db, "SELECT COUNT(*) n FROM Review")).toBe(0);
    expect(db.sqlite.prepare("SELECT * FROM Card ORDER BY id").all()).toEqual(before);
    expect((await quizResult({ quizId: quiz.id, now: NOW, db })).score).toBe(10);
  });

  it("resumes where it was: the current question and its first-shown time survive", async () => {
    const quiz = await createQuiz({ settings: settings(), now: NOW, db });
    const first = await getQuiz({ quizId: quiz.id, now: at(1), db });
    await answerQuestion({ quizId: quiz.id, position: 0, answer: rightAnswer(stored(quiz.id, 0)), now: at(3), db });
    const shown = await getQuiz({ quizId: quiz.id, now: at(10), db });
    // a reload later shows the same question, timed from when it was first shown
    const again = await getQuiz({ quizId: quiz.id, now: at(50), db });
    expect(first.current?.position).toBe(0);
    expect(again.current).toEqual(shown.current);
    expect(again.progress).toEqual([1, ...Array(9).fill(null)]);
    const fb = await answerQuestion({ quizId: quiz.id, position: 1, answer: rightAnswer(stored(quiz.id, 1)), now: at(60), db });
    expect(fb.durationMs).toBe(50_000);
    // no key is sent before the answer
    expect(JSON.stringify(again.current)).not.toMatch(/"correct|"ranks|"expected|"aliases|explanationHtml/);
  });

  it("answering twice, out of turn, outside the quiz or in the wrong shape is a 4xx and counts nothing", async () => {
    const quiz = await createQuiz({ settings: settings(), now: NOW, db });
    await getQuiz({ quizId: quiz.id, now: NOW, db });
    const q0 = stored(quiz.id, 0);
    await answerQuestion({ quizId: quiz.id, position: 0, answer: rightAnswer(q0), now: at(2), db });
    await expectError(answerQuestion({ quizId: quiz.id, position: 0, answer: rightAnswer(q0), now: at(3), db }), 409, /question 0 was already answered/);
    await expectError(answerQuestion({ quizId: quiz.id, position: 5, answer: { text: "x" }, now: at(3), db }), 409, /not the current question \(1\)/);
    await expectError(answerQuestion({ quizId: quiz.id, position: 10, answer: { text: "x" }, now: at(3), db }), 404, /question 10 is not in this quiz/);
    await expectError(answerQuestion({ quizId: "0123456789abcdef", position: 0, answer: { text: "x" }, now: at(3), db }), 404, /no quiz/);
    const q1 = stored(quiz.id, 1);
    const wrongShape: QuizAnswer = q1.kind === "typed" ? { order: [0] } : { text: "x" };
    await expectError(answerQuestion({ quizId: quiz.id, position: 1, answer: wrongShape, now: at(3), db }), 400, /this is a/);
    expect(count(db, "SELECT COUNT(*) n FROM Review")).toBe(1);
    expect(count(db, "SELECT COUNT(*) n FROM QuizQuestion WHERE answeredAt IS NOT NULL")).toBe(1);
  });

  it("a timed quiz ends at its deadline: later answers are refused, unanswered questions score 0", async () => {
    const quiz = await createQuiz({ settings: settings({ timeLimitSec: 60 }), now: NOW, db });
    await getQuiz({ quizId: quiz.id, now: NOW, db });
    await answerQuestion({ quizId: quiz.id, position: 0, answer: rightAnswer(stored(quiz.id, 0)), now: at(10), db });
    // within the grace period an answer on its way still counts
    await getQuiz({ quizId: quiz.id, now: at(20), db });
    await answerQuestion({ quizId: quiz.id, position: 1, answer: rightAnswer(stored(quiz.id, 1)), now: at(61), db });
    await expectError(answerQuestion({ quizId: quiz.id, position: 2, answer: rightAnswer(stored(quiz.id, 2)), now: at(63), db }), 409, /time is up/);
    const view = await getQuiz({ quizId: quiz.id, now: at(64), db });
    expect(view).toMatchObject({ finished: true, current: null });
    const result = await quizResult({ quizId: quiz.id, now: at(64), db });
    expect(result).toMatchObject({ score: 2, timedOut: true, finishedAt: at(60).toISOString(), wrong: 8 });
    expect(count(db, "SELECT COUNT(*) n FROM Review")).toBe(2);
    await expectError(answerQuestion({ quizId: quiz.id, position: 2, answer: { text: "x" }, now: at(65), db }), 409, /ended/);
  });

  it("finishing early ends it; the result is refused while in progress", async () => {
    const quiz = await createQuiz({ settings: settings(), now: NOW, db });
    await expectError(quizResult({ quizId: quiz.id, now: NOW, db }), 409, /still in progress/);
    await finishQuiz({ quizId: quiz.id, now: at(5), db });
    expect(await quizResult({ quizId: quiz.id, now: at(6), db })).toMatchObject({ score: 0, wrong: 10, timedOut: false });
  });
});

describe("retaking and history", () => {
  it("retake asks exactly the wrong ones, the same way; the history lists both with scores", async () => {
    const quiz = await createQuiz({ settings: settings(), now: NOW, db });
    const wrongCards: string[] = [];
    for (let position = 0; position < 10; position++) {
      await getQuiz({ quizId: quiz.id, now: NOW, db });
      const q = stored(quiz.id, position);
      const right = position % 3 === 0;
      if (!right) wrongCards.push(`${q.kind}:${q.source.cardId}`);
      await answerQuestion({ quizId: quiz.id, position, answer: right ? rightAnswer(q) : wrongAnswer(q), now: NOW, db });
    }
    const retake = await retakeQuiz({ quizId: quiz.id, seed: "r", now: at(60), db });
    expect(retake.questionCount).toBe(wrongCards.length);
    const asked = (db.sqlite.prepare("SELECT kind, cardId FROM QuizQuestion WHERE quizId = ?").all(retake.id) as Array<{ kind: string; cardId: string }>).map(
      (r) => `${r.kind}:${r.cardId}`,
    );
    expect(asked.sort()).toEqual(wrongCards.sort());
    expect(db.sqlite.prepare("SELECT retakeOf, practice FROM Quiz WHERE id = ?").get(retake.id)).toEqual({ retakeOf: quiz.id, practice: 0 });
    const history = await listQuizzes({ now: at(61), db });
    expect(history.quizzes.map((q) => [q.id, q.score])).toEqual([
      [retake.id, null],
      [quiz.id, 4],
    ]);
    expect(history.quizzes[1]!.decks).toEqual(["OpenStack quiz"]);
  });

  it("the history pages by cursor, newest first", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await createQuiz({ settings: settings({ count: 1 }), now: at(i), db })).id);
    const first = await listQuizzes({ limit: 2, now: at(10), db });
    const second = await listQuizzes({ limit: 2, cursor: first.nextCursor!, now: at(10), db });
    const third = await listQuizzes({ limit: 2, cursor: second.nextCursor!, now: at(10), db });
    expect([...first.quizzes, ...second.quizzes, ...third.quizzes].map((q) => q.id)).toEqual([...ids].reverse());
    expect(third.nextCursor).toBeNull();
  });
});
