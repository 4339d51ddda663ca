/**
 * A seeded simulation of study: a learner whose memory follows FSRS with the given parameters
 * studies a deck day by day, under a review budget, with plain FSRS (and the load balancer)
 * or with an interview plan (place-review.ts). It answers "what if" for desired retention and
 * new cards per day (reviews per day, cards known per day) and predicts readiness on an
 * interview day; with an always-Good learner it is the plan's workload forecast (plan.ts).
 * Everything random comes from the seed; the clock is the grid from `origin`.
 */
import { State } from "ts-fsrs";
import { createScheduler, fuzzSeed, newCardState, type RatingValue, type SchedState, type Scheduler } from "../scheduling";
import { seededRandom } from "../random";
import { DAY_MS, dayOf, dayStart } from "./days";
import { balanceInterval, type Calendar, type EasyDays } from "./load-balancer";
import { placeReview, type Interview, type Outcome } from "./place-review";

/** How the simulated learner rates: the first rating of a new card, then Hard/Good/Easy once recalled. */
export interface RatingOdds {
  /** Again, Hard, Good, Easy on a card's first review */
  first: readonly [number, number, number, number];
  /** Hard, Good, Easy when the card is recalled */
  recalled: readonly [number, number, number];
}

/** Anki's simulator defaults (fsrs-rs SimulatorConfig), for when no history says otherwise. */
export const ANKI_RATING_ODDS: RatingOdds = { first: [0.24, 0.094, 0.495, 0.171], recalled: [0.224, 0.632, 0.144] };

/** Rates a card reviewed at `at`, recalled with probability `recall`. */
export type Learner = (card: { state: SchedState; recall: number }, next: () => number) => RatingValue;

/** A learner drawn from rating odds: recalled with FSRS's predicted probability, then a rating by the odds. */
export function randomLearner(odds: RatingOdds = ANKI_RATING_ODDS): Learner {
  const draw = (weights: readonly number[], u: number): number => {
    const total = weights.reduce((a, b) => a + b, 0);
    let acc = 0;
    for (let i = 0; i < weights.length; i++) {
      acc += (weights[i] ?? 0) / total;
      if (u < acc) return i;
    }
    return weights.length - 1;
  };
  return ({ state, recall }, next) => {
    if (state.state === State.New) return (draw(odds.first, next()) + 1) as RatingValue;
    if (next() >= recall) return 1;
    return (draw(odds.recalled, next()) + 2) as RatingValue;
  };
}

/** The forecast's learner: every card recalled and rated Good (what a plan expects). */
export const goodLearner: Learner = () => 3;

export interface SimCard {
  id: string;
  state: SchedState;
}

export interface SimulationOptions {
  parameters?: readonly number[];
  desiredRetention: number;
  maximumInterval?: number;
  learningSteps?: readonly string[];
  relearningSteps?: readonly string[];
  /** cards with their states (new ones are introduced in this order), then this many more new ones */
  cards?: readonly SimCard[];
  newCards: number;
  /** new cards a day (the deck limit); with an interview, the plan's pace within it */
  newPerDay: number;
  /** reviews a day at most: due reviews and new cards; learning steps are never cut */
  reviewBudget: number;
  days: number;
  /** the start of day 0 (the first session's time) */
  origin: Date;
  seed: string;
  learner?: Learner;
  /** on by default, as in Anki */
  loadBalance?: boolean;
  easyDays?: EasyDays;
  /** the weekday (0 Monday … 6 Sunday) of a day of the grid: easy days need it */
  weekdayOf?: (day: number) => number;
  /** when given, the interview plan schedules (until the date) */
  interview?: Interview;
  /** readiness is also reported at this instant (the interview's, when there is one) */
  readinessAt?: Date;
}

export interface SimulationResult {
  /** ratings per day, learning steps included */
  reviewsPerDay: number[];
  newPerDay: number[];
  /** due reviews and new cards the budget sent to a later day */
  heldBackPerDay: number[];
  /** expected cards recalled at each day's end (sum of predicted recall; new cards 0) */
  knownPerDay: number[];
  totalReviews: number;
  /** mean predicted recall at readinessAt (or at the end), new cards 0 */
  readiness: number;
  /** days whose pace for new cards exceeded the deck limit (the plan could not fit them) */
  paceOverLimit: boolean;
  /** each card's final state and the plan's last word on it */
  cards: Array<SimCard & { outcome: Outcome | null }>;
}

/**
 * Days a new card rated Good takes to reach its first review (ts-fsrs, through the learning
 * steps): the plan finishes new cards that long before the date, so that each has had one
 * review, not only its first sight, by then.
 */
export function firstReviewDays(scheduler: Scheduler, at: Date): number {
  let s = scheduler.rate(newCardState(at), 3, at);
  while (s.state !== State.Review) s = scheduler.rate(s, 3, s.due);
  return s.scheduledDays;
}

/** The interview plan's pace: new cards left spread over the study days left, within the deck limit. */
export function newPace(newLeft: number, daysLeft: number, limit: number): { perDay: number; fits: boolean } {
  if (newLeft <= 0) return { perDay: 0, fits: true };
  const needed = daysLeft > 0 ? Math.ceil(newLeft / daysLeft) : newLeft;
  return { perDay: Math.min(limit, needed), fits: needed <= limit };
}

interface Slot {
  card: SimCard & { outcome: Outcome | null };
  /** the day its due is counted on, -1 for a new card not yet introduced */
  day: number;
}

export function simulate(o: SimulationOptions): SimulationResult {
  const maximumInterval = o.maximumInterval ?? 36500;
  const scheduler: Scheduler = createScheduler({
    requestRetention: o.desiredRetention,
    maximumInterval,
    enableFuzz: false,
    ...(o.parameters ? { parameters: o.parameters } : {}),
    ...(o.learningSteps ? { learningSteps: o.learningSteps } : {}),
    ...(o.relearningSteps ? { relearningSteps: o.relearningSteps } : {}),
  });
  const next = seededRandom(o.seed);
  const learner = o.learner ?? randomLearner();
  const loadBalance = o.loadBalance ?? true;
  const due = new Map<number, number>();
  const count = (day: number, by: number) => due.set(day, (due.get(day) ?? 0) + by);
  const slots: Slot[] = [];
  const fresh: Slot[] = [];
  for (const c of o.cards ?? []) {
    // a new card given waits its turn with the others, in the order given
    if (c.state.state === State.New) {
      fresh.push({ card: { ...c, outcome: null }, day: -1 });
      continue;
    }
    const slot: Slot = { card: { ...c, outcome: null }, day: Math.max(0, dayOf(o.origin, c.state.due)) };
    slots.push(slot);
    count(slot.day, 1);
  }
  for (let i = 0; i < o.newCards; i++) fresh.push({ card: { id: `new-${i}`, state: newCardState(o.origin), outcome: null }, day: -1 });
  const weekdayOf = o.weekdayOf;
  // the balancer counts days from the review's day; easy days weigh in when the weekdays are known
  const calendarFrom = (day: number): Calendar => ({
    load: (d: number) => due.get(day + d) ?? 0,
    ...(o.easyDays && weekdayOf ? { easyDays: o.easyDays, weekdayOf: (d: number) => weekdayOf(day + d) } : {}),
  });
  const gridCalendar = { load: (d: number) => due.get(d) ?? 0 };

  /** Where a card that just left its day goes: the plan's day, or FSRS's (balanced) interval. */
  const reschedule = (slot: Slot, at: Date, today: number) => {
    const s = slot.card.state;
    let dueAt = s.due;
    if (s.state === State.Review && loadBalance) {
      const ivl = balanceInterval({ interval: s.scheduledDays, elapsedDays: s.elapsedDays, maximumInterval, calendar: calendarFrom(today), seed: fuzzSeed(slot.card.id, s) });
      dueAt = new Date(at.getTime() + ivl * DAY_MS);
    }
    if (o.interview) {
      const placed = placeReview({
        scheduler,
        interview: o.interview,
        origin: o.origin,
        state: { ...s, due: dueAt },
        now: at,
        firstDay: today + 1,
        calendar: gridCalendar,
        budget: o.reviewBudget,
        maximumInterval,
        seed: fuzzSeed(slot.card.id, s),
      });
      slot.card.outcome = placed.outcome;
      dueAt = placed.due;
    }
    slot.card.state = { ...s, due: dueAt };
    slot.day = Math.max(today, dayOf(o.origin, dueAt));
    count(slot.day, 1);
  };

  const reviewsPerDay: number[] = [];
  const newPerDay: number[] = [];
  const heldBackPerDay: number[] = [];
  const knownPerDay: number[] = [];
  let paceOverLimit = false;
  const interviewDay = o.interview ? dayOf(o.origin, o.interview.at) : null;
  const reserve = firstReviewDays(scheduler, o.origin);
  for (let day = 0; day < o.days; day++) {
    const start = dayStart(o.origin, day);
    const end = dayStart(o.origin, day + 1);
    let ratings = 0;
    let budgetUsed = 0;
    let heldBack = 0;
    // due reviews first, oldest due first, as Anki shows them; a card still in its steps is never held back
    const today = slots.filter((s) => s.day === day && s.day >= 0).sort((a, b) => a.card.state.due.getTime() - b.card.state.due.getTime());
    const queue: Slot[] = [];
    for (const slot of today) {
      const stepping = slot.card.state.state === State.Learning || slot.card.state.state === State.Relearning;
      if (!stepping && budgetUsed >= o.reviewBudget) {
        // over the budget: it waits for tomorrow
        heldBack++;
        count(day, -1);
        slot.day = day + 1;
        count(slot.day, 1);
        continue;
      }
      if (!stepping) budgetUsed++;
      queue.push(slot);
    }
    const daysLeft = interviewDay !== null && interviewDay > day ? interviewDay - day : 0;
    const pace = o.interview && daysLeft > 0 ? newPace(fresh.length, daysLeft - reserve, o.newPerDay) : { perDay: o.newPerDay, fits: true };
    if (!pace.fits) paceOverLimit = true;
    let introduced = 0;
    while (introduced < pace.perDay && fresh.length > 0 && budgetUsed < o.reviewBudget) {
      const slot = fresh.shift()!;
      slot.card.state = newCardState(start);
      slot.day = day;
      count(day, 1);
      queue.push(slot);
      slots.push(slot);
      introduced++;
      budgetUsed++;
    }
    heldBack += Math.min(pace.perDay, fresh.length + introduced) - introduced;
    // the session: each card until it leaves the day (learning steps come back within it)
    let clock = start.getTime();
    const pending = [...queue];
    while (pending.length > 0) {
      pending.sort((a, b) => a.card.state.due.getTime() - b.card.state.due.getTime());
      const slot = pending.shift()!;
      const at = new Date(Math.max(clock, slot.card.state.due.getTime(), start.getTime()));
      clock = at.getTime();
      const s = slot.card.state;
      const rating = learner({ state: s, recall: scheduler.retrievability(s, at) }, next);
      slot.card.state = scheduler.rate(s, rating, at, slot.card.id);
      ratings++;
      if (slot.card.state.due.getTime() < end.getTime()) {
        pending.push(slot);
        continue;
      }
      count(day, -1);
      reschedule(slot, at, day);
    }
    reviewsPerDay.push(ratings);
    newPerDay.push(introduced);
    heldBackPerDay.push(heldBack);
    knownPerDay.push(slots.concat(fresh).reduce((sum, s) => sum + scheduler.retrievability(s.card.state, end), 0));
  }
  const at = o.readinessAt ?? o.interview?.at ?? dayStart(o.origin, o.days);
  const all = slots.concat(fresh);
  const readiness = all.length === 0 ? 0 : all.reduce((sum, s) => sum + scheduler.retrievability(s.card.state, at), 0) / all.length;
  return {
    reviewsPerDay,
    newPerDay,
    heldBackPerDay,
    knownPerDay,
    totalReviews: reviewsPerDay.reduce((a, b) => a + b, 0),
    readiness,
    paceOverLimit,
    cards: all.map((s) => s.card),
  };
}
