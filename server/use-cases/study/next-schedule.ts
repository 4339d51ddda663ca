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
import { plannedSchedule, planReads } from "../planning/planned-schedule";
import { studyDayStartAt } from "./counts-today";

export interface RatedCard {
  id: string;
  deckId: string;
  /** JSON: the heading path (the interview scope reads it) */
  topic: string;
  schedule: SchedState;
}

/** Monday 0 … Sunday 6, of the instant in the zone. */
const weekdayFormats = new Map<string, Intl.DateTimeFormat>();
function weekdayIn(at: Date, timeZone: string): number {
  // a formatter is costly to build (a tenth of a rating's time, built per day asked): one per zone
  let format = weekdayFormats.get(timeZone);
  if (!format) weekdayFormats.set(timeZone, (format = new Intl.DateTimeFormat("en-US", { weekday: "short", timeZone })));
  const name = format.format(at);
  return ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(name);
}

/**
 * What one card's ratings all read: the settings, the study day, the preset's calendar over the
 * days any of them may land on. The study screen previews four ratings: read once, not four times.
 */
function balancerReads(sqlite: Sqlite, r: { card: RatedCard; now: Date; resolved: ResolvedOptions }, ranges: ReadonlyArray<{ min: number; max: number }>) {
  const settings = readSettings(sqlite);
  const origin = new Date(studyDayStartAt(sqlite, r.now, undefined));
  const balanced = ranges.filter((x) => x.min <= MAX_BALANCED_INTERVAL);
  // further out than Anki balances, the day is plain fuzz: no calendar to read
  const counts =
    balanced.length === 0
      ? new Map<number, number>()
      : presetDueCountsByDay(sqlite, {
          presetId: r.resolved.presetId,
          origin: origin.getTime(),
          fromDay: Math.min(...balanced.map((x) => x.min)),
          toDay: Math.max(...balanced.map((x) => x.max)),
          exceptCardId: r.card.id,
        });
  return { timeZone: settings.timeZone ?? "UTC", origin, counts };
}

/** Hard, Good, Easy: each passing rating's balanced interval is more than the one before it. */
const PASSING: readonly RatingValue[] = [2, 3, 4];

/**
 * Step 2 for each rating: the review's due on the least loaded day of its fuzz range (unchanged
 * when the balancer does not apply). A passing rating is placed after the lower ones (Hard before
 * Good before Easy), so they are balanced too even when not asked for: the rating alone lands
 * where the four buttons showed it.
 */
function balancedSchedules(sqlite: Sqlite, r: { card: RatedCard; now: Date; resolved: ResolvedOptions }, rated: ReadonlyMap<RatingValue, SchedState>): Map<RatingValue, SchedState> {
  const { resolved } = r;
  const out = new Map(rated);
  const unfuzzed = resolved.unfuzzed;
  if (!resolved.options.loadBalancer || unfuzzed === null) return out;
  const maximumInterval = resolved.options.maximumInterval;
  const highestPassing = Math.max(0, ...[...rated.keys()].filter((k) => PASSING.includes(k)));
  const involved = new Map(rated);
  for (const rating of PASSING) if (rating < highestPassing && !involved.has(rating)) involved.set(rating, resolved.scheduler.rate(r.card.schedule, rating, r.now, r.card.id));
  const reviews = [...involved].filter(([, s]) => s.state === State.Review).sort(([a], [b]) => a - b);
  if (reviews.length === 0) return out;
  // FSRS's interval before fuzz: the same memory state from the scheduler without it
  const planned = reviews.map(([rating, s]) => {
    const interval = unfuzzed.rate(r.card.schedule, rating, r.now, r.card.id).scheduledDays;
    return { rating, rated: s, interval, range: fuzzRange(interval, s.elapsedDays, maximumInterval) };
  });
  const reads = balancerReads(sqlite, r, planned.filter((p) => p.interval <= MAX_BALANCED_INTERVAL).map((p) => p.range));
  let previous = 0;
  for (const p of planned) {
    const inReach = p.interval <= MAX_BALANCED_INTERVAL && p.range.min <= MAX_BALANCED_INTERVAL;
    const passing = PASSING.includes(p.rating);
    const days = balanceInterval({
      interval: p.interval,
      elapsedDays: p.rated.elapsedDays,
      maximumInterval,
      seed: fuzzSeed(r.card.id, p.rated),
      minimum: passing && previous > 0 ? previous + 1 : undefined,
      calendar: {
        load: (day) => (inReach ? (reads.counts.get(day) ?? 0) : 0),
        // the middle of the study day, clear of the rollover hour
        weekdayOf: (day) => weekdayIn(new Date(dayStart(reads.origin, day).getTime() + DAY_MS / 2), reads.timeZone),
        easyDays: resolved.options.easyDays,
      },
    });
    if (passing) previous = days;
    if (rated.has(p.rating)) out.set(p.rating, { ...p.rated, due: new Date(r.now.getTime() + days * DAY_MS), scheduledDays: days });
  }
  return out;
}

/** The card's state after each of `ratings` at `now`: FSRS, then the load balancer, then the interview plan. */
export function nextSchedules(sqlite: Sqlite, r: { card: RatedCard; ratings: readonly RatingValue[]; now: Date; resolved: ResolvedOptions }): Map<RatingValue, SchedState> {
  const rated = new Map(r.ratings.map((rating) => [rating, r.resolved.scheduler.rate(r.card.schedule, rating, r.now, r.card.id)] as const));
  const balanced = balancedSchedules(sqlite, r, rated);
  const plan = planReads(sqlite, r.now);
  return new Map(
    [...balanced].map(([rating, after]) => [rating, plannedSchedule(sqlite, { card: r.card, after, now: r.now, scheduler: r.resolved.scheduler, maximumInterval: r.resolved.options.maximumInterval, reads: plan }).state] as const),
  );
}

/** The card's state after `rating` at `now`. */
export function nextSchedule(sqlite: Sqlite, r: { card: RatedCard; rating: RatingValue; now: Date; resolved: ResolvedOptions }): SchedState {
  return nextSchedules(sqlite, { ...r, ratings: [r.rating] }).get(r.rating)!;
}
