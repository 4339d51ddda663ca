"use client";
/** "I was right" on the result page: the typed answer scores 1, the review becomes a right one, the page shows it. */
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { api, useApiErrorMessage } from "@/app/components/api-client";

export function OverrideButton({ quizId, position }: { quizId: string; position: number }) {
  const t = useTranslations("quiz");
  const message = useApiErrorMessage();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      await api(`/api/v1/quizzes/${quizId}/override`, { method: "POST", body: JSON.stringify({ position }) });
      router.refresh();
    } catch (e) {
      setError(message(e));
      setBusy(false);
    }
  };
  return (
    <p className="row">
      <button type="button" className="button" onClick={() => void run()} disabled={busy} data-testid="quiz-override">
        {t("iWasRight")}
      </button>
      {error ? (
        <span role="alert" className="alert">
          {error}
        </span>
      ) : null}
    </p>
  );
}
