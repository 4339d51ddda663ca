/**
 * The day grid a plan works on: day k starts at `origin` + k days (origin is the start of
 * today's study day, which the caller works out with lib/study-day.ts). Plans and forecasts
 * speak in these day numbers so that "the day before the interview" means the same thing to
 * the plan, the load balancer and the simulator.
 */
export const DAY_MS = 86_400_000;

export function dayOf(origin: Date, t: Date): number {
  return Math.floor((t.getTime() - origin.getTime()) / DAY_MS);
}

export function dayStart(origin: Date, day: number): Date {
  return new Date(origin.getTime() + day * DAY_MS);
}
