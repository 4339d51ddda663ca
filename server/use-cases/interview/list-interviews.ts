/** Earlier mock interviews, newest first: date, questions and score. */
import { db as defaultDb, type Db } from "../../db";

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
  const rows = sqlite
    .prepare<[number], { id: string; createdAt: number; finishedAt: number | null; practice: number; questionCount: number; score: number | null }>(
      "SELECT id, createdAt, finishedAt, practice, questionCount, score FROM Interview ORDER BY createdAt DESC, id DESC LIMIT ?",
    )
    .all(options.limit ?? 20);
  return rows.map((r) => ({
    id: r.id,
    createdAt: new Date(r.createdAt).toISOString(),
    finishedAt: r.finishedAt === null ? null : new Date(r.finishedAt).toISOString(),
    practice: r.practice === 1,
    questionCount: r.questionCount,
    score: r.score,
  }));
}
