/**
 * Answering a quiz's questions, on the QuizQuestion rows quizzes.ts reads: which question is
 * current, storing an answer and its score, an "I was right" override, and the review an
 * answer gave its card. The use cases run these inside their one immediate transaction.
 */
import { sql as fragment } from "kysely";
import type { AnswerScore } from "@/lib/quiz/score";
import type { QuizAnswer } from "@/lib/quiz/types";
import type { Sqlite } from "../db";
import { latestReviewId } from "./reviews";
import { first, run, sql } from "./sql";

/** Whether a quiz has ended and whether it is practice, read again inside a transaction. */
export function quizStatus(sqlite: Sqlite, quizId: string): { finishedAt: number | null; practice: boolean } | null {
  const row = first(sqlite, sql.selectFrom("Quiz").select(["finishedAt", "practice"]).where("id", "=", quizId));
  return row === undefined ? null : { finishedAt: row.finishedAt, practice: row.practice === 1 };
}

/** The position of the first question not answered; null when every question is. */
export function currentPosition(sqlite: Sqlite, quizId: string): number | null {
  const row = first(sqlite, sql.selectFrom("QuizQuestion").select((eb) => eb.fn.min<number | null>("position").as("position")).where("quizId", "=", quizId).where("answeredAt", "is", null));
  return row?.position ?? null;
}

/** How many of a quiz's questions are not answered. */
export function countUnanswered(sqlite: Sqlite, quizId: string): number {
  const row = first(sqlite, sql.selectFrom("QuizQuestion").select((eb) => eb.fn.countAll<number>().as("n")).where("quizId", "=", quizId).where("answeredAt", "is", null));
  return row?.n ?? 0;
}

export interface GivenAnswer {
  quizId: string;
  position: number;
  answer: QuizAnswer;
  result: AnswerScore;
  durationMs: number;
  /** the review given to the card; null in practice or for a retired card */
  rating: number | null;
  reviewId: number | null;
  now: number;
}

/** An answer, its score and the review it gave; a question never shown counts as shown now. */
export function saveAnswer(sqlite: Sqlite, a: GivenAnswer): void {
  run(
    sqlite,
    sql
      .updateTable("QuizQuestion")
      .set((eb) => ({
        answeredAt: a.now,
        shownAt: eb.fn.coalesce("shownAt", fragment.val(a.now)),
        answer: JSON.stringify(a.answer),
        result: JSON.stringify(a.result),
        score: a.result.score,
        durationMs: a.durationMs,
        rating: a.rating,
        reviewId: a.reviewId,
      }))
      .where("quizId", "=", a.quizId)
      .where("position", "=", a.position),
  );
}

/** "I was right": the answer scores 1, with the result that says so, and the review it gives now. */
export function saveOverride(sqlite: Sqlite, o: { quizId: string; position: number; result: AnswerScore; rating: number | null; reviewId: number | null }): void {
  run(
    sqlite,
    sql
      .updateTable("QuizQuestion")
      .set({ score: fragment.lit(1), result: JSON.stringify(o.result), rating: o.rating, reviewId: o.reviewId })
      .where("quizId", "=", o.quizId)
      .where("position", "=", o.position),
  );
}

/** The review an answer gave: when, for which card, and whether it is still that card's latest. */
export function answerReview(sqlite: Sqlite, reviewId: number): { reviewedAt: number; cardId: string; latest: boolean } | null {
  const review = first(sqlite, sql.selectFrom("Review").select(["reviewedAt", "cardId"]).where("id", "=", reviewId));
  if (review === undefined) return null;
  return { reviewedAt: review.reviewedAt, cardId: review.cardId, latest: latestReviewId(sqlite, review.cardId) === reviewId };
}

/** Whether a card has been retired (a retired card's answer gives no review). */
export function cardRetired(sqlite: Sqlite, cardId: string): boolean {
  return first(sqlite, sql.selectFrom("Card").select("retired").where("id", "=", cardId))?.retired === 1;
}
