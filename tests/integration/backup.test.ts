import fs from "node:fs";
import path from "node:path";
import { PassThrough } from "node:stream";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { QuizAnswer, QuizQuestion } from "@/lib/quiz/types";
import { TABLES } from "@/lib/backup/format";
import { UTF8_BOM, csvRecord, readCsv } from "@/lib/backup/csv";
import { DEFAULT_DECK_OPTIONS } from "../../lib/deck-options";
import { AppError } from "../../server/errors";
import type { Db } from "../../server/db";
import { importContent } from "../../server/use-cases/import-content";
import { recordReview } from "../../server/use-cases/study/record-review";
import { undoReview } from "../../server/use-cases/study/undo-review";
import { saveDeckOptions } from "../../server/use-cases/deck-options/save-deck-options";
import { applyCardAction } from "../../server/use-cases/cards/apply-card-action";
import { saveSettings } from "../../server/use-cases/settings/save-settings";
import { createQuiz } from "../../server/use-cases/quiz/create-quiz";
import { answerQuestion } from "../../server/use-cases/quiz/answer-question";
import { startInterview } from "../../server/use-cases/interview/start-interview";
import { startQuestion } from "../../server/use-cases/interview/start-question";
import { saveDraft } from "../../server/use-cases/interview/save-draft";
import { submitAnswer } from "../../server/use-cases/interview/submit-answer";
import { gradeAnswer } from "../../server/use-cases/interview/grade-answer";
import { finishInterview } from "../../server/use-cases/interview/finish-interview";
import { studyMissed } from "../../server/use-cases/interview/study-missed";
import { setInterviewDate } from "../../server/use-cases/planning/set-interview-date";
import { discardCard } from "../../server/use-cases/curation/discard-card";
import { editCard } from "../../server/use-cases/curation/edit-card";
import { DECK_CSV_COLUMNS, backupDatabase, exportAll, exportDeckCsv, restoreAll, startDailyBackups } from "../../server/use-cases/backup";
import { closeDb } from "../../server/db";
import { GET as exportRoute } from "../../app/api/v1/export/route";
import { GET as deckCsvRoute } from "../../app/api/v1/decks/[id]/export/route";
import { count, freshDb, writeContent } from "./helpers";

const NOW = new Date("2026-11-26T08:00:00Z");
const at = (s: number) => new Date(NOW.getTime() + s * 1000);
const fixture = (p: string) => fs.readFileSync(path.resolve(__dirname, "../fixtures", p), "utf8");

// prompts with commas, quotes and a newline, in Chinese: the CSV must quote them
const TRICKY = `---
title: 引号与逗号
language: zh
---

# 网络, "DHCP"

DHCP 的四个报文是什么，顺序呢? 例如 "discover", offer :: DISCOVER, OFFER, REQUEST, ACK

dnsmasq 在哪个命名空间里，
它监听 "tap" 设备吗?
?
在 \`qdhcp-<network id>\` 里, 监听 tap 设备。
`;

let source: ReturnType<typeof freshDb>;
let target: ReturnType<typeof freshDb>;
beforeEach(() => {
  source = freshDb();
  target = freshDb();
});
afterEach(async () => {
  await source.close();
  await target.close();
});

function rightAnswer(q: QuizQuestion): QuizAnswer {
  switch (q.kind) {
    case "choice":
      return { selected: q.correct.flatMap((c, i) => (c ? [i] : [])) };
    case "generated":
      return { selected: [(q.correctIndex + 1) % q.options.length] }; // a wrong one: Again reviews too
    case "typed":
      return { text: q.expected };
    case "ordering":
      return { order: q.ranks.map((_, i) => i).sort((a, b) => q.ranks[a]! - q.ranks[b]!) };
  }
}

/** A database with everything in it: content, reviews (one undone), presets, flags, a quiz, an interview, settings. */
async function buildContent(db: Db & { dir: string }) {
  const root = writeContent(db.dir, {
    "quiz/openstack-quiz.md": fixture("quiz-content/openstack-quiz.md"),
    "mock/mock-interview.md": fixture("interview-content/mock-interview.md"),
    "zh/tricky.md": TRICKY,
    "notes/net.md": "# 网络\n\nneutron 用 **dnsmasq** 提供 DHCP 服务。\n\n**qrouter** 负责三层转发。\n",
  });
  expect((await importContent({ db, paths: [root], contentRoot: root, now: NOW })).errors).toEqual([]);
  // the user's decisions on generated cards: one discarded, one edited
  const generated = (db.sqlite.prepare("SELECT id, kind FROM Card WHERE deckId = 'notes/net' AND kind = 'cloze' ORDER BY position").all() as Array<{ id: string }>).map((c) => c.id);
  discardCard({ db, cardId: generated[0]!, now: NOW });
  editCard({ db, cardId: generated[1]!, now: NOW, override: { kind: "cloze", text: "{{c1::qrouter}} 做租户网络之间的三层转发。" } });
  const cards = (db.sqlite.prepare("SELECT id FROM Card WHERE deckId = 'quiz/openstack-quiz' ORDER BY position").all() as Array<{ id: string }>).map((c) => c.id);
  for (const [i, id] of cards.slice(0, 4).entries()) await recordReview({ db, cardId: id, rating: ((i % 4) + 1) as 1 | 2 | 3 | 4, now: at(i), durationMs: 1500 + i, idempotencyKey: `k${i}` });
  await recordReview({ db, cardId: cards[0]!, rating: 3, now: at(600) });
  const undone = await recordReview({ db, cardId: cards[1]!, rating: 1, now: at(700) });
  await undoReview({ db, reviewId: undone.reviewId }); // leaves a gap in the review ids
  await saveDeckOptions({ db, deckId: "zh/tricky", newPresetName: "中文 preset", options: { ...DEFAULT_DECK_OPTIONS, newPerDay: 7 }, now: NOW });
  await applyCardAction({ db, cardId: cards[2]!, action: { action: "flag", flag: 2 }, now: NOW });
  await applyCardAction({ db, cardId: cards[3]!, action: { action: "suspend" }, now: NOW });
  await saveSettings({ db, settings: { rolloverHour: 5, timeZone: "Asia/Shanghai" } });

  const quiz = await createQuiz({ settings: { scope: [{ deckId: "quiz/openstack-quiz" }], count: 6, kinds: ["choice", "generated", "typed", "ordering"], seed: "b1" }, now: at(1000), db });
  for (let p = 0; p < quiz.questionCount; p++) {
    const row = db.sqlite.prepare("SELECT question FROM QuizQuestion WHERE quizId = ? AND position = ?").get(quiz.id, p) as { question: string };
    await answerQuestion({ quizId: quiz.id, position: p, answer: rightAnswer(JSON.parse(row.question) as QuizQuestion), now: at(1000 + 5 * (p + 1)), db });
  }

  const iv = await startInterview({ settings: { scope: [{ deckId: "mock/mock-interview" }], count: 2, secondsPerQuestion: 120, seed: "b2" }, now: at(2000), db });
  await startQuestion({ interviewId: iv.id, position: 0, now: at(2000), db });
  await saveDraft({ interviewId: iv.id, position: 0, text: "keystone 令牌", now: at(2010), db });
  const s0 = await submitAnswer({ interviewId: iv.id, position: 0, answer: { text: "keystone 签发令牌, nova-api 校验" }, now: at(2030), db });
  await gradeAnswer({ interviewId: iv.id, position: 0, ticks: s0.matches!.map(() => false), db });
  await startQuestion({ interviewId: iv.id, position: 1, now: at(2040), db });
  await submitAnswer({ interviewId: iv.id, position: 1, answer: { text: "不知道" }, now: at(2050), db });
  await finishInterview({ interviewId: iv.id, now: at(2060), db });
  await studyMissed({ interviewId: iv.id, now: at(2070), db });
  await setInterviewDate({
    db,
    now: at(2080),
    fields: { label: "onsite", at: at(20 * 86_400), timeZone: "Asia/Shanghai", scope: [{ deckId: "mock/mock-interview", topics: [] }], targetRecall: 0.92, dailyBudget: 50, budgetUnit: "minutes" },
  });
  // the last review undone: the next review id is above every stored one, and must stay so
  const lastOne = await recordReview({ db, cardId: cards[5]!, rating: 3, now: at(2100) });
  await undoReview({ db, reviewId: lastOne.reviewId });
  expect(count(db, "SELECT seq AS n FROM sqlite_sequence WHERE name = 'Review'")).toBeGreaterThan(count(db, "SELECT max(id) AS n FROM Review"));
}

/** Every application table (all but Prisma's and SQLite's own), read with plain SQL. */
/** The tables that hold the user's data: login sessions are not (a restored database starts logged out). */
function appTables(sqlite: Database.Database): string[] {
  return (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('_prisma_migrations', 'sqlite_sequence', 'Session') ORDER BY name").all() as Array<{ name: string }>).map((t) => t.name);
}

function dump(sqlite: Database.Database): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const spec of TABLES) {
    const cols = (sqlite.prepare(`SELECT name FROM pragma_table_info('${spec.sqlTable}')`).all() as Array<{ name: string }>).map((c) => c.name);
    // values and their SQLite storage classes (an integer must come back an integer, not a real)
    const select = cols.map((c) => `"${c}", typeof("${c}") AS "${c}:type"`).join(", ");
    out[spec.sqlTable] = sqlite.prepare(`SELECT ${select} FROM "${spec.sqlTable}" ORDER BY ${spec.primaryKey.map((k) => `"${k}"`).join(", ")}`).all();
  }
  out.sqlite_sequence = sqlite.prepare("SELECT name, seq FROM sqlite_sequence ORDER BY name").all();
  return out;
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

describe("export and restore", () => {
  it("restoring an export into an empty database reproduces every table row by row", async () => {
    await buildContent(source);
    const before = dump(source.sqlite);
    // the export covers every table of the schema, and the content fills each of them
    expect(TABLES.map((t) => t.sqlTable).sort()).toEqual(appTables(source.sqlite));
    for (const spec of TABLES) expect(before[spec.sqlTable]!.length, spec.sqlTable).toBeGreaterThan(0);
    expect(count(source, "SELECT count(*) AS n FROM Preset")).toBe(2);

    const file = path.join(source.dir, "export.json");
    const exported = await exportAll({ db: source, out: file, now: at(3000) });
    expect(exported.rows.reviews).toBe(before.Review!.length);
    const json = JSON.parse(fs.readFileSync(file, "utf8")) as { format: string; version: number; exportedAt: string; tables: Record<string, unknown[]> };
    expect(json).toMatchObject({ format: "mianshi-export", version: 1, exportedAt: at(3000).toISOString() });
    expect(Object.keys(json.tables).sort()).toEqual(TABLES.map((t) => t.name).sort());

    const restored = await restoreAll({ db: target, file });
    expect(restored.rows).toEqual(exported.rows);
    expect(dump(target.sqlite)).toEqual(before);
    expect(target.sqlite.pragma("foreign_key_check")).toEqual([]);
    // the same schema, indexes included (the restore rebuilds them)
    const schema = (sqlite: Database.Database) => sqlite.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name").all();
    expect(schema(target.sqlite)).toEqual(schema(source.sqlite));
    expect(target.sqlite.pragma("integrity_check", { simple: true })).toBe("ok");

    // and the restored database exports the same file again
    const again = path.join(target.dir, "again.json");
    await exportAll({ db: target, out: again, now: at(3000) });
    expect(fs.readFileSync(again, "utf8")).toBe(fs.readFileSync(file, "utf8"));
  });

  it("streams into a writable stream in many chunks", async () => {
    await buildContent(source);
    const out = new PassThrough({ highWaterMark: 16 });
    const chunks: Buffer[] = [];
    out.on("data", (c: Buffer) => chunks.push(c));
    await exportAll({ db: source, out, now: NOW });
    out.end();
    const text = Buffer.concat(chunks).toString("utf8");
    await restoreAll({ db: target, text });
    expect(dump(target.sqlite)).toEqual(dump(source.sqlite));
  });

  it("refuses a database that is not empty and changes nothing in it", async () => {
    await buildContent(source);
    const file = path.join(source.dir, "export.json");
    await exportAll({ db: source, out: file, now: NOW });
    const before = dump(source.sqlite);
    await expectError(restoreAll({ db: source, file }), 409, /^the database is not empty \(2 settings, 4 decks, \d+ cards, \d+ reviews, .*\): restore only into a new, empty database/);
    expect(dump(source.sqlite)).toEqual(before);
    // a single setting is enough to count as not empty
    await saveSettings({ db: target, settings: { rolloverHour: 3 } });
    await expectError(restoreAll({ db: target, file }), 409, /not empty \(1 settings\)/);
  });

  it("a corrupted file restores nothing, and says what is wrong", async () => {
    await buildContent(source);
    const file = path.join(source.dir, "export.json");
    await exportAll({ db: source, out: file, now: NOW });
    const good = fs.readFileSync(file, "utf8");
    const empty = dump(target.sqlite);

    await expectError(restoreAll({ db: target, text: good.slice(0, good.length / 2) }), 400, /^not a Mianshi export: the file is not valid JSON/);
    await expectError(restoreAll({ db: target, text: JSON.stringify({ ...JSON.parse(good), version: 9 }) }), 400, /^unsupported export version 9: this Mianshi reads version 1$/);

    // a wrong row late in the file (after decks and cards were inserted): all rolled back
    const data = JSON.parse(good) as { tables: Record<string, Array<Record<string, unknown>>> };
    const last = data.tables.interviewQuestions!.length - 1;
    data.tables.interviewQuestions![last]!.score = "high";
    const schemaBefore = target.sqlite.prepare("SELECT * FROM sqlite_master ORDER BY name").all();
    await expectError(restoreAll({ db: target, text: JSON.stringify(data) }), 400, new RegExp(`^table "interviewQuestions", row ${last}: score: Invalid input: expected number, received string$`));
    expect(dump(target.sqlite)).toEqual(empty);
    expect(target.sqlite.prepare("SELECT * FROM sqlite_master ORDER BY name").all()).toEqual(schemaBefore);

    // an interview date whose budget in minutes is more than a day (hand-edited): refused, not stored to 400 every later change
    const longDay = JSON.parse(good) as { tables: Record<string, Array<Record<string, unknown>>> };
    expect(longDay.tables.interviewDates![0]).toMatchObject({ budgetUnit: "minutes", dailyBudget: 50 });
    longDay.tables.interviewDates![0]!.dailyBudget = 5000;
    await expectError(restoreAll({ db: target, text: JSON.stringify(longDay) }), 400, /^table "interviewDates", row 0: dailyBudget: dailyBudget in minutes must be at most 1440$/);
    // a backup made before budgets in minutes: no unit, its budget is reviews
    const old = JSON.parse(good) as { tables: Record<string, Array<Record<string, unknown>>> };
    delete old.tables.interviewDates![0]!.budgetUnit;
    await restoreAll({ db: target, text: JSON.stringify(old) });
    expect(target.sqlite.prepare("SELECT budgetUnit, dailyBudget FROM InterviewDate").all()).toEqual([{ budgetUnit: "reviews", dailyBudget: 50 }]);
    await target.close();
    target = freshDb();

    // a row pointing at a card that is not there
    const orphan = JSON.parse(good) as { tables: Record<string, Array<Record<string, unknown>>> };
    orphan.tables.reviews![0]!.cardId = "no-such-card";
    await expectError(restoreAll({ db: target, text: JSON.stringify(orphan) }), 400, /^table "reviews", row 0: FOREIGN KEY constraint failed$/);
    // two rows with one primary key
    const dup = JSON.parse(good) as { tables: Record<string, Array<Record<string, unknown>>> };
    dup.tables.cards!.push(dup.tables.cards![0]!);
    await expectError(restoreAll({ db: target, text: JSON.stringify(dup) }), 400, new RegExp(`^table "cards", row ${dup.tables.cards!.length - 1}: UNIQUE constraint failed: Card.id$`));
    expect(dump(target.sqlite)).toEqual(empty);

    // the same through files: an export as written (one row per line) is read line by line
    const write = (name: string, text: string) => {
      const f = path.join(target.dir, name);
      fs.writeFileSync(f, text);
      return f;
    };
    const lines = good.split("\n");
    const cardLine = lines.findIndex((l) => l.startsWith('"cards":['));
    await expectError(restoreAll({ db: target, file: write("cut.json", lines.slice(0, cardLine + 3).join("\n")) }), 400, new RegExp(`^line ${cardLine + 3}: the file ends inside table "cards"$`));
    await expectError(restoreAll({ db: target, file: write("broken-row.json", lines.map((l, i) => (i === cardLine + 2 ? l.slice(5) : l)).join("\n")) }), 400, new RegExp(`^not a Mianshi export: the file is not valid JSON \\(line ${cardLine + 3}: `));
    const typed = lines.map((l, i) => (i === cardLine + 1 ? l.replace(/"reps":\d+/, '"reps":"many"') : l)).join("\n");
    await expectError(restoreAll({ db: target, file: write("typed.json", typed) }), 400, /^table "cards", row 0: reps: Invalid input: expected number, received string$/);
    const noReviews = lines.filter((l, i) => i < cardLine || !l.startsWith('"reviews":[')).join("\n");
    await expectError(restoreAll({ db: target, file: write("no-reviews.json", noReviews) }), 400, /^line \d+: expected the start of table "reviews"$/);
    await expectError(restoreAll({ db: target, file: path.join(target.dir, "absent.json") }), 404, /^no such file: /);
    expect(dump(target.sqlite)).toEqual(empty);

    // a reformatted file (valid JSON, another layout) is parsed whole and restores too
    await restoreAll({ db: target, file: write("pretty.json", JSON.stringify(JSON.parse(good), null, 2)) });
    expect(dump(target.sqlite)).toEqual(dump(source.sqlite));
    await target.close();
    target = freshDb();

    // and after all that, the good file still restores
    await restoreAll({ db: target, file });
    expect(dump(target.sqlite)).toEqual(dump(source.sqlite));
  });
});

/** A small RFC 4180 parser, independent of the writer. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), (i += 2);
      else if (ch === '"') (quoted = false), i++;
      else (field += ch), i++;
    } else if (ch === '"') (quoted = true), i++;
    else if (ch === ",") row.push(field), (field = ""), i++;
    else if (ch === "\r" && text[i + 1] === "\n") row.push(field), rows.push(row), (row = []), (field = ""), (i += 2);
    else (field += ch), i++;
  }
  if (field !== "" || row.length > 0) throw new Error("the last record does not end with CRLF");
  return rows;
}

describe("deck CSV", () => {
  it("one row per card with its schedule; commas, quotes and newlines survive", async () => {
    await buildContent(source);
    const file = path.join(source.dir, "deck.csv");
    for (const deckId of ["zh/tricky", "quiz/openstack-quiz"]) {
      const n = await exportDeckCsv({ db: source, deckId, out: file });
      const text = fs.readFileSync(file, "utf8");
      expect(text.startsWith("\uFEFF")).toBe(true);
      // a text cell that would start a formula carries one leading quote (see the formula test below)
      const [header, ...rows] = parseCsv(text.slice(1)).map((r) => r.map((v) => (v.startsWith("'") ? v.slice(1) : v)));
      expect(header).toEqual(DECK_CSV_COLUMNS);
      const cards = source.sqlite.prepare("SELECT * FROM Card WHERE deckId = ? ORDER BY position, id").all(deckId) as Array<Record<string, unknown>>;
      expect(rows).toHaveLength(cards.length);
      expect(n).toBe(cards.length);
      for (const [i, c] of cards.entries()) {
        const r = Object.fromEntries(header!.map((h, j) => [h, rows[i]![j]]));
        expect(r).toEqual({
          id: c.id,
          kind: c.kind,
          topic: (JSON.parse(c.topic as string) as string[]).join(" > "),
          prompt: c.prompt,
          answer: c.answer,
          state: ["new", "learning", "review", "relearning"][c.state as number],
          due: new Date(c.due as number).toISOString(),
          stability: String(c.stability),
          difficulty: String(c.difficulty),
          reps: String(c.reps),
          lapses: String(c.lapses),
          lastReview: c.lastReview === null ? "" : new Date(c.lastReview as number).toISOString(),
          suspended: String(c.suspended === 1),
          flag: String(c.flag),
          retired: String(c.retired === 1),
        });
      }
    }
    // the tricky deck really has a prompt with a comma, a quote and a newline, and a topic with them
    const tricky = parseCsv(fs.readFileSync((await exportDeckCsv({ db: source, deckId: "zh/tricky", out: file }), file), "utf8").slice(1));
    expect(tricky.some((r) => r[3]!.includes(",") && r[3]!.includes('"'))).toBe(true);
    expect(tricky.some((r) => r[3]!.includes("\n") && r[3]!.includes("，"))).toBe(true);
    expect(tricky[1]![2]).toBe('网络, "DHCP"');
    // the reviewed cards of the quiz deck carry their schedule
    const quizDeck = parseCsv(fs.readFileSync((await exportDeckCsv({ db: source, deckId: "quiz/openstack-quiz", out: file }), file), "utf8").slice(1));
    expect(quizDeck.filter((r) => r[11] !== "" && r[0] !== "id").length).toBeGreaterThan(3);
    expect(quizDeck.some((r) => r[12] === "true")).toBe(true);
  });

  it("an unknown deck is a 404 and writes no file", async () => {
    const file = path.join(source.dir, "none.csv");
    await expectError(exportDeckCsv({ db: source, deckId: "nope", out: file }), 404, /^no deck nope$/);
    expect(fs.existsSync(file)).toBe(false);
  });
});

describe("csv export formula injection", () => {
  const HOSTILE = ["=HYPERLINK(\"https://evil.example\",\"x\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)", "\t=1+2", "\r=1+2", "'quoted already", "''two quotes", "plain = text"];

  it("csv export formula injection: cells starting with = + - @ tab or CR are neutralised, and our own import reads them back exactly", async () => {
    const cards = HOSTILE.map((text, i) => `Question ${i} :: ${text}`).join("\n\n");
    // a prompt and a topic can start a formula too
    const root = writeContent(source.dir, { "evil/deck.md": `# =Deck\n\n## @topic\n\n${cards}\n\n=1+1 :: -\n` });
    await importContent({ db: source, paths: [root], contentRoot: root, now: new Date("2026-11-26T08:00:00Z") });
    const file = path.join(source.dir, "evil.csv");
    await exportDeckCsv({ db: source, deckId: "evil/deck", out: file });
    const text = fs.readFileSync(file, "utf8");
    const raw = parseCsv(text.slice(1));
    // what a spreadsheet sees: no text cell starts a formula
    for (const cell of raw.flat()) expect(cell, JSON.stringify(cell)).not.toMatch(/^[=+\-@\t\r]/);
    const answers = raw.slice(1).map((r) => r[4]!);
    expect(answers).toContain("'=HYPERLINK(\"https://evil.example\",\"x\")");
    expect(answers).toContain("'@SUM(A1:A2)");
    expect(answers).toContain("plain = text");
    // numbers stay numbers: stability and difficulty are written bare
    expect(raw[1]![7]).toMatch(/^\d/);
    // our own reader gives back every stored text exactly, the quotes the user wrote included
    const [header, ...rows] = readCsv(text);
    expect(header).toEqual(DECK_CSV_COLUMNS);
    const stored = source.sqlite.prepare("SELECT prompt, answer, topic FROM Card WHERE deckId = 'evil/deck' ORDER BY position, id").all() as Array<{ prompt: string; answer: string; topic: string }>;
    expect(rows.map((r) => [r[3], r[4], r[2]])).toEqual(stored.map((c) => [c.prompt, c.answer, (JSON.parse(c.topic) as string[]).join(" > ")]));
    expect(rows.map((r) => r[4])).toEqual(expect.arrayContaining(HOSTILE.filter((h) => !/^[\t\r]/.test(h))));
  });

  it("csv export formula injection: readCsv inverts csvRecord for any text", () => {
    const values = [...HOSTILE, "", "a,b", 'say "hi"', "第一行\r\n第二行", "'", "=", "-", "\t"];
    expect(readCsv(UTF8_BOM + csvRecord(values) + csvRecord(["x"]))).toEqual([values, ["x"]]);
  });
});

describe("database copies", () => {
  it("a dated copy that passes integrity_check, one per day, the last N kept", async () => {
    await buildContent(source);
    const dir = path.join(source.dir, "backups");
    const day = (d: number) => new Date(Date.UTC(2026, 10, d, 12));
    const first = await backupDatabase({ db: source, dir, keep: 3, now: day(20) });
    expect(first).toEqual({ file: path.join(dir, "mianshi-2026-11-20.db"), created: true, deleted: [] });
    const copy = new Database(first.file, { readonly: true });
    expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(copy.pragma("journal_mode", { simple: true })).toBe("delete");
    expect(dump(copy)).toEqual(dump(source.sqlite));
    copy.close();

    // later the same day: skipped, the copy untouched
    await recordReview({ db: source, cardId: (source.sqlite.prepare("SELECT id FROM Card LIMIT 1").get() as { id: string }).id, rating: 3, now: at(5000) });
    const mtime = fs.statSync(first.file).mtimeMs;
    expect(await backupDatabase({ db: source, dir, keep: 3, now: new Date(Date.UTC(2026, 10, 20, 23, 59)) })).toEqual({ ...first, created: false });
    expect(fs.statSync(first.file).mtimeMs).toBe(mtime);

    // other files in the folder are never touched
    fs.writeFileSync(path.join(dir, "notes.txt"), "mine");
    for (const d of [21, 22, 23]) await backupDatabase({ db: source, dir, keep: 3, now: day(d) });
    const last = await backupDatabase({ db: source, dir, keep: 3, now: day(24) });
    expect(last.deleted).toEqual(["mianshi-2026-11-21.db"]);
    expect(fs.readdirSync(dir).sort()).toEqual(["mianshi-2026-11-22.db", "mianshi-2026-11-23.db", "mianshi-2026-11-24.db", "notes.txt"]);
    await expectError(backupDatabase({ db: source, dir, keep: 0, now: day(25) }), 400, /keep must be a whole number/);
  });

  it("startDailyBackups makes today's copy at once, and stops", async () => {
    const dir = path.join(source.dir, "daily");
    const logged: string[] = [];
    const stop = startDailyBackups({ db: source, dir, keep: 2, clock: () => NOW, log: (m) => logged.push(m) });
    const today = path.join(dir, "mianshi-2026-11-26.db");
    await vi.waitFor(() => expect(logged).toEqual([`backup: ${today}`]), { timeout: 5000, interval: 20 });
    stop();
    expect(fs.readdirSync(dir)).toEqual([path.basename(today)]);
  });

  it("exporting into a missing folder fails cleanly and leaves nothing behind", async () => {
    await expect(exportAll({ db: source, out: path.join(source.dir, "no", "such", "x.json") })).rejects.toThrow(/ENOENT/);
    expect(fs.existsSync(path.join(source.dir, "no"))).toBe(false);
  });
});

describe("routes", () => {
  it("GET /api/v1/export streams the JSON as an attachment; GET /api/v1/decks/[id]/export the CSV, 404 for an unknown deck", async () => {
    await buildContent(source);
    process.env.DATABASE_URL = `file:${source.file}`;
    try {
      const res = await exportRoute();
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
      expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="mianshi-export-\d{4}-\d{2}-\d{2}\.json"$/);
      await restoreAll({ db: target, text: await res.text() });
      expect(dump(target.sqlite)).toEqual(dump(source.sqlite));

      // Next.js hands the route the segment decoded once
      const csvOf = (id: string) => deckCsvRoute(new Request(`http://localhost/api/v1/decks/${encodeURIComponent(id)}/export`), { params: Promise.resolve({ id }) });
      const csv = await csvOf("zh/tricky");
      expect(csv.status).toBe(200);
      expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(csv.headers.get("content-disposition")).toBe(`attachment; filename="zh-tricky.csv"; filename*=UTF-8''zh-tricky.csv`);
      const rows = parseCsv((await csv.text()).replace(/^\uFEFF/, ""));
      expect(rows).toHaveLength(1 + count(source, "SELECT count(*) AS n FROM Card WHERE deckId = 'zh/tricky'"));

      const missing = await csvOf("no/such");
      expect(missing.status).toBe(404);
      expect(await missing.json()).toEqual({ error: { code: "not_found", message: "no deck no/such" } });
    } finally {
      await closeDb();
    }
  });
});
