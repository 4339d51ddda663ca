/** Ending an interview early, and pausing or resuming an untimed practice one. */
import { db as defaultDb, type Db } from "../../db";
import { ConflictError } from "../../errors";
import { currentOf, endInterview, interviewQuestions, questionOf, settle } from "./store";
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
        const current = currentOf(interviewQuestions(sqlite, interview.id));
        if (current && current.shownAt !== null) {
          const q = questionOf(current);
          const matches = q.kind === "open" ? matchRubric(current.draft, q.points) : null;
          sqlite
            .prepare(
              `UPDATE InterviewQuestion SET submittedAt = @now, answer = @answer, matches = @matches, score = @score, durationMs = @durationMs
               WHERE interviewId = @id AND position = @position`,
            )
            .run({
              now: now.getTime(),
              answer: q.kind === "open" ? JSON.stringify({ text: current.draft }) : null,
              matches: matches ? JSON.stringify(matches) : null,
              score: matches && q.kind === "open" ? openAnswerScore(current.draft, matches.map((m) => m.covered), q.enough) : 0,
              durationMs: Math.max(0, now.getTime() - current.shownAt),
              id: interview.id,
              position: current.position,
            });
        }
        endInterview(sqlite, interview.id, now.getTime());
      })
      .immediate();
  }
  const ended = sqlite.prepare<[string], { finishedAt: number }>("SELECT finishedAt FROM Interview WHERE id = ?").get(interview.id)!;
  return { id: interview.id, finishedAt: new Date(ended.finishedAt).toISOString() };
}

/**
 * Pauses or resumes an untimed practice interview (a timed one cannot be paused: its clock is
 * the point). While paused nothing can be started or answered.
 */
export async function pauseInterview(options: { interviewId: string; paused: boolean; now?: Date; db?: Db }): Promise<{ paused: boolean }> {
  const database = options.db ?? defaultDb();
  const now = options.now ?? new Date();
  const interview = settle(database, options.interviewId, now);
  if (interview.practice !== 1) throw new ConflictError("only an untimed practice interview can be paused");
  if (interview.finishedAt !== null) throw new ConflictError("this interview has ended");
  const { sqlite } = database;
  sqlite
    .transaction(() => {
      if (!options.paused && interview.pausedAt !== null) {
        // the running question's time excludes the pause
        sqlite
          .prepare("UPDATE InterviewQuestion SET shownAt = shownAt + ? WHERE interviewId = ? AND shownAt IS NOT NULL AND submittedAt IS NULL")
          .run(Math.max(0, now.getTime() - interview.pausedAt), interview.id);
      }
      sqlite.prepare("UPDATE Interview SET pausedAt = ? WHERE id = ?").run(options.paused ? (interview.pausedAt ?? now.getTime()) : null, interview.id);
    })
    .immediate();
  return { paused: options.paused };
}
