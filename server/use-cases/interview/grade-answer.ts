/**
 * Self-grading an open answer: the user confirms or changes each automatic tick. The
 * question's score becomes the share of points ticked (a bare list of terms still gets at most
 * TERM_LIST_MAX, however ticked); an ended interview's score follows.
 */
import { openAnswerScore } from "@/lib/interview/rubric";
import { db as defaultDb, type Db } from "../../db";
import { ConflictError, NotFoundError, ValidationError } from "../../errors";
import { endInterview, interviewRow, questionOf, type InterviewQuestionRow } from "./store";

export async function gradeAnswer(options: { interviewId: string; position: number; ticks: boolean[]; db?: Db }): Promise<{ position: number; score: number }> {
  const { sqlite } = options.db ?? defaultDb();
  return sqlite
    .transaction(() => {
      const interview = interviewRow(sqlite, options.interviewId);
      const row = sqlite.prepare<[string, number], InterviewQuestionRow>("SELECT * FROM InterviewQuestion WHERE interviewId = ? AND position = ?").get(interview.id, options.position);
      if (!row) throw new NotFoundError(`question ${options.position} is not in this interview`);
      const q = questionOf(row);
      if (q.kind !== "open") throw new ConflictError(`question ${options.position} is a ${q.kind} question: it is graded automatically`);
      if (row.submittedAt === null) throw new ConflictError(`question ${options.position} has not been answered yet`);
      if (options.ticks.length !== q.points.length) throw new ValidationError(`ticks must have one value per key point (${q.points.length})`);
      const score = openAnswerScore(row.draft, options.ticks, q.enough);
      sqlite.prepare("UPDATE InterviewQuestion SET ticks = ?, score = ? WHERE interviewId = ? AND position = ?").run(JSON.stringify(options.ticks), score, interview.id, row.position);
      if (interview.finishedAt !== null) endInterview(sqlite, interview.id, interview.finishedAt);
      return { position: row.position, score };
    })
    .immediate();
}
