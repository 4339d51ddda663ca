"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { api, useApiErrorMessage } from "@/app/components/api-client";

/** "Retake the ones I got wrong": a new quiz of those questions, asked the same way. */
export function RetakeButton({ quizId, wrong }: { quizId: string; wrong: number }) {
  const t = useTranslations("quiz");
  const errorMessage = useApiErrorMessage();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const retake = async () => {
    setBusy(true);
    setError(null);
    try {
      const quiz = await api<{ id: string }>(`/api/v1/quizzes/${quizId}/retake`, { method: "POST", body: "{}" });
      router.push(`/quiz/${quiz.id}`);
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="button primary" onClick={retake} disabled={busy} data-testid="quiz-retake">
        {t("retakeWrong", { count: wrong })}
      </button>
      {error ? (
        <p role="alert" className="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}
