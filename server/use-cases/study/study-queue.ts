/** What to study next in a deck, with the day's counts: the study screen's queue. */
import type { StudyCard, StudyCounts } from "@/lib/api-schemas";
import { db as defaultDb, type Db } from "../../db";
import { NotFoundError } from "../../errors";
import { optionsForDeck } from "../../deck-settings";
import { nextNewInScopes } from "../../store/interview-dates";
import { nextDueAt, nextLearningCard, nextNewCard, nextReviewCard } from "../../store/study-queue";
import { countsToday, studyDayStartAt } from "./counts-today";
import { planDue, toStudyCard } from "./study-card";

/** Learning cards due within this much are shown when nothing else is left (Anki's learn-ahead limit). */
const LEARN_AHEAD_MS = 20 * 60 * 1000;

export interface StudyQueue {
  card: StudyCard | null;
  /** cards left today: learning, review (within the daily limit) and new (within the daily limit) */
  counts: StudyCounts;
  /** when the next learning or review card falls due, when nothing is due now */
  nextDueAt: string | null;
  /** the deck asks cloze and basic cards as typed answers */
  typedAnswers: boolean;
}

export interface StudyQueueOptions {
  deckId: string;
  now?: Date;
  /** the user's IANA time zone (the browser's); the stored setting wins when there is one */
  timeZone?: string;
  db?: Db;
}

/**
 * What to study next in a deck, as Anki orders it: learning cards, then reviews within the
 * day's review limit, then new cards within the day's new limit, then learning cards due
 * within 20 minutes. The study day starts at the rollover hour in the user's time zone. Until an
 * interview covering the deck, the new limit is the plan's pace (counts-today.ts).
 */
export async function studyQueue(options: StudyQueueOptions): Promise<StudyQueue> {
  const { sqlite } = options.db ?? defaultDb();
  const now = options.now ?? new Date();
  const resolved = optionsForDeck(sqlite, options.deckId);
  if (!resolved) throw new NotFoundError(`no deck with id ${options.deckId}`);
  const { options: deckOptions, scheduler } = resolved;
  const dayStart = studyDayStartAt(sqlite, now, options.timeZone);

  const at = { deckId: options.deckId, now: now.getTime() };
  const { counts, newLeft, reviewLeft, paceScopes } = countsToday(sqlite, options.deckId, deckOptions, now, dayStart);
  // with an interview ahead covering some of the deck's topics, its new cards come first
  const nextNew = () => nextNewInScopes(sqlite, { scopes: paceScopes, deckId: options.deckId, now: at.now }) ?? nextNewCard(sqlite, at, deckOptions.newOrder);
  const card =
    nextLearningCard(sqlite, at) ??
    (reviewLeft > 0 ? nextReviewCard(sqlite, at) : undefined) ??
    (newLeft > 0 ? nextNew() : undefined) ??
    nextLearningCard(sqlite, { ...at, now: at.now + LEARN_AHEAD_MS });
  const typedAnswers = deckOptions.typedAnswers;
  if (card) return { card: toStudyCard(card, now, scheduler, planDue(sqlite, card, now, resolved)), counts, nextDueAt: null, typedAnswers };
  const nextDue = nextDueAt(sqlite, at);
  return { card: null, counts, nextDueAt: nextDue === null ? null : new Date(nextDue).toISOString(), typedAnswers };
}
