/**
 * The interview-day comparison (issue 16's proof): the same seeded learners study the same new
 * deck under the same budget with plain FSRS at two desired retentions and with the interview
 * plan; recall on the day and reviews spent, averaged over the learners. Used by
 * `npm run bench -- interview-day` and, smaller, by its unit test.
 */
import { DAY_MS } from "./days";
import { randomLearner, simulate, type RatingOdds, type SimulationOptions } from "./simulate";

export interface InterviewDaySetup {
  parameters?: readonly number[];
  odds: RatingOdds;
  newCards: number;
  /** study days; the interview is on the morning after the last */
  days: number;
  /** the deck's new-card limit */
  newPerDay: number;
  reviewBudget: number;
  target: number;
  /** how many seeded learners are averaged */
  seeds: number;
  seed: string;
}

export interface ComparisonRow {
  label: string;
  /** mean predicted recall at the interview (new cards 0) */
  recall: number;
  /** mean ratings over the horizon */
  reviews: number;
  /** the busiest day over all learners */
  maxPerDay: number;
  /** mean new cards introduced */
  newIntroduced: number;
}

export interface Comparison {
  plainLow: ComparisonRow;
  plainHigh: ComparisonRow;
  plan: ComparisonRow;
  rows: ComparisonRow[];
}

/** Day 0's session starts at 08:00 on a Monday; the interview is at 10:00 the day after the last study day. */
const ORIGIN = new Date("2026-03-02T08:00:00Z");
const INTERVIEW_HOUR_AFTER_SESSION = 2 * 3_600_000;

export function comparePlans(setup: InterviewDaySetup): Comparison {
  const interviewAt = new Date(ORIGIN.getTime() + setup.days * DAY_MS + INTERVIEW_HOUR_AFTER_SESSION);
  const run = (label: string, desiredRetention: number, withPlan: boolean): ComparisonRow => {
    let recall = 0;
    let reviews = 0;
    let maxPerDay = 0;
    let introduced = 0;
    for (let i = 0; i < setup.seeds; i++) {
      const options: SimulationOptions = {
        ...(setup.parameters ? { parameters: setup.parameters } : {}),
        desiredRetention,
        newCards: setup.newCards,
        newPerDay: setup.newPerDay,
        reviewBudget: setup.reviewBudget,
        days: setup.days,
        origin: ORIGIN,
        // the same learner (seed) in every arm, so the arms differ by the schedule alone
        seed: `${setup.seed}:${i}`,
        learner: randomLearner(setup.odds),
        readinessAt: interviewAt,
        ...(withPlan ? { interview: { at: interviewAt, target: setup.target } } : {}),
      };
      const r = simulate(options);
      recall += r.readiness;
      reviews += r.totalReviews;
      maxPerDay = Math.max(maxPerDay, ...r.reviewsPerDay);
      introduced += r.newPerDay.reduce((a, b) => a + b, 0);
    }
    return { label, recall: recall / setup.seeds, reviews: reviews / setup.seeds, maxPerDay, newIntroduced: introduced / setup.seeds };
  };
  const plainLow = run("plain FSRS, 90%", 0.9, false);
  const plainHigh = run("plain FSRS, 95%", 0.95, false);
  const plan = run(`plan, target ${Math.round(setup.target * 100)}%`, 0.9, true);
  return { plainLow, plainHigh, plan, rows: [plainLow, plainHigh, plan] };
}
