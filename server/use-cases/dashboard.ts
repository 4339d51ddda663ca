/**
 * The progress dashboard's numbers, aggregated in SQL on indexes (never all reviews in
 * JavaScript): due today and a 30-day forecast, reviews per study day over the last year,
 * true retention and time studied over 7, 30 and 365 days, the streak, mastery per deck and
 * topic (mean retrievability now, share of mature cards), and quiz and interview scores.
 *
 * Study days start at the rollover hour in the user's time zone (lib/study-day.ts); their
 * boundaries are computed in JavaScript, DST included, and joined in SQL as a small table.
 */
import { DEFAULT_PARAMETERS } from "@/lib/fsrs-metrics";
import { TZDate } from "@date-fns/tz";
import { nextStudyDayStart, studyDayStart } from "@/lib/study-day";
import { db as defaultDb, type Db } from "../db";
import { readSettings, storedWeights } from "../store/settings";

const DAY = 86_400_000;
/** Anki's "mature": an interval of 21 days or more. */
export const MATURE_DAYS = 21;
/** Fewer reviews than this in a window, and its true retention says more about chance than about memory. */
export const MIN_RETENTION_REVIEWS = 30;

export interface DayCount {
  /** the study day's start (ISO) */
  start: string;
  count: number;
}

export interface RetentionWindow {
  days: number;
  /** reviews of cards in review state (not learning) */
  reviews: number;
  /** of those, not rated Again */
  passed: number;
  /** passed / reviews, null without reviews */
  rate: number | null;
  /** time spent reviewing (all reviews), ms */
  timeMs: number;
  /** at least MIN_RETENTION_REVIEWS reviews: the rate means something */
  enough: boolean;
}

export interface MasteryRow {
  deckId: string;
  deckTitle: string;
  /** [] for the deck itself, else a heading path */
  topic: string[];
  cards: number;
  /** cards studied at least once */
  studied: number;
  /** mean retrievability now over studied cards (null when none) */
  meanRetrievability: number | null;
  mature: number;
}

export interface Dashboard {
  now: string;
  timeZone: string;
  rolloverHour: number;
  /** studyable cards already seen and due before the next study day */
  dueToday: number;
  /** new cards not suspended */
  newCards: number;
  /** due per study day from today (overdue counted today), 30 days */
  forecast: DayCount[];
  /** reviews per study day over the last 365 days, oldest first (today last) */
  reviewsByDay: DayCount[];
  /** the heatmap's days: the last 365 days (year null), or a calendar year's study days up to today */
  calendar: { year: number | null; days: DayCount[] };
  /** the calendar years (in the time zone) that have reviews, oldest first */
  years: number[];
  retention: RetentionWindow[];
  /** MIN_RETENTION_REVIEWS, for the page to explain */
  minRetentionReviews: number;
  /** consecutive study days with reviews, ending today (or yesterday when today has none yet) */
  streak: number;
  mastery: MasteryRow[];
  /** practice quizzes score answers without touching the schedule: a series of their own */
  quizzes: Array<{ id: string; at: string; share: number; practice: boolean }>;
  interviews: Array<{ id: string; at: string; score: number }>;
}

/** Study day boundaries [start, end) from `first` days before today to `last` days after, in ms. */
function dayBoundaries(now: Date, timeZone: string, rolloverHour: number, first: number, last: number): Array<[number, number]> {
  const today = studyDayStart(now, timeZone, rolloverHour);
  const out: Array<[number, number]> = [];
  // walk from today both ways, one study day at a time (days are 23 to 25 hours around DST)
  let start = today;
  const back: Array<[number, number]> = [];
  for (let i = 0; i < first; i++) {
    const prev = studyDayStart(new Date(start.getTime() - 1), timeZone, rolloverHour);
    back.push([prev.getTime(), start.getTime()]);
    start = prev;
  }
  out.push(...back.reverse());
  let s = today;
  for (let i = 0; i <= last; i++) {
    const e = nextStudyDayStart(s, timeZone, rolloverHour);
    out.push([s.getTime(), e.getTime()]);
    s = e;
  }
  return out;
}

/** The study days of a calendar year (the first starting on 1 January at the rollover hour), none after `until`. */
function yearBoundaries(year: number, timeZone: string, rolloverHour: number, until: number): Array<[number, number]> {
  const jan1 = (y: number) => studyDayStart(new Date(new TZDate(y, 0, 1, 12, timeZone).getTime()), timeZone, rolloverHour).getTime();
  const end = Math.min(jan1(year + 1), until);
  const out: Array<[number, number]> = [];
  for (let s = jan1(year); s < end; ) {
    const e = nextStudyDayStart(new Date(s), timeZone, rolloverHour).getTime();
    out.push([s, e]);
    s = e;
  }
  return out;
}

export interface DashboardOptions {
  now?: Date;
  /** the heatmap's calendar year; the last 365 days without it */
  year?: number;
  /** the browser's time zone, used when the user has not stored one */
  timeZone?: string;
  db?: Db;
}

export async function dashboard(options: DashboardOptions = {}): Promise<Dashboard> {
  const { sqlite } = options.db ?? defaultDb();
  const now = options.now ?? new Date();
  const settings = readSettings(sqlite);
  const timeZone = settings.timeZone ?? options.timeZone ?? "UTC";
  const rolloverHour = settings.rolloverHour;
  const t = now.getTime();

  // reviews per study day: one index range count per day (Review reviewedAt index)
  const past = dayBoundaries(now, timeZone, rolloverHour, 364, 0);
  const countDays = (days: Array<[number, number]>) =>
    sqlite
      .prepare<{ days: string }, { i: number; n: number }>(
        `WITH d(i, s, e) AS (SELECT key, json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(@days))
         SELECT d.i AS i, (SELECT COUNT(*) FROM Review r WHERE r.reviewedAt >= d.s AND r.reviewedAt < d.e) AS n FROM d ORDER BY d.i`,
      )
      .all({ days: JSON.stringify(days) })
      .map((r) => ({ start: new Date(days[r.i]![0]).toISOString(), count: r.n }));
  const reviewsByDay = countDays(past);
  const tomorrow = nextStudyDayStart(now, timeZone, rolloverHour).getTime();
  const calendar = options.year === undefined ? { year: null, days: reviewsByDay } : { year: options.year, days: countDays(yearBoundaries(options.year, timeZone, rolloverHour, tomorrow)) };

  // the years with reviews: one index range count per year between the first review and the last
  const span = sqlite.prepare<[], { lo: number | null; hi: number | null }>("SELECT MIN(reviewedAt) AS lo, MAX(reviewedAt) AS hi FROM Review").get();
  const years: number[] = [];
  if (span?.lo != null && span.hi != null) {
    const yearOf = (ms: number) => new TZDate(studyDayStart(new Date(ms), timeZone, rolloverHour).getTime(), timeZone).getFullYear();
    const any = sqlite.prepare<{ s: number; e: number }, { n: number }>("SELECT EXISTS (SELECT 1 FROM Review WHERE reviewedAt >= @s AND reviewedAt < @e) AS n");
    for (let y = yearOf(span.lo); y <= yearOf(span.hi); y++) {
      const days = yearBoundaries(y, timeZone, rolloverHour, Infinity);
      if (days.length > 0 && any.get({ s: days[0]![0], e: days.at(-1)![1] })!.n) years.push(y);
    }
  }

  // the forecast: cards seen before, due in each of the next 30 study days (overdue: today)
  const ahead = dayBoundaries(now, timeZone, rolloverHour, 0, 29);
  ahead[0] = [0, ahead[0]![1]];
  const forecastRows = sqlite
    .prepare<{ days: string }, { i: number; n: number }>(
      `WITH d(i, s, e) AS (SELECT key, json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(@days))
       SELECT d.i AS i, (SELECT COUNT(*) FROM Card c WHERE c.retired = 0 AND c.suspended = 0 AND c.due >= d.s AND c.due < d.e AND c.state != 0) AS n
       FROM d ORDER BY d.i`,
    )
    .all({ days: JSON.stringify(ahead) });
  const forecast = forecastRows.map((r) => ({ start: new Date(r.i === 0 ? studyDayStart(now, timeZone, rolloverHour).getTime() : ahead[r.i]![0]).toISOString(), count: r.n }));
  const dueToday = forecast[0]?.count ?? 0;
  const newCards = sqlite.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM Card WHERE retired = 0 AND suspended = 0 AND state = 0").get()!.n;

  // true retention and time, on the covering index (reviewedAt, prevState, rating, durationMs)
  const todayStart = studyDayStart(now, timeZone, rolloverHour).getTime();
  const windows = [7, 30, 365].map((days) => {
    const since = past[past.length - days]?.[0] ?? todayStart - (days - 1) * DAY;
    const row = sqlite
      .prepare<{ since: number; until: number }, { reviews: number; passed: number; timeMs: number }>(
        `SELECT COALESCE(SUM(prevState = 2), 0) AS reviews, COALESCE(SUM(prevState = 2 AND rating > 1), 0) AS passed, COALESCE(SUM(durationMs), 0) AS timeMs
         FROM Review WHERE reviewedAt >= @since AND reviewedAt < @until`,
      )
      .get({ since, until: t + 1 })!;
    return { days, ...row, rate: row.reviews > 0 ? row.passed / row.reviews : null, enough: row.reviews >= MIN_RETENTION_REVIEWS };
  });

  // the streak: from today back (today may have none yet)
  let streak = 0;
  for (let i = reviewsByDay.length - 1; i >= 0; i--) {
    const n = reviewsByDay[i]!.count;
    if (n > 0) streak++;
    else if (i === reviewsByDay.length - 1) continue;
    else break;
  }

  // mastery: retrievability now by the FSRS forgetting curve, R = (1 + factor·t/S)^decay with
  // t in whole days since the last review (as ts-fsrs computes it), grouped by deck and topic
  const w = storedWeights(sqlite) ?? DEFAULT_PARAMETERS;
  const decay = -(w[20] ?? 0.1542);
  const factor = Math.round((Math.exp(Math.log(0.9) / decay) - 1) * 1e8) / 1e8;
  const groups = sqlite
    .prepare<
      { now: number; decay: number; factor: number; mature: number },
      { deckId: string; deckTitle: string; topic: string; cards: number; studied: number; rsum: number; mature: number; firstPosition: number }
    >(
      `SELECT c.deckId, d.title AS deckTitle, c.topic, COUNT(*) AS cards, SUM(c.state != 0) AS studied, MIN(c.position) AS firstPosition,
         SUM(CASE WHEN c.state != 0 AND c.stability > 0 AND c.lastReview IS NOT NULL
           THEN pow(1 + @factor * MAX((@now - c.lastReview) / ${DAY}, 0) / c.stability, @decay) ELSE 0 END) AS rsum,
         SUM(c.state = 2 AND c.scheduledDays >= @mature) AS mature
       FROM Card c JOIN Deck d ON d.id = c.deckId WHERE c.retired = 0 GROUP BY c.deckId, c.topic`,
    )
    .all({ now: t, decay, factor, mature: MATURE_DAYS });
  const rows = new Map<string, MasteryRow & { rsum: number; firstPosition: number }>();
  for (const g of groups) {
    const path = JSON.parse(g.topic) as string[];
    for (let depth = 0; depth <= path.length; depth++) {
      const topic = path.slice(0, depth);
      const key = JSON.stringify([g.deckId, ...topic]);
      const row = rows.get(key) ?? { deckId: g.deckId, deckTitle: g.deckTitle, topic, cards: 0, studied: 0, meanRetrievability: null, mature: 0, rsum: 0, firstPosition: Infinity };
      row.cards += g.cards;
      row.studied += g.studied;
      row.mature += g.mature;
      row.rsum += g.rsum;
      row.firstPosition = Math.min(row.firstPosition, g.firstPosition);
      rows.set(key, row);
    }
  }
  // decks in home's order (listDecks: by folder, then id); in a deck, the tree of topics in the
  // notes' order: each topic after its parent, siblings by their first card's position
  const deckOrder = new Map(
    sqlite
      .prepare<[], { id: string }>("SELECT id FROM Deck ORDER BY groupPath, id")
      .all()
      .map((d, i) => [d.id, i]),
  );
  const sortKey = (r: MasteryRow) => r.topic.map((_, depth) => rows.get(JSON.stringify([r.deckId, ...r.topic.slice(0, depth + 1)]))!.firstPosition);
  const byTree = (a: MasteryRow, b: MasteryRow) => {
    const ka = sortKey(a);
    const kb = sortKey(b);
    for (let i = 0; i < Math.min(ka.length, kb.length); i++) {
      const d = ka[i]! - kb[i]! || (a.topic[i]! < b.topic[i]! ? -1 : a.topic[i]! > b.topic[i]! ? 1 : 0);
      if (d !== 0) return d;
    }
    return ka.length - kb.length;
  };
  const mastery = [...rows.values()]
    .sort((a, b) => (deckOrder.get(a.deckId) ?? 0) - (deckOrder.get(b.deckId) ?? 0) || byTree(a, b))
    .map(({ rsum, deckId, deckTitle, topic, cards, studied, mature }) => ({ deckId, deckTitle, topic, cards, studied, mature, meanRetrievability: studied > 0 ? rsum / studied : null }));

  const quizzes = sqlite
    .prepare<[], { id: string; at: number; share: number; practice: number }>(
      `SELECT id, at, share, practice FROM (SELECT id, finishedAt AS at, score * 1.0 / MAX(questionCount, 1) AS share, practice FROM Quiz
       WHERE finishedAt IS NOT NULL AND score IS NOT NULL ORDER BY createdAt DESC LIMIT 100) ORDER BY at`,
    )
    .all()
    .map((q) => ({ id: q.id, at: new Date(q.at).toISOString(), share: q.share, practice: q.practice === 1 }));
  const interviews = sqlite
    .prepare<[], { id: string; at: number; score: number }>(
      `SELECT id, at, score FROM (SELECT id, finishedAt AS at, score FROM Interview WHERE finishedAt IS NOT NULL AND score IS NOT NULL
       ORDER BY createdAt DESC LIMIT 100) ORDER BY at`,
    )
    .all()
    .map((q) => ({ id: q.id, at: new Date(q.at).toISOString(), score: q.score }));

  return {
    now: now.toISOString(),
    timeZone,
    rolloverHour,
    dueToday,
    newCards,
    forecast,
    reviewsByDay,
    calendar,
    years,
    retention: windows,
    minRetentionReviews: MIN_RETENTION_REVIEWS,
    streak,
    mastery,
    quizzes,
    interviews,
  };
}
