/**
 * The interview plan for the cards in scope: where each card's next review goes now
 * (place-review.ts), the pace for new cards, and the daily workload until the date, forecast
 * by the simulator with a learner who recalls every card (what the plan counts on). When the
 * forecast runs over the budget, the cards left below target are listed. With the date past,
 * or no study day left before it, the plan is plain FSRS: every card keeps its due.
 */
import { State } from "ts-fsrs";
import { fuzzSeed, type SchedState, type Scheduler, type SchedulerOptions } from "../scheduling";
import { dayOf, dayStart } from "./days";
import type { EasyDays } from "./load-balancer";
import { lastStudyDay, placeReview, type Interview, type Outcome } from "./place-review";
import { readiness, type ScopedCard } from "./readiness";
import { firstReviewDays, goodLearner, newPace, simulate } from "./simulate";

export interface PlanRequest {
  scheduler: Scheduler;
  /** the same options the scheduler was made with (the forecast makes its own) */
  options: SchedulerOptions;
  cards: readonly ScopedCard[];
  interview: Interview;
  now: Date;
  /** the start of today's study day (lib/study-day.ts studyDayStart) */
  today: Date;
  /** the deck's new cards a day */
  newPerDayLimit: number;
  /** the reviews a day the user is willing to do */
  reviewBudget: number;
  easyDays?: EasyDays;
}

export interface PlannedCard {
  id: string;
  due: Date;
  outcome: Outcome;
}

export interface ForecastDay {
  /** days from today */
  day: number;
  /** ratings, learning steps included */
  reviews: number;
  newCards: number;
  /** due reviews and new cards the budget left for a later day */
  heldBack: number;
  overBudget: boolean;
}

/** Mean predicted recall over the cards in scope (new cards 0) at one instant, both ways. */
export interface ProjectionPoint {
  at: Date;
  /** following the plan (the forecast's learner, who recalls every card) */
  withPlan: number;
  /** studying nothing more: each card's forgetting curve from its state now */
  ifStopped: number;
}

export interface Plan {
  mode: "plan" | "past" | "no-time";
  /** study days before the interview's day, today included */
  daysLeft: number;
  cards: PlannedCard[];
  /** new cards a day from today, and whether the deck limit lets them all in before the date */
  newPerDay: number;
  newFits: boolean;
  forecast: ForecastDay[];
  /** readiness on the day if one stops studying now, and if one follows the plan */
  readinessIfStopped: number;
  readinessWithPlan: number;
  /** cards the forecast leaves under the target on the day, with their predicted recall */
  belowTarget: Array<{ id: string; recall: number }>;
  /** now, the end of each study day left, and the interview: the two ways to the day, as a chart draws them */
  projection: ProjectionPoint[];
}

export function planInterview(r: PlanRequest): Plan {
  const { scheduler, interview } = r;
  const daysLeft = lastStudyDay(r.today, interview.at) + 1;
  const stopped = readiness(scheduler, r.cards, interview.at).recall;
  const newLeft = r.cards.filter((c) => c.state.state === State.New).length;
  const plain = (mode: Plan["mode"]): Plan => ({
    mode,
    daysLeft: Math.max(0, daysLeft),
    cards: r.cards.map((c) => ({ id: c.id, due: c.state.due, outcome: "plain" })),
    newPerDay: r.newPerDayLimit,
    newFits: true,
    forecast: [],
    readinessIfStopped: stopped,
    readinessWithPlan: stopped,
    belowTarget: [],
    projection: [],
  });
  if (interview.at.getTime() <= r.now.getTime()) return plain("past");
  if (daysLeft < 1) return plain("no-time");

  const load = new Map<number, number>();
  for (const c of r.cards) if (c.state.state !== State.New) load.set(Math.max(0, dayOf(r.today, c.state.due)), (load.get(Math.max(0, dayOf(r.today, c.state.due))) ?? 0) + 1);
  const calendar = { load: (d: number) => load.get(d) ?? 0, ...(r.easyDays ? { easyDays: r.easyDays } : {}) };
  const cards: PlannedCard[] = r.cards.map((c) => {
    if (c.state.state === State.New) return { id: c.id, due: c.state.due, outcome: "kept" };
    const placed = placeReview({
      scheduler,
      interview,
      origin: r.today,
      state: c.state,
      now: r.now,
      firstDay: 0,
      calendar,
      budget: r.reviewBudget,
      maximumInterval: r.options.maximumInterval ?? 36500,
      seed: fuzzSeed(c.id, c.state),
    });
    if (placed.due.getTime() !== c.state.due.getTime()) move(load, dayOf(r.today, c.state.due), dayOf(r.today, placed.due));
    return { id: c.id, due: placed.due, outcome: placed.outcome };
  });

  const pace = newPace(newLeft, daysLeft - firstReviewDays(scheduler, r.now), r.newPerDayLimit);
  const planned = new Map(cards.map((c) => [c.id, c.due]));
  const forecast = simulate({
    ...(r.options.parameters ? { parameters: r.options.parameters } : {}),
    desiredRetention: r.options.requestRetention ?? 0.9,
    ...(r.options.maximumInterval !== undefined ? { maximumInterval: r.options.maximumInterval } : {}),
    ...(r.options.learningSteps ? { learningSteps: r.options.learningSteps } : {}),
    ...(r.options.relearningSteps ? { relearningSteps: r.options.relearningSteps } : {}),
    cards: r.cards.map((c) => ({ id: c.id, state: withDue(c.state, planned.get(c.id)) })),
    newCards: 0,
    newPerDay: r.newPerDayLimit,
    reviewBudget: r.reviewBudget,
    days: daysLeft,
    origin: r.today,
    seed: "forecast",
    learner: goodLearner,
    ...(r.easyDays ? { easyDays: r.easyDays } : {}),
    interview,
  });
  const belowTarget = forecast.cards
    .map((c) => ({ id: c.id, recall: scheduler.retrievability(c.state, interview.at) }))
    .filter((c) => c.recall < interview.target);
  const n = r.cards.length;
  const meanNow = (at: Date) => (n === 0 ? 0 : r.cards.reduce((sum, c) => sum + scheduler.retrievability(c.state, at), 0) / n);
  const projection: ProjectionPoint[] = [
    { at: r.now, withPlan: meanNow(r.now), ifStopped: meanNow(r.now) },
    ...forecast.knownPerDay.map((known, day) => {
      const at = dayStart(r.today, day + 1);
      return { at, withPlan: n === 0 ? 0 : known / n, ifStopped: meanNow(at) };
    }),
    { at: interview.at, withPlan: forecast.readiness, ifStopped: stopped },
  ];
  return {
    mode: "plan",
    daysLeft,
    cards,
    newPerDay: pace.perDay,
    newFits: pace.fits,
    forecast: forecast.reviewsPerDay.map((reviews, day) => {
      const heldBack = forecast.heldBackPerDay[day] ?? 0;
      return { day, reviews, newCards: forecast.newPerDay[day] ?? 0, heldBack, overBudget: heldBack > 0 };
    }),
    readinessIfStopped: stopped,
    readinessWithPlan: forecast.readiness,
    belowTarget,
    projection,
  };
}

function move(load: Map<number, number>, from: number, to: number): void {
  const a = Math.max(0, from);
  const b = Math.max(0, to);
  load.set(a, (load.get(a) ?? 1) - 1);
  load.set(b, (load.get(b) ?? 0) + 1);
}

function withDue(state: SchedState, due: Date | undefined): SchedState {
  return due ? { ...state, due } : state;
}
