/**
 * Where a rating puts a card, the one rule the rating (record-review.ts) and the study buttons'
 * preview (study-card.ts) both apply, so a button shows exactly the interval its rating gives:
 *
 * 1. FSRS rates the card (ts-fsrs, with fuzz): the memory state, always kept as it is;
 * 2. with the preset's load balancer on (Anki 24.11; it needs fuzz, as Anki's does), a review's
 *    due goes to the least loaded day of the fuzz range around FSRS's own interval, among the
 *    preset's decks' cards, easy days weighing in (lib/planning/load-balancer.ts), seeded by the
 *    card's fuzz seed, so that it is the same day each time it is asked;
 * 3. an interview ahead whose scope holds the card may bring that due forward (planned-schedule.ts).
 */
import { State } from "ts-fsrs";
import { DAY_MS, dayStart } from "@/lib/planning/days";
import { balanceInterval, fuzzRange, MAX_BALANCED_INTERVAL } from "@/lib/planning/load-balancer";
import { fuzzSeed, type RatingValue, type SchedState } from "@/lib/scheduling";
import type { Sqlite } from "../../db";
import type { ResolvedOptions } from "../../deck-settings";
import { readSettings } from "../../store/settings";
import { presetDueCountsByDay } from "../../store/study-queue";
import { plannedSchedule } from "../planning/planned-schedule";
import { studyDayStartAt } from "./counts-today";

export interface RatedCard {
  id: string;
  deckId: string;
  /** JSON: the heading path (the interview scope reads it) */
  topic: string;
  schedule: SchedState;
}

/** Monday 0 … Sunday 6, of the instant in the zone. */
function weekdayIn(at: Date, timeZone: string): number {
  const name = new Intl.DateTimeFormat("en-US", { weekday: "short", timeZone }).format(at);
  return ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(name);
}

/** Step 2: the review's due on the least loaded day of its fuzz range (unchanged when the balancer does not apply). */
export function balancedSchedule(sqlite: Sqlite, r: { card: RatedCard; rating: RatingValue; rated: SchedState; now: Date; resolved: ResolvedOptions }): SchedState {
  const { rated, resolved } = r;
  if (!resolved.options.loadBalancer || resolved.unfuzzed === null || rated.state !== State.Review) return rated;
  // FSRS's interval before fuzz: the same memory state from the scheduler without it
  const interval = resolved.unfuzzed.rate(r.card.schedule, r.rating, r.now, r.card.id).scheduledDays;
  const maximumInterval = resolved.options.maximumInterval;
  const range = fuzzRange(interval, rated.elapsedDays, maximumInterval);
  const settings = readSettings(sqlite);
  const timeZone = settings.timeZone ?? "UTC";
  const origin = new Date(studyDayStartAt(sqlite, r.now, undefined));
  // further out than Anki balances, the day is plain fuzz: no calendar to read
  const counts =
    interval <= MAX_BALANCED_INTERVAL && range.min <= MAX_BALANCED_INTERVAL
      ? presetDueCountsByDay(sqlite, { presetId: resolved.presetId, origin: origin.getTime(), fromDay: range.min, toDay: range.max, exceptCardId: r.card.id })
      : new Map<number, number>();
  const days = balanceInterval({
    interval,
    elapsedDays: rated.elapsedDays,
    maximumInterval,
    seed: fuzzSeed(r.card.id, rated),
    calendar: {
      load: (day) => counts.get(day) ?? 0,
      // the middle of the study day, clear of the rollover hour
      weekdayOf: (day) => weekdayIn(new Date(dayStart(origin, day).getTime() + DAY_MS / 2), timeZone),
      easyDays: resolved.options.easyDays,
    },
  });
  return { ...rated, due: new Date(r.now.getTime() + days * DAY_MS), scheduledDays: days };
}

/** The card's state after `rating` at `now`: FSRS, then the load balancer, then the interview plan. */
export function nextSchedule(sqlite: Sqlite, r: { card: RatedCard; rating: RatingValue; now: Date; resolved: ResolvedOptions }): SchedState {
  const rated = r.resolved.scheduler.rate(r.card.schedule, r.rating, r.now, r.card.id);
  const balanced = balancedSchedule(sqlite, { ...r, rated });
  return plannedSchedule(sqlite, { card: r.card, after: balanced, now: r.now, scheduler: r.resolved.scheduler, maximumInterval: r.resolved.options.maximumInterval }).state;
}
