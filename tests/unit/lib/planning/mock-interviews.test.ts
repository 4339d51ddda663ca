import { describe, expect, it } from "vitest";
import { MAX_MOCK_INTERVIEWS, mockInterviewDays } from "@/lib/planning/mock-interviews";

describe("mock interviews before an interview date", () => {
  it("the last two days before the interview, the earlier ones 3, 6, 12 days before it", () => {
    // 30 study days left: the interview is on day 30, the last study day is 29
    expect(mockInterviewDays(30)).toEqual([7, 19, 25, 28]);
    expect(mockInterviewDays(10)).toEqual([5, 8]);
    expect(mockInterviewDays(6)).toEqual([1, 4]);
  });

  it("never before today, never more than four", () => {
    expect(mockInterviewDays(3)).toEqual([1]);
    expect(mockInterviewDays(2)).toEqual([0]);
    // tomorrow's interview: today's rehearsal is the only one left
    expect(mockInterviewDays(1)).toEqual([0]);
    for (let d = 1; d <= 400; d++) {
      const days = mockInterviewDays(d);
      expect(days.length).toBeLessThanOrEqual(MAX_MOCK_INTERVIEWS);
      expect(days[0]).toBeGreaterThanOrEqual(0);
      expect(days.at(-1)).toBe(Math.max(0, d - 2));
      expect([...days].sort((a, b) => a - b)).toEqual(days);
    }
  });

  it("none when no study day is left (the date is today or past)", () => {
    expect(mockInterviewDays(0)).toEqual([]);
    expect(mockInterviewDays(-3)).toEqual([]);
  });
});
