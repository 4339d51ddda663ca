/**
 * The study loop's use cases. The hot path (nextCard, recordReview) runs prepared
 * statements on the raw SQLite connection; see server/db.ts.
 */
import { formatInterval, stateFromRow, STATE_NAMES, type RatingValue, type SchedRow, type SchedState, type Scheduler } from "@/lib/scheduling";
import { isValidTimeZone, studyDayStart } from "@/lib/study-day";
import { db as defaultDb, type Db, type Sqlite } from "../db";
import { ConflictError, NotFoundError } from "../errors";
import { optionsForCard, optionsForDeck, readSettings, resolveOptions } from "../deck-settings";
import { countUndecided } from "../store/curations";
import { saveSchedule } from "../store/cards";
import { IMPORTED_HISTORY_DECK_ID } from "./import-history";
import type { StudyCard, StudyCounts } from "@/lib/api-schemas";

/** Learning cards due within this much are shown when nothing else is left (Anki's learn-ahead limit). */
const LEARN_AHEAD_MS = 20 * 60 * 1000;
/** Counts stop here (the screen shows "999+"): counting costs grow with the count. */
export const COUNT_CAP = 1000;
const DAY_MS = 24 * 3600 * 1000;

export interface CardRow extends SchedRow {
  id: string;
  deckId: string;
  kind: string;
  topic: string;
  prompt: string;
  answer: string;
  promptHtml: string;
  answerHtml: string;
  data: string;
  retired: number;
}

/** Not suspended and not buried at @now. */
const STUDYABLE = "suspended = 0 AND (buriedUntil IS NULL OR buriedUntil <= @now)";

const CARD_COLUMNS = `id, deckId, kind, topic, prompt, answer, promptHtml, answerHtml, data, retired, due, stability,
  difficulty, elapsedDays, scheduledDays, learningSteps, reps, lapses, state, lastReview`;

/** Prepared statements, made once per connection. */
export function statements(sqlite: Sqlite) {
  const cache = sqlite as Sqlite & { __mianshi?: ReturnType<typeof prepare> };
  cache.__mianshi ??= prepare(sqlite);
  return cache.__mianshi;
}

function prepare(sqlite: Sqlite) {
  return {
    // cards already seen (learning, review, relearning) that are due, most overdue first
    // learning and relearning cards first, most overdue first (never limited)
    // one index seek per learning state (with IN, SQLite walked every due card of the deck;
    // a UNION of the two cost a temporary b-tree): the earlier of the two wins, in JavaScript
    nextLearning: sqlite.prepare<{ deckId: string; now: number }, CardRow>(
      `SELECT ${CARD_COLUMNS} FROM Card WHERE deckId = @deckId AND retired = 0 AND state = 1 AND due <= @now AND ${STUDYABLE}
       ORDER BY due LIMIT 1`,
    ),
    nextRelearning: sqlite.prepare<{ deckId: string; now: number }, CardRow>(
      `SELECT ${CARD_COLUMNS} FROM Card WHERE deckId = @deckId AND retired = 0 AND state = 3 AND due <= @now AND ${STUDYABLE}
       ORDER BY due LIMIT 1`,
    ),
    // then review cards, within the daily review limit
    nextReview: sqlite.prepare<{ deckId: string; now: number }, CardRow>(
      `SELECT ${CARD_COLUMNS} FROM Card WHERE deckId = @deckId AND retired = 0 AND due <= @now AND state = 2 AND ${STUDYABLE}
       ORDER BY due LIMIT 1`,
    ),
    // then new cards within the daily new limit, in content order or in random order (card ids are hashes)
    // the position index walks new cards in content order and stops at the first studyable one;
    // without INDEXED BY the planner may pick the due index and sort every new card
    nextNewInOrder: sqlite.prepare<{ deckId: string; now: number }, CardRow>(
      `SELECT ${CARD_COLUMNS} FROM Card INDEXED BY Card_deckId_retired_state_position_idx
       WHERE deckId = @deckId AND retired = 0 AND state = 0 AND due <= @now AND ${STUDYABLE}
       ORDER BY position LIMIT 1`,
    ),
    nextNewRandom: sqlite.prepare<{ deckId: string; now: number }, CardRow>(
      `SELECT ${CARD_COLUMNS} FROM Card WHERE deckId = @deckId AND retired = 0 AND state = 0 AND due <= @now AND ${STUDYABLE}
       ORDER BY id LIMIT 1`,
    ),
    // today's reviews of the deck, read from the (deckId, reviewedAt, prevState, source) index alone
    doneToday: sqlite.prepare<{ deckId: string; dayStart: number }, { newDone: number | null; reviewDone: number | null }>(
      `SELECT SUM(CASE WHEN prevState = 0 THEN 1 ELSE 0 END) AS newDone, SUM(CASE WHEN prevState = 2 THEN 1 ELSE 0 END) AS reviewDone
       FROM Review WHERE deckId = @deckId AND reviewedAt >= @dayStart AND source = 'study'`,
    ),
    countLearning: sqlite.prepare<{ deckId: string; now: number; until: number }, { n: number }>(
      `SELECT COUNT(*) AS n FROM (SELECT 1 FROM Card WHERE deckId = @deckId AND retired = 0 AND due <= @until AND state IN (1, 3) AND ${STUDYABLE} LIMIT ${COUNT_CAP})`,
    ),
    countReview: sqlite.prepare<{ deckId: string; now: number; cap: number }, { n: number }>(
      `SELECT COUNT(*) AS n FROM (SELECT 1 FROM Card WHERE deckId = @deckId AND retired = 0 AND due <= @now AND state = 2 AND ${STUDYABLE} LIMIT @cap)`,
    ),
    countNew: sqlite.prepare<{ deckId: string; now: number; cap: number }, { n: number }>(
      `SELECT COUNT(*) AS n FROM (SELECT 1 FROM Card WHERE deckId = @deckId AND retired = 0 AND state = 0 AND due <= @now AND ${STUDYABLE} LIMIT @cap)`,
    ),
    nextDue: sqlite.prepare<{ deckId: string; now: number }, { due: number | null }>(
      `SELECT MIN(due) AS due FROM Card WHERE deckId = @deckId AND retired = 0 AND state != 0 AND suspended = 0 AND due > @now`,
    ),
    cardById: sqlite.prepare<[string], CardRow>(`SELECT ${CARD_COLUMNS} FROM Card WHERE id = ?`),
    reviewByKey: sqlite.prepare<[string], { id: number; cardId: string; rating: number }>(`SELECT id, cardId, rating FROM Review WHERE idempotencyKey = ?`),
    insertReview: sqlite.prepare(
      `INSERT INTO Review (cardId, deckId, rating, reviewedAt, durationMs, source, idempotencyKey, before, prevState, state, due, stability, difficulty, scheduledDays)
       VALUES (@cardId, @deckId, @rating, @reviewedAt, @durationMs, @source, @idempotencyKey, @before, @prevState, @state, @due, @stability, @difficulty, @scheduledDays)`,
    ),
    deckCounts: sqlite.prepare<{ now: number }, { deckId: string; total: number; due: number; fresh: number }>(
      `SELECT deckId, COUNT(*) AS total,
         SUM(CASE WHEN due <= @now AND state != 0 AND ${STUDYABLE} THEN 1 ELSE 0 END) AS due,
         SUM(CASE WHEN state = 0 AND ${STUDYABLE} THEN 1 ELSE 0 END) AS fresh
       FROM Card WHERE retired = 0 GROUP BY deckId`,
    ),
  };
}

export interface DeckSummary {
  id: string;
  title: string;
  description: string;
  group: string;
  language: string;
  cardCount: number;
  /** cards seen before and due now */
  dueCount: number;
  /** cards never studied */
  newCount: number;
  /** the deck is generated from notes */
  notesMode: boolean;
  /** generated cards no one has kept, discarded or edited yet (the deck's review page) */
  toReview: number;
  /** the imported history's deck of placeholder cards: statistics only, nothing to study */
  placeholder: boolean;
  /** cards left today with the deck's daily limits applied, as the study screen counts them */
  today: StudyCounts;
}

export async function listDecks(options: { now?: Date; db?: Db; timeZone?: string } = {}): Promise<DeckSummary[]> {
  const database = options.db ?? defaultDb();
  const at = options.now ?? new Date();
  const now = at.getTime();
  const settings = readSettings(database.sqlite);
  const timeZone = settings.timeZone ?? (options.timeZone && isValidTimeZone(options.timeZone) ? options.timeZone : "UTC");
  const dayStart = studyDayStart(at, timeZone, settings.rolloverHour).getTime();
  const decks = await database.prisma.deck.findMany({ orderBy: [{ groupPath: "asc" }, { id: "asc" }] });
  const counts = new Map(statements(database.sqlite).deckCounts.all({ now }).map((c) => [c.deckId, c]));
  const undecided = countUndecided(database);
  return decks.map((d) => {
    const c = counts.get(d.id);
    return {
      id: d.id,
      title: d.title,
      description: d.description,
      group: d.groupPath,
      language: d.language,
      cardCount: c?.total ?? 0,
      dueCount: c?.due ?? 0,
      newCount: c?.fresh ?? 0,
      notesMode: d.notesMode,
      toReview: undecided.get(d.id) ?? 0,
      placeholder: d.id === IMPORTED_HISTORY_DECK_ID,
      today: countsToday(database, d.id, optionsForDeck(database.sqlite, d.id)?.options ?? fallback().options, at, dayStart).counts,
    };
  });
}

export function toStudyCard(row: CardRow, now: Date, scheduler: Scheduler = fallback().scheduler): StudyCard {
  const preview = scheduler.preview(stateFromRow(row), now, row.id);
  const data = JSON.parse(row.data) as Record<string, unknown>;
  // a topic level that names the answer (a cloze on dnsmasq under "## dnsmasq") is not shown before the reveal
  const shown = Array.isArray(data.shownTopic) ? (data.shownTopic as string[]) : null;
  return {
    id: row.id,
    deckId: row.deckId,
    kind: row.kind,
    topic: shown ?? (JSON.parse(row.topic) as string[]),
    prompt: row.prompt,
    answer: row.answer,
    promptHtml: row.promptHtml,
    answerHtml: row.answerHtml,
    data,
    state: STATE_NAMES[row.state] ?? "new",
    due: new Date(row.due).toISOString(),
    intervals: { "1": formatInterval(preview[1]), "2": formatInterval(preview[2]), "3": formatInterval(preview[3]), "4": formatInterval(preview[4]) },
  };
}

/** The default preset's options, for a card or deck whose preset row is missing. */
function fallback() {
  return resolveOptions(0, "{}", 0);
}

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
 * within 20 minutes. The study day starts at the rollover hour in the user's time zone.
 */
export async function studyQueue(options: StudyQueueOptions): Promise<StudyQueue> {
  const database = options.db ?? defaultDb();
  const now = options.now ?? new Date();
  const st = statements(database.sqlite);
  const resolved = optionsForDeck(database.sqlite, options.deckId);
  if (!resolved) throw new NotFoundError(`no deck with id ${options.deckId}`);
  const { options: deckOptions, scheduler } = resolved;
  const settings = readSettings(database.sqlite);
  const timeZone = settings.timeZone ?? (options.timeZone && isValidTimeZone(options.timeZone) ? options.timeZone : "UTC");
  const dayStart = studyDayStart(now, timeZone, settings.rolloverHour).getTime();

  const at = { deckId: options.deckId, now: now.getTime() };
  const { counts, newLeft, reviewLeft } = countsToday(database, options.deckId, deckOptions, now, dayStart);
  const nextNew = deckOptions.newOrder === "random" ? st.nextNewRandom : st.nextNewInOrder;
  const learning = (p: typeof at) => earliest(st.nextLearning.get(p), st.nextRelearning.get(p));
  const row =
    learning(at) ??
    (reviewLeft > 0 ? st.nextReview.get(at) : undefined) ??
    (newLeft > 0 ? nextNew.get(at) : undefined) ??
    learning({ ...at, now: at.now + LEARN_AHEAD_MS });
  const typedAnswers = deckOptions.typedAnswers;
  if (row) return { card: toStudyCard(row, now, scheduler), counts, nextDueAt: null, typedAnswers };
  const nextDue = st.nextDue.get(at)?.due ?? null;
  return { card: null, counts, nextDueAt: nextDue === null ? null : new Date(nextDue).toISOString(), typedAnswers };
}

/** A deck's cards left today, with its daily limits applied (the study screen's and home's counts). */
function countsToday(database: Db, deckId: string, deckOptions: { newPerDay: number; reviewsPerDay: number }, now: Date, dayStart: number) {
  const st = statements(database.sqlite);
  const at = { deckId, now: now.getTime() };
  const done = st.doneToday.get({ deckId, dayStart });
  const newLeft = Math.max(0, deckOptions.newPerDay - (done?.newDone ?? 0));
  const reviewLeft = Math.max(0, deckOptions.reviewsPerDay - (done?.reviewDone ?? 0));
  const counts: StudyCounts = {
    learning: st.countLearning.get({ ...at, until: dayStart + DAY_MS })?.n ?? 0,
    review: reviewLeft > 0 ? (st.countReview.get({ ...at, cap: Math.min(reviewLeft, COUNT_CAP) })?.n ?? 0) : 0,
    new: newLeft > 0 ? (st.countNew.get({ ...at, cap: Math.min(newLeft, COUNT_CAP) })?.n ?? 0) : 0,
  };
  return { counts, newLeft, reviewLeft };
}

function earliest(a: CardRow | undefined, b: CardRow | undefined): CardRow | undefined {
  if (!a) return b;
  if (!b) return a;
  return b.due < a.due ? b : a;
}

/** The next card to study in a deck (see studyQueue), or null. */
export async function nextCard(options: StudyQueueOptions): Promise<StudyCard | null> {
  return (await studyQueue(options)).card;
}

export interface ReviewResult {
  /** the review's id, for undo */
  reviewId: number;
  cardId: string;
  rating: RatingValue;
  due: string;
  state: (typeof STATE_NAMES)[number];
  stability: number;
  difficulty: number;
  scheduledDays: number;
  reps: number;
  lapses: number;
  /** false when the idempotency key had already been used: nothing was recorded */
  recorded: boolean;
}

export interface RecordReviewOptions {
  cardId: string;
  rating: RatingValue;
  now?: Date;
  durationMs?: number;
  idempotencyKey?: string;
  source?: string;
  db?: Db;
}

/**
 * Rates a card: one transaction inserts the review and updates the card's FSRS state.
 * The same idempotency key records one review; the repeat gets the card's schedule back.
 */
export async function recordReview(options: RecordReviewOptions): Promise<ReviewResult> {
  const database = options.db ?? defaultDb();
  const run = database.sqlite.transaction(() => reviewInTransaction(database, options));
  // IMMEDIATE takes the write lock first, so racing requests with one key serialise here
  return run.immediate();
}

/**
 * The body of recordReview, for use cases that rate a card as part of their own transaction
 * (a quiz answer and its review are written together). Call it inside a transaction.
 */
export function reviewInTransaction(database: Db, options: Omit<RecordReviewOptions, "db">): ReviewResult {
  const now = options.now ?? new Date();
  const st = statements(database.sqlite);
  if (options.idempotencyKey) {
    const prior = st.reviewByKey.get(options.idempotencyKey);
    if (prior) {
      if (prior.cardId !== options.cardId) throw new ConflictError("idempotencyKey was already used for another card");
      const row = st.cardById.get(options.cardId)!;
      // the rating that was recorded, not the one sent again (a retry may differ)
      return resultOf(prior.id, row.id, prior.rating as RatingValue, stateFromRow(row), false);
    }
  }
  const row = st.cardById.get(options.cardId);
  if (!row) throw new NotFoundError(`no card with id ${options.cardId}`);
  if (row.retired) throw new ConflictError(`card ${options.cardId} is retired: its question is no longer in the content`);
  const before = stateFromRow(row);
  const after = (optionsForCard(database.sqlite, row.id) ?? fallback()).scheduler.rate(before, options.rating, now, row.id);
  const inserted = st.insertReview.run({
    cardId: row.id,
    deckId: row.deckId,
    rating: options.rating,
    reviewedAt: now.getTime(),
    durationMs: options.durationMs ?? null,
    source: options.source ?? "study",
    idempotencyKey: options.idempotencyKey ?? null,
    before: JSON.stringify(before),
    prevState: before.state,
    state: after.state,
    due: after.due.getTime(),
    stability: after.stability,
    difficulty: after.difficulty,
    scheduledDays: after.scheduledDays,
  });
  saveSchedule(database.sqlite, row.id, after, now);
  return resultOf(Number(inserted.lastInsertRowid), row.id, options.rating, after, true);
}

function resultOf(reviewId: number, cardId: string, rating: RatingValue, s: SchedState, recorded: boolean): ReviewResult {
  return {
    reviewId,
    cardId,
    rating,
    due: s.due.toISOString(),
    state: STATE_NAMES[s.state] ?? "new",
    stability: s.stability,
    difficulty: s.difficulty,
    scheduledDays: s.scheduledDays,
    reps: s.reps,
    lapses: s.lapses,
    recorded,
  };
}

/** One card as the study screen shows it (after an undo, or opened from the browser). */
export async function getStudyCard(options: { cardId: string; now?: Date; db?: Db }): Promise<StudyCard> {
  const database = options.db ?? defaultDb();
  const row = statements(database.sqlite).cardById.get(options.cardId);
  if (!row) throw new NotFoundError(`no card with id ${options.cardId}`);
  return toStudyCard(row, options.now ?? new Date(), (optionsForCard(database.sqlite, row.id) ?? fallback()).scheduler);
}
