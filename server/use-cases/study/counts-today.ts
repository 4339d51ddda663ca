/**
 * A deck's cards left today with its daily limits applied: the study screen's counts (the
 * queue) and home's (the deck list). Until an interview that covers the deck, its new cards
 * come at the plan's pace within the deck's limit (planning/new-card-pace.ts).
 */
import type { StudyCounts } from "@/lib/api-schemas";
import { isValidTimeZone, studyDayStart } from "@/lib/study-day";
import type { Sqlite } from "../../db";
import { readSettings } from "../../store/settings";
import { deckNewLimit } from "../planning/new-card-pace";
import { COUNT_CAP, countLearning, countNew, countReview, reviewsDoneToday } from "../../store/study-queue";

const DAY_MS = 24 * 3600 * 1000;

/** When today's study day started (epoch ms): the rollover hour in the stored time zone, else the browser's, else UTC. */
export function studyDayStartAt(sqlite: Sqlite, at: Date, browserTimeZone: string | undefined): number {
  const settings = readSettings(sqlite);
  const timeZone = settings.timeZone ?? (browserTimeZone && isValidTimeZone(browserTimeZone) ? browserTimeZone : "UTC");
  return studyDayStart(at, timeZone, settings.rolloverHour).getTime();
}

export function countsToday(sqlite: Sqlite, deckId: string, deckOptions: { newPerDay: number; reviewsPerDay: number }, now: Date, dayStart: number) {
  const at = { deckId, now: now.getTime() };
  const done = reviewsDoneToday(sqlite, { deckId, dayStart });
  const pace = deckNewLimit(sqlite, { deckId, deckLimit: deckOptions.newPerDay, newDone: done.newDone, now });
  const newLeft = Math.max(0, pace.perDay - done.newDone);
  const reviewLeft = Math.max(0, deckOptions.reviewsPerDay - done.reviewDone);
  const counts: StudyCounts = {
    learning: countLearning(sqlite, { ...at, until: dayStart + DAY_MS }),
    review: reviewLeft > 0 ? countReview(sqlite, { ...at, cap: Math.min(reviewLeft, COUNT_CAP) }) : 0,
    new: newLeft > 0 ? countNew(sqlite, { ...at, cap: Math.min(newLeft, COUNT_CAP) }) : 0,
  };
  return { counts, newLeft, reviewLeft, paceScopes: pace.scopes };
}
