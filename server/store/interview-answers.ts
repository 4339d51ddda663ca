/**
 * Answering a mock interview's questions, on the InterviewQuestion rows interviews.ts reads:
 * starting a question's clock, its autosaved draft, the answer (given, submitted by the clock,
 * or by ending early), the user's ticks, the pause left out of the running question's time, and
 * the review "study what I missed" gave its card. The use cases run these inside their one
 * immediate transaction; the JSON columns are written here, as interviews.ts decodes them.
 */
import { sql as fragment } from "kysely";
import type { PointMatch } from "@/lib/interview/rubric";
import type { AnswerScore } from "@/lib/quiz/score";
import type { QuizAnswer } from "@/lib/quiz/types";
import type { Sqlite } from "../db";
import { run, sql } from "./sql";

/** One question of an interview. */
export interface QuestionKey {
  interviewId: string;
  position: number;
}

const question = (key: QuestionKey) => sql.updateTable("InterviewQuestion").where("interviewId", "=", key.interviewId).where("position", "=", key.position);

const json = (value: unknown) => (value === null ? null : JSON.stringify(value));

/** The question is shown from `shownAt`, to answer by `deadline` (null: untimed). */
export function startQuestionClock(sqlite: Sqlite, key: QuestionKey, shownAt: number, deadline: number | null): void {
  run(sqlite, question(key).set({ shownAt, deadline }));
}

/** What is typed so far, and when it was saved. */
export function saveQuestionDraft(sqlite: Sqlite, key: QuestionKey, draft: string, savedAt: number): void {
  run(sqlite, question(key).set({ draft, draftSavedAt: savedAt }));
}

export interface ScoredAnswer {
  /** the answer as submitted; null when nothing was (a choice or ordering question the clock ended) */
  answer: QuizAnswer | null;
  /** open questions: the rubric's automatic matches */
  matches: PointMatch[] | null;
  score: number;
  durationMs: number | null;
}

/** The answer the user sent, with its score; `autoSubmitted` when the browser's countdown sent it at the deadline. */
export function saveGivenAnswer(sqlite: Sqlite, key: QuestionKey, a: ScoredAnswer & { submittedAt: number; autoSubmitted: boolean; draft: string; result: AnswerScore | null }): void {
  run(
    sqlite,
    question(key).set({
      submittedAt: a.submittedAt,
      autoSubmitted: a.autoSubmitted ? 1 : 0,
      draft: a.draft,
      answer: json(a.answer),
      matches: json(a.matches),
      result: json(a.result),
      score: a.score,
      durationMs: a.durationMs,
    }),
  );
}

/** The saved draft, submitted by the clock at `submittedAt`: only if the question was not submitted meanwhile. */
export function saveAnswerByClock(sqlite: Sqlite, key: QuestionKey, a: ScoredAnswer & { submittedAt: number }): void {
  run(
    sqlite,
    question(key)
      .set({ submittedAt: a.submittedAt, autoSubmitted: fragment.lit(1), answer: json(a.answer), matches: json(a.matches), score: a.score, durationMs: a.durationMs })
      .where("submittedAt", "is", null),
  );
}

/** The running question's draft, submitted because the user ended the interview. */
export function saveAnswerOnFinish(sqlite: Sqlite, key: QuestionKey, a: ScoredAnswer & { submittedAt: number }): void {
  run(sqlite, question(key).set({ submittedAt: a.submittedAt, answer: json(a.answer), matches: json(a.matches), score: a.score, durationMs: a.durationMs }));
}

/** The points the user confirmed as covered, and the score they give. */
export function saveTicks(sqlite: Sqlite, key: QuestionKey, ticks: readonly boolean[], score: number): void {
  run(sqlite, question(key).set({ ticks: JSON.stringify(ticks), score }));
}

/** A pause of `ms` is not answering time: the running question (shown, not submitted) is shown that much later. */
export function leaveOutPause(sqlite: Sqlite, interviewId: string, ms: number): void {
  run(
    sqlite,
    sql
      .updateTable("InterviewQuestion")
      .set((eb) => ({ shownAt: eb("shownAt", "+", ms) }))
      .where("interviewId", "=", interviewId)
      .where("shownAt", "is not", null)
      .where("submittedAt", "is", null),
  );
}

/** The review "study what I missed" gave the question's card. */
export function setQuestionReview(sqlite: Sqlite, key: QuestionKey, reviewId: number): void {
  run(sqlite, question(key).set({ reviewId }));
}
