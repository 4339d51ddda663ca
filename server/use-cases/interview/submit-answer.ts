/**
 * Submitting the running question. An open answer is matched against its rubric (the
 * automatic ticks, with their evidence, wait for the user to confirm); a choice or ordering
 * answer is scored as in quizzes. After the deadline (2 s grace) it is a 409: the clock has
 * already submitted the saved draft. The last answer ends the interview.
 */
import { matchRubric, openAnswerScore, type PointMatch } from "@/lib/interview/rubric";
import { scoreAnswer, validateAnswer, type AnswerScore } from "@/lib/quiz/score";
import type { QuizAnswer } from "@/lib/quiz/types";
import type { InterviewQuestion } from "@/lib/interview/types";
import { db as defaultDb, type Db } from "../../db";
import { ConflictError, NotFoundError, ValidationError } from "../../errors";
import { saveGivenAnswer } from "../../store/interview-answers";
import { endInterview, listInterviewQuestions } from "../../store/interviews";
import { currentOf, DEADLINE_GRACE_MS, settle } from "./rules";

export interface SubmittedAnswer {
  position: number;
  question: InterviewQuestion;
  /** open questions: the automatic matches (ticks with evidence) */
  matches: PointMatch[] | null;
  /** choice and ordering: the score details */
  result: AnswerScore | null;
  /** the automatic score (open questions: until the user confirms the points) */
  score: number;
  durationMs: number;
  finished: boolean;
}

export async function submitAnswer(options: { interviewId: string; position: number; answer: { text: string } | QuizAnswer; now?: Date; db?: Db }): Promise<SubmittedAnswer> {
  const database = options.db ?? defaultDb();
  const { sqlite } = database;
  const now = options.now ?? new Date();
  const interview = settle(database, options.interviewId, now);
  const run = sqlite.transaction((): SubmittedAnswer => {
    const rows = listInterviewQuestions(sqlite, interview.id);
    const row = rows.find((r) => r.position === options.position);
    if (!row) throw new NotFoundError(`question ${options.position} is not in this interview (it has questions 0 to ${rows.length - 1})`);
    if (row.submittedAt !== null) {
      throw new ConflictError(
        row.autoSubmitted
          ? "time is up: what was saved was submitted when the time ran out; this answer was not counted"
          : `question ${options.position} was already answered: the second answer was not counted`,
      );
    }
    if (interview.finishedAt !== null) throw new ConflictError("this interview has ended: the answer was not counted");
    if (interview.pausedAt !== null) throw new ConflictError("this interview is paused: resume it first");
    const current = currentOf(rows);
    if (current?.position !== row.position) throw new ConflictError(`question ${options.position} is not the current question (${current?.position}): answer in order`);
    if (row.shownAt === null) throw new ConflictError(`question ${options.position} has not started`);
    if (row.deadline !== null && now.getTime() > row.deadline + DEADLINE_GRACE_MS) throw new ConflictError("time is up: the answer was not counted");
    const { question } = row;
    let matches: PointMatch[] | null = null;
    let result: AnswerScore | null = null;
    let score: number;
    let draft = row.draft;
    if (question.kind === "open") {
      if (!("text" in options.answer)) throw new ValidationError("this is an open question: send { text }");
      matches = matchRubric(options.answer.text, question.points);
      score = openAnswerScore(options.answer.text, matches.map((m) => m.covered), question.enough);
      draft = options.answer.text;
    } else {
      const invalid = validateAnswer(question, options.answer);
      if (invalid) throw new ValidationError(invalid);
      result = scoreAnswer(question, options.answer);
      score = result.score;
    }
    const durationMs = Math.max(0, Math.min(now.getTime(), row.deadline ?? Infinity) - row.shownAt);
    saveGivenAnswer(sqlite, row, {
      submittedAt: now.getTime(),
      // sent by the browser when its countdown reached the deadline (within the grace period)
      autoSubmitted: row.deadline !== null && now.getTime() >= row.deadline,
      draft,
      answer: options.answer,
      matches,
      result,
      score,
      durationMs,
    });
    const finished = rows.every((r) => r.position === row.position || r.submittedAt !== null);
    if (finished) endInterview(sqlite, interview.id, now.getTime());
    return { position: row.position, question, matches, result, score, durationMs, finished };
  });
  return run.immediate();
}
