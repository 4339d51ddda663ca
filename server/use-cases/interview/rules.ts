/**
 * What every interview use case checks first: the interview exists, and the clock rules: a
 * timed question whose deadline has passed is submitted with its saved draft, and an interview
 * whose total deadline has passed ends, with what was not answered scoring 0. The SQL is in
 * server/store/interviews.ts and interview-answers.ts.
 */
import { matchRubric, openAnswerScore } from "@/lib/interview/rubric";
import type { Db, Sqlite } from "../../db";
import { NotFoundError } from "../../errors";
import { saveAnswerByClock } from "../../store/interview-answers";
import { endInterview, findInterview, listInterviewQuestions, type StoredInterview, type StoredInterviewQuestion } from "../../store/interviews";
import { DEADLINE_GRACE_MS } from "../quiz/rules";

export { DEADLINE_GRACE_MS };

/** The interview, or a 404. */
export function requireInterview(sqlite: Sqlite, id: string): StoredInterview {
  const interview = findInterview(sqlite, id);
  if (!interview) throw new NotFoundError(`no interview with id ${id}`);
  return interview;
}

/** The question being answered: the first one not submitted. */
export const currentOf = (rows: readonly StoredInterviewQuestion[]) => rows.find((r) => r.submittedAt === null);

/** Submits an open question's saved draft (or nothing for choice and ordering), as the clock does. */
function submitByClock(sqlite: Sqlite, row: StoredInterviewQuestion, at: number): void {
  const q = row.question;
  const text = row.draft;
  const matches = q.kind === "open" ? matchRubric(text, q.points) : null;
  // scored as a submitted answer is (it divided by every point, ignoring the rubric's full-marks share)
  const score = matches && q.kind === "open" ? openAnswerScore(text, matches.map((m) => m.covered), q.enough) : 0;
  saveAnswerByClock(sqlite, row, {
    submittedAt: at,
    answer: q.kind === "open" ? { text } : null,
    matches,
    score,
    durationMs: row.shownAt === null ? null : Math.max(0, at - row.shownAt),
  });
}

/**
 * Applies the clock up to `now` (timed interviews only): the current question past its
 * deadline is submitted with its draft, and past the total deadline the interview ends
 * (questions never shown are unanswered). Runs in one transaction; returns the fresh row.
 */
export function settle(database: Db, id: string, now: Date): StoredInterview {
  const { sqlite } = database;
  const run = sqlite.transaction(() => {
    const interview = requireInterview(sqlite, id);
    if (interview.finishedAt !== null || interview.practice) return interview;
    const t = now.getTime();
    const rows = listInterviewQuestions(sqlite, id);
    const current = currentOf(rows);
    if (current && current.deadline !== null && t > current.deadline + DEADLINE_GRACE_MS) submitByClock(sqlite, current, current.deadline);
    if (interview.deadline !== null && t > interview.deadline + DEADLINE_GRACE_MS) {
      if (current && current.shownAt !== null) submitByClock(sqlite, current, interview.deadline);
      endInterview(sqlite, id, interview.deadline);
    } else if (!currentOf(listInterviewQuestions(sqlite, id))) endInterview(sqlite, id, t);
    return requireInterview(sqlite, id);
  });
  return run.immediate();
}
