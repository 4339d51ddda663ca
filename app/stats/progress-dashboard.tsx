"use client";

import Link from "next/link";
import { useEffect, useEffectEvent, useRef, useState } from "react";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useHistoryNames } from "@/app/components/use-history-names";
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { api, useApiErrorMessage } from "@/app/components/api-client";
import { calendarLayout, weekStart } from "@/lib/calendar";
import { studyDayStart } from "@/lib/study-day";
import type { Dashboard } from "@/server/use-cases/progress/get-dashboard";
import { ChartTable } from "@/app/components/chart-table";

/** Heatmap shades: reviews per day up to these counts. */
const SHADES = [0, 1, 10, 30, 60];
const HOUR = 3_600_000;
/** The weekdays the heatmap names (ISO: Monday, Wednesday, Friday), as GitHub does. */
const NAMED_WEEKDAYS = new Set([1, 3, 5]);

/** The scores chart's series, in the legend's order. */
const SERIES = ["quiz", "practice", "interview"];

/** One quiz or interview on the scores chart: its time, and its score in the one series it belongs to. */
interface ScorePoint {
  t: number;
  quiz?: number;
  practice?: number;
  interview?: number;
}

/**
 * The progress dashboard. Every chart (recharts) has a table with the same numbers for
 * screen readers and for reading exact values; the heatmap is a grid of days with labels.
 */
export function ProgressDashboard() {
  const t = useTranslations("dashboard");
  const names = useHistoryNames();
  const format = useFormatter();
  const locale = useLocale();
  const errorMessage = useApiErrorMessage();
  const [data, setData] = useState<Dashboard | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** the heatmap's calendar year, "" for the last 365 days */
  const [year, setYear] = useState("");
  const heatmapScroll = useRef<HTMLDivElement>(null);
  const onData = useEffectEvent((d: Dashboard) => setData(d));
  const onError = useEffectEvent((e: unknown) => setError(errorMessage(e)));
  useEffect(() => {
    const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const query = new URLSearchParams({ tz, ...(year ? { year } : {}) });
    api<Dashboard>(`/api/v1/dashboard?${query.toString()}`).then(onData, onError);
  }, [year]);
  // on a narrow screen the calendar scrolls: the last 365 days open on today, a year on January
  const calendarKey = data ? `${data.calendar.year}` : null;
  useEffect(() => {
    const el = heatmapScroll.current;
    if (el && calendarKey !== null) el.scrollLeft = calendarKey === "null" ? el.scrollWidth : 0;
  }, [calendarKey]);

  if (!data) {
    return error ? (
      <p role="alert" className="alert">
        {error}
      </p>
    ) : (
      <p>{t("loading")}</p>
    );
  }
  const day = (iso: string) => format.dateTime(new Date(iso), { month: "short", day: "numeric", timeZone: data.timeZone });
  const percent = (x: number | null) => (x === null ? "—" : `${format.number(x * 100, { maximumFractionDigits: 1 })}%`);
  const minutes = (ms: number) => t("minutes", { minutes: Math.round(ms / 60_000) });
  const forecast = data.forecast.map((f) => ({ label: day(f.start), count: f.count }));
  const dateTime = (at: number | string) => format.dateTime(new Date(at), { dateStyle: "medium", timeStyle: "short", timeZone: data.timeZone });
  // practice quizzes never touch the schedule: a series of their own, not part of the quiz line
  const scores: ScorePoint[] = [
    ...data.quizzes.map((q) => ({ t: Date.parse(q.at), [q.practice ? "practice" : "quiz"]: Math.round(q.share * 100) })),
    ...data.interviews.map((i) => ({ t: Date.parse(i.at), interview: Math.round(i.score * 100) })),
  ].sort((a, b) => a.t - b.t);
  // a time axis: one tick at noon of each day with a score, labelled once
  const midnight = (at: number) => studyDayStart(new Date(at), data.timeZone, 0).getTime();
  const scoreDays = [...new Set(scores.map((s) => midnight(s.t)))];
  const scoreTicks = scoreDays.map((d) => d + 12 * HOUR);
  const scoreDomain: [number, number] = [scoreDays[0] ?? 0, midnight((scoreDays.at(-1) ?? 0) + 36 * HOUR)];
  const shade = (n: number) => SHADES.filter((s) => n >= s && s > 0).length;
  const calendar = calendarLayout(data.calendar.days, data.timeZone, weekStart(locale));
  const calendarReviews = data.calendar.days.reduce((s, d) => s + d.count, 0);
  const calendarDays = data.calendar.days.filter((d) => d.count > 0).length;
  const monthName = (y: number, m: number) => format.dateTime(new Date(Date.UTC(y, m - 1, 15)), { month: "short", timeZone: "UTC" });
  // 1 January 2024 was a Monday: ISO weekday k is 2024-01-0k
  const weekdayName = (iso: number) => format.dateTime(new Date(Date.UTC(2024, 0, iso)), { weekday: "short", timeZone: "UTC" });
  const retentionHint = (w: Dashboard["retention"][number]) =>
    w.reviews === 0 ? t("retentionNone", { days: w.days }) : w.enough ? t("retentionHint", { passed: w.passed, reviews: w.reviews }) : t("retentionFew", { passed: w.passed, reviews: w.reviews });

  return (
    <div className="dashboard" data-testid="dashboard">
      <section aria-labelledby="today" className="tiles">
        <h2 id="today" className="visually-hidden">
          {t("today")}
        </h2>
        <Tile label={t("dueToday")} value={format.number(data.dueToday)} testId="due-today" />
        <Tile label={t("newCards")} value={format.number(data.newCards)} testId="new-cards" />
        <Tile label={t("streak")} value={t("days", { days: data.streak })} testId="streak" />
        {data.retention.map((w) => (
          <Tile key={w.days} label={t("retention", { days: w.days })} value={percent(w.rate)} hint={retentionHint(w)} testId={`retention-${w.days}`} />
        ))}
        {data.retention.map((w) => (
          <Tile key={`time-${w.days}`} label={t("timeStudied", { days: w.days })} value={minutes(w.timeMs)} testId={`time-${w.days}`} />
        ))}
      </section>
      <details className="retention-explained" data-testid="retention-explained">
        <summary>{t("retentionWhat")}</summary>
        <p>{t("retentionExplained", { min: data.minRetentionReviews })}</p>
      </details>

      <section aria-labelledby="forecast">
        <h2 id="forecast">{t("forecastTitle")}</h2>
        <div className="chart" aria-hidden="true">
          <ResponsiveContainer width="100%" height={200}>
            <BarChart data={forecast} accessibilityLayer={false}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="label" interval={4} fontSize={12} />
              <YAxis allowDecimals={false} fontSize={12} width={40} />
              <Tooltip />
              <Bar dataKey="count" name={t("due")} fill="var(--accent)" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
        <ChartTable
          summary={t("asTable")}
          testId="forecast-table"
          columns={[t("day"), t("due")]}
          rows={forecast.map((f, i) => ({ key: i, cells: [i === 0 ? t("todayWithOverdue") : f.label, f.count] }))}
        />
      </section>

      <section aria-labelledby="heatmap">
        <div className="section-head">
          <h2 id="heatmap">{t("heatmapTitle")}</h2>
          <label className="heatmap-year">
            {t("heatmapPeriod")}{" "}
            <select value={year} onChange={(e) => setYear(e.target.value)} data-testid="heatmap-year">
              <option value="">{t("last365")}</option>
              {[...data.years].reverse().map((y) => (
                <option key={y} value={String(y)}>
                  {y}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="heatmap-scroll" ref={heatmapScroll}>
          <div
            className="heatmap"
            role="img"
            aria-label={data.calendar.year === null ? t("heatmapLabel", { reviews: calendarReviews, days: calendarDays }) : t("heatmapYearLabel", { reviews: calendarReviews, days: calendarDays, year: data.calendar.year })}
            data-testid="heatmap"
            data-year={data.calendar.year ?? ""}
            style={{ gridTemplateColumns: `auto repeat(${calendar.weeks}, var(--cell))` }}
          >
            {calendar.months.map((m) => (
              <span key={`${m.year}-${m.month}`} className="heatmap-month" style={{ gridRow: 1, gridColumn: `${m.week + 2} / span 3` }} data-testid="heatmap-month">
                {monthName(m.year, m.month)}
              </span>
            ))}
            {Array.from({ length: 7 }, (_, row) => {
              const iso = ((weekStart(locale) - 1 + row) % 7) + 1;
              return (
                <span key={`w${row}`} className="heatmap-weekday" style={{ gridRow: row + 2, gridColumn: 1 }} data-weekday={iso}>
                  {NAMED_WEEKDAYS.has(iso) ? weekdayName(iso) : ""}
                </span>
              );
            })}
            {calendar.cells.map((c) => (
              <span
                key={c.start}
                className={`cell shade-${shade(c.count)}`}
                style={{ gridRow: c.row + 2, gridColumn: c.week + 2 }}
                data-date={c.date}
                data-weekday={c.weekday}
                data-count={c.count}
                title={`${format.dateTime(new Date(c.start), { dateStyle: "full", timeZone: data.timeZone })}: ${t("reviewsCount", { count: c.count })}`}
              />
            ))}
          </div>
        </div>
        <p className="hint heatmap-legend">
          {t("less")} {[0, 1, 2, 3, 4].map((s) => <span key={s} className={`cell shade-${s}`} aria-hidden="true" />)} {t("more")}
        </p>
      </section>

      <section aria-labelledby="mastery">
        <h2 id="mastery">{t("masteryTitle")}</h2>
        <div className="table-scroll">
          <table className="data-table" data-testid="mastery-table">
            <thead>
              <tr>
                <th scope="col">{t("deckOrTopic")}</th>
                <th scope="col">{t("cards")}</th>
                <th scope="col">{t("studied")}</th>
                <th scope="col">{t("recallNow")}</th>
                <th scope="col">{t("mature")}</th>
              </tr>
            </thead>
            <tbody>
              {data.mastery.map((m) => (
                <tr key={JSON.stringify([m.deckId, ...m.topic])} data-testid="mastery-row" data-topic={[m.deckTitle, ...m.topic].join(" › ")}>
                  <th scope="row" style={{ paddingInlineStart: `${0.5 + m.topic.length * 1.25}rem` }}>
                    {m.topic.length === 0 ? (
                      <Link href={`/browse?${new URLSearchParams({ deck: m.deckId }).toString()}`}>{names.deckTitle(m.deckId, m.deckTitle)}</Link>
                    ) : (
                      m.topic.at(-1)
                    )}
                  </th>
                  <td>{m.cards}</td>
                  <td>{m.studied}</td>
                  <td>
                    <meter min={0} max={1} low={0.7} high={0.85} optimum={1} value={m.meanRetrievability ?? 0} aria-hidden="true" /> {percent(m.meanRetrievability)}
                  </td>
                  <td>{m.cards > 0 ? `${m.mature} (${percent(m.mature / m.cards)})` : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="scores">
        <h2 id="scores">{t("scoresTitle")}</h2>
        {scores.length === 0 ? (
          <p>{t("noScores")}</p>
        ) : (
          <>
            <div className="chart" aria-hidden="true">
              <ResponsiveContainer width="100%" height={220}>
                <LineChart data={scores} accessibilityLayer={false}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis
                    dataKey="t"
                    type="number"
                    scale="time"
                    domain={scoreDomain}
                    ticks={scoreTicks}
                    interval="preserveStartEnd"
                    minTickGap={8}
                    tickFormatter={(at: number) => day(new Date(at).toISOString())}
                    fontSize={12}
                  />
                  {/* padding below 0%: a practice run at 0% sat on the axis line, out of sight */}
                  <YAxis domain={[0, 100]} fontSize={12} width={40} unit="%" padding={{ bottom: 10 }} />
                  <Tooltip labelFormatter={(at) => dateTime(Number(at))} formatter={(v) => `${String(v)}%`} />
                  <Legend wrapperStyle={{ fontSize: 13 }} itemSorter={(item) => SERIES.indexOf(String(item.dataKey))} />
                  {/* straight lines through dots: a curve would show scores nobody had between two attempts */}
                  <Line type="linear" dataKey="quiz" name={t("quiz")} stroke="var(--accent)" dot={{ r: 3 }} connectNulls isAnimationActive={false} />
                  <Line type="linear" dataKey="practice" name={t("practiceQuiz")} stroke="var(--muted)" strokeDasharray="4 3" dot={{ r: 3 }} connectNulls isAnimationActive={false} />
                  <Line type="linear" dataKey="interview" name={t("interview")} stroke="var(--ok)" dot={{ r: 3 }} connectNulls isAnimationActive={false} />
                </LineChart>
              </ResponsiveContainer>
            </div>
            <ChartTable
              summary={t("asTable")}
              testId="scores-table"
              columns={[t("dateTime"), t("kind"), t("score")]}
              rowTestId="score-row"
              rows={scores.map((s, i) => ({
                key: i,
                cells: [dateTime(s.t), s.quiz !== undefined ? t("quiz") : s.practice !== undefined ? t("practiceQuiz") : t("interview"), `${s.quiz ?? s.practice ?? s.interview}%`],
              }))}
            />
          </>
        )}
      </section>
    </div>
  );
}

function Tile({ label, value, hint, testId }: { label: string; value: string; hint?: string; testId: string }) {
  return (
    <div className="tile" data-testid={testId}>
      <span className="tile-label">{label}</span>
      <strong className="tile-value">{value}</strong>
      {hint ? <span className="hint">{hint}</span> : null}
    </div>
  );
}
