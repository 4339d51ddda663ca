"use client";

import { useEffect, useEffectEvent, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { api, useApiErrorMessage } from "@/app/components/api-client";
import type { ImportHistorySuccess } from "@/server/use-cases/import-history";
import type { OptimizeJob } from "@/server/use-cases/optimize-parameters";

/** How often a running optimization is asked for its progress. */
const POLL_MS = 1000;

/**
 * Bringing a review history in (a CSV in Anki's export shape) and fitting personal FSRS
 * parameters to it: the fit runs on the server in a worker; its metrics on the newest 20% of
 * the history are shown for the current and the proposed parameters, applied only on confirm.
 */
export function HistoryPanel({ personal }: { personal: boolean }) {
  const t = useTranslations("history");
  const format = useFormatter();
  const errorMessage = useApiErrorMessage();
  const [file, setFile] = useState<File | null>(null);
  const [imported, setImported] = useState<ImportHistorySuccess | null>(null);
  const [job, setJob] = useState<OptimizeJob | null>(null);
  const [applied, setApplied] = useState<boolean>(personal);
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
      await api("/api/v1/parameters", { method: "PUT", body: JSON.stringify({ parameters: job.result.proposed }) });
      setApplied(true);
      setNotice(t("appliedNotice"));
    });
  const reset = () =>
    run(async () => {
      await api("/api/v1/parameters", { method: "DELETE" });
      setApplied(false);
      setNotice(t("resetNotice"));
    });
  const cancel = () => run(async () => setJob(await api<OptimizeJob>(`/api/v1/parameters/optimize/${job!.id}`, { method: "DELETE" })));

  const n4 = (x: number) => format.number(x, { minimumFractionDigits: 4, maximumFractionDigits: 4 });
  const result = job?.result ?? null;
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
        {result ? (
          <div data-testid="optimize-result">
            <p className="hint">{t("evaluated", { reviews: result.metrics.proposed.count, from: result.testFrom ? format.dateTime(new Date(result.testFrom), { dateStyle: "medium" }) : "—", train: result.trainCount })}</p>
            <div className="table-scroll">
              <table className="data-table">
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
                    <td data-testid="current-log-loss">{n4(result.metrics.current.logLoss)}</td>
                    <td>{n4(result.metrics.current.rmseBins)}</td>
                  </tr>
                  <tr>
                    <th scope="row">{t("proposed")}</th>
                    <td data-testid="proposed-log-loss">{n4(result.metrics.proposed.logLoss)}</td>
                    <td>{n4(result.metrics.proposed.rmseBins)}</td>
                  </tr>
                </tbody>
              </table>
            </div>
            <p className="hint">{t("lowerIsBetter")}</p>
            <div className="actions">
              <button type="button" className="button primary" onClick={apply} disabled={busy} data-testid="parameters-apply">
                {t("apply")}
              </button>
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
