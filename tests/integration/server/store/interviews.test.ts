/**
 * server/store/interviews.ts, interview-answers.ts, interview-candidates.ts and the card text in
 * cards.ts on a real database: rows the interview use cases wrote decode into what was written
 * (read back here with plain SQL), key for key, and a row whose JSON column is not JSON, or not
 * of its shape, is an error naming the row and the column (a 500, not a 400), never a wrong
 * value passed on.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { CreateInterviewRequest } from "@/lib/interview/schemas";
import { errorResponse } from "../../../../server/http";
import { findCardText, listStudiedCardText } from "../../../../server/store/cards";
import { interviewCandidates } from "../../../../server/store/interview-candidates";
import { leaveOutPause, saveAnswerByClock } from "../../../../server/store/interview-answers";
import {
  endInterview,
  findInterview,
  findInterviewQuestion,
  insertInterview,
  insertInterviewQuestion,
  listInterviewQuestions,
  listLatestInterviews,
  scoreTrend,
  setInterviewPaused,
} from "../../../../server/store/interviews";
import { StoredRowError } from "../../../../server/store/json-column";
import { importContent } from "../../../../server/use-cases/import-content";
import { finishInterview } from "../../../../server/use-cases/interview/finish-interview";
import { getInterview } from "../../../../server/use-cases/interview/get-interview";
import { gradeAnswer } from "../../../../server/use-cases/interview/grade-answer";
import { startInterview } from "../../../../server/use-cases/interview/start-interview";
import { startQuestion } from "../../../../server/use-cases/interview/start-question";
import { submitAnswer } from "../../../../server/use-cases/interview/submit-answer";
import { rankParams } from "../../../../server/store/quiz-candidates";
import { freshDb, writeContent } from "../../helpers";

const NOW = new Date("2026-11-26T08:00:00Z");
const at = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);
const DECK = "mock/mock-interview";
let db: ReturnType<typeof freshDb>;

beforeEach(async () => {
  db = freshDb();
  const deck = fs.readFileSync(path.resolve(__dirname, "../../../fixtures/interview-content/mock-interview.md"), "utf8");
  const root = writeContent(db.dir, { "mock/mock-interview.md": deck });
  const r = await importContent({ db, paths: [root], contentRoot: root, now: new Date(NOW.getTime() - 60_000) });
  expect(r.errors).toEqual([]);
});
afterEach(async () => {
  await db.close();
});

/** Three open questions, then a choice and an ordering one. */
const settings: CreateInterviewRequest = { scope: [{ deckId: DECK }], count: 5, secondsPerQuestion: 120, allowChoice: true, allowOrdering: true, seed: "store" };

/** A stored column, with plain SQL. */
const column = (table: "Interview" | "InterviewQuestion" | "Card", name: string, where: string, ...params: unknown[]): unknown =>
  db.sqlite.prepare(`SELECT ${name} FROM ${table} WHERE ${where}`).pluck().get(...params);
const questionColumn = (name: string, id: string, position: number) => column("InterviewQuestion", name, "interviewId = ? AND position = ?", id, position);
const json = (text: unknown) => JSON.parse(String(text)) as unknown;

/** What a use case throws, or null. */
async function thrown(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => null,
    (e: unknown) => e,
  );
}

/** Answers every question of the interview: open ones with a text (and ticks confirmed), choice and ordering ones with an answer. */
async function answerAll(id: string): Promise<void> {
  for (const q of listInterviewQuestions(db.sqlite, id)) {
    const t = 10 + q.position * 10;
    await startQuestion({ interviewId: id, position: q.position, now: at(t), db });
    const answer = q.question.kind === "open" ? { text: "keystone 认证拿 token，nova-api 校验" } : q.question.kind === "choice" ? { selected: [0] } : { order: q.question.stepsHtml.map((_, i) => i).reverse() };
    await submitAnswer({ interviewId: id, position: q.position, answer, now: at(t + 5), db });
    if (q.question.kind === "open") await gradeAnswer({ interviewId: id, position: q.position, ticks: q.question.points.map((_, i) => i === 0), db });
  }
}

describe("decoding interview rows", () => {
  it("an Interview row as startInterview wrote it: settings read from their JSON, practice a boolean, times in ms", async () => {
    const { id } = await startInterview({ settings: { ...settings, totalSeconds: 900 }, now: NOW, db });
    const interview = findInterview(db.sqlite, id)!;
    expect(interview).toEqual({
      id,
      seed: "store",
      settings: json(column("Interview", "settings", "id = ?", id)),
      practice: false,
      createdAt: NOW.getTime(),
      deadline: NOW.getTime() + 900_000,
      pausedAt: null,
      finishedAt: null,
      score: null,
      questionCount: 5,
      missedStudied: null,
    });
    expect(interview.settings).toEqual({
      scope: [{ deckId: DECK, topics: [] }],
      count: 5,
      secondsPerQuestion: 120,
      totalSeconds: 900,
      allowChoice: true,
      allowOrdering: true,
      weakFirst: false,
      weakestForDay: false,
      practice: false,
      seed: "store",
    });
    // the same JSON, key for key and in the same order, as was stored
    expect(JSON.stringify(interview.settings)).toBe(column("Interview", "settings", "id = ?", id));
    expect(findInterview(db.sqlite, "no such interview")).toBeNull();
  });

  it("InterviewQuestion rows: the question with its rubric or keys; answer, matches, ticks and result once there, null before", async () => {
    const { id } = await startInterview({ settings, now: NOW, db });
    const before = listInterviewQuestions(db.sqlite, id);
    expect(before.map((q) => q.question.kind)).toEqual(["open", "open", "open", "choice", "ordering"]);
    for (const q of before) {
      expect(JSON.stringify(q.question)).toBe(questionColumn("question", id, q.position));
      expect(q).toMatchObject({ interviewId: id, cardId: q.question.source.cardId, kind: q.question.kind, draft: "", autoSubmitted: false, answer: null, matches: null, ticks: null, result: null, shownAt: null, submittedAt: null, score: null });
    }
    await answerAll(id);
    const after = listInterviewQuestions(db.sqlite, id);
    for (const q of after) {
      for (const name of ["question", "answer", "matches", "ticks", "result"] as const) {
        const stored = questionColumn(name, id, q.position);
        expect(q[name] === null ? null : JSON.stringify(q[name]), `${name} at ${q.position}`).toBe(stored);
      }
      expect(q).toMatchObject({ shownAt: at(10 + q.position * 10).getTime(), submittedAt: at(15 + q.position * 10).getTime(), durationMs: 5000, autoSubmitted: false });
    }
    const [open] = after;
    expect(open).toMatchObject({ answer: { text: "keystone 认证拿 token，nova-api 校验" }, ticks: [true, false], result: null });
    expect(open!.matches!.map((m) => Object.keys(m).slice(0, 3))).toEqual([
      ["covered", "found", "missing"],
      ["covered", "found", "missing"],
    ]);
    expect(after[3]).toMatchObject({ answer: { selected: [0] }, matches: null, ticks: null, result: { kind: "choice" } });
    const steps = after[4]!.question.kind === "ordering" ? after[4]!.question.stepsHtml.length : 0;
    expect(after[4]).toMatchObject({ answer: { order: [...Array(steps).keys()].reverse() }, matches: null, result: { kind: "ordering", steps } });
    expect(findInterviewQuestion(db.sqlite, id, 3)).toEqual(after[3]);
    expect(findInterviewQuestion(db.sqlite, id, 99)).toBeNull();
  });

  it("keys the schemas do not name are kept, as they were stored", () => {
    const cardId = String(column("Card", "id", "deckId = ? AND kind = 'open' ORDER BY position LIMIT 1", DECK));
    const source = { cardId, deckId: DECK, deckTitle: "T", topic: ["A"], sourceLine: 3 };
    const question = { kind: "open" as const, source, promptHtml: "<p>q</p>", points: [{ text: "p", keywords: [["k"]], weight: 2 }], pointsHtml: ["p"], modelAnswerHtml: "", hint: "kept" };
    const interviewSettings = { scope: [{ deckId: DECK, topics: [] }], count: 1, secondsPerQuestion: null, totalSeconds: null, allowChoice: false, allowOrdering: false, weakFirst: false, weakestForDay: false, practice: true, seed: "s", extra: 1 };
    insertInterview(db.sqlite, { id: "i1", seed: "s", settings: interviewSettings, practice: true, createdAt: 5, deadline: null, questionCount: 1 });
    insertInterviewQuestion(db.sqlite, "i1", 0, question);
    expect(findInterviewQuestion(db.sqlite, "i1", 0)!.question).toEqual(question);
    expect(JSON.stringify(findInterviewQuestion(db.sqlite, "i1", 0)!.question)).toBe(JSON.stringify(question));
    expect(findInterview(db.sqlite, "i1")).toMatchObject({ settings: interviewSettings, practice: true, createdAt: 5, deadline: null });
  });
});

describe("writes", () => {
  it("the clock submits only a question not submitted yet; a pause moves only the running question; ending keeps the first end", async () => {
    const { id } = await startInterview({ settings: { ...settings, practice: true }, now: NOW, db });
    await startQuestion({ interviewId: id, position: 0, now: NOW, db });
    saveAnswerByClock(db.sqlite, { interviewId: id, position: 0 }, { submittedAt: 100, answer: { text: "a" }, matches: null, score: 0.25, durationMs: 7 });
    saveAnswerByClock(db.sqlite, { interviewId: id, position: 0 }, { submittedAt: 200, answer: null, matches: null, score: 0, durationMs: null });
    expect(findInterviewQuestion(db.sqlite, id, 0)).toMatchObject({ submittedAt: 100, autoSubmitted: true, answer: { text: "a" }, score: 0.25, durationMs: 7 });
    await startQuestion({ interviewId: id, position: 1, now: at(10), db });
    leaveOutPause(db.sqlite, id, 5000);
    expect(listInterviewQuestions(db.sqlite, id).map((q) => q.shownAt)).toEqual([NOW.getTime(), at(15).getTime(), null, null, null]);
    setInterviewPaused(db.sqlite, id, 42);
    expect(findInterview(db.sqlite, id)!.pausedAt).toBe(42);
    endInterview(db.sqlite, id, 1000);
    endInterview(db.sqlite, id, 2000);
    // the mean of five questions, four of them unanswered
    expect(findInterview(db.sqlite, id)).toMatchObject({ finishedAt: 1000, score: 0.05 });
  });

  it("latest interviews newest first, and the score trend of ended ones oldest first", async () => {
    const a = await startInterview({ settings, now: NOW, db });
    const b = await startInterview({ settings: { ...settings, practice: true }, now: at(1), db });
    const c = await startInterview({ settings, now: at(2), db });
    await finishInterview({ interviewId: a.id, now: at(3), db });
    await finishInterview({ interviewId: c.id, now: at(4), db });
    expect(listLatestInterviews(db.sqlite, 2)).toEqual([
      { id: c.id, createdAt: at(2).getTime(), finishedAt: at(4).getTime(), practice: false, questionCount: 5, score: 0 },
      { id: b.id, createdAt: at(1).getTime(), finishedAt: null, practice: true, questionCount: 5, score: null },
    ]);
    expect(scoreTrend(db.sqlite, at(2).getTime())).toEqual([
      { id: a.id, createdAt: NOW.getTime(), score: 0 },
      { id: c.id, createdAt: at(2).getTime(), score: 0 },
    ]);
    expect(scoreTrend(db.sqlite, at(1).getTime()).map((t) => t.id)).toEqual([a.id]);
  });
});

describe("candidates and card text", () => {
  it("candidates decoded with their topic and data, open ones first, the same for the same seed", () => {
    const options = { scope: [{ deckId: DECK, topics: [] }], kinds: ["open", "choice", "ordering"], rank: rankParams("a"), weakFirst: false, now: NOW.getTime(), limit: 20 };
    const cards = interviewCandidates(db.sqlite, options);
    expect(cards.map((c) => c.cardKind)).toEqual(["open", "open", "open", ...cards.slice(3).map(() => expect.not.stringMatching(/^open$/))]);
    for (const c of cards) {
      const row = db.sqlite.prepare("SELECT kind, topic, data, promptHtml FROM Card WHERE id = ?").get(c.source.cardId) as { kind: string; topic: string; data: string; promptHtml: string };
      expect(c).toMatchObject({ cardKind: row.kind, promptHtml: row.promptHtml, source: { deckId: DECK, deckTitle: "Mock interview", topic: json(row.topic) }, data: json(row.data) });
      expect(JSON.stringify(c.data)).toBe(row.data);
    }
    expect(interviewCandidates(db.sqlite, options)).toEqual(cards);
    const dhcp = interviewCandidates(db.sqlite, { ...options, scope: [{ deckId: DECK, topics: [["DHCP"]] }] });
    expect(dhcp.map((c) => c.source.topic)).toEqual([["DHCP"]]);
    expect(interviewCandidates(db.sqlite, { ...options, kinds: ["open"], limit: 2 })).toEqual(cards.slice(0, 2));
  });

  it("card text: the topic read, retired and suspended as booleans; the studied cards of a deck in content order", () => {
    const ids = db.sqlite.prepare("SELECT id FROM Card WHERE deckId = ? ORDER BY position").pluck().all(DECK) as string[];
    db.sqlite.prepare("UPDATE Card SET suspended = 1 WHERE id = ?").run(ids[1]);
    const first = findCardText(db.sqlite, ids[0]!)!;
    expect(first).toEqual({
      id: ids[0],
      deckId: DECK,
      kind: "open",
      topic: json(column("Card", "topic", "id = ?", ids[0])),
      prompt: column("Card", "prompt", "id = ?", ids[0]),
      answer: column("Card", "answer", "id = ?", ids[0]),
      retired: false,
      suspended: false,
    });
    expect(findCardText(db.sqlite, ids[1]!)!.suspended).toBe(true);
    expect(findCardText(db.sqlite, "no such card")).toBeNull();
    expect(listStudiedCardText(db.sqlite, DECK).map((c) => c.id)).toEqual(ids.filter((id) => id !== ids[1]));
  });
});

describe("a corrupt row is an error naming it, never a wrong value", () => {
  it("an Interview column that is not JSON, through a use case: a 500", async () => {
    const { id } = await startInterview({ settings, now: NOW, db });
    db.sqlite.prepare("UPDATE Interview SET settings = ? WHERE id = ?").run('{"scope": [', id);
    expect(() => findInterview(db.sqlite, id)).toThrow(StoredRowError);
    expect(() => findInterview(db.sqlite, id)).toThrow(new RegExp(`Interview ${id} cannot be read: ✖ not JSON \\(.+\\)\\s+→ at settings`));
    const e = await thrown(getInterview({ interviewId: id, now: at(1), db }));
    expect(e).toBeInstanceOf(StoredRowError);
    // the routes answer it as a 500 (a ZodError would be a 400, as if the request were wrong)
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(errorResponse(e).status).toBe(500);
    expect(logged).toHaveBeenCalledWith(e);
    logged.mockRestore();
  });

  it("settings of the wrong shape, or practice neither 0 nor 1, name the place", async () => {
    const { id } = await startInterview({ settings, now: NOW, db });
    db.sqlite.prepare("UPDATE Interview SET settings = json_set(settings, '$.secondsPerQuestion', '120') WHERE id = ?").run(id);
    expect(() => findInterview(db.sqlite, id)).toThrow(/→ at settings\.secondsPerQuestion/);
    db.sqlite.prepare("UPDATE Interview SET settings = json_set(settings, '$.secondsPerQuestion', 120), practice = 2 WHERE id = ?").run(id);
    expect(() => findInterview(db.sqlite, id)).toThrow(/→ at practice/);
  });

  it("a question, answer, matches, ticks or result that is not what the interview wrote", async () => {
    const { id } = await startInterview({ settings, now: NOW, db });
    await answerAll(id);
    const set = (col: string, value: string, position: number) => db.sqlite.prepare(`UPDATE InterviewQuestion SET ${col} = ? WHERE interviewId = ? AND position = ?`).run(value, id, position);
    const saved = Object.fromEntries(["question", "answer", "matches", "ticks"].map((c) => [c, String(questionColumn(c, id, 0))]));

    set("question", '{"kind": "typed"}', 1);
    expect(() => listInterviewQuestions(db.sqlite, id)).toThrow(new RegExp(`InterviewQuestion ${id}/1 cannot be read: .*\\s+→ at question\\.kind`));
    set("question", String(questionColumn("question", id, 2)), 1);
    set("question", saved.question!.replace('"points":[', '"points":[7,'), 0);
    expect(() => findInterviewQuestion(db.sqlite, id, 0)).toThrow(/→ at question\.points\[0\]/);
    set("question", saved.question!, 0);
    set("matches", '[{"covered": tru', 0);
    expect(() => findInterviewQuestion(db.sqlite, id, 0)).toThrow(new RegExp(`InterviewQuestion ${id}/0 cannot be read: ✖ not JSON[\\s\\S]*→ at matches`));
    set("matches", '[{"covered": "yes", "found": [], "missing": []}]', 0);
    expect(() => findInterviewQuestion(db.sqlite, id, 0)).toThrow(/→ at matches\[0\]\.covered/);
    set("matches", saved.matches!, 0);
    set("ticks", "[1, 0]", 0);
    expect(() => findInterviewQuestion(db.sqlite, id, 0)).toThrow(/→ at ticks\[0\]/);
    set("ticks", saved.ticks!, 0);
    set("answer", '{"text": 5}', 0);
    expect(() => findInterviewQuestion(db.sqlite, id, 0)).toThrow(/→ at answer/);
    set("answer", saved.answer!, 0);
    const result = String(questionColumn("result", id, 3));
    set("result", '{"kind": "choice", "score": "1"}', 3);
    expect(() => findInterviewQuestion(db.sqlite, id, 3)).toThrow(/→ at result\.score/);
    set("result", result, 3);
    // each column put back as it was written reads again
    expect(listInterviewQuestions(db.sqlite, id).map((q) => q.position)).toEqual([0, 1, 2, 3, 4]);
    expect(findInterviewQuestion(db.sqlite, id, 0)!.ticks).toEqual(json(saved.ticks));
    // a use case reading the rows fails with the error, instead of grading from a wrong value
    set("ticks", '"all"', 0);
    expect(await thrown(getInterview({ interviewId: id, now: at(100), db }))).toBeInstanceOf(StoredRowError);
  });

  it("a card whose topic or data is corrupt, when drawn as a candidate or read for its text", async () => {
    const [first] = db.sqlite.prepare("SELECT id FROM Card WHERE deckId = ? AND kind = 'open' ORDER BY position").pluck().all(DECK) as string[];
    db.sqlite.prepare("UPDATE Card SET topic = 'VM creation' WHERE id = ?").run(first);
    expect(() => findCardText(db.sqlite, first!)).toThrow(new RegExp(`Card ${first} cannot be read: ✖ not JSON .*\\s+→ at topic`));
    const e = await thrown(startInterview({ settings, now: NOW, db }));
    expect(e).toBeInstanceOf(StoredRowError);
    expect((e as Error).message).toMatch(new RegExp(`Card ${first} cannot be read: [\\s\\S]*→ at topic`));
    db.sqlite.prepare("UPDATE Card SET topic = '[\"VM creation\"]', data = '[]' WHERE id = ?").run(first);
    expect(await thrown(startInterview({ settings, now: NOW, db }))).toMatchObject({ name: "StoredRowError", message: expect.stringMatching(/not an object\s+→ at data/) });
  });
});
