import { describe, expect, it } from "vitest";
import { comparePlans } from "@/lib/planning/compare";
import { ANKI_RATING_ODDS, randomLearner, simulate } from "@/lib/planning/simulate";
import { ORIGIN } from "./fixtures";

describe("the interview-day bench, small (npm run bench -- interview-day runs it at full size)", () => {
  it("the plan recalls more on the day than plain FSRS at 90% and spends fewer reviews than plain FSRS at 95%", () => {
    const r = comparePlans({ odds: ANKI_RATING_ODDS, newCards: 80, days: 10, newPerDay: 20, reviewBudget: 50, target: 0.9, seeds: 3, seed: "unit" });
    expect(r.plan.recall).toBeGreaterThan(r.plainLow.recall);
    expect(r.plan.reviews).toBeLessThan(r.plainHigh.reviews);
    // every arm studied the whole deck, so the comparison is not won by leaving cards out
    for (const row of r.rows) expect(row.newIntroduced).toBe(80);
  });

  it("the simulator is seeded: the same seed gives the same days, another seed other ones", () => {
    const run = (seed: string) => simulate({ desiredRetention: 0.9, newCards: 40, newPerDay: 10, reviewBudget: 40, days: 8, origin: ORIGIN, seed, learner: randomLearner() });
    const a = run("s1");
    expect(run("s1")).toEqual(a);
    expect(run("s2").reviewsPerDay).not.toEqual(a.reviewsPerDay);
    expect(a.newPerDay).toEqual([10, 10, 10, 10, 0, 0, 0, 0]);
    expect(a.totalReviews).toBe(a.reviewsPerDay.reduce((x, y) => x + y, 0));
  });
});
