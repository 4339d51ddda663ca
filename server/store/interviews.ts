/**
 * The Interview and InterviewQuestion tables: a mock interview and its questions, as created,
 * read, ended, paused and studied. What answering writes on a question is in
 * interview-answers.ts. Each row type has one decoder here, which reads its JSON columns
 * (settings; question, answer, matches, ticks, result) with zod into the types lib/interview
 * works with: keys those schemas do not name are kept, and the named ones are listed in the
 * order their writers write them, so a decoded value is the JSON that was stored, key for key.
 * A row that is not what the interview use cases wrote is a StoredRowError naming the row and
 * the column (a 500), never a wrong value passed on. Times are epoch milliseconds, as stored.
 */
import { sql as fragment } from "kysely";
import { z } from "zod";
import type { PointMatch } from "@/lib/interview/rubric";
import type { InterviewSettings } from "@/lib/interview/schemas";
import type { InterviewQuestion } from "@/lib/interview/types";
import type { AnswerScore } from "@/lib/quiz/score";
import type { QuizAnswer } from "@/lib/quiz/types";
import type { Sqlite } from "../db";
import { decodeRow, jsonColumn } from "./json-column";
import { all, first, run, sql } from "./sql";

const strings = z.array(z.string());
const flag = z.union([z.literal(0), z.literal(1)]).transform((v) => v === 1);

/** The settings an interview was made with, its seed included (createInterviewSchema's output, in its order). */
const settingsSchema: z.ZodType<InterviewSettings> = z.looseObject({
  scope: z.array(z.looseObject({ deckId: z.string(), topics: z.array(strings) })),
  count: z.number(),
  secondsPerQuestion: z.number().nullable(),
  totalSeconds: z.number().nullable(),
  allowChoice: z.boolean(),
  allowOrdering: z.boolean(),
  weakFirst: z.boolean(),
  // interviews made before the option existed were not ordered for a day
  weakestForDay: z.boolean().default(false),
  practice: z.boolean(),
  seed: z.string().optional(),
});

const sourceSchema = z.looseObject({ cardId: z.string(), deckId: z.string(), deckTitle: z.string(), topic: strings, sourceLine: z.number() });
const base = { source: sourceSchema, promptHtml: z.string() };
/** A rubric point as the importer stores it (lib/content/types.ts RubricPoint). */
const pointSchema = z.looseObject({ text: z.string(), keywords: z.array(strings), need: z.number().optional(), anchor: z.number().optional() });

/** A question with its rubric or its keys (lib/interview/types.ts), as openQuestion and makeQuestion write it. */
const questionSchema: z.ZodType<InterviewQuestion> = z.discriminatedUnion("kind", [
  z.looseObject({ kind: z.literal("open"), ...base, points: z.array(pointSchema), pointsHtml: strings, modelAnswerHtml: z.string(), enough: z.number().optional() }),
  z.looseObject({ kind: z.literal("choice"), ...base, optionsHtml: strings, correct: z.array(z.boolean()), multiple: z.boolean(), explanationHtml: z.string() }),
  z.looseObject({ kind: z.literal("ordering"), ...base, stepsHtml: strings, ranks: z.array(z.number()), rightOrderHtml: strings, explanationHtml: z.string() }),
]);

/** The answer as given: an open answer's text, or a choice or ordering answer (the route checked its shape). */
const answerSchema: z.ZodType<QuizAnswer> = z.union([
  z.looseObject({ text: z.string() }),
  z.looseObject({ selected: z.array(z.number()) }),
  z.looseObject({ order: z.array(z.number()) }),
]);

/** The rubric's automatic matches, one per point (lib/interview/rubric.ts PointMatch). */
const matchesSchema: z.ZodType<PointMatch[]> = z.array(z.looseObject({ covered: z.boolean(), found: strings, missing: strings, listOnly: z.boolean().optional() }));

/** A choice or ordering answer's score with its details (the interview's kinds of AnswerScore). */
const resultSchema: z.ZodType<AnswerScore> = z.discriminatedUnion("kind", [
  z.looseObject({ kind: z.literal("choice"), score: z.number(), rightTicks: z.number(), wrongTicks: z.number(), missed: z.number() }),
  z.looseObject({ kind: z.literal("ordering"), score: z.number(), inOrder: z.number(), moves: z.number(), steps: z.number() }),
]);

const interviewSchema = z.object({
  id: z.string(),
  seed: z.string(),
  settings: jsonColumn(settingsSchema),
  practice: flag,
  createdAt: z.number(),
  deadline: z.number().nullable(),
  pausedAt: z.number().nullable(),
  finishedAt: z.number().nullable(),
  score: z.number().nullable(),
  questionCount: z.number(),
  missedStudied: z.number().nullable(),
});
export type StoredInterview = z.output<typeof interviewSchema>;

const questionRowSchema = z.object({
  interviewId: z.string(),
  position: z.number(),
  cardId: z.string(),
  kind: z.string(),
  question: jsonColumn(questionSchema),
  shownAt: z.number().nullable(),
  deadline: z.number().nullable(),
  draft: z.string(),
  draftSavedAt: z.number().nullable(),
  submittedAt: z.number().nullable(),
  autoSubmitted: flag,
  answer: jsonColumn(answerSchema).nullable(),
  matches: jsonColumn(matchesSchema).nullable(),
  ticks: jsonColumn(z.array(z.boolean())).nullable(),
  result: jsonColumn(resultSchema).nullable(),
  score: z.number().nullable(),
  durationMs: z.number().nullable(),
  reviewId: z.number().nullable(),
});
export type StoredInterviewQuestion = z.output<typeof questionRowSchema>;

/** An Interview row, its settings read. */
export function decodeInterview(raw: { id?: unknown }): StoredInterview {
  return decodeRow(interviewSchema, raw, `Interview ${String(raw.id)}`);
}

/** An InterviewQuestion row, its JSON read (the question; answer, matches, ticks and result once there). */
export function decodeInterviewQuestion(raw: { interviewId?: unknown; position?: unknown }): StoredInterviewQuestion {
  return decodeRow(questionRowSchema, raw, `InterviewQuestion ${String(raw.interviewId)}/${String(raw.position)}`);
}

export function findInterview(sqlite: Sqlite, interviewId: string): StoredInterview | null {
  const row = first(sqlite, sql.selectFrom("Interview").selectAll().where("id", "=", interviewId));
  return row === undefined ? null : decodeInterview(row);
}

/** An interview's questions, in the order they are asked. */
export function listInterviewQuestions(sqlite: Sqlite, interviewId: string): StoredInterviewQuestion[] {
  return all(sqlite, sql.selectFrom("InterviewQuestion").selectAll().where("interviewId", "=", interviewId).orderBy("position")).map(decodeInterviewQuestion);
}

export function findInterviewQuestion(sqlite: Sqlite, interviewId: string, position: number): StoredInterviewQuestion | null {
  const row = first(sqlite, sql.selectFrom("InterviewQuestion").selectAll().where("interviewId", "=", interviewId).where("position", "=", position));
  return row === undefined ? null : decodeInterviewQuestion(row);
}

export interface NewInterview {
  id: string;
  seed: string;
  settings: InterviewSettings;
  practice: boolean;
  createdAt: number;
  deadline: number | null;
  questionCount: number;
}

export function insertInterview(sqlite: Sqlite, interview: NewInterview): void {
  run(
    sqlite,
    sql.insertInto("Interview").values({
      id: interview.id,
      seed: interview.seed,
      settings: JSON.stringify(interview.settings),
      practice: interview.practice ? 1 : 0,
      createdAt: interview.createdAt,
      deadline: interview.deadline,
      questionCount: interview.questionCount,
    }),
  );
}

/** A question at its place in the interview, not yet shown; its card and kind are the question's. */
export function insertInterviewQuestion(sqlite: Sqlite, interviewId: string, position: number, question: InterviewQuestion): void {
  run(sqlite, sql.insertInto("InterviewQuestion").values({ interviewId, position, cardId: question.source.cardId, kind: question.kind, question: JSON.stringify(question) }));
}

/**
 * Ends an interview at `at` (an ended one keeps when it ended) and scores it again: the mean of
 * its questions' scores, unanswered ones 0.
 */
export function endInterview(sqlite: Sqlite, interviewId: string, at: number): void {
  const query = sql
    .updateTable("Interview")
    .set((eb) => ({
      finishedAt: eb.fn.coalesce("finishedAt", fragment.val(at)),
      score: eb
        .selectFrom("InterviewQuestion")
        .select((q) => fragment<number>`coalesce(avg(coalesce(${q.ref("InterviewQuestion.score")}, 0)), 0)`.as("score"))
        .where("InterviewQuestion.interviewId", "=", interviewId),
    }))
    .where("id", "=", interviewId);
  run(sqlite, query);
}

/** Pauses since `pausedAt`, or resumes (null). */
export function setInterviewPaused(sqlite: Sqlite, interviewId: string, pausedAt: number | null): void {
  run(sqlite, sql.updateTable("Interview").set({ pausedAt }).where("id", "=", interviewId));
}

/** When "study what I missed" ran. */
export function setMissedStudied(sqlite: Sqlite, interviewId: string, at: number): void {
  run(sqlite, sql.updateTable("Interview").set({ missedStudied: at }).where("id", "=", interviewId));
}

const summarySchema = interviewSchema.pick({ id: true, createdAt: true, finishedAt: true, practice: true, questionCount: true, score: true });
export type InterviewSummaryRow = z.output<typeof summarySchema>;

/** The latest interviews (createdAt, then id), newest first, without their settings. */
export function listLatestInterviews(sqlite: Sqlite, limit: number): InterviewSummaryRow[] {
  const query = sql
    .selectFrom("Interview")
    .select(["id", "createdAt", "finishedAt", "practice", "questionCount", "score"])
    .orderBy("createdAt", "desc")
    .orderBy("id", "desc")
    .limit(limit);
  return all(sqlite, query).map((r) => decodeRow(summarySchema, r, `Interview ${r.id}`));
}

const trendSchema = z.object({ id: z.string(), createdAt: z.number(), score: z.number() });
export type ScoreTrendPoint = z.output<typeof trendSchema>;

/** The scores of the last 20 ended interviews created at or before `createdAt`, oldest first. */
export function scoreTrend(sqlite: Sqlite, createdAt: number): ScoreTrendPoint[] {
  const latest = sql
    .selectFrom("Interview")
    .select(["id", "createdAt", "score"])
    .where("finishedAt", "is not", null)
    .where("score", "is not", null)
    .where("createdAt", "<=", createdAt)
    .orderBy("createdAt", "desc")
    .limit(20);
  const query = sql.selectFrom(latest.as("latest")).select(["latest.id", "latest.createdAt", "latest.score"]).orderBy("latest.createdAt");
  return all(sqlite, query).map((r) => decodeRow(trendSchema, r, `Interview ${r.id}`));
}
