/**
 * The review heatmap's calendar, as GitHub and Anki draw it: one column per week, one row per
 * weekday (the week starting on the locale's first day), each month labelled above the column
 * of the week its first day falls in. Pure: days come in as study-day starts and are placed by
 * their calendar date in the user's time zone.
 */

/** The first day of the week, ISO numbering (1 = Monday, 7 = Sunday): Monday in Chinese, Sunday in (American) English. */
export const WEEK_START: Readonly<Record<string, 1 | 7>> = { zh: 1, en: 7 };

export function weekStart(locale: string): 1 | 7 {
  return WEEK_START[locale] ?? WEEK_START[locale.split("-")[0] ?? ""] ?? 1;
}

export interface CalendarCell {
  /** the day's calendar date in the time zone, YYYY-MM-DD */
  date: string;
  /** the study day's start (ISO), as the API gave it */
  start: string;
  count: number;
  /** column, from 0 */
  week: number;
  /** row, from 0: 0 is the week's first day */
  row: number;
  /** ISO weekday, 1 = Monday ... 7 = Sunday */
  weekday: number;
}

export interface MonthLabel {
  /** the column of the week the month's first day is in */
  week: number;
  year: number;
  /** 1 to 12 */
  month: number;
}

export interface CalendarLayout {
  cells: CalendarCell[];
  weeks: number;
  months: MonthLabel[];
}

const DAY = 86_400_000;

/** The calendar date of an instant in a time zone. */
export function localDate(at: Date, timeZone: string): { year: number; month: number; day: number } {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "numeric", day: "numeric" }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get("year"), month: get("month"), day: get("day") };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** Lays study days (consecutive, oldest first) out in weeks; `firstDay` is the week's first ISO weekday. */
export function calendarLayout(days: ReadonlyArray<{ start: string; count: number }>, timeZone: string, firstDay: 1 | 7): CalendarLayout {
  const cells: CalendarCell[] = [];
  let origin: number | null = null;
  for (const d of days) {
    const { year, month, day } = localDate(new Date(d.start), timeZone);
    const utc = Date.UTC(year, month - 1, day);
    const weekday = ((new Date(utc).getUTCDay() + 6) % 7) + 1;
    const row = (weekday - firstDay + 7) % 7;
    const dayNumber = Math.round(utc / DAY);
    // the first day's week starts `row` days before it
    origin ??= dayNumber - row;
    cells.push({ date: `${year}-${pad(month)}-${pad(day)}`, start: d.start, count: d.count, week: Math.floor((dayNumber - origin) / 7), row, weekday });
  }
  const weeks = cells.length > 0 ? cells[cells.length - 1]!.week + 1 : 0;
  const months: MonthLabel[] = [];
  for (const [i, c] of cells.entries()) {
    const [year, month, day] = c.date.split("-").map(Number) as [number, number, number];
    if (day === 1 || i === 0) months.push({ week: c.week, year, month });
  }
  // a month the calendar starts late in is labelled only when its label has room (two weeks) before the next
  if (months.length > 1 && months[1]!.week - months[0]!.week < 2 && !cells[0]!.date.endsWith("-01")) months.shift();
  return { cells, weeks, months };
}
