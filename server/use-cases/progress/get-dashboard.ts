/**
 * The progress dashboard's numbers, aggregated in SQL on indexes (never all reviews in
 * JavaScript): due today and a 30-day forecast, reviews per study day over the last year,
 * true retention and time studied over 7, 30 and 365 days, the streak, mastery per deck and
 * topic (mean retrievability now, share of mature cards), and quiz and interview scores.
 *
 * Study days start at the rollover hour in the user's time zone (lib/study-day.ts); their
 * boundaries are computed here, DST included, and joined in SQL as a small table (the
 * statements are in server/store/progress.ts).
 */
import { DEFAULT_PARAMETERS } from "@/lib/fsrs-metrics";
import { TZDate } from "@date-fns/tz";
import { nextStudyDayStart, studyDayStart } from "@/lib/study-day";
import { db as defaultDb, type Db } from "../../db";
import {
  anyReviewBetween,
  countDueByDay,
  countNewCards,
  countReviewsByDay,
  deckIdsInOrder,
  masteryGroups,
  recentInterviewScores,
  recentQuizScores,
  reviewSpan,
  reviewWindow,
} from "../../store/progress";
import { readSettings, storedWeights } from "../../store/settings";

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
  const countDays = (days: Array<[number, number]>) => countReviewsByDay(sqlite, days).map((r) => ({ start: new Date(days[r.i]![0]).toISOString(), count: r.n }));
  const reviewsByDay = countDays(past);
  const tomorrow = nextStudyDayStart(now, timeZone, rolloverHour).getTime();
  const calendar = options.year === undefined ? { year: null, days: reviewsByDay } : { year: options.year, days: countDays(yearBoundaries(options.year, timeZone, rolloverHour, tomorrow)) };

  // the years with reviews: one index range count per year between the first review and the last
  const span = reviewSpan(sqlite);
  const years: number[] = [];
  if (span.lo !== null && span.hi !== null) {
    const yearOf = (ms: number) => new TZDate(studyDayStart(new Date(ms), timeZone, rolloverHour).getTime(), timeZone).getFullYear();
    for (let y = yearOf(span.lo); y <= yearOf(span.hi); y++) {
      const days = yearBoundaries(y, timeZone, rolloverHour, Infinity);
      if (days.length > 0 && anyReviewBetween(sqlite, days[0]![0], days.at(-1)![1])) years.push(y);
    }
  }

  // the forecast: cards seen before, due in each of the next 30 study days (overdue: today)
  const ahead = dayBoundaries(now, timeZone, rolloverHour, 0, 29);
  ahead[0] = [0, ahead[0]![1]];
  const forecastRows = countDueByDay(sqlite, ahead);
  const forecast = forecastRows.map((r) => ({ start: new Date(r.i === 0 ? studyDayStart(now, timeZone, rolloverHour).getTime() : ahead[r.i]![0]).toISOString(), count: r.n }));
  const dueToday = forecast[0]?.count ?? 0;
  const newCards = countNewCards(sqlite);

  // true retention and time, on the covering index (reviewedAt, prevState, rating, durationMs)
  const todayStart = studyDayStart(now, timeZone, rolloverHour).getTime();
  const windows = [7, 30, 365].map((days) => {
    const since = past[past.length - days]?.[0] ?? todayStart - (days - 1) * DAY;
    const row = reviewWindow(sqlite, since, t + 1);
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
  const groups = masteryGroups(sqlite, { now: t, decay, factor, mature: MATURE_DAYS });
  const rows = new Map<string, MasteryRow & { rsum: number; firstPosition: number }>();
  for (const g of groups) {
    const path = g.topic;
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
  const deckOrder = new Map(deckIdsInOrder(sqlite).map((id, i) => [id, i]));
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

  const quizzes = recentQuizScores(sqlite).map((q) => ({ id: q.id, at: new Date(q.at).toISOString(), share: q.share, practice: q.practice }));
  const interviews = recentInterviewScores(sqlite).map((q) => ({ id: q.id, at: new Date(q.at).toISOString(), score: q.score }));

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
