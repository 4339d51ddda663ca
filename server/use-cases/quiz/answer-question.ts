/**
 * Answering the current question of a quiz. One IMMEDIATE transaction scores the answer,
 * stores it and, unless the quiz is practice, records the card's review with the documented
 * rating (lib/quiz/score.ts ratingForAnswer); the last answer ends the quiz. Answering twice,
 * out of turn, after the quiz ended or after its deadline is a 4xx that counts nothing.
 */
import { ratingForAnswer, scoreAnswer, validateAnswer, type AnswerScore } from "@/lib/quiz/score";
import type { QuizAnswer, QuizQuestion } from "@/lib/quiz/types";
import { db as defaultDb, type Db } from "../../db";
import { ConflictError, NotFoundError, ValidationError } from "../../errors";
import { cardRetired, countUnanswered, currentPosition, quizStatus, saveAnswer } from "../../store/quiz-answers";
import { endQuiz, findQuestion } from "../../store/quizzes";
import { reviewInTransaction } from "../study/record-review";
import { endIfTimedOut, requireQuiz } from "./rules";

export interface AnswerFeedback {
  position: number;
  score: number;
  result: AnswerScore;
  /** the question with its keys and explanation, now that it is answered */
  question: QuizQuestion;
  durationMs: number;
  /** the review given to the card (1 Again, 2 Hard, 3 Good); null in practice */
  rating: number | null;
  /** whether this answer ended the quiz */
  finished: boolean;
}

export interface AnswerQuestionOptions {
  quizId: string;
  position: number;
  answer: QuizAnswer;
  now?: Date;
  db?: Db;
}

export async function answerQuestion(options: AnswerQuestionOptions): Promise<AnswerFeedback> {
  const database = options.db ?? defaultDb();
  const { sqlite } = database;
  const now = options.now ?? new Date();
  const quiz = requireQuiz(sqlite, options.quizId);
  if (quiz.finishedAt === null && endIfTimedOut(database, quiz, now)) {
    throw new ConflictError(`time is up: the quiz ended at ${new Date(quiz.deadline!).toISOString()}; the answer was not counted`);
  }
  const run = sqlite.transaction((): AnswerFeedback => {
    const q = quizStatus(sqlite, quiz.id)!;
    if (q.finishedAt !== null) throw new ConflictError("this quiz has ended: the answer was not counted");
    const row = findQuestion(sqlite, quiz.id, options.position);
    if (!row) throw new NotFoundError(`question ${options.position} is not in this quiz (it has questions 0 to ${quiz.questionCount - 1})`);
    if (row.answeredAt !== null) throw new ConflictError(`question ${options.position} was already answered: the second answer was not counted`);
    const current = currentPosition(sqlite, quiz.id);
    if (current !== options.position) {
      throw new ConflictError(`question ${options.position} is not the current question (${current}): answer in order`);
    }
    const { question } = row;
    const invalid = validateAnswer(question, options.answer);
    if (invalid) throw new ValidationError(invalid);
    const result = scoreAnswer(question, options.answer);
    const durationMs = Math.max(0, now.getTime() - (row.shownAt ?? now.getTime()));
    let rating: 1 | 2 | 3 | null = null;
    let reviewId: number | null = null;
    if (!q.practice && !cardRetired(sqlite, row.cardId)) {
      rating = ratingForAnswer(question, result.score, durationMs);
      reviewId = reviewInTransaction(database, {
        cardId: row.cardId,
        rating,
        now,
        durationMs,
        source: "quiz",
        idempotencyKey: `quiz:${quiz.id}:${row.position}`,
      }).reviewId;
    }
    saveAnswer(sqlite, { quizId: quiz.id, position: row.position, answer: options.answer, result, durationMs, rating, reviewId, now: now.getTime() });
    const left = countUnanswered(sqlite, quiz.id);
    if (left === 0) endQuiz(sqlite, quiz.id, now.getTime());
    return { position: row.position, score: result.score, result, question, durationMs, rating, finished: left === 0 };
  });
  return run.immediate();
}
