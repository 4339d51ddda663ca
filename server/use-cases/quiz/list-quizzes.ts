/** The history of quizzes, newest first, in keyset pages: scores over time. */
import { z } from "zod";
import { db as defaultDb, type Db } from "../../db";
import { ValidationError } from "../../errors";
import { deckTitles } from "../../store/quiz-candidates";
import { endQuiz, listOverdueQuizzes, listQuizzesBefore } from "../../store/quizzes";
import { DEADLINE_GRACE_MS } from "./rules";

export interface QuizSummary {
  id: string;
  createdAt: string;
  finishedAt: string | null;
  practice: boolean;
  retakeOf: string | null;
  questionCount: number;
  /** sum of scores once ended */
  score: number | null;
  /** deck titles of the quiz's scope */
  decks: string[];
}

export interface QuizHistory {
  quizzes: QuizSummary[];
  /** pass back for the next (older) page */
  nextCursor: string | null;
}

const cursorSchema = z.tuple([z.number(), z.string()]);

export async function listQuizzes(options: { limit?: number; cursor?: string; now?: Date; db?: Db } = {}): Promise<QuizHistory> {
  const { sqlite } = options.db ?? defaultDb();
  const now = (options.now ?? new Date()).getTime();
  const limit = options.limit ?? 50;
  let after: [number, string] = [Number.MAX_SAFE_INTEGER, ""];
  if (options.cursor) {
    try {
      after = cursorSchema.parse(JSON.parse(Buffer.from(options.cursor, "base64url").toString("utf8")));
    } catch {
      throw new ValidationError("cursor is not one this server gave out");
    }
  }
  // timed quizzes whose deadline passed unseen end now, at their deadline
  const overdue = listOverdueQuizzes(sqlite, now, DEADLINE_GRACE_MS);
  if (overdue.length > 0) sqlite.transaction(() => overdue.forEach((q) => endQuiz(sqlite, q.id, q.deadline))).immediate();

  const rows = listQuizzesBefore(sqlite, { createdAt: after[0], id: after[1] === "" ? "\uffff" : after[1] }, limit + 1);
  const page = rows.slice(0, limit);
  const titles = deckTitles(sqlite, [...new Set(page.flatMap((r) => r.settings.scope.map((s) => s.deckId)))]);
  const last = page.at(-1);
  return {
    quizzes: page.map((r) => ({
      id: r.id,
      createdAt: new Date(r.createdAt).toISOString(),
      finishedAt: r.finishedAt === null ? null : new Date(r.finishedAt).toISOString(),
      practice: r.practice,
      retakeOf: r.retakeOf,
      questionCount: r.questionCount,
      score: r.score,
      decks: [...new Set(r.settings.scope.map((s) => titles.get(s.deckId) ?? s.deckId))],
    })),
    nextCursor: rows.length > limit && last ? Buffer.from(JSON.stringify([last.createdAt, last.id])).toString("base64url") : null,
  };
}
