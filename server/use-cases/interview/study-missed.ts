/**
 * "Study what I missed": the cards behind what a mock interview missed get an Again review
 * (source "interview"), so they are in learning, due within a minute, and come before new and
 * review cards; the report then takes you to study them (the ids in `study`).
 *
 * Which cards, and in what order: missed-cards.ts (per missed key point the deck's cards that
 * teach it, ranked and capped, then the question's own card; a choice or ordering question not
 * fully right: its card).
 *
 * Runs once per interview: the reviews' idempotency keys make a second run record nothing (it
 * still lists the cards, to study them again).
 */
import { db as defaultDb, type Db } from "../../db";
import { ConflictError } from "../../errors";
import { setQuestionReview } from "../../store/interview-answers";
import { listInterviewQuestions, setMissedStudied } from "../../store/interviews";
import { missedCards } from "./missed-cards";
import { reviewInTransaction } from "../study/record-review";
import { requireInterview } from "./rules";

export interface StudyMissedResult {
  /** cards given an Again review now */
  recorded: number;
  /** cards behind missed points (recorded now or before) */
  cards: number;
  /** when the first of them is due */
  dueAt: string | null;
  /** the cards to study, per deck (the deck with the most first), in the order to study them */
  study: Array<{ deckId: string; cardIds: string[] }>;
}

export async function studyMissed(options: { interviewId: string; now?: Date; db?: Db }): Promise<StudyMissedResult> {
  const database = options.db ?? defaultDb();
  const { sqlite } = database;
  const now = options.now ?? new Date();
  return sqlite
    .transaction((): StudyMissedResult => {
      const interview = requireInterview(sqlite, options.interviewId);
      if (interview.finishedAt === null) throw new ConflictError("the interview is still in progress");
      let recorded = 0;
      let dueAt: number | null = null;
      const rows = listInterviewQuestions(sqlite, interview.id);
      const cards = missedCards(sqlite, rows);
      for (const card of cards) {
        const key = card.own ? `interview:${interview.id}:${card.position}:missed` : `interview:${interview.id}:${card.position}:missed:${card.cardId}`;
        const review = reviewInTransaction(database, { cardId: card.cardId, rating: 1, now, source: "interview", idempotencyKey: key });
        if (review.recorded) recorded++;
        const due = Date.parse(review.due);
        dueAt = dueAt === null ? due : Math.min(dueAt, due);
        if (card.own && review.recorded) {
          const row = rows.find((r) => r.position === card.position);
          if (row) setQuestionReview(sqlite, row, review.reviewId);
        }
      }
      if (interview.missedStudied === null) setMissedStudied(sqlite, interview.id, now.getTime());

      const byDeck = new Map<string, string[]>();
      for (const { cardId, deckId } of cards) byDeck.set(deckId, [...(byDeck.get(deckId) ?? []), cardId]);
      const study = [...byDeck].map(([deckId, cardIds]) => ({ deckId, cardIds })).sort((a, b) => b.cardIds.length - a.cardIds.length);
      return { recorded, cards: cards.length, dueAt: dueAt === null ? null : new Date(dueAt).toISOString(), study };
    })
    .immediate();
}
