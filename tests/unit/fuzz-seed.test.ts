/**
 * Issue 12.1: the interval on a rating button is the one applied. With fuzz on, the fuzz is
 * seeded by the card id and its review count (fuzzSeed), never by the clock: the preview the
 * buttons show when a card appears and the review a few seconds (or minutes) later draw the
 * same fuzz, and an undo (the prior state back) shows the same buttons again.
 */
import { describe, expect, it } from "vitest";
import { createScheduler, formatInterval, fuzzSeed, newCardState, RATINGS, type RatingValue, type SchedState } from "../../lib/scheduling";
import { seededRandom } from "../../lib/random";

const START = new Date("2026-11-26T01:00:00Z");
const MIN = 60_000;
const DAY = 24 * 60 * MIN;

const fuzzy = createScheduler({ enableFuzz: true });

/** Card states reached by a seeded walk of ratings: new, learning, review and relearning, short and long intervals. */
function* cardStates(count: number): Generator<{ cardId: string; state: SchedState; now: Date }> {
  const rng = seededRandom("fuzz-walks");
  for (let c = 0; c < count; c++) {
    const cardId = `deck/card-${c}`;
    let now = START;
    let state = newCardState(now);
    const steps = Math.floor(rng() * 12);
    for (let i = 0; i < steps; i++) {
      const rating = (1 + Math.floor(rng() * 4)) as RatingValue;
      state = fuzzy.rate(state, rating, now, cardId);
      // the next review happens when due, or a little late; never before the last one
      const late = Math.floor(rng() * 3) * DAY;
      now = new Date(Math.max(now.getTime() + MIN, state.due.getTime() + late));
      // keep the review in the first hours of a UTC day: a preview just before midnight and a
      // review just after are a day apart, and the interval counts from the review's day
      now = new Date(Math.floor(now.getTime() / DAY) * DAY + 2 * 3600_000 + Math.floor(rng() * 3600_000));
    }
    yield { cardId, state, now };
  }
}

describe("fuzz decided once per card state", () => {
  it("the seed is the card id and its review count: not the time", () => {
    const s = newCardState(START);
    expect(fuzzSeed("a", s)).toBe("a:0");
    expect(fuzzSeed("a", { ...s, reps: 3 })).toBe("a:3");
  });

  it("over 400 seeded card states, each button's interval is the one its rating applies, seconds to minutes later", () => {
    const rng = seededRandom("think-time");
    let fuzzed = 0;
    for (const { cardId, state, now } of cardStates(400)) {
      const preview = fuzzy.preview(state, now, cardId);
      for (const rating of RATINGS) {
        // the user reads the card for up to ten minutes before rating it
        const ratedAt = new Date(now.getTime() + Math.floor(rng() * 10 * MIN));
        const after = fuzzy.rate(state, rating, ratedAt, cardId);
        const applied = after.due.getTime() - ratedAt.getTime();
        expect(formatInterval(applied), `${cardId} rating ${rating}`).toBe(formatInterval(preview[rating]));
        expect(applied).toBe(preview[rating]);
        if (after.scheduledDays >= 3) fuzzed++;
      }
    }
    // the walks reach intervals long enough to be fuzzed
    expect(fuzzed).toBeGreaterThan(300);
  });

  it("after an undo (the prior state restored), the buttons show what they showed before", () => {
    for (const { cardId, state, now } of cardStates(200)) {
      const before = fuzzy.preview(state, now, cardId);
      fuzzy.rate(state, 4, now, cardId); // rated, then undone: the stored prior state comes back
      const again = fuzzy.preview(structuredClone(state), new Date(now.getTime() + 30_000), cardId);
      expect(again).toEqual(before);
    }
  });

  it("the fuzz still spreads: cards with the same state get different intervals", () => {
    const state = fuzzy.rate(fuzzy.rate(newCardState(START), 4, START), 3, new Date(START.getTime() + 9 * DAY));
    const at = new Date(START.getTime() + 60 * DAY);
    const easy = new Set(Array.from({ length: 40 }, (_, i) => fuzzy.preview(state, at, `card-${i}`)[4]));
    expect(easy.size).toBeGreaterThan(3);
  });

  it("without fuzz, the card id changes nothing", () => {
    const plain = createScheduler();
    const s = plain.rate(newCardState(START), 4, START);
    const at = new Date(START.getTime() + 20 * DAY);
    expect(plain.preview(s, at, "x")).toEqual(plain.preview(s, at, "y"));
  });
});
