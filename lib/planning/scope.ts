/**
 * Whether a card is in an interview date's scope: every deck, or a chosen deck (whole, or the
 * chosen topics and their sub-topics), the rule the quiz scope's SQL applies
 * (server/store/quiz-candidates.ts inScope), here for the one card a review rates.
 */
import type { InterviewScope } from "./schemas";

export function cardInScope(scope: InterviewScope, card: { deckId: string; topic: readonly string[] }): boolean {
  if (scope === "all") return true;
  return scope.some((s) => {
    if (s.deckId !== card.deckId) return false;
    const topics = s.topics.filter((t) => t.length > 0);
    return topics.length === 0 || topics.some((t) => t.length <= card.topic.length && t.every((heading, i) => card.topic[i] === heading));
  });
}
