/** Earlier mock interviews, newest first: date, questions and score. */
import { db as defaultDb, type Db } from "../../db";
import { listLatestInterviews } from "../../store/interviews";

export interface InterviewSummary {
  id: string;
  createdAt: string;
  finishedAt: string | null;
  practice: boolean;
  questionCount: number;
  score: number | null;
}

export async function listInterviews(options: { limit?: number; db?: Db } = {}): Promise<InterviewSummary[]> {
  const { sqlite } = options.db ?? defaultDb();
  return listLatestInterviews(sqlite, options.limit ?? 20).map((r) => ({
    id: r.id,
    createdAt: new Date(r.createdAt).toISOString(),
    finishedAt: r.finishedAt === null ? null : new Date(r.finishedAt).toISOString(),
    practice: r.practice,
    questionCount: r.questionCount,
    score: r.score,
  }));
}
