/**
 * Rows of the Quiz and QuizQuestion tables and what every quiz use case needs from them:
 * reading a quiz, ending it (on time out, on the last answer, or when asked), and the
 * seeded ranking that makes quizzes reproducible. Raw SQL on the one database module.
 */
import type { QuizQuestion } from "@/lib/quiz/types";
import type { AnswerScore } from "@/lib/quiz/score";
import type { QuizSettings } from "@/lib/quiz/schemas";
import { hash } from "@/lib/random";
import type { Db, Sqlite } from "../../db";
import { NotFoundError } from "../../errors";

/** Answers up to this long after the deadline still count (the request was on its way). */
export const DEADLINE_GRACE_MS = 2_000;

export interface QuizRow {
  id: string;
  seed: string;
  settings: string;
  practice: number;
  retakeOf: string | null;
  skipped: string;
  createdAt: number;
  deadline: number | null;
  finishedAt: number | null;
  questionCount: number;
  score: number | null;
}

export interface QuestionRow {
  quizId: string;
  position: number;
  cardId: string;
  kind: string;
  question: string;
  shownAt: number | null;
  answeredAt: number | null;
  answer: string | null;
  result: string | null;
  score: number | null;
  durationMs: number | null;
  rating: number | null;
  reviewId: number | null;
}

export interface StoredQuestion extends Omit<QuestionRow, "question" | "result" | "answer"> {
  question: QuizQuestion;
  result: AnswerScore | null;
  answer: unknown;
}

export const parseQuestion = (row: QuestionRow): StoredQuestion => ({
  ...row,
  question: JSON.parse(row.question) as QuizQuestion,
  result: row.result ? (JSON.parse(row.result) as AnswerScore) : null,
  answer: row.answer ? (JSON.parse(row.answer) as unknown) : null,
});

export const settingsOf = (row: QuizRow) => JSON.parse(row.settings) as QuizSettings;

export function quizRow(sqlite: Sqlite, quizId: string): QuizRow {
  const row = sqlite.prepare<[string], QuizRow>("SELECT * FROM Quiz WHERE id = ?").get(quizId);
  if (!row) throw new NotFoundError(`no quiz with id ${quizId}`);
  return row;
}

export function questionRows(sqlite: Sqlite, quizId: string): QuestionRow[] {
  return sqlite.prepare<[string], QuestionRow>("SELECT * FROM QuizQuestion WHERE quizId = ? ORDER BY position").all(quizId);
}

/** Ends a quiz: its score is the sum of its answers' scores; unanswered questions count 0. */
export function endQuiz(sqlite: Sqlite, quizId: string, at: number): void {
  sqlite
    .prepare(
      `UPDATE Quiz SET finishedAt = @at, score = (SELECT COALESCE(SUM(score), 0) FROM QuizQuestion WHERE quizId = @id)
       WHERE id = @id AND finishedAt IS NULL`,
    )
    .run({ id: quizId, at });
}

/** When a timed quiz's deadline has passed, it ends then; reports whether it has ended. */
export function endIfTimedOut(database: Db, quiz: QuizRow, now: Date): boolean {
  if (quiz.finishedAt !== null) return true;
  if (quiz.deadline === null || now.getTime() <= quiz.deadline + DEADLINE_GRACE_MS) return false;
  database.sqlite.transaction(() => endQuiz(database.sqlite, quiz.id, quiz.deadline!)).immediate();
  return true;
}

/**
 * A card's place in a quiz's seeded order, computed in SQL (no JavaScript call per row):
 * the first 6 hex digits of the card id (ids are hashes) go through (a·h + b) mod p, with a
 * and b taken from the seed: a different permutation for every seed, the same on every
 * database that has the same content. Ties (ids sharing 6 digits) are broken by the id.
 */
export function rankSql(column: string): string {
  const digit = (k: number) => `(instr('0123456789abcdef', substr(${column}, ${k}, 1)) - 1)`;
  let h = digit(1);
  for (let k = 2; k <= 6; k++) h = `(${h} * 16 + ${digit(k)})`;
  return `((@rankA * ${h} + @rankB) % 2147483647)`;
}

/** The parameters rankSql reads, from the seed. */
export function rankParams(seed: string): { rankA: number; rankB: number } {
  return { rankA: (hash(`a:${seed}`) % 2147483646) + 1, rankB: hash(`b:${seed}`) % 2147483647 };
}
