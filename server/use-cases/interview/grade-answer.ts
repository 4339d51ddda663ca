/**
 * Self-grading an open answer: the user confirms or changes each automatic tick. The
 * question's score becomes the share of points ticked (a bare list of terms still gets at most
 * TERM_LIST_MAX, however ticked); an ended interview's score follows.
 */
import { openAnswerScore } from "@/lib/interview/rubric";
import { db as defaultDb, type Db } from "../../db";
import { ConflictError, NotFoundError, ValidationError } from "../../errors";
import { saveTicks } from "../../store/interview-answers";
import { endInterview, findInterviewQuestion } from "../../store/interviews";
import { requireInterview } from "./rules";

export async function gradeAnswer(options: { interviewId: string; position: number; ticks: boolean[]; db?: Db }): Promise<{ position: number; score: number }> {
  const { sqlite } = options.db ?? defaultDb();
  return sqlite
    .transaction(() => {
      const interview = requireInterview(sqlite, options.interviewId);
      const row = findInterviewQuestion(sqlite, interview.id, options.position);
      if (!row) throw new NotFoundError(`question ${options.position} is not in this interview`);
      const q = row.question;
      if (q.kind !== "open") throw new ConflictError(`question ${options.position} is a ${q.kind} question: it is graded automatically`);
      if (row.submittedAt === null) throw new ConflictError(`question ${options.position} has not been answered yet`);
      if (options.ticks.length !== q.points.length) throw new ValidationError(`ticks must have one value per key point (${q.points.length})`);
      const score = openAnswerScore(row.draft, options.ticks, q.enough);
      saveTicks(sqlite, row, options.ticks, score);
      if (interview.finishedAt !== null) endInterview(sqlite, interview.id, interview.finishedAt);
      return { position: row.position, score };
    })
    .immediate();
}
