import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "../../server/errors";
import { importContent } from "../../server/use-cases/import-content";
import { startInterview } from "../../server/use-cases/interview/start-interview";
import { getInterview } from "../../server/use-cases/interview/get-interview";
import { startQuestion } from "../../server/use-cases/interview/start-question";
import { saveDraft } from "../../server/use-cases/interview/save-draft";
import { submitAnswer } from "../../server/use-cases/interview/submit-answer";
import { gradeAnswer } from "../../server/use-cases/interview/grade-answer";
import { finishInterview, pauseInterview } from "../../server/use-cases/interview/finish-interview";
import { interviewReport } from "../../server/use-cases/interview/interview-report";
import { studyMissed } from "../../server/use-cases/interview/study-missed";
import { nextCard } from "../../server/use-cases/study/next-card";
import { count, freshDb, writeContent } from "./helpers";
import { matchRubric, openAnswerScore } from "../../lib/interview/rubric";

const NOW = new Date("2026-11-26T08:00:00Z");
const at = (s: number) => new Date(NOW.getTime() + s * 1000);
const DECK = "mock/mock-interview";

let db: ReturnType<typeof freshDb>;
beforeEach(async () => {
  db = freshDb();
  const text = fs.readFileSync(path.resolve(__dirname, "../fixtures/interview-content/mock-interview.md"), "utf8");
  const root = writeContent(db.dir, { "mock/mock-interview.md": text });
  expect((await importContent({ db, paths: [root], contentRoot: root, now: new Date(NOW.getTime() - 60_000) })).errors).toEqual([]);
});
afterEach(async () => {
  await db.close();
});

async function expectError(p: Promise<unknown>, status: number, message: RegExp) {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  expect((e as AppError).status).toBe(status);
  expect((e as AppError).message).toMatch(message);
}

const base = { scope: [{ deckId: DECK }], count: 3, secondsPerQuestion: 120, seed: "m1" };
const promptOf = (id: string, position: number) =>
  (db.sqlite.prepare("SELECT json_extract(question, '$.promptHtml') AS p FROM InterviewQuestion WHERE interviewId = ? AND position = ?").get(id, position) as { p: string }).p;

describe("mock interviews", () => {
  it("asks open questions first, the same ones for the same seed", async () => {
    const a = await startInterview({ settings: { ...base, count: 5, allowChoice: true, allowOrdering: true }, now: NOW, db });
    const b = await startInterview({ settings: { ...base, count: 5, allowChoice: true, allowOrdering: true }, now: NOW, db });
    const kinds = (id: string) => (db.sqlite.prepare("SELECT kind, cardId FROM InterviewQuestion WHERE interviewId = ? ORDER BY position").all(id) as Array<{ kind: string; cardId: string }>);
    expect(kinds(a.id).map((k) => k.kind).slice(0, 3)).toEqual(["open", "open", "open"]);
    expect(new Set(kinds(a.id).slice(3).map((k) => k.kind))).toEqual(new Set(["choice", "ordering"]));
    expect(kinds(b.id)).toEqual(kinds(a.id));
  });

  it("one answer submitted, one timed out with its draft, one after a reload: scores, times, rubric evidence", async () => {
    const { id } = await startInterview({ settings: base, now: NOW, db });
    // 1: typed and submitted in 60 s
    let view = await getInterview({ interviewId: id, now: NOW, db });
    expect(view.current).toMatchObject({ position: 0, started: false, question: null });
    view = await startQuestion({ interviewId: id, position: 0, now: NOW, db });
    expect(view.current).toMatchObject({ started: true, deadline: at(120).toISOString() });
    const q0 = promptOf(id, 0);
    const text0 = q0.includes("认证") ? "用户先到认证服务拿令牌，nova-api 再去 keystone 校验" : q0.includes("DHCP") ? "dnsmasq in the qdhcp namespace answers the broadcast" : "路由器做 DNAT 和 SNAT";
    const s0 = await submitAnswer({ interviewId: id, position: 0, answer: { text: text0 }, now: at(60), db });
    expect(s0.durationMs).toBe(60_000);
    expect(s0.matches!.every((m) => m.covered)).toBe(true);
    expect(s0.score).toBe(1);
    // the user confirms the ticks
    await gradeAnswer({ interviewId: id, position: 0, ticks: s0.matches!.map((m) => m.covered), db });

    // 2: typed, saved, then the clock runs out: the draft is submitted at the deadline
    await startQuestion({ interviewId: id, position: 1, now: at(70), db });
    await saveDraft({ interviewId: id, position: 1, text: "keystone", now: at(100), db });
    view = await getInterview({ interviewId: id, now: at(70 + 125), db });
    expect(view.current).toMatchObject({ position: 2, started: false });
    expect(view.toGrade).toMatchObject({ position: 1, text: "keystone", autoSubmitted: true });
    await expectError(submitAnswer({ interviewId: id, position: 1, answer: { text: "late" }, now: at(200), db }), 409, /time is up/);
    await expectError(saveDraft({ interviewId: id, position: 1, text: "late", now: at(200), db }), 409, /not being answered/);

    // 3: started, draft saved, a reload (a fresh read) finds the draft and the same deadline
    await startQuestion({ interviewId: id, position: 2, now: at(300), db });
    await saveDraft({ interviewId: id, position: 2, text: "half an answer", now: at(310), db });
    view = await getInterview({ interviewId: id, now: at(320), db });
    expect(view.current).toMatchObject({ position: 2, started: true, draft: "half an answer", deadline: at(420).toISOString() });
    // starting it again does not reset the clock
    view = await startQuestion({ interviewId: id, position: 2, now: at(330), db });
    expect(view.current?.deadline).toBe(at(420).toISOString());
    const s2 = await submitAnswer({ interviewId: id, position: 2, answer: { text: "" }, now: at(340), db });
    expect(s2).toMatchObject({ score: 0, finished: true, durationMs: 40_000 });

    const report = await interviewReport({ interviewId: id, now: at(400), db });
    expect(report.questions.map((q) => [q.durationMs, q.autoSubmitted])).toEqual([
      [60_000, false],
      [120_000, true],
      [40_000, false],
    ]);
    expect(report.questions[0]!.points!.every((p) => p.covered && p.confirmed)).toBe(true);
    expect(report.questions[2]!.points!.every((p) => !p.covered)).toBe(true);
    expect(report.score).toBeCloseTo((1 + report.questions[1]!.score + 0) / 3, 10);
    expect(report.topics[0]).toMatchObject({ path: ["Mock interview"], questions: 3 });
    expect(report.trend.map((t) => t.id)).toEqual([id]);
  });

  it("self-grading changes the score; the report and its trend follow", async () => {
    const first = await startInterview({ settings: { ...base, count: 1 }, now: NOW, db });
    await startQuestion({ interviewId: first.id, position: 0, now: NOW, db });
    const s = await submitAnswer({ interviewId: first.id, position: 0, answer: { text: "nothing relevant" }, now: at(5), db });
    expect(s.score).toBe(0);
    const ticks = s.question.kind === "open" ? s.question.points.map((_, i) => i === 0) : [];
    const graded = await gradeAnswer({ interviewId: first.id, position: 0, ticks, db });
    expect(graded.score).toBeCloseTo(1 / ticks.length, 10);
    await expectError(gradeAnswer({ interviewId: first.id, position: 0, ticks: [true], db }), 400, /one value per key point/);
    const second = await startInterview({ settings: { ...base, count: 1, seed: "m2" }, now: at(60), db });
    await finishInterview({ interviewId: second.id, now: at(61), db });
    const report = await interviewReport({ interviewId: second.id, now: at(62), db });
    expect(report.trend.map((t) => [t.id, t.score])).toEqual([
      [first.id, graded.score],
      [second.id, 0],
    ]);
  });

  it("a bare list of terms is no explanation: at most 25%, however it is ticked, and the report says why", async () => {
    const { id } = await startInterview({ settings: { ...base, count: 1 }, now: NOW, db });
    await startQuestion({ interviewId: id, position: 0, now: NOW, db });
    const list = "keystone, token, nova-api, scheduler, conductor, nova-compute, glance, neutron, cinder, dnsmasq";
    const s = await submitAnswer({ interviewId: id, position: 0, answer: { text: list }, now: at(5), db });
    expect(s.score).toBeLessThanOrEqual(0.25);
    // said on the self-grading step too, before the user ticks
    expect((await getInterview({ interviewId: id, now: at(6), db })).toGrade).toMatchObject({ position: 0, termList: true, termListMax: 0.25 });
    const ticks = s.question.kind === "open" ? s.question.points.map(() => true) : [];
    expect((await gradeAnswer({ interviewId: id, position: 0, ticks, db })).score).toBe(0.25);
    await finishInterview({ interviewId: id, now: at(20), db });
    const report = await interviewReport({ interviewId: id, now: at(21), db });
    expect(report.questions[0]).toMatchObject({ termList: true, score: 0.25 });
    expect(report.score).toBe(0.25);
  });

  it("an answer in sentences ticked in full scores 100% and is no term list", async () => {
    const { id } = await startInterview({ settings: { ...base, count: 1 }, now: NOW, db });
    await startQuestion({ interviewId: id, position: 0, now: NOW, db });
    const s = await submitAnswer({ interviewId: id, position: 0, answer: { text: "用户先向 keystone 认证拿到 token，然后 nova-api 校验 token 并把请求交给 scheduler 选节点。" }, now: at(5), db });
    const ticks = s.question.kind === "open" ? s.question.points.map(() => true) : [];
    expect((await gradeAnswer({ interviewId: id, position: 0, ticks, db })).score).toBe(1);
    await finishInterview({ interviewId: id, now: at(20), db });
    expect((await interviewReport({ interviewId: id, now: at(21), db })).questions[0]!.termList).toBe(false);
  });

  it("study what I missed: the missed cards get an Again review and are due within minutes; a second run adds nothing", async () => {
    const { id } = await startInterview({ settings: base, now: NOW, db });
    await startQuestion({ interviewId: id, position: 0, now: NOW, db });
    const q0 = promptOf(id, 0);
    // a whole answer in sentences (a bare list of the keywords covers nothing any more)
    const full = q0.includes("认证")
      ? "keystone 负责认证并签发 token，nova-api 收到请求后会去校验它。"
      : q0.includes("DHCP")
        ? "dnsmasq 在 qdhcp 命名空间里监听，收到的第一个报文是 DHCPDISCOVER。"
        : "进来的包先做 DNAT，出去的包再做 SNAT。";
    await submitAnswer({ interviewId: id, position: 0, answer: { text: full }, now: at(10), db });
    await finishInterview({ interviewId: id, now: at(20), db });
    const result = await studyMissed({ interviewId: id, now: at(30), db });
    expect(result).toMatchObject({ recorded: 2, cards: 2 });
    expect(Date.parse(result.dueAt!)).toBeLessThanOrEqual(at(30).getTime() + 10 * 60_000);
    expect(count(db, "SELECT COUNT(*) n FROM Review WHERE source = 'interview' AND rating = 1")).toBe(2);
    expect((await studyMissed({ interviewId: id, now: at(40), db })).recorded).toBe(0);
    expect(count(db, "SELECT COUNT(*) n FROM Review")).toBe(2);
    // the next study session starts with them (learning cards come first)
    const card = await nextCard({ db, deckId: DECK, now: at(30 + 10 * 60) });
    const missedCards = db.sqlite.prepare("SELECT cardId FROM InterviewQuestion WHERE interviewId = ? AND position > 0").all(id) as Array<{ cardId: string }>;
    expect(missedCards.map((m) => m.cardId)).toContain(card?.id);
  });

  it("weak spots first: a card answered wrong in a recent quiz or interview comes first", async () => {
    const seeded = await startInterview({ settings: { ...base, count: 3 }, now: NOW, db });
    const order = (id: string) => (db.sqlite.prepare("SELECT cardId FROM InterviewQuestion WHERE interviewId = ? ORDER BY position").all(id) as Array<{ cardId: string }>).map((r) => r.cardId);
    const last = order(seeded.id)[2]!;
    // the last one was missed in an earlier interview
    await startQuestion({ interviewId: seeded.id, position: 0, now: NOW, db });
    db.sqlite.prepare("UPDATE InterviewQuestion SET submittedAt = ?, score = 0 WHERE interviewId = ? AND cardId = ?").run(NOW.getTime(), seeded.id, last);
    const weak = await startInterview({ settings: { ...base, count: 3, weakFirst: true }, now: at(60), db });
    expect(order(weak.id)[0]).toBe(last);
  });

  it("untimed practice never submits by itself and can pause; a timed one cannot", async () => {
    const practice = await startInterview({ settings: { ...base, practice: true }, now: NOW, db });
    await startQuestion({ interviewId: practice.id, position: 0, now: NOW, db });
    const later = await getInterview({ interviewId: practice.id, now: at(3600), db });
    expect(later.current).toMatchObject({ position: 0, started: true, deadline: null });
    await pauseInterview({ interviewId: practice.id, paused: true, now: at(3600), db });
    await expectError(submitAnswer({ interviewId: practice.id, position: 0, answer: { text: "x" }, now: at(3700), db }), 409, /paused/);
    await pauseInterview({ interviewId: practice.id, paused: false, now: at(7200), db });
    // the hour paused does not count as answering time
    const s = await submitAnswer({ interviewId: practice.id, position: 0, answer: { text: "x" }, now: at(7210), db });
    expect(s.durationMs).toBe(3610_000);
    const timed = await startInterview({ settings: base, now: NOW, db });
    await expectError(pauseInterview({ interviewId: timed.id, paused: true, now: NOW, db }), 409, /only an untimed practice interview/);
  });

  it("a total time limit ends the interview: what was not answered scores 0", async () => {
    const { id } = await startInterview({ settings: { ...base, secondsPerQuestion: null, totalSeconds: 120 }, now: NOW, db });
    await startQuestion({ interviewId: id, position: 0, now: NOW, db });
    await saveDraft({ interviewId: id, position: 0, text: "keystone token dnsmasq DNAT", now: at(30), db });
    const view = await getInterview({ interviewId: id, now: at(200), db });
    expect(view.finished).toBe(true);
    const report = await interviewReport({ interviewId: id, now: at(200), db });
    expect(report.questions.map((q) => q.answered)).toEqual([true, false, false]);
    expect(report.finishedAt).toBe(at(120).toISOString());
  });

  it("answering twice, out of turn, before starting or outside the interview is a 4xx", async () => {
    const { id } = await startInterview({ settings: base, now: NOW, db });
    await expectError(submitAnswer({ interviewId: id, position: 0, answer: { text: "x" }, now: NOW, db }), 409, /has not started/);
    await expectError(startQuestion({ interviewId: id, position: 1, now: NOW, db }), 409, /not the current question \(0\)/);
    await startQuestion({ interviewId: id, position: 0, now: NOW, db });
    await expectError(submitAnswer({ interviewId: id, position: 0, answer: { selected: [0] }, now: NOW, db }), 400, /open question: send \{ text \}/);
    await submitAnswer({ interviewId: id, position: 0, answer: { text: "x" }, now: at(1), db });
    await expectError(submitAnswer({ interviewId: id, position: 0, answer: { text: "x" }, now: at(2), db }), 409, /already answered/);
    await expectError(submitAnswer({ interviewId: id, position: 7, answer: { text: "x" }, now: at(2), db }), 404, /not in this interview/);
    await expectError(interviewReport({ interviewId: id, now: at(2), db }), 409, /still in progress/);
    await expectError(startInterview({ settings: { ...base, scope: [{ deckId: DECK, topics: [["No such"]] }] }, now: NOW, db }), 400, /no interview question/);
  });
});

describe("an open answer submitted by the clock", () => {
  it("scores as a submitted one, out of the points that earn full marks (it divided by every point)", async () => {
    const text = fs.readFileSync(path.resolve(__dirname, "../fixtures/seeds/openstack-interview-notes.md"), "utf8");
    const root = writeContent(db.dir, { "notes/openstack.md": text });
    expect((await importContent({ db, paths: [root], contentRoot: root, now: new Date(NOW.getTime() - 60_000) })).errors).toEqual([]);
    const { id } = await startInterview({ settings: { scope: [{ deckId: "notes/openstack" }], count: 1, secondsPerQuestion: 60, seed: "clock" }, now: NOW, db });
    await startQuestion({ interviewId: id, position: 0, now: NOW, db });
    const row = db.sqlite.prepare("SELECT question FROM InterviewQuestion WHERE interviewId = ? AND position = 0").get(id) as { question: string };
    const question = JSON.parse(row.question) as { kind: string; points: Array<{ text: string; keywords: string[][] }>; enough: number };
    expect(question.kind).toBe("open");
    expect(question.enough).toBeLessThan(question.points.length);
    // a draft that says the first points in sentences, saved, then the time runs out
    const draft = question.points
      .slice(0, question.enough)
      .map((p) => p.text.replace(/\*\*/g, ""))
      .join("。");
    await saveDraft({ interviewId: id, position: 0, text: draft, now: at(30), db });
    await getInterview({ interviewId: id, now: at(70), db });
    const stored = db.sqlite.prepare("SELECT score, autoSubmitted FROM InterviewQuestion WHERE interviewId = ? AND position = 0").get(id) as { score: number; autoSubmitted: number };
    expect(stored.autoSubmitted).toBe(1);
    const covered = matchRubric(draft, question.points as never).map((m) => m.covered);
    expect(covered.filter(Boolean).length).toBeGreaterThan(0);
    expect(stored.score).toBeCloseTo(openAnswerScore(draft, covered, question.enough), 10);
    expect(stored.score).toBeGreaterThan(covered.filter(Boolean).length / covered.length);
  });
});

