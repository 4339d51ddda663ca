"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useEffectEvent, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { api, useApiErrorMessage } from "@/app/components/api-client";
import { SanitizedHtml } from "@/app/components/html";
import type { QuizAnswer } from "@/lib/quiz/types";
import type { QuizView } from "@/server/use-cases/quiz/get-quiz";
import type { AnswerFeedback } from "@/server/use-cases/quiz/answer-question";
import type { OverrideResult } from "@/server/use-cases/quiz/override-answer";
import { AnsweredQuestion, QuestionSourceLinks } from "../answered-question";
import { Countdown } from "@/app/components/countdown";
import { answerOf, emptyDraft, QuestionInput, type Draft } from "../question-input";

const RATING_KEYS = { 1: "again", 2: "hard", 3: "good" } as const;

/**
 * Takes a quiz. The server holds everything: which question is current, when it was first
 * shown and the deadline, so a reload or a new browser resumes exactly here.
 */
export function QuizRunner({ quizId }: { quizId: string }) {
  const t = useTranslations("quiz");
  const kinds = useTranslations("quizKinds");
  const errorMessage = useApiErrorMessage();
  const router = useRouter();
  const [view, setView] = useState<QuizView | null>(null);
  const [draft, setDraft] = useState<Draft>(emptyDraft(undefined));
  const [feedback, setFeedback] = useState<{ fb: AnswerFeedback; answer: QuizAnswer } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirmEnd, setConfirmEnd] = useState(false);
  // server time minus browser time when the quiz was read: the countdown follows the server
  const [offsetMs, setOffsetMs] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const nextRef = useRef<HTMLButtonElement>(null);
  const resultUrl = `/quiz/${quizId}/result`;

  const show = (v: QuizView) => {
    if (v.finished) {
      router.replace(resultUrl);
      return;
    }
    setOffsetMs(new Date(v.serverNow).getTime() - Date.now());
    setView(v);
    setDraft(emptyDraft(v.current?.question));
    setFeedback(null);
    setConfirmEnd(false);
  };

  const load = async () => {
    setBusy(true);
    setError(null);
    try {
      show(await api<QuizView>(`/api/v1/quizzes/${quizId}`));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const onFirstView = useEffectEvent((v: QuizView) => show(v));
  const onFirstError = useEffectEvent((e: unknown) => setError(errorMessage(e)));
  useEffect(() => {
    api<QuizView>(`/api/v1/quizzes/${quizId}`).then(onFirstView, onFirstError);
  }, [quizId]);

  // a new question takes the focus to its heading (or its answer box); feedback to "next"
  useEffect(() => {
    if (feedback) nextRef.current?.focus();
    else if (view?.current) {
      const input = document.querySelector<HTMLInputElement>("[data-testid=quiz-typed-input]");
      (input ?? headingRef.current)?.focus();
    }
  }, [feedback, view]);

  const current = view?.current ?? null;

  const submit = async () => {
    if (!current || busy || feedback) return;
    const answer = answerOf(current.question, draft);
    setBusy(true);
    setError(null);
    try {
      const fb = await api<AnswerFeedback>(`/api/v1/quizzes/${quizId}/answers`, { method: "POST", body: JSON.stringify({ position: current.position, answer }) });
      setFeedback({ fb, answer });
      setView((v) => (v ? { ...v, progress: v.progress.map((p, i) => (i === fb.position ? fb.score : p)) } : v));
    } catch (e) {
      setError(errorMessage(e));
      // the server may have moved on (time up, answered in another tab): show where it is
      const fresh = await api<QuizView>(`/api/v1/quizzes/${quizId}`).catch(() => null);
      if (fresh?.finished) router.replace(resultUrl);
    } finally {
      setBusy(false);
    }
  };

  /** "I was right": the checker missed a right typed answer; it scores 1 and the review becomes a right one. */
  const overrideRight = async () => {
    if (!feedback || busy) return;
    setBusy(true);
    setError(null);
    try {
      const r = await api<OverrideResult>(`/api/v1/quizzes/${quizId}/override`, { method: "POST", body: JSON.stringify({ position: feedback.fb.position }) });
      const result = feedback.fb.result.kind === "typed" ? { ...feedback.fb.result, score: 1, overridden: { score: feedback.fb.result.score } } : feedback.fb.result;
      setFeedback({ ...feedback, fb: { ...feedback.fb, score: 1, rating: r.rating, result } });
      setView((v) => (v ? { ...v, progress: v.progress.map((p, i) => (i === r.position ? 1 : p)) } : v));
      nextRef.current?.focus();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const next = () => {
    if (feedback?.fb.finished) router.push(resultUrl);
    else void load();
  };

  const endNow = async () => {
    setBusy(true);
    try {
      await api(`/api/v1/quizzes/${quizId}/finish`, { method: "POST" });
      router.push(resultUrl);
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };

  // keyboard: digits pick options, Enter checks and goes on (typing in a box is left alone)
  const onKey = useEffectEvent((e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const target = e.target as HTMLElement | null;
    const typing = target?.closest("input, textarea, select, [contenteditable=true]") !== null && target?.closest("input[type=checkbox], input[type=radio]") === null;
    if (typing || !current) return;
    if (feedback) {
      if (e.key === "Enter" && target?.tagName !== "BUTTON" && target?.tagName !== "A") {
        e.preventDefault();
        next();
      }
      return;
    }
    const q = current.question;
    if ((q.kind === "choice" || q.kind === "generated") && /^[1-9]$/.test(e.key)) {
      const i = Number(e.key) - 1;
      const n = q.kind === "choice" ? q.optionsHtml.length : q.options.length;
      if (i >= n) return;
      e.preventDefault();
      const multiple = q.kind === "choice" && q.multiple;
      setDraft((d) => ({ ...d, selected: multiple ? (d.selected.includes(i) ? d.selected.filter((x) => x !== i) : [...d.selected, i]) : [i] }));
    } else if (e.key === "Enter" && target?.tagName !== "BUTTON" && target?.tagName !== "A") {
      e.preventDefault();
      void submit();
    }
  });
  useEffect(() => {
    const handler = (e: KeyboardEvent) => onKey(e);
    window.addEventListener("keydown", handler);
    return () => window.removeEventListener("keydown", handler);
  }, []);

  if (!view) {
    return (
      <section className="card" aria-busy={busy}>
        {error ? (
          <p role="alert" className="alert" data-testid="quiz-error">
            {error}
          </p>
        ) : (
          <p>{t("loading")}</p>
        )}
      </section>
    );
  }

  const answeredCount = view.progress.filter((p) => p !== null).length;
  const q = current?.question;
  return (
    <section className="quiz-runner" data-testid="quiz-runner" data-quiz-id={quizId}>
      <div className="quiz-status">
        <p data-testid="quiz-progress-text">
          {current ? t("questionOf", { number: current.position + 1, total: view.questionCount }) : null}
          {view.practice ? <span className="badge-practice"> {t("practiceBadge")}</span> : null}
        </p>
        <ol className="progress-dots" aria-label={t("progressLabel", { answered: answeredCount, total: view.questionCount })}>
          {view.progress.map((p, i) => (
            <li key={i} className={p === null ? (i === current?.position ? "current" : "") : p >= 1 - 1e-9 ? "ok" : p > 0 ? "partial" : "bad"} aria-hidden="true" />
          ))}
        </ol>
        {view.deadline ? <Countdown deadline={new Date(view.deadline).getTime()} offsetMs={offsetMs} onExpire={endNow} /> : null}
      </div>

      {error ? (
        <p role="alert" className="alert" data-testid="quiz-error">
          {error}
        </p>
      ) : null}

      {current && q ? (
        <article className="card" data-testid="quiz-question" data-kind={q.kind} data-position={current.position}>
          <p className="kind">{kinds(q.kind)}</p>
          <h2 ref={headingRef} tabIndex={-1} className="visually-hidden">
            {t("questionOf", { number: current.position + 1, total: view.questionCount })}
          </h2>
          <SanitizedHtml className="prompt" html={q.promptHtml} testId="quiz-prompt" />
          <QuestionSourceLinks source={q.source} answered={feedback !== null} />
          {feedback ? (
            <>
              <AnsweredQuestion question={feedback.fb.question} answer={feedback.answer} result={feedback.fb.result} score={feedback.fb.score} />
              <p className="hint" data-testid="quiz-rating">
                {feedback.fb.rating === null ? t("scheduleUntouched") : t("scheduledAs", { rating: t(`ratings.${RATING_KEYS[feedback.fb.rating as 1 | 2 | 3]}`) })}
              </p>
              <div className="actions">
                <button ref={nextRef} type="button" className="button primary" onClick={next} data-testid="quiz-next">
                  {feedback.fb.finished ? t("seeResult") : t("nextQuestion")} <kbd>Enter</kbd>
                </button>
                {feedback.fb.result.kind === "typed" && feedback.fb.score < 1 && !feedback.fb.result.overridden ? (
                  <button type="button" className="button" onClick={() => void overrideRight()} disabled={busy} data-testid="quiz-override">
                    {t("iWasRight")}
                  </button>
                ) : null}
              </div>
            </>
          ) : (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void submit();
              }}
            >
              <QuestionInput question={q} draft={draft} setDraft={setDraft} disabled={busy} />
              <div className="actions">
                <button type="submit" className="button primary" disabled={busy} data-testid="quiz-submit">
                  {t("check")} <kbd>Enter</kbd>
                </button>
              </div>
            </form>
          )}
        </article>
      ) : null}

      <div className="quiz-end">
        {confirmEnd ? (
          <p role="group" aria-label={t("endConfirm")}>
            {t("endConfirm")}{" "}
            <button type="button" className="button" onClick={endNow} disabled={busy} data-testid="quiz-end-confirm">
              {t("endYes")}
            </button>{" "}
            <button type="button" className="button" onClick={() => setConfirmEnd(false)}>
              {t("endNo")}
            </button>
          </p>
        ) : (
          <button type="button" className="button" onClick={() => setConfirmEnd(true)} disabled={busy} data-testid="quiz-end">
            {t("endNow")}
          </button>
        )}
        <Link href="/quiz">{t("backToQuizzes")}</Link>
      </div>
    </section>
  );
}
