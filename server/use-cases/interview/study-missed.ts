/**
 * "Study what I missed": the cards behind what a mock interview missed get an Again review
 * (source "interview"), so they are in learning, due within a minute, and come before new and
 * review cards; the report then takes you to study them (the ids in `study`).
 *
 * - an open question not fully covered: for each missed key point, the deck's cards in the
 *   question's topic whose text shares the point's terms (lib/interview/missed.ts), then the
 *   question's own card;
 * - a choice or ordering question not fully right: its card.
 *
 * Runs once per interview: the reviews' idempotency keys make a second run record nothing (it
 * still lists the cards, to study them again).
 */
import { cardsBehindPoint, type CandidateCard } from "@/lib/interview/missed";
import { db as defaultDb, type Db } from "../../db";
import { ConflictError } from "../../errors";
import { findCardText, listStudiedCardText, type CardText } from "../../store/cards";
import { setQuestionReview } from "../../store/interview-answers";
import { listInterviewQuestions, setMissedStudied } from "../../store/interviews";
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
      const missed = listInterviewQuestions(sqlite, interview.id).filter((q) => (q.score ?? 0) < 0.999999);
      const candidatesOf = new Map<string, CandidateCard[]>();
      const candidates = (deckId: string) => {
        let list = candidatesOf.get(deckId);
        if (!list) {
          list = listStudiedCardText(sqlite, deckId).map((c) => ({ id: c.id, kind: c.kind, topic: c.topic, text: `${c.prompt}\n${c.answer}` }));
          candidatesOf.set(deckId, list);
        }
        return list;
      };

      let recorded = 0;
      let dueAt: number | null = null;
      const order: Array<{ cardId: string; deckId: string }> = [];
      const seen = new Set<string>();
      const again = (card: CardText, key: string): number | null => {
        if (seen.has(card.id) || card.retired) return null;
        seen.add(card.id);
        order.push({ cardId: card.id, deckId: card.deckId });
        const review = reviewInTransaction(database, { cardId: card.id, rating: 1, now, source: "interview", idempotencyKey: key });
        if (review.recorded) recorded++;
        const due = Date.parse(review.due);
        dueAt = dueAt === null ? due : Math.min(dueAt, due);
        return review.recorded ? review.reviewId : null;
      };

      for (const q of missed) {
        const own = findCardText(sqlite, q.cardId);
        if (!own) continue;
        const { question, ticks, matches } = q;
        if (question.kind === "open") {
          question.points.forEach((point, i) => {
            if (ticks?.[i] ?? matches?.[i]?.covered ?? false) return;
            for (const fact of cardsBehindPoint(point, own.topic, candidates(own.deckId))) {
              const row = findCardText(sqlite, fact.id);
              if (row) again(row, `interview:${interview.id}:${q.position}:missed:${fact.id}`);
            }
          });
        }
        const reviewId = again(own, `interview:${interview.id}:${q.position}:missed`);
        if (reviewId !== null) setQuestionReview(sqlite, q, reviewId);
      }
      if (interview.missedStudied === null) setMissedStudied(sqlite, interview.id, now.getTime());

      const byDeck = new Map<string, string[]>();
      for (const { cardId, deckId } of order) byDeck.set(deckId, [...(byDeck.get(deckId) ?? []), cardId]);
      const study = [...byDeck].map(([deckId, cardIds]) => ({ deckId, cardIds })).sort((a, b) => b.cardIds.length - a.cardIds.length);
      return { recorded, cards: seen.size, dueAt: dueAt === null ? null : new Date(dueAt).toISOString(), study };
    })
    .immediate();
}
