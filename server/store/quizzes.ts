/**
 * The Quiz and QuizQuestion tables: a quiz with its questions, as created, read and ended.
 * Answering and overriding write through quiz-answers.ts. Each row type has one decoder here,
 * which reads its JSON columns (settings, skipped, question, answer, result) with zod into the
 * types lib/quiz works with; keys those schemas do not name are kept, as they were stored.
 * Times are epoch milliseconds, as stored.
 */
import { sql as fragment } from "kysely";
import { z } from "zod";
import type { SkippedCard } from "@/lib/quiz/build";
import type { QuizSettings } from "@/lib/quiz/schemas";
import type { AnswerScore } from "@/lib/quiz/score";
import { QUIZ_KINDS, type QuizAnswer, type QuizQuestion } from "@/lib/quiz/types";
import type { Sqlite } from "../db";
import { decodeRow, jsonColumn } from "./json-column";
import { all, first, run, sql } from "./sql";

const strings = z.array(z.string());
const flag = z.union([z.literal(0), z.literal(1)]).transform((v) => v === 1);

const sourceSchema = z.looseObject({ cardId: z.string(), deckId: z.string(), deckTitle: z.string(), topic: strings, sourceLine: z.number() });
const base = { source: sourceSchema, promptHtml: z.string() };

/** A question with its keys (lib/quiz/types.ts), in the order the builder writes its fields. */
const questionSchema: z.ZodType<QuizQuestion> = z.discriminatedUnion("kind", [
  z.looseObject({ kind: z.literal("choice"), ...base, optionsHtml: strings, correct: z.array(z.boolean()), multiple: z.boolean(), explanationHtml: z.string() }),
  z.looseObject({ kind: z.literal("ordering"), ...base, stepsHtml: strings, ranks: z.array(z.number()), rightOrderHtml: strings, explanationHtml: z.string() }),
  z.looseObject({ kind: z.literal("typed"), ...base, expected: z.string(), aliases: strings, explanationHtml: z.string() }),
  z.looseObject({ kind: z.literal("generated"), ...base, options: strings, correctIndex: z.number(), explanationHtml: z.string() }),
]);

const choiceScore = { score: z.number(), rightTicks: z.number(), wrongTicks: z.number(), missed: z.number() };

/** An answer's score with its details (lib/quiz/score.ts AnswerScore). */
const resultSchema: z.ZodType<AnswerScore> = z.discriminatedUnion("kind", [
  z.looseObject({ kind: z.enum(["choice", "generated"]), ...choiceScore }),
  z.looseObject({
    kind: z.literal("typed"),
    score: z.number(),
    nearMiss: z.boolean(),
    diff: z.array(z.looseObject({ text: z.string(), kind: z.enum(["ok", "missing", "extra"]) })),
    overridden: z.looseObject({ score: z.number() }).optional(),
  }),
  z.looseObject({ kind: z.literal("ordering"), score: z.number(), inOrder: z.number(), moves: z.number(), steps: z.number() }),
]);

/** The answer as given (the route checked it against quizAnswerSchema). */
const answerSchema: z.ZodType<QuizAnswer> = z.union([
  z.looseObject({ selected: z.array(z.number()) }),
  z.looseObject({ text: z.string() }),
  z.looseObject({ order: z.array(z.number()) }),
]);

/** The settings a quiz was made with, its seed included (lib/quiz/schemas.ts, as createQuizSchema left them). */
const settingsSchema: z.ZodType<QuizSettings> = z.looseObject({
  scope: z.array(z.looseObject({ deckId: z.string(), topics: z.array(strings) })),
  count: z.number(),
  kinds: z.array(z.enum(QUIZ_KINDS)),
  timeLimitSec: z.number().nullable(),
  practice: z.boolean(),
  seed: z.string().optional(),
});

const skipWhySchema = z.discriminatedUnion("code", [
  z.object({ code: z.literal("cannot_ask"), cardKind: z.string() }),
  z.object({ code: z.literal("no_right_option") }),
  z.object({ code: z.literal("too_few_options"), found: z.number(), needed: z.number(), termClass: z.enum(["number", "latin", "cjk", "mixed"]), answer: z.string() }),
]);
const skippedSchema: z.ZodType<SkippedCard[]> = z.array(z.looseObject({ cardId: z.string(), kind: z.enum(QUIZ_KINDS), reason: z.string(), why: skipWhySchema.optional() }));

const quizSchema = z.object({
  id: z.string(),
  seed: z.string(),
  settings: jsonColumn(settingsSchema),
  practice: flag,
  retakeOf: z.string().nullable(),
  skipped: jsonColumn(skippedSchema),
  createdAt: z.number(),
  deadline: z.number().nullable(),
  finishedAt: z.number().nullable(),
  questionCount: z.number(),
  score: z.number().nullable(),
});
export type StoredQuiz = z.output<typeof quizSchema>;

const questionRowSchema = z.object({
  quizId: z.string(),
  position: z.number(),
  cardId: z.string(),
  kind: z.string(),
  question: jsonColumn(questionSchema),
  shownAt: z.number().nullable(),
  answeredAt: z.number().nullable(),
  answer: jsonColumn(answerSchema).nullable(),
  result: jsonColumn(resultSchema).nullable(),
  score: z.number().nullable(),
  durationMs: z.number().nullable(),
  rating: z.number().nullable(),
  reviewId: z.number().nullable(),
});
export type StoredQuestion = z.output<typeof questionRowSchema>;

/** A Quiz row, its JSON read; a row that is not what createQuiz wrote is a StoredRowError naming the column. */
export function decodeQuiz(raw: { id?: unknown }): StoredQuiz {
  return decodeRow(quizSchema, raw, `Quiz ${String(raw.id)}`);
}

/** A QuizQuestion row, its JSON read (question; answer and result once answered). */
export function decodeQuestion(raw: { quizId?: unknown; position?: unknown }): StoredQuestion {
  return decodeRow(questionRowSchema, raw, `QuizQuestion ${String(raw.quizId)}/${String(raw.position)}`);
}

export function findQuiz(sqlite: Sqlite, quizId: string): StoredQuiz | null {
  const row = first(sqlite, sql.selectFrom("Quiz").selectAll().where("id", "=", quizId));
  return row === undefined ? null : decodeQuiz(row);
}

/** The quizzes created before `before` (createdAt, then id), newest first. */
export function listQuizzesBefore(sqlite: Sqlite, before: { createdAt: number; id: string }, limit: number): StoredQuiz[] {
  const query = sql
    .selectFrom("Quiz")
    .selectAll()
    .where((eb) => eb.or([eb("createdAt", "<", before.createdAt), eb.and([eb("createdAt", "=", before.createdAt), eb("id", "<", before.id)])]))
    .orderBy("createdAt", "desc")
    .orderBy("id", "desc")
    .limit(limit);
  return all(sqlite, query).map(decodeQuiz);
}

/** Timed quizzes not ended whose deadline, and `graceMs` after it, passed before `now`. */
export function listOverdueQuizzes(sqlite: Sqlite, now: number, graceMs: number): Array<{ id: string; deadline: number }> {
  const query = sql
    .selectFrom("Quiz")
    .select(["id", "deadline"])
    .where("finishedAt", "is", null)
    .where("deadline", "is not", null)
    .where((eb) => eb(eb("deadline", "+", graceMs), "<", now));
  return all(sqlite, query).flatMap((r) => (r.deadline === null ? [] : [{ id: r.id, deadline: r.deadline }]));
}

export interface NewQuiz {
  id: string;
  seed: string;
  settings: QuizSettings;
  retakeOf: string | null;
  skipped: SkippedCard[];
  createdAt: number;
  deadline: number | null;
  questionCount: number;
}

/** A new quiz's row (practice as its settings say); its questions are inserted with insertQuestion. */
export function insertQuiz(sqlite: Sqlite, quiz: NewQuiz): void {
  run(
    sqlite,
    sql.insertInto("Quiz").values({
      id: quiz.id,
      seed: quiz.seed,
      settings: JSON.stringify(quiz.settings),
      practice: quiz.settings.practice ? 1 : 0,
      retakeOf: quiz.retakeOf,
      skipped: JSON.stringify(quiz.skipped),
      createdAt: quiz.createdAt,
      deadline: quiz.deadline,
      questionCount: quiz.questionCount,
    }),
  );
}

export function insertQuestion(sqlite: Sqlite, quizId: string, position: number, question: QuizQuestion): void {
  run(sqlite, sql.insertInto("QuizQuestion").values({ quizId, position, cardId: question.source.cardId, kind: question.kind, question: JSON.stringify(question) }));
}

/** A quiz's questions in order. */
export function listQuestions(sqlite: Sqlite, quizId: string): StoredQuestion[] {
  return all(sqlite, sql.selectFrom("QuizQuestion").selectAll().where("quizId", "=", quizId).orderBy("position")).map(decodeQuestion);
}

export function findQuestion(sqlite: Sqlite, quizId: string, position: number): StoredQuestion | null {
  const row = first(sqlite, sql.selectFrom("QuizQuestion").selectAll().where("quizId", "=", quizId).where("position", "=", position));
  return row === undefined ? null : decodeQuestion(row);
}

/** The first time a question is shown (a later showing keeps the first time). */
export function markQuestionShown(sqlite: Sqlite, quizId: string, position: number, now: number): void {
  run(sqlite, sql.updateTable("QuizQuestion").set({ shownAt: now }).where("quizId", "=", quizId).where("position", "=", position).where("shownAt", "is", null));
}

/** The sum of a quiz's answers' scores (unanswered questions count 0), for `Quiz.score`. */
const scoreSum = (quizId: string) =>
  sql
    .selectFrom("QuizQuestion")
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number | null>("score"), fragment.lit(0)).as("sum"))
    .where("quizId", "=", quizId);

/** Ends a quiz at `at`, unless it has ended: its score is the sum of its answers' scores. */
export function endQuiz(sqlite: Sqlite, quizId: string, at: number): void {
  run(sqlite, sql.updateTable("Quiz").set({ finishedAt: at, score: scoreSum(quizId) }).where("id", "=", quizId).where("finishedAt", "is", null));
}

/** An ended quiz's score again, after an answer's score changed; the new score. */
export function rescoreQuiz(sqlite: Sqlite, quizId: string): number | null {
  run(sqlite, sql.updateTable("Quiz").set({ score: scoreSum(quizId) }).where("id", "=", quizId));
  return first(sqlite, sql.selectFrom("Quiz").select("score").where("id", "=", quizId))?.score ?? null;
}
