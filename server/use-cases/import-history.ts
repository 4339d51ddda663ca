/**
 * Bringing a review history in: a CSV of (card_id, review_rating, review_time,
 * review_duration) rows, as Anki exports them. Cards the app does not know become placeholder
 * cards in the "Imported history" deck; every row becomes a review with source 'import' and an
 * idempotency key made of the card and the time, so importing a file again adds nothing. Then
 * each card that got reviews is replayed through FSRS from its first review to its last (the
 * reviews it already had included), so its schedule, and every review's before/after state,
 * are what FSRS would have given. All of it in one transaction: a file with a malformed row
 * imports nothing.
 */
import fs from "node:fs";
import { IMPORTED_HISTORY_DECK_ID } from "@/lib/history/placeholder";
import { parseHistoryCsv, type HistoryLineIssue, type HistoryRow } from "@/lib/history/csv";
import { newCardState, type RatingValue, type SchedRow, type SchedState } from "@/lib/scheduling";
import { db as defaultDb, type Db, type Sqlite } from "../db";
import { optionsForDeck, resolveOptions } from "../deck-settings";
import { saveSchedule } from "../store/cards";
import { perConnection } from "../store/sql";

/**
 * The deck that holds placeholder cards. No content file can claim it (see import-content.ts).
 * Its title and its cards' text are stored in English and shown from messages (lib/history/placeholder.ts).
 */
export { IMPORTED_HISTORY_DECK_ID };
export const IMPORTED_HISTORY_DECK_TITLE = "Imported history";
export const IMPORT_SOURCE = "import";

/** The idempotency key of an imported review: one review per card and instant. */
export function importKey(cardId: string, reviewedAt: number): string {
  return `import:${cardId}:${reviewedAt}`;
}

export interface ImportHistoryOptions {
  /** the CSV text, or */
  csvText?: string;
  /** a CSV file to read */
  file?: string;
  now?: Date;
  db?: Db;
}

export interface ImportHistorySuccess {
  ok: true;
  /** valid review rows in the file */
  rows: number;
  /** reviews written now */
  reviewsAdded: number;
  /** rows whose review was already there (an earlier import of the same history) */
  reviewsAlreadyPresent: number;
  /** placeholder cards made for card ids the app did not know */
  cardsCreated: number;
  /** cards whose schedule was recomputed (those that got new reviews) */
  cardsRecomputed: number;
  /** rows left out on purpose: rating 0 (manual entries) and repeated rows */
  skipped: HistoryLineIssue[];
}

export interface ImportHistoryFailure {
  ok: false;
  /** what is wrong, by line; nothing was imported */
  errors: HistoryLineIssue[];
}

export type ImportHistoryResult = ImportHistorySuccess | ImportHistoryFailure;

type CardInfo = SchedRow & { id: string; deckId: string; createdAt: number };
type ReviewInfo = { id: number; cardId: string; rating: number; reviewedAt: number };

/** One review in replay order: an existing row (id) or a new one from the file. */
interface ReplayReview {
  id: number | null;
  row: HistoryRow | null;
  rating: RatingValue;
  reviewedAt: number;
}

/** The statements below, prepared once per connection. */
const statements = perConnection(prepare);

function prepare(sqlite: Sqlite) {
  return {
    // one read each for all the cards and all their reviews (the ids go in as a JSON array)
    cards: sqlite.prepare<[string], CardInfo>(
      `SELECT id, deckId, createdAt, due, stability, difficulty, elapsedDays, scheduledDays, learningSteps, reps, lapses, state, lastReview
       FROM Card WHERE id IN (SELECT value FROM json_each(?))`,
    ),
    reviews: sqlite.prepare<[string], ReviewInfo>(
      `SELECT id, cardId, rating, reviewedAt FROM Review WHERE cardId IN (SELECT value FROM json_each(?)) ORDER BY cardId, reviewedAt, id`,
    ),
    insertDeck: sqlite.prepare(
      `INSERT OR IGNORE INTO Deck (id, source, title, description, tags, language, groupPath, notesMode, contentHash, importedAt)
       VALUES (@id, '', @title, @description, '[]', '', '', 0, '', @now)`,
    ),
    // idempotency keys already taken (a study request may have sent one of the shape import:card:time)
    takenKeys: sqlite.prepare<[string], { key: string }>(`SELECT idempotencyKey AS key FROM Review WHERE idempotencyKey IN (SELECT value FROM json_each(?))`),
    maxPosition: sqlite.prepare<[string], { n: number | null }>(`SELECT MAX(position) AS n FROM Card WHERE deckId = ?`),
    insertCard: sqlite.prepare(
      // suspended: a placeholder's text is only its Anki id, nothing to study; its history still
      // counts for statistics and for fitting parameters (unsuspend it from its card page)
      `INSERT INTO Card (id, deckId, kind, topic, position, sourceLine, prompt, answer, promptHtml, answerHtml, data, createdAt, updatedAt,
         due, stability, difficulty, elapsedDays, scheduledDays, learningSteps, reps, lapses, state, lastReview, suspended)
       VALUES (@id, @deckId, 'basic', '[]', @position, 0, @prompt, @answer, @promptHtml, @answerHtml, '{}', @now, @now,
         @due, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 1)`,
    ),
    insertReview: sqlite.prepare(
      `INSERT INTO Review (cardId, deckId, rating, reviewedAt, durationMs, source, idempotencyKey, before, prevState, state, due, stability, difficulty, scheduledDays)
       VALUES (@cardId, @deckId, @rating, @reviewedAt, @durationMs, '${IMPORT_SOURCE}', @idempotencyKey, @before, @prevState, @state, @due, @stability, @difficulty, @scheduledDays)`,
    ),
    updateReview: sqlite.prepare(
      `UPDATE Review SET before = @before, prevState = @prevState, state = @state, due = @due, stability = @stability,
         difficulty = @difficulty, scheduledDays = @scheduledDays WHERE id = @id`,
    ),
  };
}

function placeholder(cardId: string) {
  // card ids are checked by the parser: letters, digits, - and _ only, so nothing needs escaping
  const prompt = `Imported Anki card ${cardId}`;
  const answer = `Only this card's review history was imported (Anki card id ${cardId}), not its question or answer.`;
  return { prompt, answer, promptHtml: `<p>${prompt}</p>`, answerHtml: `<p>${answer}</p>` };
}

/**
 * Imports a review history (see the file comment). Returns the errors by line, having written
 * nothing, when any row is malformed.
 */
export async function importHistory(options: ImportHistoryOptions): Promise<ImportHistoryResult> {
  const database = options.db ?? defaultDb();
  const now = (options.now ?? new Date()).getTime();
  const text = options.csvText ?? (options.file !== undefined ? fs.readFileSync(options.file, "utf8") : undefined);
  if (text === undefined) throw new TypeError("importHistory needs csvText or file");
  const parsed = parseHistoryCsv(text);
  if (parsed.errors.length > 0) return { ok: false, errors: parsed.errors };
  if (parsed.rows.length === 0) return { ok: false, errors: [{ line: 1, message: "the file has no reviews" }] };

  const st = statements(database.sqlite);
  const run = database.sqlite.transaction((): ImportHistorySuccess => {
    const cardIds = [...new Set(parsed.rows.map((r) => r.cardId))];
    const cards = new Map(st.cards.all(JSON.stringify(cardIds)).map((c) => [c.id, c]));
    const existing = new Map<string, ReviewInfo[]>();
    const stored = new Set<string>();
    for (const r of st.reviews.all(JSON.stringify([...cards.keys()]))) {
      let list = existing.get(r.cardId);
      if (!list) existing.set(r.cardId, (list = []));
      list.push(r);
      stored.add(importKey(r.cardId, r.reviewedAt));
    }

    // rows whose review is already there (same card, same instant) are not new
    const fresh = new Map<string, HistoryRow[]>();
    let present = 0;
    for (const row of parsed.rows) {
      if (stored.has(importKey(row.cardId, row.reviewedAt))) {
        present++;
        continue;
      }
      let list = fresh.get(row.cardId);
      if (!list) fresh.set(row.cardId, (list = []));
      list.push(row);
    }

    // a new review's key may already belong to another review (a client chose it): that review
    // is not this one (same card and instant was checked above), so the new one goes without a key
    const wanted: string[] = [];
    for (const rows of fresh.values()) for (const r of rows) wanted.push(importKey(r.cardId, r.reviewedAt));
    const taken = new Set(st.takenKeys.all(JSON.stringify(wanted)).map((r) => r.key));

    // placeholder cards for the ids the app does not know
    const unknown = [...fresh.keys()].filter((id) => !cards.has(id));
    if (unknown.length > 0) {
      st.insertDeck.run({
        id: IMPORTED_HISTORY_DECK_ID,
        title: IMPORTED_HISTORY_DECK_TITLE,
        description: "Cards known only from an imported review history",
        now,
      });
      let position = (st.maxPosition.get(IMPORTED_HISTORY_DECK_ID)?.n ?? -1) + 1;
      for (const id of unknown) {
        // a loop, not Math.min(...rows): a card may have hundreds of thousands of rows (a spread overflows the stack)
        let firstReview = Infinity;
        for (const r of fresh.get(id)!) if (r.reviewedAt < firstReview) firstReview = r.reviewedAt;
        const createdAt = Math.min(now, firstReview);
        st.insertCard.run({ id, deckId: IMPORTED_HISTORY_DECK_ID, position: position++, ...placeholder(id), now, due: createdAt });
        cards.set(id, { id, deckId: IMPORTED_HISTORY_DECK_ID, createdAt, due: createdAt, stability: 0, difficulty: 0, elapsedDays: 0, scheduledDays: 0, learningSteps: 0, reps: 0, lapses: 0, state: 0, lastReview: null });
      }
    }

    // replay every card that got reviews, from a new card, through all its reviews in time order
    let added = 0;
    for (const [cardId, rows] of fresh) {
      const card = cards.get(cardId)!;
      const scheduler = (optionsForDeck(database.sqlite, card.deckId) ?? resolveOptions(0, "{}", 0)).scheduler;
      const replay: ReplayReview[] = [
        ...(existing.get(cardId) ?? []).map((r) => ({ id: r.id, row: null, rating: r.rating as RatingValue, reviewedAt: r.reviewedAt })),
        ...rows.map((row) => ({ id: null, row, rating: row.rating, reviewedAt: row.reviewedAt })),
      ];
      // stable: at the same instant, reviews already stored (lower ids) come before new ones, as undo orders them
      replay.sort((a, b) => a.reviewedAt - b.reviewedAt);
      let state: SchedState = newCardState(new Date(Math.min(card.createdAt, replay[0]!.reviewedAt)));
      for (const r of replay) {
        const after = scheduler.rate(state, r.rating, new Date(r.reviewedAt), cardId);
        const written = {
          before: JSON.stringify(state),
          prevState: state.state,
          state: after.state,
          due: after.due.getTime(),
          stability: after.stability,
          difficulty: after.difficulty,
          scheduledDays: after.scheduledDays,
        };
        if (r.row) {
          st.insertReview.run({
            cardId,
            deckId: card.deckId,
            rating: r.rating,
            reviewedAt: r.reviewedAt,
            durationMs: r.row.durationMs,
            idempotencyKey: taken.has(importKey(cardId, r.reviewedAt)) ? null : importKey(cardId, r.reviewedAt),
            ...written,
          });
          added++;
        } else {
          st.updateReview.run({ id: r.id, ...written });
        }
        state = after;
      }
      saveSchedule(database.sqlite, cardId, state, new Date(now));
    }
    return {
      ok: true,
      rows: parsed.rows.length,
      reviewsAdded: added,
      reviewsAlreadyPresent: present,
      cardsCreated: unknown.length,
      cardsRecomputed: fresh.size,
      skipped: parsed.skipped,
    };
  });
  // IMMEDIATE: take the write lock before reading, so a review recorded meanwhile cannot slip in between
  return run.immediate();
}
