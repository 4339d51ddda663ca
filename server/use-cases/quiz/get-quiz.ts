/**
 * A quiz in progress as the browser resumes it: the current question (the first one not
 * answered) without its keys, the progress so far and the server's deadline. The first time
 * a question is shown, the server notes the time: time per question is measured from there.
 */
import { publicQuestion, type PublicQuestion } from "@/lib/quiz/types";
import type { QuizSettings } from "@/lib/quiz/schemas";
import type { SkippedCard } from "@/lib/quiz/build";
import { db as defaultDb, type Db } from "../../db";
import { listQuestions, markQuestionShown } from "../../store/quizzes";
import { endIfTimedOut, requireQuiz } from "./rules";

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
  let quiz = requireQuiz(database.sqlite, options.quizId);
  if (endIfTimedOut(database, quiz, now)) quiz = requireQuiz(database.sqlite, quiz.id);
  const questions = listQuestions(database.sqlite, quiz.id);
  const finished = quiz.finishedAt !== null;
  const current = finished ? undefined : questions.find((q) => q.answeredAt === null);
  if (current && current.shownAt === null) markQuestionShown(database.sqlite, quiz.id, current.position, now.getTime());
  return {
    id: quiz.id,
    seed: quiz.seed,
    settings: quiz.settings,
    practice: quiz.practice,
    createdAt: new Date(quiz.createdAt).toISOString(),
    deadline: quiz.deadline === null ? null : new Date(quiz.deadline).toISOString(),
    serverNow: now.toISOString(),
    finished,
    questionCount: quiz.questionCount,
    progress: questions.map((q) => (q.answeredAt === null ? null : (q.score ?? 0))),
    current: current ? { position: current.position, question: publicQuestion(current.question) } : null,
    skipped: quiz.skipped,
  };
}
