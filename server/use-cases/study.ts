/**
 * The study loop's use cases. The hot path (nextCard, recordReview) runs prepared
 * statements on the raw SQLite connection; see server/db.ts.
 */
import { createScheduler, formatInterval, stateFromRow, STATE_NAMES, type RatingValue, type SchedRow, type SchedState } from "@/lib/scheduling";
import { db as defaultDb, type Db, type Sqlite } from "../db";
import { ConflictError, NotFoundError } from "../errors";
import type { StudyCard } from "@/lib/api-schemas";

const scheduler = createScheduler();

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
    nextSeen: sqlite.prepare<{ deckId: string; now: number }, CardRow>(
      `SELECT ${CARD_COLUMNS} FROM Card WHERE deckId = @deckId AND retired = 0 AND due <= @now AND state != 0 AND ${STUDYABLE}
       ORDER BY due LIMIT 1`,
    ),
    // then new cards, in content order
    nextNew: sqlite.prepare<{ deckId: string; now: number }, CardRow>(
      `SELECT ${CARD_COLUMNS} FROM Card WHERE deckId = @deckId AND retired = 0 AND state = 0 AND due <= @now AND ${STUDYABLE}
       ORDER BY position LIMIT 1`,
    ),
    deckExists: sqlite.prepare<[string], { id: string }>(`SELECT id FROM Deck WHERE id = ?`),
    cardById: sqlite.prepare<[string], CardRow>(`SELECT ${CARD_COLUMNS} FROM Card WHERE id = ?`),
    reviewByKey: sqlite.prepare<[string], { id: number; cardId: string }>(`SELECT id, cardId FROM Review WHERE idempotencyKey = ?`),
    insertReview: sqlite.prepare(
      `INSERT INTO Review (cardId, rating, reviewedAt, durationMs, source, idempotencyKey, before, state, due, stability, difficulty, scheduledDays)
       VALUES (@cardId, @rating, @reviewedAt, @durationMs, @source, @idempotencyKey, @before, @state, @due, @stability, @difficulty, @scheduledDays)`,
    ),
    updateCard: sqlite.prepare(
      `UPDATE Card SET due = @due, stability = @stability, difficulty = @difficulty, elapsedDays = @elapsedDays,
         scheduledDays = @scheduledDays, learningSteps = @learningSteps, reps = @reps, lapses = @lapses, state = @state,
         lastReview = @lastReview WHERE id = @id`,
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
}

export async function listDecks(options: { now?: Date; db?: Db } = {}): Promise<DeckSummary[]> {
  const database = options.db ?? defaultDb();
  const now = (options.now ?? new Date()).getTime();
  const decks = await database.prisma.deck.findMany({ orderBy: [{ groupPath: "asc" }, { id: "asc" }] });
  const counts = new Map(statements(database.sqlite).deckCounts.all({ now }).map((c) => [c.deckId, c]));
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
    };
  });
}

export function toStudyCard(row: CardRow, now: Date): StudyCard {
  const preview = scheduler.preview(stateFromRow(row), now);
  return {
    id: row.id,
    deckId: row.deckId,
    kind: row.kind,
    topic: JSON.parse(row.topic) as string[],
    prompt: row.prompt,
    answer: row.answer,
    promptHtml: row.promptHtml,
    answerHtml: row.answerHtml,
    data: JSON.parse(row.data) as Record<string, unknown>,
    state: STATE_NAMES[row.state] ?? "new",
    due: new Date(row.due).toISOString(),
    intervals: { "1": formatInterval(preview[1]), "2": formatInterval(preview[2]), "3": formatInterval(preview[3]), "4": formatInterval(preview[4]) },
  };
}

/** The next card to study in a deck: due learning and review cards first, then new cards. */
export async function nextCard(options: { deckId: string; now?: Date; db?: Db }): Promise<StudyCard | null> {
  const database = options.db ?? defaultDb();
  const now = options.now ?? new Date();
  const st = statements(database.sqlite);
  const at = { deckId: options.deckId, now: now.getTime() };
  const row = st.nextSeen.get(at) ?? st.nextNew.get(at);
  if (row) return toStudyCard(row, now);
  if (!st.deckExists.get(options.deckId)) throw new NotFoundError(`no deck with id ${options.deckId}`);
  return null;
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
  const now = options.now ?? new Date();
  const st = statements(database.sqlite);
  const run = database.sqlite.transaction((): ReviewResult => {
    if (options.idempotencyKey) {
      const prior = st.reviewByKey.get(options.idempotencyKey);
      if (prior) {
        if (prior.cardId !== options.cardId) throw new ConflictError("idempotencyKey was already used for another card");
        const row = st.cardById.get(options.cardId)!;
        return resultOf(prior.id, row.id, options.rating, stateFromRow(row), false);
      }
    }
    const row = st.cardById.get(options.cardId);
    if (!row) throw new NotFoundError(`no card with id ${options.cardId}`);
    if (row.retired) throw new ConflictError(`card ${options.cardId} is retired: its question is no longer in the content`);
    const before = stateFromRow(row);
    const after = scheduler.rate(before, options.rating, now);
    const inserted = st.insertReview.run({
      cardId: row.id,
      rating: options.rating,
      reviewedAt: now.getTime(),
      durationMs: options.durationMs ?? null,
      source: options.source ?? "study",
      idempotencyKey: options.idempotencyKey ?? null,
      before: JSON.stringify(before),
      state: after.state,
      due: after.due.getTime(),
      stability: after.stability,
      difficulty: after.difficulty,
      scheduledDays: after.scheduledDays,
    });
    st.updateCard.run({
      id: row.id,
      due: after.due.getTime(),
      stability: after.stability,
      difficulty: after.difficulty,
      elapsedDays: after.elapsedDays,
      scheduledDays: after.scheduledDays,
      learningSteps: after.learningSteps,
      reps: after.reps,
      lapses: after.lapses,
      state: after.state,
      lastReview: after.lastReview?.getTime() ?? null,
    });
    return resultOf(Number(inserted.lastInsertRowid), row.id, options.rating, after, true);
  });
  // IMMEDIATE takes the write lock first, so racing requests with one key serialise here
  return run.immediate();
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
  return toStudyCard(row, options.now ?? new Date());
}
