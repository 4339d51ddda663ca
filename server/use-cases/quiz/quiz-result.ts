/** The result of a finished quiz: total, time, a breakdown by topic and every question reviewed. */
import { topicBreakdown, type TopicScore } from "@/lib/quiz/report";
import { RIGHT, type AnswerScore } from "@/lib/quiz/score";
import type { QuizSettings } from "@/lib/quiz/schemas";
import type { QuizAnswer, QuizQuestion } from "@/lib/quiz/types";
import type { SkippedCard } from "@/lib/quiz/build";
import { db as defaultDb, type Db } from "../../db";
import { ConflictError } from "../../errors";
import { listQuestions } from "../../store/quizzes";
import { endIfTimedOut, requireQuiz } from "./rules";

export interface ReviewedQuestion {
  position: number;
  question: QuizQuestion;
  answered: boolean;
  answer: QuizAnswer | null;
  result: AnswerScore | null;
  /** 0 when unanswered */
  score: number;
  durationMs: number | null;
  /** the review it gave the card, null in practice or unanswered */
  rating: number | null;
}

export interface QuizResult {
  id: string;
  seed: string;
  settings: QuizSettings;
  practice: boolean;
  retakeOf: string | null;
  createdAt: string;
  finishedAt: string;
  timedOut: boolean;
  questionCount: number;
  /** sum of the scores */
  score: number;
  /** score / questionCount */
  share: number;
  /** time spent on answered questions */
  totalMs: number;
  /** questions answered wrong or not at all: what a retake asks */
  wrong: number;
  questions: ReviewedQuestion[];
  topics: TopicScore[];
  skipped: SkippedCard[];
}

export async function quizResult(options: { quizId: string; now?: Date; db?: Db }): Promise<QuizResult> {
  const database = options.db ?? defaultDb();
  const now = options.now ?? new Date();
  let quiz = requireQuiz(database.sqlite, options.quizId);
  if (endIfTimedOut(database, quiz, now)) quiz = requireQuiz(database.sqlite, quiz.id);
  if (quiz.finishedAt === null) throw new ConflictError("the quiz is still in progress: its result comes when it ends");
  const questions: ReviewedQuestion[] = listQuestions(database.sqlite, quiz.id).map((q) => ({
    position: q.position,
    question: q.question,
    answered: q.answeredAt !== null,
    answer: q.answer,
    result: q.result,
    score: q.score ?? 0,
    durationMs: q.durationMs,
    rating: q.rating,
  }));
  const score = questions.reduce((s, q) => s + q.score, 0);
  return {
    id: quiz.id,
    seed: quiz.seed,
    settings: quiz.settings,
    practice: quiz.practice,
    retakeOf: quiz.retakeOf,
    createdAt: new Date(quiz.createdAt).toISOString(),
    finishedAt: new Date(quiz.finishedAt).toISOString(),
    timedOut: quiz.deadline !== null && quiz.finishedAt === quiz.deadline,
    questionCount: quiz.questionCount,
    score,
    share: quiz.questionCount > 0 ? score / quiz.questionCount : 0,
    totalMs: questions.reduce((s, q) => s + (q.durationMs ?? 0), 0),
    wrong: questions.filter((q) => q.score < RIGHT).length,
    questions,
    topics: topicBreakdown(questions.map((q) => ({ source: q.question.source, score: q.answered ? q.score : null }))),
    skipped: quiz.skipped,
  };
}
