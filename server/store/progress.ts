/**
 * The progress dashboard's aggregates, in SQL on indexes (never all reviews in JavaScript):
 * reviews per study day, the due forecast, true retention and time over a window, mastery per
 * deck and topic, and the latest quiz and interview scores. Study days are computed in
 * JavaScript (DST included) and passed in as a JSON array of [start, end) pairs, joined in SQL
 * as a small table through json_each, which Kysely's table types cannot express: these are SQL
 * strings, prepared once per connection (perConnection), and written for the indexes
 * prisma/schema.prisma declares for them (Review reviewedAt and its covering index, Card
 * retired/suspended/due/state). Rows are decoded once here; topic paths are JSON.
 */
import { z } from "zod";
import type { Sqlite } from "../db";
import { decodeRow, jsonColumn } from "./json-column";
import { perConnection } from "./sql";

const DAY = 86_400_000;

/** Study days, [start, end) in epoch ms. */
export type DayRange = [number, number];

const statements = perConnection((sqlite: Sqlite) => ({
  // one index range count per day (Review reviewedAt index)
  reviewsByDay: sqlite.prepare<{ days: string }, unknown>(
    `WITH d(i, s, e) AS (SELECT key, json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(@days))
         SELECT d.i AS i, (SELECT COUNT(*) FROM Review r WHERE r.reviewedAt >= d.s AND r.reviewedAt < d.e) AS n FROM d ORDER BY d.i`,
  ),
  span: sqlite.prepare<[], unknown>("SELECT MIN(reviewedAt) AS lo, MAX(reviewedAt) AS hi FROM Review"),
  any: sqlite.prepare<{ s: number; e: number }, unknown>("SELECT EXISTS (SELECT 1 FROM Review WHERE reviewedAt >= @s AND reviewedAt < @e) AS n"),
  // cards seen before, due in each day (Card retired/suspended/due/state index)
  dueByDay: sqlite.prepare<{ days: string }, unknown>(
    `WITH d(i, s, e) AS (SELECT key, json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(@days))
       SELECT d.i AS i, (SELECT COUNT(*) FROM Card c WHERE c.retired = 0 AND c.suspended = 0 AND c.due >= d.s AND c.due < d.e AND c.state != 0) AS n
       FROM d ORDER BY d.i`,
  ),
  newCards: sqlite.prepare<[], unknown>("SELECT COUNT(*) AS n FROM Card WHERE retired = 0 AND suspended = 0 AND state = 0"),
  // on the covering index (reviewedAt, prevState, rating, durationMs)
  window: sqlite.prepare<{ since: number; until: number }, unknown>(
    `SELECT COALESCE(SUM(prevState = 2), 0) AS reviews, COALESCE(SUM(prevState = 2 AND rating > 1), 0) AS passed, COALESCE(SUM(durationMs), 0) AS timeMs
         FROM Review WHERE reviewedAt >= @since AND reviewedAt < @until`,
  ),
  mastery: sqlite.prepare<{ now: number; decay: number; factor: number; mature: number }, unknown>(
    `SELECT c.deckId, d.title AS deckTitle, c.topic, COUNT(*) AS cards, SUM(c.state != 0) AS studied, MIN(c.position) AS firstPosition,
         SUM(CASE WHEN c.state != 0 AND c.stability > 0 AND c.lastReview IS NOT NULL
           THEN pow(1 + @factor * MAX((@now - c.lastReview) / ${DAY}, 0) / c.stability, @decay) ELSE 0 END) AS rsum,
         SUM(c.state = 2 AND c.scheduledDays >= @mature) AS mature
       FROM Card c JOIN Deck d ON d.id = c.deckId WHERE c.retired = 0 GROUP BY c.deckId, c.topic`,
  ),
  deckOrder: sqlite.prepare<[], unknown>("SELECT id FROM Deck ORDER BY groupPath, id"),
  quizzes: sqlite.prepare<[], unknown>(
    `SELECT id, at, share, practice FROM (SELECT id, finishedAt AS at, score * 1.0 / MAX(questionCount, 1) AS share, practice FROM Quiz
       WHERE finishedAt IS NOT NULL AND score IS NOT NULL ORDER BY createdAt DESC LIMIT 100) ORDER BY at`,
  ),
  interviews: sqlite.prepare<[], unknown>(
    `SELECT id, at, score FROM (SELECT id, finishedAt AS at, score FROM Interview WHERE finishedAt IS NOT NULL AND score IS NOT NULL
       ORDER BY createdAt DESC LIMIT 100) ORDER BY at`,
  ),
}));

const dayCountSchema = z.object({ i: z.number().int(), n: z.number().int() });
const decodeDays = (rows: unknown[], what: string) => rows.map((r, k) => decodeRow(dayCountSchema, r, `${what} day ${k}`));

/** Reviews in each study day, as [index into days, count], in order. */
export function countReviewsByDay(sqlite: Sqlite, days: DayRange[]): Array<{ i: number; n: number }> {
  return decodeDays(statements(sqlite).reviewsByDay.all({ days: JSON.stringify(days) }), "Review count");
}

/** Cards seen before (not retired, not suspended) falling due in each study day, as [index, count]. */
export function countDueByDay(sqlite: Sqlite, days: DayRange[]): Array<{ i: number; n: number }> {
  return decodeDays(statements(sqlite).dueByDay.all({ days: JSON.stringify(days) }), "Due count");
}

const spanSchema = z.object({ lo: z.number().nullable(), hi: z.number().nullable() });

/** The first and the last review's time, null without reviews. */
export function reviewSpan(sqlite: Sqlite): { lo: number | null; hi: number | null } {
  return decodeRow(spanSchema, statements(sqlite).span.get(), "Review span");
}

const countSchema = z.object({ n: z.number().int() });

/** Whether any review falls in [s, e). */
export function anyReviewBetween(sqlite: Sqlite, s: number, e: number): boolean {
  return decodeRow(countSchema, statements(sqlite).any.get({ s, e }), "Review exists").n !== 0;
}

/** New cards, not retired and not suspended. */
export function countNewCards(sqlite: Sqlite): number {
  return decodeRow(countSchema, statements(sqlite).newCards.get(), "New card count").n;
}

const windowSchema = z.object({ reviews: z.number(), passed: z.number(), timeMs: z.number() });

/** Reviews in [since, until): of cards in review state, those of them not rated Again, and the time of all reviews (ms). */
export function reviewWindow(sqlite: Sqlite, since: number, until: number): z.output<typeof windowSchema> {
  return decodeRow(windowSchema, statements(sqlite).window.get({ since, until }), "Review window");
}

const masterySchema = z.object({
  deckId: z.string(),
  deckTitle: z.string(),
  topic: jsonColumn(z.array(z.string())),
  cards: z.number(),
  studied: z.number(),
  firstPosition: z.number(),
  rsum: z.number(),
  mature: z.number(),
});
/** A deck's live cards of one topic path: how many, studied, mature, the sum of their retrievabilities now, the first one's position. */
export type MasteryGroup = z.output<typeof masterySchema>;

/**
 * The deck's live cards grouped by deck and topic. Retrievability now follows the FSRS
 * forgetting curve, R = (1 + factor·t/S)^decay, t in whole days since the last review (as
 * ts-fsrs computes it); `mature` is the interval (days) from which a review card counts as mature.
 */
export function masteryGroups(sqlite: Sqlite, p: { now: number; decay: number; factor: number; mature: number }): MasteryGroup[] {
  return statements(sqlite)
    .mastery.all(p)
    .map((r) => decodeRow(masterySchema, r, `Card group ${JSON.stringify([(r as { deckId?: unknown }).deckId, (r as { topic?: unknown }).topic])}`));
}

/** Deck ids in home's order (by folder, then id). */
export function deckIdsInOrder(sqlite: Sqlite): string[] {
  return statements(sqlite)
    .deckOrder.all()
    .map((r) => decodeRow(z.object({ id: z.string() }), r, "Deck").id);
}

const quizScoreSchema = z.object({ id: z.string(), at: z.number(), share: z.number(), practice: z.union([z.literal(0), z.literal(1)]).transform((v) => v === 1) });
const interviewScoreSchema = z.object({ id: z.string(), at: z.number(), score: z.number() });

/** The latest 100 ended quizzes' share of points, by the time they ended. */
export function recentQuizScores(sqlite: Sqlite): Array<z.output<typeof quizScoreSchema>> {
  return statements(sqlite)
    .quizzes.all()
    .map((r) => decodeRow(quizScoreSchema, r, `Quiz ${String((r as { id?: unknown }).id)}`));
}

/** The latest 100 ended interviews' scores, by the time they ended. */
export function recentInterviewScores(sqlite: Sqlite): Array<z.output<typeof interviewScoreSchema>> {
  return statements(sqlite)
    .interviews.all()
    .map((r) => decodeRow(interviewScoreSchema, r, `Interview ${String((r as { id?: unknown }).id)}`));
}
