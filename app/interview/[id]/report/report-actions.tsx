"use client";

import { useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { api, useApiErrorMessage } from "@/app/components/api-client";

/** "Study what I missed" (the missed cards become due now, as Again reviews) and printing. */
export function ReportActions({ interviewId, missed, studied }: { interviewId: string; missed: number; studied: boolean }) {
  const t = useTranslations("interview");
  const format = useFormatter();
  const errorMessage = useApiErrorMessage();
  const [done, setDone] = useState<{ cards: number; dueAt: string | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const study = async () => {
    setBusy(true);
    setError(null);
    try {
      setDone(await api<{ cards: number; dueAt: string | null }>(`/api/v1/interviews/${interviewId}/study-missed`, { method: "POST" }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="actions no-print">
      {missed > 0 ? (
        <button type="button" className="button primary" onClick={study} disabled={busy || done !== null} data-testid="study-missed">
          {studied ? t("studyMissedAgain", { count: missed }) : t("studyMissed", { count: missed })}
        </button>
      ) : null}
      <button type="button" className="button" onClick={() => window.print()} data-testid="print-report">
        {t("print")}
      </button>
      <p aria-live="polite" className="hint" data-testid="study-missed-done">
        {done ? t("studyMissedDone", { count: done.cards, time: done.dueAt ? format.dateTime(new Date(done.dueAt), { timeStyle: "short" }) : "" }) : ""}
      </p>
      {error ? (
        <p role="alert" className="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
