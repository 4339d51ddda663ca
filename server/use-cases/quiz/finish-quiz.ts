/** Ending a quiz before every question is answered: unanswered questions score 0 and give no review. */
import { db as defaultDb, type Db } from "../../db";
import { endQuiz } from "../../store/quizzes";
import { endIfTimedOut, requireQuiz } from "./rules";

export async function finishQuiz(options: { quizId: string; now?: Date; db?: Db }): Promise<{ id: string; finishedAt: string }> {
  const database = options.db ?? defaultDb();
  const now = options.now ?? new Date();
  const quiz = requireQuiz(database.sqlite, options.quizId);
  // a timed quiz ended by its countdown ends at its deadline, even if the request came a little late
  const at = quiz.deadline === null ? now.getTime() : Math.min(now.getTime(), quiz.deadline);
  if (!endIfTimedOut(database, quiz, now)) database.sqlite.transaction(() => endQuiz(database.sqlite, quiz.id, at)).immediate();
  const ended = requireQuiz(database.sqlite, quiz.id);
  return { id: quiz.id, finishedAt: new Date(ended.finishedAt!).toISOString() };
}
