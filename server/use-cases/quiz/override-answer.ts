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
import { reviewInTransaction } from "../study/record-review";
import { undoInTransaction } from "../undo-review";
import { parseQuestion, quizRow, type QuestionRow } from "./store";

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
      const quiz = quizRow(sqlite, options.quizId);
      const row = sqlite.prepare<[string, number], QuestionRow>("SELECT * FROM QuizQuestion WHERE quizId = ? AND position = ?").get(quiz.id, options.position);
      if (!row) throw new NotFoundError(`question ${options.position} is not in this quiz (it has questions 0 to ${quiz.questionCount - 1})`);
      const { question, result } = parseQuestion(row);
      if (row.answeredAt === null || result === null) throw new ConflictError(`question ${options.position} has not been answered`);
      if (result.kind !== "typed") throw new ConflictError(`question ${options.position} is a ${question.kind} question: only a typed answer can be overridden (the others are scored exactly)`);
      if (result.overridden) throw new ConflictError(`question ${options.position} was already overridden`);
      if (result.score >= 1) throw new ConflictError(`question ${options.position} was already marked right`);
      const durationMs = row.durationMs ?? 0;
      let rating: number | null = row.rating;
      let reviewId: number | null = row.reviewId;
      let rescheduled = false;
      if (row.reviewId !== null) {
        const review = sqlite.prepare<[number], { reviewedAt: number; cardId: string }>("SELECT reviewedAt, cardId FROM Review WHERE id = ?").get(row.reviewId);
        const latest = review ? sqlite.prepare<[string], { id: number }>("SELECT id FROM Review WHERE cardId = ? ORDER BY reviewedAt DESC, id DESC LIMIT 1").get(review.cardId) : undefined;
        if (review && latest?.id === row.reviewId) {
          undoInTransaction(sqlite, row.reviewId, new Date(review.reviewedAt));
          rating = ratingForAnswer(question, 1, durationMs);
          reviewId = reviewInTransaction(database, { cardId: row.cardId, rating: rating as 1 | 2 | 3, now: new Date(review.reviewedAt), durationMs, source: "quiz" }).reviewId;
          rescheduled = true;
        }
      }
      const overridden = { ...result, score: 1, overridden: { score: result.score } };
      sqlite
        .prepare("UPDATE QuizQuestion SET score = 1, result = @result, rating = @rating, reviewId = @reviewId WHERE quizId = @quizId AND position = @position")
        .run({ result: JSON.stringify(overridden), rating, reviewId, quizId: quiz.id, position: row.position });
      let quizScore: number | null = null;
      if (quiz.finishedAt !== null) {
        sqlite.prepare("UPDATE Quiz SET score = (SELECT COALESCE(SUM(score), 0) FROM QuizQuestion WHERE quizId = @id) WHERE id = @id").run({ id: quiz.id });
        quizScore = sqlite.prepare<[string], { score: number }>("SELECT score FROM Quiz WHERE id = ?").get(quiz.id)!.score;
      }
      return { position: row.position, score: 1, rating, rescheduled, quizScore };
    })
    .immediate();
}
