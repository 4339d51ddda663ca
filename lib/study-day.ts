/**
 * Study days, as in Anki: a day starts at a rollover hour (default 4 am) in the user's time
 * zone, so a late-night session still counts for the evening's day. Time zones go through
 * @date-fns/tz; nothing here assumes UTC or the server's zone.
 */
import { TZDate } from "@date-fns/tz";
import { addDays, startOfDay } from "date-fns";

export const DEFAULT_ROLLOVER_HOUR = 4;

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** When the study day containing `now` started. */
export function studyDayStart(now: Date, timeZone: string, rolloverHour = DEFAULT_ROLLOVER_HOUR): Date {
  const local = new TZDate(now.getTime(), timeZone);
  let start = startOfDay(local);
  start.setHours(rolloverHour);
  if (start.getTime() > now.getTime()) {
    start = startOfDay(addDays(local, -1));
    start.setHours(rolloverHour);
  }
  return new Date(start.getTime());
}

/** When the next study day starts (what "bury until tomorrow" means). */
export function nextStudyDayStart(now: Date, timeZone: string, rolloverHour = DEFAULT_ROLLOVER_HOUR): Date {
  const start = new TZDate(studyDayStart(now, timeZone, rolloverHour).getTime(), timeZone);
  const next = startOfDay(addDays(start, 1));
  next.setHours(rolloverHour);
  return new Date(next.getTime());
}
