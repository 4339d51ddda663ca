"use client";

import { useEffect, useEffectEvent, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { api, useApiErrorMessage } from "@/app/components/api-client";
import type { ImportHistorySuccess } from "@/server/use-cases/import-history";
import type { OptimizeJob } from "@/server/use-cases/parameters/optimize-job";

/** How often a running optimization is asked for its progress. */
const POLL_MS = 1000;

/**
 * Bringing a review history in (a CSV in Anki's export shape) and fitting personal FSRS
 * parameters to it: the fit runs on the server in a worker. The result leads with a verdict in
 * plain words (better, about the same or worse for this history, judged mainly on log loss),
 * then the metrics on the newest 20% of the history and the 21 parameters, current against
 * optimized; they are applied only on confirm, and then shown as the ones in use.
 */
export function HistoryPanel({ personal }: { personal: boolean }) {
  const t = useTranslations("history");
  const format = useFormatter();
  const errorMessage = useApiErrorMessage();
  const [file, setFile] = useState<File | null>(null);
  const [imported, setImported] = useState<ImportHistorySuccess | null>(null);
  const [job, setJob] = useState<OptimizeJob | null>(null);
  const [applied, setApplied] = useState<boolean>(personal);
  /** the optimization whose parameters were applied from this page, and what the server stored */
  const [appliedFit, setAppliedFit] = useState<{ jobId: string; parameters: number[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const run = async (body: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await body();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const importFile = () =>
    run(async () => {
      if (!file) return;
      const text = await file.text();
      setImported(await api<ImportHistorySuccess>("/api/v1/history", { method: "POST", body: text, headers: { "content-type": "text/csv" } }));
    });

  const optimize = () => run(async () => setJob(await api<OptimizeJob>("/api/v1/parameters/optimize", { method: "POST" })));

  // a running fit is polled until it ends
  const poll = useEffectEvent(async (id: string) => {
    try {
      setJob(await api<OptimizeJob>(`/api/v1/parameters/optimize/${id}`));
    } catch (e) {
      setError(errorMessage(e));
    }
  });
  useEffect(() => {
    if (job?.status !== "running") return;
    const timer = setInterval(() => void poll(job.id), POLL_MS);
    return () => clearInterval(timer);
  }, [job?.status, job?.id]);

  const apply = () =>
    run(async () => {
      if (!job?.result) return;
      const { parameters } = await api<{ parameters: number[] }>("/api/v1/parameters", { method: "PUT", body: JSON.stringify({ parameters: job.result.proposed }) });
      setApplied(true);
      setAppliedFit({ jobId: job.id, parameters });
    });
  const reset = () =>
    run(async () => {
      await api("/api/v1/parameters", { method: "DELETE" });
      setApplied(false);
      // a comparison against parameters no longer in use would mislead
      setAppliedFit(null);
      setJob(null);
      setNotice(t("resetNotice"));
    });
  const cancel = () => run(async () => setJob(await api<OptimizeJob>(`/api/v1/parameters/optimize/${job!.id}`, { method: "DELETE" })));

  const n4 = (x: number) => format.number(x, { minimumFractionDigits: 4, maximumFractionDigits: 4 });
  const change = (x: number) => format.number(Math.abs(x), { style: "percent", maximumSignificantDigits: 2 });
  const result = job?.result ?? null;
  const isApplied = result !== null && appliedFit?.jobId === job?.id;
  const comparison = result?.comparison ?? null;
  // the measures disagree when one went down and the other up
  const mixed = comparison !== null && comparison.logLossChange * comparison.rmseChange < 0;
  // after Apply the applied parameters are the current ones, and the ones before them are shown beside
  const rows = result
    ? isApplied
      ? { now: { params: appliedFit!.parameters, metrics: result.metrics.proposed }, other: { label: t("previous"), params: result.current, metrics: result.metrics.current } }
      : { now: { params: result.current, metrics: result.metrics.current }, other: { label: t("optimized"), params: result.proposed, metrics: result.metrics.proposed } }
    : null;
  return (
    <section className="options-form history-panel" aria-labelledby="history-title" data-testid="history-panel">
      <h2 id="history-title">{t("title")}</h2>
      <fieldset>
        <legend>{t("importLegend")}</legend>
        <p className="hint">{t("importHint")}</p>
        <label>
          {t("file")}
          <input type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} data-testid="history-file" />
        </label>
        <div className="actions">
          <button type="button" className="button" onClick={importFile} disabled={busy || !file} data-testid="history-import">
            {t("import")}
          </button>
        </div>
        {imported ? (
          <p aria-live="polite" data-testid="history-imported">
            {t("imported", { added: imported.reviewsAdded, present: imported.reviewsAlreadyPresent, created: imported.cardsCreated, recomputed: imported.cardsRecomputed })}
            {imported.skipped.length > 0 ? ` ${t("skipped", { count: imported.skipped.length })}` : ""}
          </p>
        ) : null}
      </fieldset>
      <fieldset>
        <legend>{t("optimizeLegend")}</legend>
        <p className="hint">{applied ? t("usingPersonal") : t("usingDefaults")}</p>
        <div className="actions">
          <button type="button" className="button" onClick={optimize} disabled={busy || job?.status === "running"} data-testid="optimize">
            {t("optimize")}
          </button>
          {applied ? (
            <button type="button" className="button" onClick={reset} disabled={busy} data-testid="parameters-reset">
              {t("reset")}
            </button>
          ) : null}
        </div>
        {job?.status === "running" ? (
          <p data-testid="optimize-progress">
            <progress max={1} value={job.progress.fraction} aria-label={t(`stage.${job.progress.stage}`)} /> {t(`stage.${job.progress.stage}`)}{" "}
            <button type="button" className="button" onClick={cancel} disabled={busy}>
              {t("cancel")}
            </button>
          </p>
        ) : null}
        {job?.status === "failed" ? (
          <p role="alert" className="alert" data-testid="optimize-failed">
            {job.error}
          </p>
        ) : null}
        {job?.status === "cancelled" ? <p>{t("cancelled")}</p> : null}
        {result && comparison && rows ? (
          <div data-testid="optimize-result" data-applied={isApplied}>
            {isApplied ? (
              <p role="status" className="notice" data-testid="parameters-applied">
                {t("appliedStatus")}
              </p>
            ) : (
              <>
                <p className="verdict" data-testid="optimize-verdict" data-verdict={comparison.verdict}>
                  <strong>{t(`verdict.${comparison.verdict}`)}</strong>
                </p>
                {mixed ? (
                  <p className="hint" data-testid="optimize-mixed">
                    {t("mixed", {
                      rmse: t(comparison.rmseChange < 0 ? "lower" : "higher"),
                      rmseChange: change(comparison.rmseChange),
                      logLoss: t(comparison.logLossChange < 0 ? "lower" : "higher"),
                      logLossChange: change(comparison.logLossChange),
                    })}
                  </p>
                ) : null}
              </>
            )}
            <div className="table-scroll">
              <table className="data-table" data-testid="metrics-table">
                <thead>
                  <tr>
                    <th scope="col">{t("parameters")}</th>
                    <th scope="col">{t("logLoss")}</th>
                    <th scope="col">{t("rmseBins")}</th>
                  </tr>
                </thead>
                <tbody>
                  <tr>
                    <th scope="row">{t("current")}</th>
                    <td data-testid="current-log-loss">{n4(rows.now.metrics.logLoss)}</td>
                    <td data-testid="current-rmse">{n4(rows.now.metrics.rmseBins)}</td>
                  </tr>
                  <tr>
                    <th scope="row">{rows.other.label}</th>
                    <td data-testid={isApplied ? "previous-log-loss" : "proposed-log-loss"}>{n4(rows.other.metrics.logLoss)}</td>
                    <td>{n4(rows.other.metrics.rmseBins)}</td>
                  </tr>
                </tbody>
              </table>
            </div>
            <details data-testid="metrics-details">
              <summary>{t("metricsDetails")}</summary>
              <p className="hint">{t("evaluated", { reviews: result.metrics.proposed.count, from: result.testFrom ? format.dateTime(new Date(result.testFrom), { dateStyle: "medium" }) : "—", train: result.trainCount })}</p>
              <p className="hint">{t("logLossExplained")}</p>
              <p className="hint">{t("rmseExplained")}</p>
            </details>
            <details data-testid="parameters-details">
              <summary>{t("parametersDetails")}</summary>
              <div className="table-scroll">
                <table className="data-table compact" data-testid="parameters-table">
                  <thead>
                    <tr>
                      <th scope="col">{t("parameter")}</th>
                      <th scope="col">{t("current")}</th>
                      <th scope="col">{isApplied ? t("previous") : t("optimized")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.now.params.map((w, i) => (
                      <tr key={i} data-testid="parameter-row">
                        <th scope="row">w{i}</th>
                        <td data-testid="parameter-current">{n4(w)}</td>
                        <td data-testid="parameter-other">{n4(rows.other.params[i] ?? NaN)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
            {isApplied ? null : <p className="hint" data-testid="until-applied">{t("untilApplied")}</p>}
            <div className="actions">
              {isApplied ? (
                <button type="button" className="button" disabled data-testid="parameters-apply">
                  ✓ {t("appliedButton")}
                </button>
              ) : (
                <button type="button" className={comparison.verdict === "worse" ? "button" : "button primary"} onClick={apply} disabled={busy} data-testid="parameters-apply">
                  {comparison.verdict === "worse" ? t("applyAnyway") : t("apply")}
                </button>
              )}
            </div>
          </div>
        ) : null}
      </fieldset>
      <fieldset>
        <legend>{t("backupLegend")}</legend>
        <p className="hint">{t("exportHint")}</p>
        <p>
          <a href="/api/v1/export" download data-testid="export-all">
            {t("exportAll")}
          </a>
        </p>
      </fieldset>
      {notice ? (
        <p aria-live="polite" data-testid="history-notice">
          {notice}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="alert" data-testid="history-error">
          {error}
        </p>
      ) : null}
    </section>
  );
}
