import { describe, expect, it } from "vitest";
import { createScheduler, newCardState } from "@/lib/scheduling";
import { planInterview, type PlanRequest } from "@/lib/planning/plan";
import { newPace } from "@/lib/planning/simulate";
import type { ScopedCard } from "@/lib/planning/readiness";
import { ORIGIN, at, reviewCard } from "./fixtures";

const scheduler = createScheduler();
const news = (n: number): ScopedCard[] => Array.from({ length: n }, (_, i) => ({ id: `n${i}`, deckId: "d", topic: "t", state: newCardState(ORIGIN) }));

function request(over: Partial<PlanRequest>): PlanRequest {
  return {
    scheduler,
    options: {},
    cards: [{ id: "r", deckId: "d", topic: "t", state: reviewCard(10, 2) }],
    interview: { at: at(6, 2), target: 0.95 },
    now: ORIGIN,
    today: ORIGIN,
    newPerDayLimit: 20,
    reviewBudget: 100,
    ...over,
  };
}

describe("new cards' pace", () => {
  it("the cards left over the days left, rounded up, within the deck limit", () => {
    expect(newPace(30, 7, 20)).toEqual({ perDay: 5, fits: true });
    expect(newPace(300, 10, 20)).toEqual({ perDay: 20, fits: false });
    expect(newPace(0, 5, 20)).toEqual({ perDay: 0, fits: true });
  });
});

describe("planInterview", () => {
  it("a date in the past is plain FSRS: every card keeps its due, no forecast", () => {
    const plan = planInterview(request({ interview: { at: at(-1), target: 0.95 } }));
    expect(plan.mode).toBe("past");
    expect(plan.cards).toEqual([{ id: "r", due: reviewCard(10, 2).due, outcome: "plain" }]);
    expect(plan.forecast).toEqual([]);
  });

  it("no time left (the interview later today) is plain FSRS too", () => {
    expect(planInterview(request({ interview: { at: at(0, 6), target: 0.95 } })).mode).toBe("no-time");
  });

  it("brings the card forward, forecasts each day until the date, and the plan's readiness beats stopping now", () => {
    const plan = planInterview(request({}));
    expect(plan.mode).toBe("plan");
    expect(plan.daysLeft).toBe(6);
    expect(plan.cards[0]).toMatchObject({ outcome: "brought-forward" });
    expect(plan.forecast.map((d) => d.day)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(plan.forecast.reduce((n, d) => n + d.reviews, 0)).toBeGreaterThanOrEqual(1);
    expect(plan.readinessIfStopped).toBeCloseTo(0.91458592, 8);
    expect(plan.readinessWithPlan).toBeGreaterThanOrEqual(0.95);
    expect(plan.belowTarget).toEqual([]);
  });

  it("too many new cards for the deck limit: the pace is the limit, with a warning", () => {
    const plan = planInterview(request({ cards: news(200), newPerDayLimit: 10 }));
    expect(plan.newPerDay).toBe(10);
    expect(plan.newFits).toBe(false);
  });

  it("over the budget, the plan says which cards it leaves below target", () => {
    // 40 new cards, 5 reviews a day, 6 days: a Good card's first review is 2 days after it is
    // learnt (FSRS-6 defaults), so days 2 and 3 are full with the first reviews of days 0 and 1,
    // and day 5 with day 4's planned review: 15 cards learnt, 25 never seen (recall 0 on the day)
    const plan = planInterview(request({ cards: news(40), reviewBudget: 5 }));
    expect(plan.newPerDay).toBe(10);
    expect(plan.forecast.map((d) => d.newCards)).toEqual([5, 5, 0, 0, 5, 0]);
    expect(plan.forecast.map((d) => d.overBudget)).toEqual([true, true, true, true, true, true]);
    expect(plan.belowTarget.filter((c) => c.recall === 0)).toHaveLength(25);
  });
});
