"use client";

import { useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { api, useApiErrorMessage } from "@/app/components/api-client";
import type { SimulationRequest, SimulationView } from "@/lib/planning/schemas";
import { ChartTable } from "@/app/components/chart-table";

/**
 * "Help me decide" (Anki's simulator): reviews a day and cards known over the next days for a
 * desired retention and new cards a day, by the seeded simulation on the server with the
 * deck's cards and the saved preset. The chart is for the eye; the summary and the table say
 * the same in words and numbers.
 */
export function HelpMeDecide({ deckId, retention, newPerDay }: { deckId: string; retention: number; newPerDay: number }) {
  const t = useTranslations("options");
  const format = useFormatter();
  const errorMessage = useApiErrorMessage();
  const [desired, setDesired] = useState(retention);
  const [perDay, setPerDay] = useState(newPerDay);
  const [days, setDays] = useState(30);
  const [result, setResult] = useState<SimulationView | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async () => {
    setBusy(true);
    setError(null);
    const body: SimulationRequest = { desiredRetention: desired, newPerDay: perDay, days };
    try {
      setResult(await api<SimulationView>(`/api/v1/decks/${encodeURIComponent(deckId)}/simulate`, { method: "POST", body: JSON.stringify(body) }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  // the simulator sits inside the options form: Enter in its fields runs it, it does not save the options
  const enterRuns = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== "Enter") return;
    e.preventDefault();
    void run();
  };
  const rows = result ? result.reviewsPerDay.map((reviews, i) => ({ day: i + 1, reviews, known: Math.round(result.knownPerDay[i] ?? 0) })) : [];
  const peak = rows.reduce((m, r) => Math.max(m, r.reviews), 0);

  return (
    <fieldset data-testid="help-me-decide">
      <legend>{t("simulateLegend")}</legend>
      <p className="hint">{t("simulateIntro")}</p>
      <label>
        {t("simulateRetention")}
        <input type="number" min={0.7} max={0.99} step={0.01} value={desired} onChange={(e) => setDesired(Number(e.target.value))} onKeyDown={enterRuns} data-testid="simulate-retention" />
      </label>
      <label>
        {t("newPerDay")}
        <input type="number" min={0} max={9999} value={perDay} onChange={(e) => setPerDay(Number(e.target.value))} onKeyDown={enterRuns} data-testid="simulate-new" />
      </label>
      <label>
        {t("simulateDays")}
        <input type="number" min={1} max={365} value={days} onChange={(e) => setDays(Number(e.target.value))} onKeyDown={enterRuns} data-testid="simulate-days" />
      </label>
      <div className="row">
        <button type="button" onClick={run} disabled={busy} data-testid="simulate">
          {busy ? t("simulating") : t("simulate")}
        </button>
      </div>
      {error ? (
        <p role="alert" className="alert">
          {error}
        </p>
      ) : null}
      <div aria-live="polite">
        {result ? (
          <figure className="simulation">
            <figcaption data-testid="simulate-summary">
              {t("simulateSummary", {
                days: rows.length,
                retention: format.number(result.desiredRetention, { style: "percent" }),
                newPerDay: result.newPerDay,
                reviews: result.totalReviews,
                perDay: Math.round(result.totalReviews / Math.max(1, rows.length)),
                peak,
                known: Math.round(result.knownPerDay.at(-1) ?? 0),
                cards: result.cards,
              })}
            </figcaption>
            <div className="chart" aria-hidden="true">
              <ResponsiveContainer width="100%" height={220}>
                <LineChart data={rows} accessibilityLayer={false}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="day" fontSize={12} />
                  <YAxis yAxisId="reviews" allowDecimals={false} fontSize={12} width={40} />
                  <YAxis yAxisId="known" orientation="right" allowDecimals={false} fontSize={12} width={40} />
                  <Tooltip />
                  <Legend wrapperStyle={{ fontSize: 13 }} />
                  <Line yAxisId="reviews" type="linear" dataKey="reviews" name={t("simulateReviews")} stroke="var(--accent)" dot={false} isAnimationActive={false} />
                  <Line yAxisId="known" type="linear" dataKey="known" name={t("simulateKnown")} stroke="var(--ok)" dot={false} isAnimationActive={false} />
                </LineChart>
              </ResponsiveContainer>
            </div>
            <ChartTable
              summary={t("asTable")}
              testId="simulate-table"
              columns={[t("simulateDay"), t("simulateReviews"), t("simulateKnown")]}
              rows={rows.map((r) => ({ key: r.day, cells: [r.day, r.reviews, r.known] }))}
            />
          </figure>
        ) : null}
      </div>
    </fieldset>
  );
}
