/** Ending an interview early, and pausing or resuming an untimed practice one. */
import { db as defaultDb, type Db } from "../../db";
import { ConflictError } from "../../errors";
import { leaveOutPause, saveAnswerOnFinish } from "../../store/interview-answers";
import { endInterview, listInterviewQuestions, setInterviewPaused } from "../../store/interviews";
import { currentOf, requireInterview, settle } from "./rules";
import { matchRubric, openAnswerScore } from "@/lib/interview/rubric";

/** Ends now: a running open question is submitted with its saved draft; the rest score 0. */
export async function finishInterview(options: { interviewId: string; now?: Date; db?: Db }): Promise<{ id: string; finishedAt: string }> {
  const database = options.db ?? defaultDb();
  const { sqlite } = database;
  const now = options.now ?? new Date();
  const interview = settle(database, options.interviewId, now);
  if (interview.finishedAt === null) {
    sqlite
      .transaction(() => {
        const current = currentOf(listInterviewQuestions(sqlite, interview.id));
        if (current && current.shownAt !== null) {
          const q = current.question;
          const matches = q.kind === "open" ? matchRubric(current.draft, q.points) : null;
          saveAnswerOnFinish(sqlite, current, {
            submittedAt: now.getTime(),
            answer: q.kind === "open" ? { text: current.draft } : null,
            matches,
            score: matches && q.kind === "open" ? openAnswerScore(current.draft, matches.map((m) => m.covered), q.enough) : 0,
            durationMs: Math.max(0, now.getTime() - current.shownAt),
          });
        }
        endInterview(sqlite, interview.id, now.getTime());
      })
      .immediate();
  }
  const ended = requireInterview(sqlite, interview.id);
  return { id: interview.id, finishedAt: new Date(ended.finishedAt!).toISOString() };
}

/**
 * Pauses or resumes an untimed practice interview (a timed one cannot be paused: its clock is
 * the point). While paused nothing can be started or answered.
 */
export async function pauseInterview(options: { interviewId: string; paused: boolean; now?: Date; db?: Db }): Promise<{ paused: boolean }> {
  const database = options.db ?? defaultDb();
  const now = options.now ?? new Date();
  const interview = settle(database, options.interviewId, now);
  if (!interview.practice) throw new ConflictError("only an untimed practice interview can be paused");
  if (interview.finishedAt !== null) throw new ConflictError("this interview has ended");
  const { sqlite } = database;
  sqlite
    .transaction(() => {
      if (!options.paused && interview.pausedAt !== null) {
        // the running question's time excludes the pause
        leaveOutPause(sqlite, interview.id, Math.max(0, now.getTime() - interview.pausedAt));
      }
      setInterviewPaused(sqlite, interview.id, options.paused ? (interview.pausedAt ?? now.getTime()) : null);
    })
    .immediate();
  return { paused: options.paused };
}
