/**
 * How a rating consults the interview plan (issue 16, docs/ARCHITECTURE.md "Interview
 * planning"). FSRS rates the card first; when the card is in the scope of an interview still
 * ahead, lib/planning's placeReview says where its next review goes, and only the due (and the
 * days it was scheduled for) change. The memory state stays FSRS's, and ts-fsrs reads a card's
 * elapsed time from its last review, never from its due: a later rating, a date removed or one
 * passed gives the very state plain FSRS would, and the ratings in the history replay to it.
 */
import { z } from "zod";
import { dayOf } from "@/lib/planning/days";
import { placeReview, type Placement } from "@/lib/planning/place-review";
import { cardInScope } from "@/lib/planning/scope";
import { fuzzSeed, type SchedState, type Scheduler } from "@/lib/scheduling";
import type { Sqlite } from "../../db";
import { dueCountsByDay, upcomingInterviewDates, type InterviewDate } from "../../store/interview-dates";
import { learnerSecondsPerReview, planOrigin, reviewBudget } from "./interview-date-view";

export interface PlannedSchedule {
  state: SchedState;
  /** the interview date that placed the review, when one did */
  interviewDateId: string | null;
  outcome: Placement["outcome"];
}

/** A card's topic column (JSON text, as the study queue keeps it), read only when a date is ahead. */
const topicText = z.string().transform((t) => z.array(z.string()).parse(JSON.parse(t)));

/**
 * What placing one card's reviews reads: the interviews ahead, and per interview its study day
 * and its calendar. Read on first use and kept, so the four ratings a study screen previews
 * read them once.
 */
export interface PlanReads {
  upcoming(): InterviewDate[];
  origin(interview: InterviewDate): Date;
  counts(interview: InterviewDate, cardId: string): Map<number, number>;
  /** the reviews a day the interview's budget allows (a budget in minutes at the learner's pace) */
  budget(interview: InterviewDate): number;
}

export function planReads(sqlite: Sqlite, now: Date): PlanReads {
  let upcoming: InterviewDate[] | undefined;
  const origins = new Map<string, Date>();
  const counts = new Map<string, Map<number, number>>();
  let seconds: number | undefined;
  const origin = (interview: InterviewDate) => {
    let o = origins.get(interview.id);
    if (!o) origins.set(interview.id, (o = planOrigin(sqlite, interview, now)));
    return o;
  };
  return {
    upcoming: () => (upcoming ??= upcomingInterviewDates(sqlite, now)),
    origin,
    counts: (interview, cardId) => {
      const key = `${interview.id}\u0000${cardId}`;
      let c = counts.get(key);
      if (!c) {
        const lastDay = dayOf(origin(interview), interview.at) - 1;
        c = lastDay >= 0 ? dueCountsByDay(sqlite, { scope: interview.scope, origin: origin(interview), lastDay, exceptCardId: cardId }) : new Map<number, number>();
        counts.set(key, c);
      }
      return c;
    },
    budget: (interview) => reviewBudget(interview, () => (seconds ??= learnerSecondsPerReview(sqlite))),
  };
}

export function plannedSchedule(
  sqlite: Sqlite,
  r: { card: { id: string; deckId: string; topic: string }; after: SchedState; now: Date; scheduler: Scheduler; maximumInterval: number; reads?: PlanReads },
): PlannedSchedule {
  let best: PlannedSchedule = { state: r.after, interviewDateId: null, outcome: "plain" };
  const reads = r.reads ?? planReads(sqlite, r.now);
  const upcoming = reads.upcoming();
  if (upcoming.length === 0) return best;
  const card = { deckId: r.card.deckId, topic: topicText.parse(r.card.topic) };
  for (const interview of upcoming) {
    if (!cardInScope(interview.scope, card)) continue;
    const origin = reads.origin(interview);
    const today = dayOf(origin, r.now);
    const counts = reads.counts(interview, r.card.id);
    const placement = placeReview({
      scheduler: r.scheduler,
      interview: { at: interview.at, target: interview.targetRecall },
      origin,
      state: r.after,
      now: r.now,
      // the card was just reviewed: its next review is on a later study day
      firstDay: today + 1,
      calendar: { load: (day) => counts.get(day) ?? 0 },
      budget: reads.budget(interview),
      maximumInterval: r.maximumInterval,
      seed: fuzzSeed(r.card.id, r.after),
    });
    if (placement.outcome === "plain" || placement.due.getTime() >= best.state.due.getTime()) continue;
    // with two interviews ahead, the one that needs the card soonest decides
    best = {
      state: { ...r.after, due: placement.due, scheduledDays: Math.max(0, dayOf(origin, placement.due) - today) },
      interviewDateId: interview.id,
      outcome: placement.outcome,
    };
  }
  return best;
}
