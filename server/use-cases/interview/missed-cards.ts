/**
 * The cards "study what I missed" queues for an ended interview, in the order to study them
 * (shared by the report, whose button says how many, and by studyMissed, which queues them):
 *
 * - for an open question not fully covered, per missed key point (the user's ticks, else the
 *   automatic ones), the deck's cards that teach it, best first, at most MISSED_PER_POINT
 *   (lib/interview/missed.ts), then the question's own card;
 * - for a choice or ordering question not fully right, its card.
 *
 * A card is listed once. The questions' own cards are always listed; the cards behind the points
 * fill what is left of MISSED_TOTAL, taken in turns (every missed point's best card, then every
 * point's second, …) so that the last points of a long rubric get theirs too.
 */
import { cardsBehindPoint, MISSED_PER_POINT, MISSED_TOTAL, type CandidateCard } from "@/lib/interview/missed";
import type { Sqlite } from "../../db";
import { findCardText, listStudiedCardText, type CardText } from "../../store/cards";
import type { StoredInterviewQuestion } from "../../store/interviews";

export interface MissedCard {
  cardId: string;
  deckId: string;
  /** the interview question it is queued for */
  position: number;
  /** true for the question's own card, false for a card behind one of its missed points */
  own: boolean;
}

/** The questions scored below full marks. */
export const missedQuestions = (rows: readonly StoredInterviewQuestion[]) => rows.filter((q) => (q.score ?? 0) < 0.999999);

export function missedCards(sqlite: Sqlite, rows: readonly StoredInterviewQuestion[]): MissedCard[] {
  const candidatesOf = new Map<string, CandidateCard[]>();
  const candidates = (deckId: string) => {
    let list = candidatesOf.get(deckId);
    if (!list) {
      list = listStudiedCardText(sqlite, deckId);
      candidatesOf.set(deckId, list);
    }
    return list;
  };
  const questions = missedQuestions(rows).flatMap((q) => {
    const own = findCardText(sqlite, q.cardId);
    return own && !own.retired ? [{ q, own }] : [];
  });
  const ownIds = new Set(questions.map((x) => x.own.id));

  // per missed point, its ranked cards
  const points: Array<{ question: number; ranked: CandidateCard[]; taken: CandidateCard[] }> = [];
  questions.forEach(({ q, own }: { q: StoredInterviewQuestion; own: CardText }, k) => {
    const { question, ticks, matches } = q;
    if (question.kind !== "open") return;
    question.points.forEach((point, i) => {
      if (ticks?.[i] ?? matches?.[i]?.covered ?? false) return;
      const ranked = cardsBehindPoint(point, candidates(own.deckId).filter((c) => !ownIds.has(c.id)), { topic: own.topic, others: question.points, limit: MISSED_PER_POINT });
      points.push({ question: k, ranked, taken: [] });
    });
  });
  // in turns, each card once, until the budget is spent
  let budget = MISSED_TOTAL - ownIds.size;
  const seen = new Set<string>();
  for (let rank = 0; rank < MISSED_PER_POINT && budget > 0; rank++) {
    for (const p of points) {
      if (budget <= 0) break;
      const card = p.ranked[rank];
      if (!card || seen.has(card.id)) continue;
      seen.add(card.id);
      p.taken.push(card);
      budget--;
    }
  }

  const out: MissedCard[] = [];
  questions.forEach(({ q, own }, k) => {
    for (const p of points) if (p.question === k) for (const card of p.taken) out.push({ cardId: card.id, deckId: own.deckId, position: q.position, own: false });
    if (out.some((c) => c.cardId === own.id)) return;
    out.push({ cardId: own.id, deckId: own.deckId, position: q.position, own: true });
  });
  return out;
}
