"use client";

import Link from "next/link";
import { useEffect, useEffectEvent, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { api, useApiErrorMessage } from "@/app/components/api-client";
import type { Dashboard } from "@/server/use-cases/dashboard";

/** Heatmap shades: reviews per day up to these counts. */
const SHADES = [0, 1, 10, 30, 60];

/**
 * The progress dashboard. Every chart (recharts) has a table with the same numbers for
 * screen readers and for reading exact values; the heatmap is a grid of days with labels.
 */
export function ProgressDashboard() {
  const t = useTranslations("dashboard");
  const format = useFormatter();
  const errorMessage = useApiErrorMessage();
  const [data, setData] = useState<Dashboard | null>(null);
  const [error, setError] = useState<string | null>(null);
  const onData = useEffectEvent((d: Dashboard) => setData(d));
  const onError = useEffectEvent((e: unknown) => setError(errorMessage(e)));
  useEffect(() => {
    const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
    api<Dashboard>(`/api/v1/dashboard?tz=${encodeURIComponent(tz)}`).then(onData, onError);
  }, []);

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
  const scores = [
    ...data.quizzes.map((q) => ({ at: q.at, quiz: Math.round(q.share * 100) })),
    ...data.interviews.map((i) => ({ at: i.at, interview: Math.round(i.score * 100) })),
  ]
    .sort((a, b) => a.at.localeCompare(b.at))
    .map((s) => ({ ...s, label: day(s.at) }));
  const shade = (n: number) => SHADES.filter((s) => n >= s && s > 0).length;

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
          <Tile key={w.days} label={t("retention", { days: w.days })} value={percent(w.rate)} hint={t("retentionHint", { passed: w.passed, reviews: w.reviews })} testId={`retention-${w.days}`} />
        ))}
        {data.retention.map((w) => (
          <Tile key={`time-${w.days}`} label={t("timeStudied", { days: w.days })} value={minutes(w.timeMs)} testId={`time-${w.days}`} />
        ))}
      </section>

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
        <details>
          <summary>{t("asTable")}</summary>
          <div className="table-scroll">
            <table className="data-table" data-testid="forecast-table">
              <thead>
                <tr>
                  <th scope="col">{t("day")}</th>
                  <th scope="col">{t("due")}</th>
                </tr>
              </thead>
              <tbody>
                {forecast.map((f, i) => (
                  <tr key={i}>
                    <td>{i === 0 ? t("todayWithOverdue") : f.label}</td>
                    <td>{f.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </section>

      <section aria-labelledby="heatmap">
        <h2 id="heatmap">{t("heatmapTitle")}</h2>
        <div className="heatmap" role="img" aria-label={t("heatmapLabel", { reviews: data.reviewsByDay.reduce((s, d) => s + d.count, 0), days: data.reviewsByDay.filter((d) => d.count > 0).length })} data-testid="heatmap">
          {data.reviewsByDay.map((d) => (
            <span key={d.start} className={`cell shade-${shade(d.count)}`} title={`${day(d.start)}: ${t("reviewsCount", { count: d.count })}`} />
          ))}
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
                      <Link href={`/browse?${new URLSearchParams({ deck: m.deckId }).toString()}`}>{m.deckTitle}</Link>
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
                  <XAxis dataKey="label" fontSize={12} />
                  <YAxis domain={[0, 100]} fontSize={12} width={40} unit="%" />
                  <Tooltip />
                  <Line type="monotone" dataKey="quiz" name={t("quiz")} stroke="var(--accent)" connectNulls isAnimationActive={false} />
                  <Line type="monotone" dataKey="interview" name={t("interview")} stroke="var(--ok)" connectNulls isAnimationActive={false} />
                </LineChart>
              </ResponsiveContainer>
            </div>
            <details>
              <summary>{t("asTable")}</summary>
              <div className="table-scroll">
                <table className="data-table" data-testid="scores-table">
                  <thead>
                    <tr>
                      <th scope="col">{t("day")}</th>
                      <th scope="col">{t("quiz")}</th>
                      <th scope="col">{t("interview")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {scores.map((s, i) => (
                      <tr key={i}>
                        <td>{s.label}</td>
                        <td>{"quiz" in s ? `${s.quiz}%` : "—"}</td>
                        <td>{"interview" in s ? `${s.interview}%` : "—"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
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
