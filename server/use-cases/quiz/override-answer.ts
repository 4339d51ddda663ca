/**
 * "I was right" on a typed quiz answer the checker marked wrong (Anki's and Quizlet's override):
 * the question scores 1 and, unless the quiz is practice, the card's review from that answer is
 * replaced by the one a right answer gives, at the time it was answered. When the card has been
 * reviewed again since, its later history stands on that review and is left as it is: only the
 * score changes, and the answer says so. One IMMEDIATE transaction.
 */
import { ratingForAnswer } from "@/lib/quiz/score";
import { db as defaultDb, type Db } from "../../db";
import { ConflictError, NotFoundError } from "../../errors";
import { answerReview, saveOverride } from "../../store/quiz-answers";
import { findQuestion, rescoreQuiz } from "../../store/quizzes";
import { reviewInTransaction } from "../study/record-review";
import { undoInTransaction } from "../study/undo-review";
import { requireQuiz } from "./rules";

export interface OverrideResult {
  position: number;
  score: number;
  /** the rating the card has now from this answer; null in practice */
  rating: number | null;
  /** whether the card's review was replaced (false in practice, or when the card was reviewed since) */
  rescheduled: boolean;
  /** the quiz's total, when it has ended */
  quizScore: number | null;
}

export function overrideAnswer(options: { quizId: string; position: number; db?: Db }): OverrideResult {
  const database = options.db ?? defaultDb();
  const { sqlite } = database;
  return sqlite
    .transaction((): OverrideResult => {
      const quiz = requireQuiz(sqlite, options.quizId);
      const row = findQuestion(sqlite, quiz.id, options.position);
      if (!row) throw new NotFoundError(`question ${options.position} is not in this quiz (it has questions 0 to ${quiz.questionCount - 1})`);
      const { question, result } = row;
      if (row.answeredAt === null || result === null) throw new ConflictError(`question ${options.position} has not been answered`);
      if (result.kind !== "typed") throw new ConflictError(`question ${options.position} is a ${question.kind} question: only a typed answer can be overridden (the others are scored exactly)`);
      if (result.overridden) throw new ConflictError(`question ${options.position} was already overridden`);
      if (result.score >= 1) throw new ConflictError(`question ${options.position} was already marked right`);
      const durationMs = row.durationMs ?? 0;
      let rating: number | null = row.rating;
      let reviewId: number | null = row.reviewId;
      let rescheduled = false;
      if (row.reviewId !== null) {
        const review = answerReview(sqlite, row.reviewId);
        if (review?.latest) {
          undoInTransaction(sqlite, row.reviewId, new Date(review.reviewedAt));
          const right = ratingForAnswer(question, 1, durationMs);
          rating = right;
          reviewId = reviewInTransaction(database, { cardId: row.cardId, rating: right, now: new Date(review.reviewedAt), durationMs, source: "quiz" }).reviewId;
          rescheduled = true;
        }
      }
      const overridden = { ...result, score: 1, overridden: { score: result.score } };
      saveOverride(sqlite, { quizId: quiz.id, position: row.position, result: overridden, rating, reviewId });
      const quizScore = quiz.finishedAt === null ? null : rescoreQuiz(sqlite, quiz.id);
      return { position: row.position, score: 1, rating, rescheduled, quizScore };
    })
    .immediate();
}
