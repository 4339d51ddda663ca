import { describe, expect, it } from "vitest";
import { fsrs, generatorParameters, Rating, type Card } from "ts-fsrs";
import { createScheduler } from "@/lib/scheduling";
import { placeReview, type PlacementRequest } from "@/lib/planning/place-review";
import { DAY, ORIGIN, at, reviewCard } from "./fixtures";

const scheduler = createScheduler();
const empty = { load: () => 0 };

function request(over: Partial<PlacementRequest>): PlacementRequest {
  return {
    scheduler,
    interview: { at: at(6, 2), target: 0.95 },
    origin: ORIGIN,
    state: reviewCard(10, 2),
    now: at(0),
    firstDay: 0,
    calendar: empty,
    budget: 100,
    maximumInterval: 36500,
    seed: "card:3",
    ...over,
  };
}

/** The same card as ts-fsrs sees it, to work out the expected values apart from lib/scheduling. */
const f = fsrs(generatorParameters({ enable_fuzz: false }));
const asFsrs = (): Card => {
  const s = reviewCard(10, 2);
  return { due: s.due, stability: 10, difficulty: 5, elapsed_days: 0, scheduled_days: 10, learning_steps: 0, reps: 3, lapses: 0, state: 2, last_review: s.lastReview! };
};
/** recall at the interview after a review on `day`: recalled (Good), or forgotten (Again, then Good at the relearning step) */
function expectedAfter(day: number): number {
  const card = asFsrs();
  const t = at(day);
  const p = f.get_retrievability(card, t, false);
  const good = f.next(card, t, Rating.Good).card;
  const again = f.next(card, t, Rating.Again).card;
  const relearned = f.next(again, again.due, Rating.Good).card;
  return p * f.get_retrievability(good, at(6, 2), false) + (1 - p) * f.get_retrievability(relearned, at(6, 2), false);
}

describe("the plan's rule for one card (stability 10, last review 2 days before day 0, interview on day 6 at 10:00)", () => {
  it("next due after the date with recall on the day below target: brought forward to the first day one review reaches it", () => {
    // without a review: R(8 days, S 10) = 0.9146 < 0.95, and FSRS's due (day 8) is after the date
    // a review on day 0 would give 0.9474 (0.9524 if surely recalled: a Good-only rule would take day 0), day 1 gives 0.9573
    expect(expectedAfter(0)).toBeLessThan(0.95);
    expect(expectedAfter(1)).toBeGreaterThanOrEqual(0.95);
    // fuzz spread for the 3-day interval ending on day 1 is 1 day: days 1 and 2; day 2 is busier
    const placed = placeReview(request({ calendar: { load: (d) => (d === 2 ? 3 : 0) } }));
    expect(placed.outcome).toBe("brought-forward");
    expect(placed.due).toEqual(at(1));
    expect(placed.recallOnDay).toBeCloseTo(expectedAfter(1), 10);
    expect(placed.recallOnDay).toBeCloseTo(0.9573, 4);
  });

  it("the busier day 1 sends it to day 2, still within the spread", () => {
    expect(placeReview(request({ calendar: { load: (d) => (d === 1 ? 3 : 0) } })).due).toEqual(at(2));
  });

  it("already above target on the day: left alone", () => {
    const state = reviewCard(10, 2);
    const placed = placeReview(request({ state, interview: { at: at(6, 2), target: 0.9 } }));
    expect(placed).toEqual({ due: state.due, outcome: "on-target", recallOnDay: 0.91458592 });
  });

  it("no study day left before the interview: plain FSRS", () => {
    const state = reviewCard(10, 2);
    expect(placeReview(request({ state, interview: { at: at(0, 6), target: 0.95 } }))).toMatchObject({ due: state.due, outcome: "plain" });
  });

  it("a date in the past: plain FSRS", () => {
    const state = reviewCard(10, 2);
    expect(placeReview(request({ state, interview: { at: new Date(ORIGIN.getTime() - DAY), target: 0.95 } }))).toMatchObject({ due: state.due, outcome: "plain" });
  });

  it("FSRS's own review comes before the date: kept, the plan looks again after it", () => {
    const state = reviewCard(4, 0);
    expect(placeReview(request({ state })).outcome).toBe("kept");
    expect(placeReview(request({ state })).due).toEqual(at(4));
  });

  it("every day it could go is at the budget: left below target", () => {
    const state = reviewCard(10, 2);
    expect(placeReview(request({ state, calendar: { load: () => 100 } }))).toMatchObject({ due: state.due, outcome: "below-target" });
  });
});
