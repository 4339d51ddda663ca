/**
 * A card as the study screen shows it, shared by the study use cases (the queue, one card) and
 * by practice and the card browser's detail.
 */
import { formatInterval, RATINGS, STATE_NAMES, type RatingValue, type Scheduler } from "@/lib/scheduling";
import type { StudyCard } from "@/lib/api-schemas";
import type { Sqlite } from "../../db";
import { resolveOptions, type ResolvedOptions } from "../../deck-settings";
import type { ScheduledCard } from "../../store/study-queue";
import { nextSchedules } from "./next-schedule";

/** Where a rating puts the card: FSRS's due, balanced, or the one an interview's plan gives it. */
export type PlanDue = (rating: RatingValue) => Date;

/**
 * What the study screen's buttons must show: the due recordReview will give (next-schedule.ts:
 * the load balancer's day, or an interview plan's), not plain FSRS's, so a button still shows
 * exactly the interval its rating applies.
 */
export function planDue(sqlite: Sqlite, card: ScheduledCard, now: Date, resolved: ResolvedOptions): PlanDue {
  // the four ratings at once: they share the calendar and plan reads
  const all = nextSchedules(sqlite, { card, ratings: RATINGS, now, resolved });
  return (rating) => all.get(rating)!.due;
}

export function toStudyCard(card: ScheduledCard, now: Date, scheduler: Scheduler = fallbackOptions().scheduler, plan?: PlanDue): StudyCard {
  const preview = plan
    ? (Object.fromEntries(RATINGS.map((r) => [r, plan(r).getTime() - now.getTime()])) as Record<RatingValue, number>)
    : scheduler.preview(card.schedule, now, card.id);
  const data = JSON.parse(card.data) as Record<string, unknown>;
  // a topic level that names the answer (a cloze on dnsmasq under "## dnsmasq") is not shown before the reveal
  const shown = Array.isArray(data.shownTopic) ? (data.shownTopic as string[]) : null;
  return {
    id: card.id,
    deckId: card.deckId,
    kind: card.kind,
    topic: shown ?? (JSON.parse(card.topic) as string[]),
    prompt: card.prompt,
    answer: card.answer,
    promptHtml: card.promptHtml,
    answerHtml: card.answerHtml,
    data,
    state: STATE_NAMES[card.schedule.state] ?? "new",
    due: card.schedule.due.toISOString(),
    intervals: { "1": formatInterval(preview[1]), "2": formatInterval(preview[2]), "3": formatInterval(preview[3]), "4": formatInterval(preview[4]) },
  };
}

/** The default preset's options, for a card or deck whose preset row is missing. */
export function fallbackOptions() {
  return resolveOptions(0, "{}", 0);
}
