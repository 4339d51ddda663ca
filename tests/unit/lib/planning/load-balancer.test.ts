import { describe, expect, it } from "vitest";
import { balanceInterval, easyDayModifiers, fuzzRange, NORMAL_WEEK, pickDay, type EasyDays } from "@/lib/planning/load-balancer";

/** cards due per day (days from today) */
const loads = (counts: Record<number, number>) => ({ load: (d: number) => counts[d] ?? 0 });
// today is a Monday (weekday 0), so day d falls on weekday d % 7
const weekdayOf = (d: number) => d % 7;

describe("fuzz range (ts-fsrs, as Anki)", () => {
  it("10 days: 1 + 0.15 × 4.5 + 0.1 × 3 = 1.975 either side, so 8 to 12", () => {
    expect(fuzzRange(10, 10, 36500)).toEqual({ min: 8, max: 12 });
  });
  it("no range under 2.5 days", () => {
    expect(fuzzRange(2, 2, 36500)).toEqual({ min: 2, max: 2 });
  });
});

describe("load balancer", () => {
  const busy = { 8: 5, 9: 3, 10: 4, 11: 2, 12: 6 };

  it("takes the least loaded day of the fuzz range, whatever the seed", () => {
    for (const seed of ["a", "b", "card-1:3"]) expect(balanceInterval({ interval: 10, elapsedDays: 10, maximumInterval: 36500, calendar: loads(busy), seed })).toBe(11);
  });

  it("never leaves the fuzz range, even for an empty day just outside it", () => {
    expect(balanceInterval({ interval: 10, elapsedDays: 10, maximumInterval: 36500, calendar: loads({ ...busy, 7: 0, 13: 0 }), seed: "x" })).toBe(11);
  });

  it("a minimum (one more than Hard's day, for Good) takes the range's days below it away", () => {
    expect(balanceInterval({ interval: 10, elapsedDays: 10, maximumInterval: 36500, calendar: loads(busy), seed: "m", minimum: 12 })).toBe(12);
    // above the whole range: that one day
    expect(balanceInterval({ interval: 10, elapsedDays: 10, maximumInterval: 36500, calendar: loads(busy), seed: "m", minimum: 14 })).toBe(14);
    // below the range: no effect
    expect(balanceInterval({ interval: 10, elapsedDays: 10, maximumInterval: 36500, calendar: loads(busy), seed: "m", minimum: 3 })).toBe(11);
  });

  it("breaks ties with the seed: the same seed, the same day", () => {
    const tie = loads({ 8: 1, 9: 1, 10: 1, 11: 1, 12: 1 });
    const first = balanceInterval({ interval: 10, elapsedDays: 10, maximumInterval: 36500, calendar: tie, seed: "card-7:2" });
    expect(first).toBeGreaterThanOrEqual(8);
    expect(first).toBeLessThanOrEqual(12);
    for (let i = 0; i < 5; i++) expect(balanceInterval({ interval: 10, elapsedDays: 10, maximumInterval: 36500, calendar: tie, seed: "card-7:2" })).toBe(first);
    // over many seeds the tie is spread over the whole range, as fuzz would
    const seen = new Set(Array.from({ length: 200 }, (_, i) => balanceInterval({ interval: 10, elapsedDays: 10, maximumInterval: 36500, calendar: tie, seed: `s${i}` })));
    expect([...seen].sort((a, b) => a - b)).toEqual([8, 9, 10, 11, 12]);
  });
});

describe("easy days (Anki 24.11)", () => {
  const week = (day: number, setting: "reduced" | "minimum"): EasyDays => NORMAL_WEEK.map((s, i) => (i === day ? setting : s)) as unknown as EasyDays;

  it("a minimum day is avoided even when it is the least loaded", () => {
    // day 11 is a Friday (weekday 4): set it to minimum, day 9 (3 cards) is next
    expect(balanceInterval({ interval: 10, elapsedDays: 10, maximumInterval: 36500, calendar: { ...loads({ 8: 5, 9: 3, 10: 4, 11: 2, 12: 6 }), weekdayOf, easyDays: week(4, "minimum") }, seed: "x" })).toBe(9);
  });

  it("a reduced day stays open while its cards, doubled, are under the other days' mean", () => {
    // day 11 reduced with 2 cards: 2 / 0.5 = 4, others (5 + 3 + 4 + 6) / 4 = 4.5: open, and least loaded
    const light = { 8: 5, 9: 3, 10: 4, 11: 2, 12: 6 };
    expect(easyDayModifiers(week(4, "reduced"), [8, 9, 10, 11, 12].map(weekdayOf), [5, 3, 4, 2, 6])).toEqual([1, 1, 1, 1, 1]);
    expect(balanceInterval({ interval: 10, elapsedDays: 10, maximumInterval: 36500, calendar: { ...loads(light), weekdayOf, easyDays: week(4, "reduced") }, seed: "x" })).toBe(11);
    // with 3 cards: 3 / 0.5 = 6 > (5 + 4 + 4 + 6) / 4 = 4.75: closed, so of the open days 9 and 10 have the fewest
    expect(easyDayModifiers(week(4, "reduced"), [8, 9, 10, 11, 12].map(weekdayOf), [5, 4, 4, 3, 6])).toEqual([1, 1, 1, 0.0001, 1]);
    const chosen = balanceInterval({ interval: 10, elapsedDays: 10, maximumInterval: 36500, calendar: { ...loads({ 8: 5, 9: 4, 10: 4, 11: 3, 12: 6 }), weekdayOf, easyDays: week(4, "reduced") }, seed: "x" });
    expect([9, 10]).toContain(chosen);
  });

  it("when every day of the range is minimum, the load still decides", () => {
    const allMinimum = NORMAL_WEEK.map(() => "minimum") as unknown as EasyDays;
    expect(pickDay([8, 9, 10, 11, 12], { ...loads({ 8: 5, 9: 3, 10: 4, 11: 2, 12: 6 }), weekdayOf, easyDays: allMinimum }, "x")).toBe(11);
  });
});
