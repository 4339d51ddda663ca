/**
 * Rows of the Interview tables and the clock rules every interview use case applies first:
 * a timed question whose deadline has passed is submitted with its saved draft, and an
 * interview whose total deadline has passed ends, with what was not answered scoring 0.
 */
import { matchRubric, openAnswerScore } from "@/lib/interview/rubric";
import type { InterviewSettings } from "@/lib/interview/schemas";
import type { InterviewQuestion } from "@/lib/interview/types";
import type { Db, Sqlite } from "../../db";
import { NotFoundError } from "../../errors";
import { DEADLINE_GRACE_MS } from "../quiz/rules";

export { DEADLINE_GRACE_MS };

export interface InterviewRow {
  id: string;
  seed: string;
  settings: string;
  practice: number;
  createdAt: number;
  deadline: number | null;
  pausedAt: number | null;
  finishedAt: number | null;
  score: number | null;
  questionCount: number;
  missedStudied: number | null;
}

export interface InterviewQuestionRow {
  interviewId: string;
  position: number;
  cardId: string;
  kind: string;
  question: string;
  shownAt: number | null;
  deadline: number | null;
  draft: string;
  draftSavedAt: number | null;
  submittedAt: number | null;
  autoSubmitted: number;
  answer: string | null;
  matches: string | null;
  ticks: string | null;
  result: string | null;
  score: number | null;
  durationMs: number | null;
  reviewId: number | null;
}

export const settingsOf = (row: InterviewRow) => JSON.parse(row.settings) as InterviewSettings;
export const questionOf = (row: InterviewQuestionRow) => JSON.parse(row.question) as InterviewQuestion;

export function interviewRow(sqlite: Sqlite, id: string): InterviewRow {
  const row = sqlite.prepare<[string], InterviewRow>("SELECT * FROM Interview WHERE id = ?").get(id);
  if (!row) throw new NotFoundError(`no interview with id ${id}`);
  return row;
}

export function interviewQuestions(sqlite: Sqlite, id: string): InterviewQuestionRow[] {
  return sqlite.prepare<[string], InterviewQuestionRow>("SELECT * FROM InterviewQuestion WHERE interviewId = ? ORDER BY position").all(id);
}

/** The question being answered: the first one not submitted. */
export const currentOf = (rows: readonly InterviewQuestionRow[]) => rows.find((r) => r.submittedAt === null);

/** Submits an open question's saved draft (or nothing for choice and ordering), as the clock does. */
function submitByClock(sqlite: Sqlite, row: InterviewQuestionRow, at: number): void {
  const q = questionOf(row);
  const text = row.draft;
  const matches = q.kind === "open" ? matchRubric(text, q.points) : null;
  // scored as a submitted answer is (it divided by every point, ignoring the rubric's full-marks share)
  const score = matches && q.kind === "open" ? openAnswerScore(text, matches.map((m) => m.covered), q.enough) : 0;
  sqlite
    .prepare(
      `UPDATE InterviewQuestion SET submittedAt = @at, autoSubmitted = 1, answer = @answer, matches = @matches, score = @score,
         durationMs = @durationMs WHERE interviewId = @id AND position = @position AND submittedAt IS NULL`,
    )
    .run({
      at,
      answer: q.kind === "open" ? JSON.stringify({ text }) : null,
      matches: matches ? JSON.stringify(matches) : null,
      score,
      durationMs: row.shownAt === null ? null : Math.max(0, at - row.shownAt),
      id: row.interviewId,
      position: row.position,
    });
}

/** The interview's score: the mean of its questions' scores, unanswered ones 0. */
export function endInterview(sqlite: Sqlite, id: string, at: number): void {
  sqlite
    .prepare(
      `UPDATE Interview SET finishedAt = COALESCE(finishedAt, @at),
         score = (SELECT COALESCE(AVG(COALESCE(score, 0)), 0) FROM InterviewQuestion WHERE interviewId = @id) WHERE id = @id`,
    )
    .run({ id, at });
}

/**
 * Applies the clock up to `now` (timed interviews only): the current question past its
 * deadline is submitted with its draft, and past the total deadline the interview ends
 * (questions never shown are unanswered). Runs in one transaction; returns the fresh row.
 */
export function settle(database: Db, id: string, now: Date): InterviewRow {
  const { sqlite } = database;
  const run = sqlite.transaction(() => {
    const interview = interviewRow(sqlite, id);
    if (interview.finishedAt !== null || interview.practice === 1) return interview;
    const t = now.getTime();
    const rows = interviewQuestions(sqlite, id);
    const current = currentOf(rows);
    if (current && current.deadline !== null && t > current.deadline + DEADLINE_GRACE_MS) submitByClock(sqlite, current, current.deadline);
    if (interview.deadline !== null && t > interview.deadline + DEADLINE_GRACE_MS) {
      if (current && current.shownAt !== null) submitByClock(sqlite, current, interview.deadline);
      endInterview(sqlite, id, interview.deadline);
    } else if (!currentOf(interviewQuestions(sqlite, id))) endInterview(sqlite, id, t);
    return interviewRow(sqlite, id);
  });
  return run.immediate();
}
