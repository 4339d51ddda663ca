/**
 * What the planning use cases share: an interview date as the API shows it, the grid of study
 * days its plan runs on, and the check that a scope names decks that exist.
 */
import { reviewsPerDay, secondsPerReview } from "@/lib/planning/budget";
import { dayOf } from "@/lib/planning/days";
import type { InterviewDateView, InterviewScope } from "@/lib/planning/schemas";
import { studyDayStart } from "@/lib/study-day";
import type { Sqlite } from "../../db";
import { ValidationError } from "../../errors";
import type { InterviewDate } from "../../store/interview-dates";
import { recentReviewDurations } from "../../store/reviews";
import { readSettings } from "../../store/settings";
import { all, sql } from "../../store/sql";

/**
 * The start of today's study day in the interview's time zone, with the user's rollover hour:
 * day 0 of the plan's grid, so "the day before the interview" is the user's day before it.
 */
export function planOrigin(sqlite: Sqlite, interview: Pick<InterviewDate, "timeZone">, now: Date): Date {
  return studyDayStart(now, interview.timeZone, readSettings(sqlite).rolloverHour);
}

/**
 * The reviews a day an interview's budget allows (infinite without one): minutes at the pace of
 * the learner's own recent reviews. `seconds` gives that pace and is called only for a budget in
 * minutes (the review path reads the pace only then, and once per rating).
 */
export function reviewBudget(d: Pick<InterviewDate, "dailyBudget" | "budgetUnit">, seconds: () => number): number {
  return reviewsPerDay(d.dailyBudget, d.budgetUnit, d.dailyBudget !== null && d.budgetUnit === "minutes" ? seconds() : 0);
}

/** Seconds one review takes this learner (their recent reviews' median, or the default with too few). */
export function learnerSecondsPerReview(sqlite: Sqlite): number {
  return secondsPerReview(recentReviewDurations(sqlite));
}

/** `seconds`: the learner's pace, read once by a caller that shows several dates. */
export function toView(sqlite: Sqlite, d: InterviewDate, now: Date, seconds = learnerSecondsPerReview(sqlite)): InterviewDateView {
  const past = d.at.getTime() <= now.getTime();
  const reviews = reviewBudget(d, () => seconds);
  return {
    id: d.id,
    label: d.label,
    at: d.at.toISOString(),
    timeZone: d.timeZone,
    scope: d.scope,
    targetRecall: d.targetRecall,
    dailyBudget: d.dailyBudget,
    budgetUnit: d.budgetUnit,
    budgetReviews: Number.isFinite(reviews) ? reviews : null,
    secondsPerReview: seconds,
    daysLeft: past ? 0 : dayOf(planOrigin(sqlite, d, now), d.at),
    past,
  };
}

/** A scope that names a deck there is not would cover nothing without saying so: a 400. */
export function checkScope(sqlite: Sqlite, scope: InterviewScope): void {
  if (scope === "all") return;
  const ids = [...new Set(scope.map((s) => s.deckId))];
  const known = new Set(all(sqlite, sql.selectFrom("Deck").select("id").where("id", "in", ids)).map((r) => r.id));
  const missing = ids.filter((id) => !known.has(id));
  if (missing.length > 0) throw new ValidationError(`no deck with id ${missing.join(", ")}`);
}
