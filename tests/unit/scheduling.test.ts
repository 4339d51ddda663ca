import { describe, expect, it } from "vitest";
import { createScheduler, formatInterval, newCardState } from "../../lib/scheduling";

const NOW = new Date("2026-11-26T08:00:00Z");
const MIN = 60_000;
const DAY = 24 * 60 * MIN;

describe("scheduler (FSRS-6 defaults, no fuzz)", () => {
  const s = createScheduler();

  it("a new card previews the learning steps 1m / 6m / 10m and days for Easy", () => {
    const p = s.preview(newCardState(NOW), NOW);
    expect(p[1]).toBe(1 * MIN);
    expect(p[2]).toBe(6 * MIN);
    expect(p[3]).toBe(10 * MIN);
    expect(p[4]).toBeGreaterThanOrEqual(DAY);
  });

  it("rating Good twice graduates a new card to review with a due date in days", () => {
    const a = s.rate(newCardState(NOW), 3, NOW);
    expect(a.state).toBe(1);
    expect(a.due.getTime() - NOW.getTime()).toBe(10 * MIN);
    const t2 = new Date(a.due);
    const b = s.rate(a, 3, t2);
    expect(b.state).toBe(2);
    expect(b.reps).toBe(2);
    expect(b.scheduledDays).toBeGreaterThanOrEqual(1);
    expect(b.lastReview?.getTime()).toBe(t2.getTime());
  });

  it("Again on a review card is a lapse into relearning, due in 10 minutes", () => {
    let c = s.rate(newCardState(NOW), 4, NOW);
    expect(c.state).toBe(2);
    const later = new Date(c.due);
    c = s.rate(c, 1, later);
    expect(c.state).toBe(3);
    expect(c.lapses).toBe(1);
    expect(c.due.getTime() - later.getTime()).toBe(10 * MIN);
  });

  it("is deterministic for the same inputs", () => {
    const a = s.rate(s.rate(newCardState(NOW), 3, NOW), 3, new Date(NOW.getTime() + 10 * MIN));
    const b = s.rate(s.rate(newCardState(NOW), 3, NOW), 3, new Date(NOW.getTime() + 10 * MIN));
    expect(a).toEqual(b);
  });

  it("retrievability is 0 for new cards and falls with time for reviewed ones", () => {
    expect(s.retrievability(newCardState(NOW), NOW)).toBe(0);
    const c = s.rate(newCardState(NOW), 4, NOW);
    const soon = s.retrievability(c, new Date(NOW.getTime() + DAY));
    const late = s.retrievability(c, new Date(NOW.getTime() + 30 * DAY));
    expect(soon).toBeGreaterThan(late);
    expect(soon).toBeLessThanOrEqual(1);
  });
});

describe("formatInterval", () => {
  it.each([
    [0, "1m"],
    [30_000, "1m"],
    [10 * MIN, "10m"],
    [90 * MIN, "2h"],
    [DAY, "1d"],
    [12 * DAY, "12d"],
    [45 * DAY, "1.5mo"],
    [60 * DAY, "2mo"],
    [400 * DAY, "1.1y"],
  ])("%d ms is %s", (ms, label) => {
    expect(formatInterval(ms)).toBe(label);
  });
});
