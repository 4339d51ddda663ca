/**
 * The interview plan's rule for one card: where its next review goes so that recall at the
 * interview meets the target. Only a review that plain FSRS would put after the date, leaving
 * recall on the day below target, is brought forward, to the earliest study day from which one
 * review (rated Good) carries the card to the date at the target: the last review before the
 * date, at the moment that needs no other, not a cram the day before. Within the spread FSRS's
 * fuzz would allow after that day, the least loaded day under the budget is taken (the load
 * balancer's choice); when every such day is full the card is left below target. Recall and
 * the review's outcome come from ts-fsrs (lib/scheduling.ts).
 */
import { State } from "ts-fsrs";
import type { SchedState, Scheduler } from "../scheduling";
import { dayOf, dayStart } from "./days";
import { fuzzRange, pickDay, type Calendar } from "./load-balancer";

export interface Interview {
  /** the interview's instant */
  at: Date;
  /** recall wanted on the day, 0 to 1 */
  target: number;
}

export type Outcome =
  /** no interview ahead with a study day before it: plain FSRS */
  | "plain"
  /** recall on the day meets the target without another review */
  | "on-target"
  /** FSRS's own next review comes before the date; the plan looks again after it */
  | "kept"
  /** the next review moved to an earlier day so that recall on the day meets the target */
  | "brought-forward"
  /** it needed a review before the date, and every day it could go was over the budget */
  | "below-target"
  /** not even a review on the last day before the date reaches the target: reviewed then, as the best it can do */
  | "unreachable";

export interface PlacementRequest {
  scheduler: Scheduler;
  interview: Interview;
  /** the start of day 0 of the plan's grid (see days.ts) */
  origin: Date;
  /** the card after its latest rating */
  state: SchedState;
  /** when the placement is made: a review never goes before it */
  now: Date;
  /** the earliest day a review may go to (the day after the card's review, or today) */
  firstDay: number;
  /** cards due per day, for the budget and the load balancer */
  calendar: Calendar;
  /** reviews a day the user set; a day at it takes no review brought forward */
  budget: number;
  maximumInterval: number;
  /** the card's fuzz seed, so that the choice is the same every time */
  seed: string;
}

export interface Placement {
  due: Date;
  outcome: Outcome;
  /** predicted recall at the interview once this placement is followed (the review rated Good) */
  recallOnDay: number;
}

/** The last study day before the interview's own day, on the grid starting at `origin`. */
export function lastStudyDay(origin: Date, interview: Date): number {
  return dayOf(origin, interview) - 1;
}

export function placeReview(r: PlacementRequest): Placement {
  const { scheduler, interview, state } = r;
  const onDay = scheduler.retrievability(state, interview.at);
  const keep = (outcome: Outcome, recallOnDay = onDay): Placement => ({ due: state.due, outcome, recallOnDay });
  const last = lastStudyDay(r.origin, interview.at);
  if (interview.at.getTime() <= r.now.getTime() || last < r.firstDay) return keep("plain");
  // learning and relearning steps are minutes or hours: FSRS's steps stand, the plan takes over once the card graduates
  if (state.state !== State.Review) return keep("kept");
  if (onDay >= interview.target) return keep("on-target");
  if (dayOf(r.origin, state.due) <= last) return keep("kept");

  const reviewAt = (day: number) => new Date(Math.max(r.now.getTime(), dayStart(r.origin, day).getTime()));
  const recallAfter = (day: number) => expectedRecallAfterReview(scheduler, state, reviewAt(day), interview.at);
  let earliest: number | null = null;
  let best = { day: last, recall: -1 };
  for (let day = r.firstDay; day <= last; day++) {
    const recall = recallAfter(day);
    if (recall > best.recall) best = { day, recall };
    if (recall >= interview.target) {
      earliest = day;
      break;
    }
  }
  if (earliest === null) {
    if (r.calendar.load(best.day) >= r.budget) return keep("below-target");
    return { due: reviewAt(best.day), outcome: "unreachable", recallOnDay: best.recall };
  }
  // the spread fuzz would give an interval ending on the earliest day, kept before the interview's day
  const lastReviewDay = state.lastReview ? dayOf(r.origin, state.lastReview) : r.firstDay - 1;
  const interval = Math.max(1, earliest - lastReviewDay);
  const spread = fuzzRange(interval, interval, r.maximumInterval).max - interval;
  const open: number[] = [];
  for (let day = earliest; day <= Math.min(last, earliest + Math.max(0, spread)); day++) if (r.calendar.load(day) < r.budget) open.push(day);
  if (open.length === 0) return keep("below-target");
  const day = pickDay(open, r.calendar, r.seed);
  return { due: reviewAt(day), outcome: "brought-forward", recallOnDay: recallAfter(day) };
}

/**
 * Predicted recall at `at` after one review at `reviewAt`, counting that the review may fail:
 * recalled (rated Good) with FSRS's probability of recall then, forgotten (Again, then Good at
 * the relearning step) otherwise. A review placed where only its success reaches the target
 * would leave one card in (1 - R) short on the day.
 */
export function expectedRecallAfterReview(scheduler: Scheduler, state: SchedState, reviewAt: Date, at: Date): number {
  const p = scheduler.retrievability(state, reviewAt);
  const recalled = scheduler.retrievability(scheduler.rate(state, 3, reviewAt), at);
  const lapsed = scheduler.rate(state, 1, reviewAt);
  const relearned = lapsed.due.getTime() < at.getTime() ? scheduler.rate(lapsed, 3, lapsed.due) : lapsed;
  return p * recalled + (1 - p) * scheduler.retrievability(relearned, at);
}
