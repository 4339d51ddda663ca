/**
 * Anki's progress to ours: revlog rows to reviews, a card's scheduling to its FSRS state, decks
 * to deck groups, and the study flags (suspended, buried, flag). Pure: `now` and the scheduler
 * are passed in.
 *
 * - A revlog row with a rating (ease 1-4) of type learn, review, relearn or filtered is a review;
 *   manual and rescheduled rows (ease 0, no recall) are not.
 * - The memory state is the one Anki stored (`cards.data`: `s`, `d`) when it used FSRS, and
 *   otherwise the one ts-fsrs reaches by replaying the card's reviews. The replay also gives
 *   each review its before and after state, as a review recorded here has.
 * - The due is Anki's own, so a card comes due when Anki would have shown it.
 */
import { z } from "zod";
import { newCardState, type RatingValue, type Scheduler, type SchedState } from "../scheduling";
import type { AnkiCard, AnkiRevlog } from "./types";

export interface MappedReview {
  /** the revlog row's id (epoch ms), the key that makes importing again add nothing */
  revlogId: number;
  rating: RatingValue;
  reviewedAt: number;
  durationMs: number | null;
  /** the card's state before the review, as Anki's revlog type says it (0 new, 1 learning, 2 review, 3 relearning) */
  prevState: number;
  before: SchedState;
  after: SchedState;
}

export interface MappedSchedule {
  state: SchedState;
  reviews: MappedReview[];
  suspended: boolean;
  /** epoch ms, or null */
  buriedUntil: number | null;
  /** 0-4; Anki's flags 5-7 have no colour here */
  flag: number;
  /** the deck Anki files the card under (its home deck when it sits in a filtered deck) */
  deckId: number;
}

const REVIEW_TYPES = new Set([0, 1, 2, 3]);

/** Whether a revlog row is a recall to import (see the file comment). */
export function isReview(row: AnkiRevlog): boolean {
  return row.ease >= 1 && row.ease <= 4 && REVIEW_TYPES.has(row.type);
}

const DAY_MS = 86_400_000;

/** Anki's FSRS memory state in `cards.data` (absent before Anki 23.10 or with FSRS off). */
const cardDataSchema = z.object({ s: z.number().positive().finite().optional(), d: z.number().min(1).max(10).optional(), lrt: z.number().positive().optional() }).loose();

export function memoryState(data: string): { stability: number; difficulty: number; lastReview: number | null } | null {
  let raw: unknown;
  try {
    raw = JSON.parse(data === "" ? "{}" : data);
  } catch {
    return null;
  }
  const parsed = cardDataSchema.safeParse(raw);
  if (!parsed.success || parsed.data.s === undefined || parsed.data.d === undefined) return null;
  return { stability: parsed.data.s, difficulty: parsed.data.d, lastReview: parsed.data.lrt !== undefined ? parsed.data.lrt * 1000 : null };
}

/** When Anki has the card due, in epoch ms (`crt`: the collection's first day, seconds). */
export function ankiDue(card: AnkiCard, crt: number, now: number): number {
  const due = card.odid !== 0 && card.odue !== 0 ? card.odue : card.due;
  if (card.type === 0) return now;
  // intraday learning: a timestamp in seconds
  if (card.queue === 1 || card.queue === 4 || ((card.type === 1 || card.type === 3) && due > 1_000_000_000)) return due * 1000;
  // review and day learning: a day number counted from the collection's first day
  return crt * 1000 + due * DAY_MS;
}

/** Anki's next day boundary after `now`, which unburies cards. */
export function nextAnkiDay(crt: number, now: number): number {
  const start = crt * 1000;
  return start + (Math.floor((now - start) / DAY_MS) + 1) * DAY_MS;
}

/**
 * One card's schedule and reviews. `revlog` is the card's rows (any order); `cardId` is our id
 * (it seeds the scheduler's fuzz, as a review recorded here would).
 */
export function mapSchedule(options: { card: AnkiCard; revlog: readonly AnkiRevlog[]; crt: number; now: number; scheduler: Scheduler; cardId: string }): MappedSchedule {
  const { card, crt, now, scheduler, cardId } = options;
  const rows = options.revlog.filter(isReview).sort((a, b) => a.id - b.id);
  const reviews: MappedReview[] = [];
  let state: SchedState | null = null;
  for (const row of rows) {
    const before: SchedState = state ?? newCardState(new Date(row.id));
    const after = scheduler.rate(before, row.ease as RatingValue, new Date(row.id), cardId);
    const prevState = row.type === 1 ? 2 : row.type === 2 ? 3 : before.state;
    reviews.push({ revlogId: row.id, rating: row.ease as RatingValue, reviewedAt: row.id, durationMs: row.time > 0 ? row.time : null, prevState, before, after });
    state = after;
  }

  let final: SchedState;
  if (card.type === 0 || state === null) {
    // new in Anki (never studied, or forgotten with "reset"): new here, whatever its history
    final = { ...newCardState(new Date(now)), reps: card.type === 0 ? 0 : card.reps, lapses: card.type === 0 ? 0 : card.lapses };
    if (card.type !== 0) {
      // studied in Anki but no recall in its history (imported without revlog): Anki's due, no memory yet
      final = { ...final, state: card.type, due: new Date(ankiDue(card, crt, now)), scheduledDays: Math.max(0, card.ivl) };
    }
  } else {
    const memory = memoryState(card.data);
    const last = rows[rows.length - 1]!.id;
    final = {
      ...state,
      stability: memory?.stability ?? state.stability,
      difficulty: memory?.difficulty ?? state.difficulty,
      lastReview: new Date(memory?.lastReview ?? last),
      due: new Date(ankiDue(card, crt, now)),
      state: card.type,
      scheduledDays: Math.max(0, card.ivl),
      reps: card.reps,
      lapses: card.lapses,
      learningSteps: card.type === 1 || card.type === 3 ? state.learningSteps : 0,
    };
  }
  const flag = card.flags & 7;
  return {
    state: final,
    reviews,
    suspended: card.queue === -1,
    buriedUntil: card.queue === -2 || card.queue === -3 ? nextAnkiDay(crt, now) : null,
    flag: flag <= 4 ? flag : 0,
    deckId: card.odid !== 0 ? card.odid : card.did,
  };
}

/** Characters a deck id (a path, in URLs and file names) cannot hold. */
const UNSAFE = /[/\\?#%*:"<>|\u0000-\u001f]/gu;

/** The prefix of every deck that came from Anki: no content file may claim one. */
export const ANKI_DECK_PREFIX = "anki/";

/**
 * An Anki deck name ("Interview::Networking", or schema 18's "Interview\x1fNetworking") to our
 * deck: its id (a path under anki/), its group (the parent decks, as a folder path) and its title.
 */
export function mapDeckName(name: string): { id: string; groupPath: string; title: string } {
  const levels = name
    .split(/::|\u001f/u)
    .map((l) => l.trim())
    .filter((l) => l !== "");
  if (levels.length === 0) levels.push("Default");
  const slugs = levels.map((l) => l.replace(UNSAFE, "-").replace(/^\.+/u, "-").slice(0, 80));
  return { id: ANKI_DECK_PREFIX + slugs.join("/"), groupPath: ["anki", ...slugs.slice(0, -1)].join("/"), title: levels[levels.length - 1]! };
}
