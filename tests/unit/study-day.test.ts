import { describe, expect, it } from "vitest";
import { isValidTimeZone, nextStudyDayStart, studyDayStart } from "../../lib/study-day";

describe("study days roll over at 4 am in the user's time zone", () => {
  it.each([
    // Shanghai is UTC+8, no DST
    ["Asia/Shanghai", "2026-11-26T10:00:00Z", "2026-11-25T20:00:00.000Z", "2026-11-26T20:00:00.000Z"], // 18:00 local
    ["Asia/Shanghai", "2026-11-26T19:30:00Z", "2026-11-25T20:00:00.000Z", "2026-11-26T20:00:00.000Z"], // 03:30 local next day: still the 26th's study day
    ["Asia/Shanghai", "2026-11-26T20:00:00Z", "2026-11-26T20:00:00.000Z", "2026-11-27T20:00:00.000Z"], // exactly 04:00 local
    // New York is UTC-5 in November
    ["America/New_York", "2026-11-26T10:00:00Z", "2026-11-26T09:00:00.000Z", "2026-11-27T09:00:00.000Z"], // 05:00 local
    ["America/New_York", "2026-11-26T08:59:00Z", "2026-11-25T09:00:00.000Z", "2026-11-26T09:00:00.000Z"], // 03:59 local
    // the spring-forward night: 4 am local is UTC-4 after the change on 2026-03-08
    ["America/New_York", "2026-03-08T12:00:00Z", "2026-03-08T08:00:00.000Z", "2026-03-09T08:00:00.000Z"],
    ["UTC", "2026-11-26T03:00:00Z", "2026-11-25T04:00:00.000Z", "2026-11-26T04:00:00.000Z"],
  ])("in %s at %s the day started %s and the next starts %s", (tz, now, start, next) => {
    expect(studyDayStart(new Date(now), tz).toISOString()).toBe(start);
    expect(nextStudyDayStart(new Date(now), tz).toISOString()).toBe(next);
  });

  it("honours another rollover hour", () => {
    expect(nextStudyDayStart(new Date("2026-11-26T10:00:00Z"), "Asia/Shanghai", 0).toISOString()).toBe("2026-11-26T16:00:00.000Z");
  });

  it("validates time zone names", () => {
    expect(isValidTimeZone("Asia/Shanghai")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
  });
});
