"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { api, useApiErrorMessage } from "@/app/components/api-client";
import type { StudyMissedResult } from "@/server/use-cases/interview/study-missed";

/** Where "study what I missed" takes you: the deck's study screen, those cards first. */
export const studyMissedHref = (deckId: string, cardIds: readonly string[]) => `/study/${encodeURIComponent(deckId)}?${new URLSearchParams({ cards: cardIds.join(",") }).toString()}`;

/**
 * "Study what I missed" (its label: how many cards it queues): the cards behind the missed points get an Again review (due within a
 * minute), then you are taken to study them; the links stay for the other decks and for later.
 * And printing.
 */
export function ReportActions({ interviewId, cards, studied, deckTitles }: { interviewId: string; cards: number; studied: boolean; deckTitles: Record<string, string> }) {
  const t = useTranslations("interview");
  const format = useFormatter();
  const router = useRouter();
  const errorMessage = useApiErrorMessage();
  const [done, setDone] = useState<StudyMissedResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const study = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await api<StudyMissedResult>(`/api/v1/interviews/${interviewId}/study-missed`, { method: "POST" });
      setDone(result);
      const first = result.study[0];
      if (first) router.push(studyMissedHref(first.deckId, first.cardIds));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const time = done?.dueAt ? format.dateTime(new Date(done.dueAt), { timeStyle: "short" }) : "";
  return (
    <div className="actions no-print">
      {cards > 0 ? (
        <button type="button" className="button primary" onClick={study} disabled={busy} data-testid="study-missed">
          {studied ? t("studyMissedAgain", { count: cards }) : t("studyMissed", { count: cards })}
        </button>
      ) : null}
      <button type="button" className="button" onClick={() => window.print()} data-testid="print-report">
        {t("print")}
      </button>
      <div aria-live="polite" data-testid="study-missed-done">
        {done
          ? done.study.map((d) => (
              <p key={d.deckId} className="study-missed-done">
                {t("studyMissedQueued", { count: d.cardIds.length, deck: deckTitles[d.deckId] ?? d.deckId, time })}{" "}
                <Link className="button" href={studyMissedHref(d.deckId, d.cardIds)} data-testid="study-missed-go">
                  {t("studyMissedGo")} →
                </Link>
              </p>
            ))
          : null}
      </div>
      {error ? (
        <p role="alert" className="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
