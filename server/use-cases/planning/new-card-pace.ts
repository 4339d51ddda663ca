/**
 * New cards at the plan's pace (issue 16): until an interview, a deck it covers introduces the
 * new cards in its scope at lib/planning's newPace, the cards left spread over the study days
 * left (less the days a new card needs to reach its first review, so each has been reviewed
 * once by the day), within the deck's limit. The same rule plan.ts forecasts with, here on the
 * study path (the queue and its counts) and for the warning when they cannot all fit.
 */
import { lastStudyDay } from "@/lib/planning/place-review";
import type { InterviewScope } from "@/lib/planning/schemas";
import { firstReviewDays, newPace } from "@/lib/planning/simulate";
import type { Scheduler } from "@/lib/scheduling";
import type { Sqlite } from "../../db";
import { optionsForDeck } from "../../deck-settings";
import { countNewInScope, type InterviewDate, upcomingInterviewDates } from "../../store/interview-dates";
import { fallbackOptions } from "../study/study-card";
import { planOrigin } from "./interview-date-view";

/** Study days left for new cards: before the interview's day, less the days to a first review. */
function daysForNew(sqlite: Sqlite, interview: InterviewDate, now: Date, scheduler: Scheduler): number {
  return lastStudyDay(planOrigin(sqlite, interview, now), interview.at) + 1 - firstReviewDays(scheduler, now);
}

const covers = (scope: InterviewScope, deckId: string) => scope === "all" || scope.some((s) => s.deckId === deckId);

export interface DeckNewLimit {
  /** new cards the deck introduces today, those already introduced included */
  perDay: number;
  /** the scopes of the interviews setting the pace, whose new cards go first */
  scopes: InterviewScope[];
}

/**
 * Today's new-card limit of a deck. `newDone`, the new cards it introduced today, counts among
 * those left, so the pace is the one the day started with and does not fall as they are studied.
 * With two interviews ahead, the one that needs the faster pace sets it.
 */
export function deckNewLimit(sqlite: Sqlite, r: { deckId: string; deckLimit: number; newDone: number; now: Date }): DeckNewLimit {
  const plain = { perDay: r.deckLimit, scopes: [] };
  const upcoming = upcomingInterviewDates(sqlite, r.now).filter((d) => covers(d.scope, r.deckId));
  if (upcoming.length === 0) return plain;
  const scheduler = (optionsForDeck(sqlite, r.deckId) ?? fallbackOptions()).scheduler;
  let best: DeckNewLimit | null = null;
  for (const d of upcoming) {
    const left = countNewInScope(sqlite, { scope: d.scope, deckId: r.deckId });
    if (left === 0) continue;
    const pace = newPace(left + r.newDone, daysForNew(sqlite, d, r.now, scheduler), r.deckLimit);
    if (!best || pace.perDay > best.perDay) best = { perDay: pace.perDay, scopes: [d.scope] };
    else if (pace.perDay === best.perDay) best.scopes.push(d.scope);
  }
  return best ?? plain;
}

export interface InterviewNewPace {
  newLeft: number;
  /** new cards a day the plan introduces over the decks in scope */
  perDay: number;
  /** the decks' limits added up */
  limit: number;
  /** false: at the decks' limits they cannot all be introduced and reviewed once before the date */
  fits: boolean;
}

/** The pace for an interview's new cards over all the decks it covers, for the warning on home and /stats. */
export function interviewNewPace(sqlite: Sqlite, interview: InterviewDate, decks: readonly string[], newLeft: number, now: Date): InterviewNewPace {
  const resolved = decks.map((id) => optionsForDeck(sqlite, id) ?? fallbackOptions());
  const limit = resolved.reduce((sum, o) => sum + o.options.newPerDay, 0);
  const scheduler = (resolved[0] ?? fallbackOptions()).scheduler;
  const pace = newPace(newLeft, daysForNew(sqlite, interview, now, scheduler), limit);
  return { newLeft, perDay: pace.perDay, limit, fits: pace.fits };
}
