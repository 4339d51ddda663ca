/**
 * Issue item 10: the heatmap was 365 cells in rows of seven from whatever weekday the window
 * began on, with no month labels. The calendar puts each day in its weekday's row and its
 * week's column, the week starting on the locale's first day, and labels months.
 */
import { describe, expect, it } from "vitest";
import { calendarLayout, weekStart } from "@/lib/calendar";

/** Study days starting at 4 am in Shanghai (20:00 UTC the day before), from `first` for `n` days. */
function days(first: string, n: number) {
  const t0 = Date.parse(`${first}T04:00:00+08:00`);
  return Array.from({ length: n }, (_, i) => ({ start: new Date(t0 + i * 86_400_000).toISOString(), count: i % 3 }));
}

describe("calendarLayout", () => {
  it("puts 2024's days in weekday rows, Monday first in Chinese: 1 January 2024 was a Monday", () => {
    const { cells, weeks, months } = calendarLayout(days("2024-01-01", 366), "Asia/Shanghai", weekStart("zh"));
    expect(cells).toHaveLength(366);
    expect(cells[0]).toMatchObject({ date: "2024-01-01", week: 0, row: 0, weekday: 1 });
    // Sunday 7 January ends the first week; Monday 8 January starts the second
    expect(cells[6]).toMatchObject({ date: "2024-01-07", week: 0, row: 6, weekday: 7 });
    expect(cells[7]).toMatchObject({ date: "2024-01-08", week: 1, row: 0 });
    expect(cells.at(-1)).toMatchObject({ date: "2024-12-31", weekday: 2, row: 1 });
    expect(weeks).toBe(53);
    // each cell's row is its weekday's, whatever its column
    expect(cells.every((c) => c.row === c.weekday - 1)).toBe(true);
    expect(months.map((m) => m.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    // 1 March 2024, a Friday: in the ninth week (Monday 26 February)
    expect(months[2]).toEqual({ week: 8, year: 2024, month: 3 });
  });

  it("starts the week on Sunday in English: 1 January 2024 is in the second row", () => {
    const { cells, weeks } = calendarLayout(days("2024-01-01", 366), "Asia/Shanghai", weekStart("en"));
    expect(cells[0]).toMatchObject({ row: 1, week: 0 });
    expect(cells[6]).toMatchObject({ date: "2024-01-07", row: 0, week: 1 });
    expect(cells.every((c) => c.row === c.weekday % 7)).toBe(true);
    expect(weeks).toBe(53);
  });

  it("labels a month the window starts late in only when there is room before the next label", () => {
    // from Saturday 28 December 2024: December has one column, January's label takes it
    const late = calendarLayout(days("2024-12-28", 40), "Asia/Shanghai", 1);
    expect(late.months.map((m) => m.month)).toEqual([1, 2]);
    // from Tuesday 3 December 2024: December is labelled, four columns before January
    const early = calendarLayout(days("2024-12-03", 40), "Asia/Shanghai", 1);
    expect(early.months.map((m) => [m.month, m.week])).toEqual([
      [12, 0],
      [1, 4],
    ]);
  });

  it("dates days in the time zone, not UTC: a study day starting at 20:00 UTC is the next calendar day in Shanghai", () => {
    const { cells } = calendarLayout([{ start: "2024-03-09T20:00:00.000Z", count: 1 }], "Asia/Shanghai", 1);
    expect(cells[0]).toMatchObject({ date: "2024-03-10", weekday: 7 });
  });
});
