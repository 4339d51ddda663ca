/**
 * What the quiz use cases check before anything else: the quiz (or the decks) exist, and a
 * timed quiz whose deadline has passed ends, at its deadline. Mock interviews share the grace
 * and the deck check. The SQL is in server/store/quizzes.ts and quiz-candidates.ts.
 */
import type { QuizSettings } from "@/lib/quiz/schemas";
import type { Db, Sqlite } from "../../db";
import { NotFoundError } from "../../errors";
import { deckTitles } from "../../store/quiz-candidates";
import { endQuiz, findQuiz, type StoredQuiz } from "../../store/quizzes";

/** Answers up to this long after the deadline still count (the request was on its way). */
export const DEADLINE_GRACE_MS = 2_000;

/** The quiz, or a 404. */
export function requireQuiz(sqlite: Sqlite, quizId: string): StoredQuiz {
  const quiz = findQuiz(sqlite, quizId);
  if (!quiz) throw new NotFoundError(`no quiz with id ${quizId}`);
  return quiz;
}

/** When a timed quiz's deadline has passed, it ends then; reports whether it has ended. */
export function endIfTimedOut(database: Db, quiz: StoredQuiz, now: Date): boolean {
  if (quiz.finishedAt !== null) return true;
  const { deadline } = quiz;
  if (deadline === null || now.getTime() <= deadline + DEADLINE_GRACE_MS) return false;
  database.sqlite.transaction(() => endQuiz(database.sqlite, quiz.id, deadline)).immediate();
  return true;
}

/** Every deck of the scope exists, or a 404 naming the first that does not. */
export function requireDecks(sqlite: Sqlite, scope: QuizSettings["scope"]): void {
  const known = deckTitles(sqlite, scope.map((s) => s.deckId));
  const missing = scope.find((s) => !known.has(s.deckId));
  if (missing) throw new NotFoundError(`no deck with id ${missing.deckId}`);
}
