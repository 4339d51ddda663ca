/**
 * server/store/quizzes.ts, quiz-answers.ts and quiz-candidates.ts on a real database: rows the
 * quiz use cases wrote decode into what was written (read back here with plain SQL), and a row
 * whose JSON column is not JSON, or not of its shape, is an error naming the row and the column
 * (a 500, not a 400), never a wrong value passed on.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { CreateQuizRequest } from "@/lib/quiz/schemas";
import { errorResponse } from "../../../../server/http";
import { StoredRowError } from "../../../../server/store/json-column";
import { countUnanswered, currentPosition, quizStatus } from "../../../../server/store/quiz-answers";
import { candidatesById, deckTitles, rankedCandidates, termPool } from "../../../../server/store/quiz-candidates";
import { endQuiz, findQuestion, findQuiz, insertQuestion, insertQuiz, listOverdueQuizzes, listQuestions, listQuizzesBefore, rescoreQuiz } from "../../../../server/store/quizzes";
import { importContent } from "../../../../server/use-cases/import-content";
import { answerQuestion } from "../../../../server/use-cases/quiz/answer-question";
import { createQuiz } from "../../../../server/use-cases/quiz/create-quiz";
import { getQuiz } from "../../../../server/use-cases/quiz/get-quiz";
import { freshDb, writeContent } from "../../helpers";

const NOW = new Date("2026-12-02T08:00:00Z");
const at = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);
const DECK = "quiz/openstack-quiz";
let db: ReturnType<typeof freshDb>;

beforeEach(async () => {
  db = freshDb();
  const deck = fs.readFileSync(path.resolve(__dirname, "../../../fixtures/quiz-content/openstack-quiz.md"), "utf8");
  const root = writeContent(db.dir, { "quiz/openstack-quiz.md": deck });
  const r = await importContent({ db, paths: [root], contentRoot: root, now: NOW });
  expect(r.errors).toEqual([]);
});
afterEach(async () => {
  await db.close();
});

const settings: CreateQuizRequest = { scope: [{ deckId: DECK }], count: 6, kinds: ["choice", "generated", "typed", "ordering"], seed: "store", timeLimitSec: 600 };
/** A quiz whose every answer is typed text. */
const typed: CreateQuizRequest = { ...settings, kinds: ["typed"] };

/** A stored column, with plain SQL. */
const column = (table: "Quiz" | "QuizQuestion", name: string, where: string, ...params: unknown[]): unknown =>
  Object.values(db.sqlite.prepare(`SELECT ${name} FROM ${table} WHERE ${where}`).get(...params) as Record<string, unknown>)[0];
const json = (text: unknown) => JSON.parse(String(text)) as unknown;

/** What a use case throws, or null. */
async function thrown(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => null,
    (e: unknown) => e,
  );
}

describe("decoding quiz rows", () => {
  it("a Quiz row as createQuiz wrote it: settings and skipped read from their JSON, practice a boolean, times in ms", async () => {
    const { id } = await createQuiz({ settings, now: NOW, db });
    const quiz = findQuiz(db.sqlite, id)!;
    expect(quiz).toEqual({
      id,
      seed: "store",
      settings: json(column("Quiz", "settings", "id = ?", id)),
      practice: false,
      retakeOf: null,
      skipped: json(column("Quiz", "skipped", "id = ?", id)),
      createdAt: NOW.getTime(),
      deadline: NOW.getTime() + 600_000,
      finishedAt: null,
      questionCount: 6,
      score: null,
    });
    expect(quiz.settings).toEqual({ scope: [{ deckId: DECK, topics: [] }], count: 6, kinds: ["choice", "generated", "typed", "ordering"], timeLimitSec: 600, practice: false, seed: "store" });
    // the same JSON, key for key and in the same order, as was stored
    expect(JSON.stringify(quiz.settings)).toBe(column("Quiz", "settings", "id = ?", id));
    expect(findQuiz(db.sqlite, "no such quiz")).toBeNull();
  });

  it("QuizQuestion rows: the question with its keys; answer and result once answered, null before", async () => {
    const { id } = await createQuiz({ settings: typed, now: NOW, db });
    const before = listQuestions(db.sqlite, id);
    expect(before.map((q) => q.position)).toEqual([0, 1, 2, 3, 4, 5]);
    for (const q of before) {
      expect(q.question).toEqual(json(column("QuizQuestion", "question", "quizId = ? AND position = ?", id, q.position)));
      expect(JSON.stringify(q.question)).toBe(column("QuizQuestion", "question", "quizId = ? AND position = ?", id, q.position));
      expect(q).toMatchObject({ quizId: id, cardId: q.question.source.cardId, kind: q.question.kind, answer: null, result: null, answeredAt: null, score: null });
    }
    await getQuiz({ quizId: id, now: at(1), db });
    const fb = await answerQuestion({ quizId: id, position: 0, answer: { text: "no idea" }, now: at(4), db });
    const answered = findQuestion(db.sqlite, id, 0)!;
    expect(answered).toMatchObject({ shownAt: at(1).getTime(), answeredAt: at(4).getTime(), answer: { text: "no idea" }, result: fb.result, score: fb.score, durationMs: 3000 });
    expect(answered.result).toEqual(json(column("QuizQuestion", "result", "quizId = ? AND position = 0", id)));
    expect(findQuestion(db.sqlite, id, 99)).toBeNull();
    expect(currentPosition(db.sqlite, id)).toBe(1);
    expect(countUnanswered(db.sqlite, id)).toBe(5);
    expect(quizStatus(db.sqlite, id)).toEqual({ finishedAt: null, practice: false });
  });

  it("keys the schemas do not name are kept, as they were stored", () => {
    const question = { kind: "typed" as const, source: { cardId: cardIds()[0]!, deckId: DECK, deckTitle: "T", topic: ["A"], sourceLine: 3 }, promptHtml: "<p>q</p>", expected: "x", aliases: [], explanationHtml: "", hint: "kept" };
    const quizSettings = { scope: [{ deckId: DECK, topics: [] }], count: 1, kinds: ["typed" as const], timeLimitSec: null, practice: true, seed: "s" };
    insertQuiz(db.sqlite, { id: "q1", seed: "s", settings: quizSettings, retakeOf: null, skipped: [], createdAt: 5, deadline: null, questionCount: 1 });
    insertQuestion(db.sqlite, "q1", 0, question);
    expect(findQuestion(db.sqlite, "q1", 0)!.question).toEqual(question);
    expect(findQuiz(db.sqlite, "q1")).toMatchObject({ settings: quizSettings, practice: true, createdAt: 5, deadline: null, skipped: [] });
  });
});

describe("a corrupt row is an error naming it, never a wrong value", () => {
  it("a Quiz column that is not JSON", async () => {
    const { id } = await createQuiz({ settings, now: NOW, db });
    db.sqlite.prepare("UPDATE Quiz SET settings = ? WHERE id = ?").run('{"scope": [', id);
    expect(() => findQuiz(db.sqlite, id)).toThrow(StoredRowError);
    expect(() => findQuiz(db.sqlite, id)).toThrow(new RegExp(`Quiz ${id} cannot be read: ✖ not JSON \\(.+\\)\\s+→ at settings`));
    // through a use case: the same error, which the routes answer as a 500 (a ZodError would be a 400)
    const e = await thrown(getQuiz({ quizId: id, now: at(1), db }));
    expect(e).toBeInstanceOf(StoredRowError);
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(errorResponse(e).status).toBe(500);
    expect(logged).toHaveBeenCalledWith(e);
    logged.mockRestore();
  });

  it("JSON of the wrong shape names the place in it", async () => {
    const { id } = await createQuiz({ settings, now: NOW, db });
    db.sqlite.prepare("UPDATE Quiz SET settings = json_set(settings, '$.scope[0].deckId', 7) WHERE id = ?").run(id);
    expect(() => findQuiz(db.sqlite, id)).toThrow(/→ at settings\.scope\[0\]\.deckId/);
    db.sqlite.prepare("UPDATE Quiz SET settings = json_set(settings, '$.scope[0].deckId', ?), skipped = ? WHERE id = ?").run(DECK, '[{"cardId": "c"}]', id);
    expect(() => findQuiz(db.sqlite, id)).toThrow(/→ at skipped\[0\]\.kind/);
    db.sqlite.prepare("UPDATE Quiz SET skipped = '[]', practice = 2 WHERE id = ?").run(id);
    expect(() => findQuiz(db.sqlite, id)).toThrow(/→ at practice/);
  });

  it("a question, an answer or a result that is not what the quiz wrote", async () => {
    const { id } = await createQuiz({ settings: typed, now: NOW, db });
    await answerQuestion({ quizId: id, position: 0, answer: { text: "x" }, now: at(1), db });
    const set = (col: string, value: string, position: number) => db.sqlite.prepare(`UPDATE QuizQuestion SET ${col} = ? WHERE quizId = ? AND position = ?`).run(value, id, position);
    set("question", '{"kind": "essay"}', 1);
    expect(() => listQuestions(db.sqlite, id)).toThrow(new RegExp(`QuizQuestion ${id}/1 cannot be read: .*\\s+→ at question\\.kind`));
    set("question", String(column("QuizQuestion", "question", "quizId = ? AND position = 2", id)), 1);
    set("result", "not json", 0);
    expect(() => findQuestion(db.sqlite, id, 0)).toThrow(/not JSON[\s\S]*→ at result/);
    set("result", '{"kind": "typed", "score": "1"}', 0);
    expect(() => findQuestion(db.sqlite, id, 0)).toThrow(/→ at result\.score/);
    set("result", '{"kind": "typed", "score": 0, "nearMiss": false, "diff": []}', 0);
    set("answer", '{"selected": "0"}', 0);
    expect(() => findQuestion(db.sqlite, id, 0)).toThrow(/→ at answer/);
    set("answer", '{"text": "x"}', 0);
    expect(findQuestion(db.sqlite, id, 0)).toMatchObject({ answer: { text: "x" }, result: { kind: "typed", score: 0 } });
  });

  it("a card whose topic or data is corrupt, when drawn as a candidate", () => {
    const [first] = cardIds();
    db.sqlite.prepare("UPDATE Card SET topic = 'VM creation' WHERE id = ?").run(first);
    expect(() => candidatesById(db.sqlite, [first!])).toThrow(new RegExp(`Card ${first} cannot be read: ✖ not JSON .*\\s+→ at topic`));
    db.sqlite.prepare("UPDATE Card SET topic = '[\"VM creation\"]', data = '[]' WHERE id = ?").run(first);
    expect(() => candidatesById(db.sqlite, [first!])).toThrow(/not an object\s+→ at data/);
  });
});

describe("candidates", () => {
  it("decoded with their topic and data, and the same cards for the same seed", () => {
    const choice = rankedCandidates(db.sqlite, { kind: "choice", scope: [{ deckId: DECK, topics: [] }], seed: "a", limit: 10 });
    expect(choice.length).toBeGreaterThan(0);
    for (const c of choice) {
      const row = db.sqlite.prepare("SELECT kind, topic, data FROM Card WHERE id = ?").get(c.source.cardId) as { kind: string; topic: string; data: string };
      expect(c).toMatchObject({ cardKind: row.kind, source: { deckId: DECK, deckTitle: "OpenStack quiz", topic: json(row.topic) }, data: json(row.data) });
    }
    expect(rankedCandidates(db.sqlite, { kind: "choice", scope: [{ deckId: DECK, topics: [] }], seed: "a", limit: 10 })).toEqual(choice);
    const dhcp = rankedCandidates(db.sqlite, { kind: "typed", scope: [{ deckId: DECK, topics: [["DHCP"]] }], seed: "a", limit: 10 });
    expect(dhcp.length).toBeGreaterThan(0);
    expect(new Set(dhcp.map((c) => c.source.topic[0]))).toEqual(new Set(["DHCP"]));
  });

  it("the term pool reads each short answer with its aliases; deck titles only of decks that exist", () => {
    const pool = termPool(db.sqlite, { deckId: DECK, seed: "a", limit: 100 });
    expect(pool.map((t) => t.text)).toContain("keystone");
    for (const t of pool) {
      const data = json(db.sqlite.prepare("SELECT data FROM Card WHERE id = ?").pluck().get(t.cardId)) as { typeAnswer: { aliases: string[] } };
      expect(t.aliases).toEqual(data.typeAnswer.aliases);
    }
    expect(deckTitles(db.sqlite, [DECK, "nope"])).toEqual(new Map([[DECK, "OpenStack quiz"]]));
  });
});

describe("ending and listing", () => {
  it("endQuiz ends once, with the sum of the scores; rescoreQuiz sums again", async () => {
    const { id } = await createQuiz({ settings: typed, now: NOW, db });
    await answerQuestion({ quizId: id, position: 0, answer: { text: "x" }, now: at(1), db });
    db.sqlite.prepare("UPDATE QuizQuestion SET score = 0.5 WHERE quizId = ? AND position = 0").run(id);
    endQuiz(db.sqlite, id, at(10).getTime());
    endQuiz(db.sqlite, id, at(20).getTime());
    expect(findQuiz(db.sqlite, id)).toMatchObject({ finishedAt: at(10).getTime(), score: 0.5 });
    db.sqlite.prepare("UPDATE QuizQuestion SET score = 1 WHERE quizId = ? AND position = 0").run(id);
    expect(rescoreQuiz(db.sqlite, id)).toBe(1);
  });

  it("overdue timed quizzes, and pages newest first", async () => {
    const a = await createQuiz({ settings, now: NOW, db });
    const b = await createQuiz({ settings: { ...settings, timeLimitSec: null }, now: at(1), db });
    const deadline = NOW.getTime() + 600_000;
    expect(listOverdueQuizzes(db.sqlite, deadline + 2000, 2000)).toEqual([]);
    expect(listOverdueQuizzes(db.sqlite, deadline + 2001, 2000)).toEqual([{ id: a.id, deadline }]);
    expect(listQuizzesBefore(db.sqlite, { createdAt: Number.MAX_SAFE_INTEGER, id: "\uffff" }, 5).map((q) => q.id)).toEqual([b.id, a.id]);
    expect(listQuizzesBefore(db.sqlite, { createdAt: at(1).getTime(), id: b.id }, 5).map((q) => q.id)).toEqual([a.id]);
  });
});

function cardIds(): string[] {
  return db.sqlite.prepare("SELECT id FROM Card WHERE deckId = ? ORDER BY position").pluck().all(DECK) as string[];
}
