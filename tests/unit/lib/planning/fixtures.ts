import { State } from "ts-fsrs";
import type { SchedState } from "@/lib/scheduling";

export const DAY = 86_400_000;
/** day 0 of the grid: a Monday, 08:00 UTC */
export const ORIGIN = new Date("2026-03-02T08:00:00Z");
export const at = (days: number, hours = 0) => new Date(ORIGIN.getTime() + days * DAY + hours * 3_600_000);

/** A review card of stability `stability` last reviewed `daysAgo` days before day 0, due when FSRS (90%, no fuzz) put it. */
export function reviewCard(stability: number, daysAgo: number, interval = Math.round(stability)): SchedState {
  const lastReview = at(-daysAgo);
  return {
    due: new Date(lastReview.getTime() + interval * DAY),
    stability,
    difficulty: 5,
    elapsedDays: 0,
    scheduledDays: interval,
    learningSteps: 0,
    reps: 3,
    lapses: 0,
    state: State.Review,
    lastReview,
  };
}
