/**
 * Load balancing and easy days, after Anki 24.11 (rslib/src/scheduler/states/load_balancer.rs
 * and fuzz.rs). Within the range FSRS's fuzz could move an interval to, the card goes to the
 * day with the fewest cards due, so the daily load comes out even; easy days make chosen
 * weekdays lighter.
 *
 * One difference from Anki, on purpose: Anki 24.11 draws the day at random with weights
 * (1/cards)² × 1/interval, so a less loaded day is only more likely. Here the least loaded
 * day is taken, and the seed only breaks ties (drawn uniformly, as fuzz would): the day a
 * card goes to can be predicted and tested, and with an empty calendar the choice is plain fuzz.
 */
import { get_fuzz_range } from "ts-fsrs";
import { seededRandom } from "../random";

/** Anki's three easy-day settings: a normal day, a reduced one (about half), a minimum one. */
export type EasyDay = "normal" | "reduced" | "minimum";
/** Seven settings, Monday first (as Anki stores easy_days_percentages). */
export type EasyDays = readonly [EasyDay, EasyDay, EasyDay, EasyDay, EasyDay, EasyDay, EasyDay];
export const NORMAL_WEEK: EasyDays = ["normal", "normal", "normal", "normal", "normal", "normal", "normal"];

/** Anki's load modifiers; minimum is not 0 so that a week of minimum days still balances. */
const LOAD_MODIFIER: Record<EasyDay, number> = { normal: 1, reduced: 0.5, minimum: 0.0001 };

/** Anki balances intervals up to 90 days: further out, an even load matters little. */
export const MAX_BALANCED_INTERVAL = 90;

/**
 * Anki's calculate_easy_days_modifiers: a normal day stays open, a minimum day is (almost)
 * closed, and a reduced day is open only while its cards, doubled, stay under the other days'
 * cards per unit of their load. `weekdays[i]` (0 Monday) and `counts[i]` describe day i of the range.
 */
export function easyDayModifiers(easyDays: EasyDays, weekdays: readonly number[], counts: readonly number[]): number[] {
  const setting = (weekday: number): EasyDay => easyDays[weekday] ?? "normal";
  const total = counts.reduce((a, b) => a + b, 0);
  const totalLoad = weekdays.reduce((a, w) => a + LOAD_MODIFIER[setting(w)], 0);
  return weekdays.map((weekday, i) => {
    const day = setting(weekday);
    if (day !== "reduced") return LOAD_MODIFIER[day];
    const count = counts[i] ?? 0;
    const half = LOAD_MODIFIER.reduced;
    // a lone reduced day divides by zero: NaN or Infinity, and the comparison keeps it open, as in Anki
    const threshold = (total - count) / (totalLoad - half);
    return count / half > threshold ? LOAD_MODIFIER.minimum : LOAD_MODIFIER.normal;
  });
}

export interface Calendar {
  /** cards already due on a day (days from today) */
  load(day: number): number;
  /** the weekday of a day (0 Monday … 6 Sunday); needed only with easy days */
  weekdayOf?(day: number): number;
  easyDays?: EasyDays;
}

/**
 * The day of `days` with the least load, easy days weighing in; ties drawn with `seed`.
 * A day's load is (cards + 1) / modifier, so an empty minimum day still loses to a busy
 * normal one, and among days of one kind the fewest cards wins.
 */
export function pickDay(days: readonly number[], calendar: Calendar, seed: string): number {
  if (days.length === 0) throw new RangeError("pickDay needs at least one day");
  const counts = days.map((d) => calendar.load(d));
  const easyDays = calendar.easyDays;
  const weekdayOf = calendar.weekdayOf;
  const modifiers = easyDays && weekdayOf ? easyDayModifiers(easyDays, days.map(weekdayOf), counts) : days.map(() => 1);
  const scores = counts.map((c, i) => (c + 1) / (modifiers[i] ?? 1));
  const best = Math.min(...scores);
  const tied = days.filter((_, i) => scores[i] === best);
  return tied[Math.floor(seededRandom(seed)() * tied.length)] ?? tied[0]!;
}

/**
 * FSRS's fuzz range for an interval, from ts-fsrs (the same bounds Anki uses); no range below
 * 2.5 days, where neither fuzzes.
 */
export function fuzzRange(interval: number, elapsedDays: number, maximumInterval: number): { min: number; max: number } {
  if (interval < 2.5) {
    const days = Math.min(Math.max(1, Math.round(interval)), maximumInterval);
    return { min: days, max: days };
  }
  const { min_ivl, max_ivl } = get_fuzz_range(interval, elapsedDays, maximumInterval);
  return { min: min_ivl, max: max_ivl };
}

export interface BalanceRequest {
  /** the interval FSRS gives, in days, before fuzz */
  interval: number;
  /** days since the card's previous review */
  elapsedDays: number;
  maximumInterval: number;
  calendar: Calendar;
  /** the card's fuzz seed (lib/scheduling fuzzSeed), so a preview and the rating agree */
  seed: string;
  /**
   * The fewest days it may be: one more than the lower passing rating's balanced interval, so
   * Hard < Good < Easy holds after balancing as it does after fuzz (Anki's
   * constrain_passing_interval in rslib/src/scheduler/states/review.rs raises the range the same way).
   */
  minimum?: number;
}

/** The balanced interval in days: the least loaded day of the fuzz range (beyond 90 days, plain fuzz: a seeded day of the range). */
export function balanceInterval(r: BalanceRequest): number {
  const range = fuzzRange(r.interval, r.elapsedDays, r.maximumInterval);
  const min = Math.min(Math.max(range.min, r.minimum ?? 0), r.maximumInterval);
  const max = Math.max(range.max, min);
  const days: number[] = [];
  for (let d = min; d <= max; d++) days.push(d);
  const far = r.interval > MAX_BALANCED_INTERVAL || min > MAX_BALANCED_INTERVAL;
  return pickDay(days, far ? { load: () => 0 } : r.calendar, r.seed);
}
