import { describe, expect, it } from "vitest";
import { DEFAULT_SECONDS_PER_REVIEW, reviewsPerDay, secondsPerReview } from "@/lib/planning/budget";

describe("a daily budget in reviews or minutes", () => {
  it("the learner's pace is the median of their timed reviews, a review left open counting as two minutes", () => {
    const durations = [...Array.from({ length: 19 }, () => 6_000), 8_000, 3_600_000];
    // 21 timed: the median is the 11th, 6 s; the hour-long one is clamped, not averaged in
    expect(secondsPerReview(durations)).toBe(6);
    expect(secondsPerReview([...Array.from({ length: 10 }, () => 4_000), ...Array.from({ length: 10 }, () => 9_000)])).toBe(6.5);
  });

  it("too few timed reviews (and untimed ones) give the default pace", () => {
    expect(secondsPerReview(Array.from({ length: 19 }, () => 3_000))).toBe(DEFAULT_SECONDS_PER_REVIEW);
    expect(secondsPerReview([...Array.from({ length: 30 }, () => null), 5_000])).toBe(DEFAULT_SECONDS_PER_REVIEW);
  });

  it("minutes become whole reviews at that pace, at least one; reviews stay; no budget is no limit", () => {
    expect(reviewsPerDay(20, "minutes", 10)).toBe(120);
    expect(reviewsPerDay(1, "minutes", 7)).toBe(8);
    expect(reviewsPerDay(1, "minutes", 90)).toBe(1);
    expect(reviewsPerDay(35, "reviews", 10)).toBe(35);
    expect(reviewsPerDay(null, "minutes", 10)).toBe(Number.POSITIVE_INFINITY);
  });
});
