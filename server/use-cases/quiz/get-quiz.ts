/**
 * A quiz in progress as the browser resumes it: the current question (the first one not
 * answered) without its keys, the progress so far and the server's deadline. The first time
 * a question is shown, the server notes the time: time per question is measured from there.
 */
import { publicQuestion, type PublicQuestion } from "@/lib/quiz/types";
import type { QuizSettings } from "@/lib/quiz/schemas";
import type { SkippedCard } from "@/lib/quiz/build";
import { db as defaultDb, type Db } from "../../db";
import { endIfTimedOut, parseQuestion, questionRows, quizRow, settingsOf } from "./store";

export interface QuizView {
  id: string;
  seed: string;
  settings: QuizSettings;
  practice: boolean;
  createdAt: string;
  /** null: untimed */
  deadline: string | null;
  /** the server's time now, so the browser's countdown does not trust the browser's clock */
  serverNow: string;
  finished: boolean;
  questionCount: number;
  /** per position: the score of the answer, null while unanswered */
  progress: Array<number | null>;
  current: { position: number; question: PublicQuestion } | null;
  skipped: SkippedCard[];
}

export async function getQuiz(options: { quizId: string; now?: Date; db?: Db }): Promise<QuizView> {
  const database = options.db ?? defaultDb();
  const now = options.now ?? new Date();
  let quiz = quizRow(database.sqlite, options.quizId);
  if (endIfTimedOut(database, quiz, now)) quiz = quizRow(database.sqlite, quiz.id);
  const questions = questionRows(database.sqlite, quiz.id).map(parseQuestion);
  const finished = quiz.finishedAt !== null;
  const current = finished ? undefined : questions.find((q) => q.answeredAt === null);
  if (current && current.shownAt === null) {
    database.sqlite
      .prepare("UPDATE QuizQuestion SET shownAt = @now WHERE quizId = @quizId AND position = @position AND shownAt IS NULL")
      .run({ now: now.getTime(), quizId: quiz.id, position: current.position });
  }
  return {
    id: quiz.id,
    seed: quiz.seed,
    settings: settingsOf(quiz),
    practice: quiz.practice === 1,
    createdAt: new Date(quiz.createdAt).toISOString(),
    deadline: quiz.deadline === null ? null : new Date(quiz.deadline).toISOString(),
    serverNow: now.toISOString(),
    finished,
    questionCount: quiz.questionCount,
    progress: questions.map((q) => (q.answeredAt === null ? null : (q.score ?? 0))),
    current: current ? { position: current.position, question: publicQuestion(current.question) } : null,
    skipped: JSON.parse(quiz.skipped) as SkippedCard[],
  };
}
