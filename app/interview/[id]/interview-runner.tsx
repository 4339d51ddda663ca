"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useEffectEvent, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { api, useApiErrorMessage } from "@/app/components/api-client";
import { Countdown } from "@/app/components/countdown";
import { SanitizedHtml } from "@/app/components/html";
import type { InterviewView, GradingView } from "@/server/use-cases/interview/get-interview";
import type { SubmittedAnswer } from "@/server/use-cases/interview/submit-answer";
import type { PublicQuestion } from "@/lib/quiz/types";
import { AnsweredQuestion, QuestionSourceLinks } from "../../quiz/answered-question";
import { answerOf, emptyDraft, QuestionInput, type Draft } from "../../quiz/question-input";

/** How long typing must pause before the draft is saved. */
const AUTOSAVE_MS = 800;

/**
 * Takes a mock interview. The server keeps each question's clock and the saved draft, so a
 * reload or a closed tab resumes with the same deadline and what was typed; when the time
 * runs out, what was typed is submitted and the rubric comes up for self-grading.
 */
export function InterviewRunner({ interviewId }: { interviewId: string }) {
  const t = useTranslations("interview");
  const q = useTranslations("quiz");
  const kinds = useTranslations("interviewKinds");
  const errorMessage = useApiErrorMessage();
  const router = useRouter();
  const [view, setView] = useState<InterviewView | null>(null);
  const [offsetMs, setOffsetMs] = useState(0);
  const [text, setText] = useState("");
  const [draft, setDraft] = useState<Draft>(emptyDraft(undefined));
  const [saved, setSaved] = useState<"idle" | "saving" | "saved">("idle");
  const [feedback, setFeedback] = useState<SubmittedAnswer | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const base = `/api/v1/interviews/${interviewId}`;
  const reportUrl = `/interview/${interviewId}/report`;
  const lastSaved = useRef("");
  const focusRef = useRef<HTMLElement | null>(null);

  const show = (v: InterviewView) => {
    if (v.finished && !v.toGrade) {
      router.replace(reportUrl);
      return;
    }
    setOffsetMs(new Date(v.serverNow).getTime() - Date.now());
    setView(v);
    setFeedback(null);
    setText(v.current?.draft ?? "");
    lastSaved.current = v.current?.draft ?? "";
    setDraft(emptyDraft((v.current?.question ?? undefined) as PublicQuestion | undefined));
    setSaved("idle");
  };
  const load = async () => {
    setError(null);
    try {
      show(await api<InterviewView>(base));
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const onFirst = useEffectEvent((v: InterviewView) => show(v));
  const onFirstError = useEffectEvent((e: unknown) => setError(errorMessage(e)));
  useEffect(() => {
    api<InterviewView>(base).then(onFirst, onFirstError);
  }, [base]);

  const current = view?.current ?? null;
  const running = current?.started && current.question ? current : null;

  // autosave: a pause in typing saves the draft
  const saveNow = async (value: string) => {
    if (!running || value === lastSaved.current) return;
    setSaved("saving");
    try {
      await api(`${base}/draft`, { method: "PUT", body: JSON.stringify({ position: running.position, text: value }) });
      lastSaved.current = value;
      setSaved("saved");
    } catch {
      setSaved("idle");
    }
  };
  const autosave = useEffectEvent((value: string) => void saveNow(value));
  useEffect(() => {
    if (!running || running.question?.kind !== "open") return;
    const timer = setTimeout(() => autosave(text), AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [text, running]);

  useEffect(() => {
    focusRef.current?.focus();
  }, [view, feedback]);

  const call = async <T,>(run: () => Promise<T>): Promise<T | null> => {
    setBusy(true);
    setError(null);
    try {
      return await run();
    } catch (e) {
      setError(errorMessage(e));
      return null;
    } finally {
      setBusy(false);
    }
  };

  const startCurrent = async () => {
    if (!current) return;
    const v = await call(() => api<InterviewView>(`${base}/start`, { method: "POST", body: JSON.stringify({ position: current.position }) }));
    if (v) show(v);
  };

  const submit = async () => {
    if (!running || !running.question || busy) return;
    const answer = running.question.kind === "open" ? { text } : answerOf(running.question as PublicQuestion, draft);
    setBusy(true);
    setError(null);
    try {
      const result = await api<SubmittedAnswer>(`${base}/answers`, { method: "POST", body: JSON.stringify({ position: running.position, answer }) });
      if (result.question.kind === "open") await load();
      else setFeedback(result);
    } catch (e) {
      // the clock may have submitted it already: show what the server has
      setError(errorMessage(e));
      await load();
    } finally {
      setBusy(false);
    }
  };

  const pause = async (paused: boolean) => {
    if (await call(() => api(`${base}/pause`, { method: "POST", body: JSON.stringify({ paused }) }))) await load();
  };
  const endNow = async () => {
    if (await call(() => api(`${base}/finish`, { method: "POST" }))) await load();
  };

  if (!view) {
    return <section className="card">{error ? <p role="alert" className="alert">{error}</p> : <p>{q("loading")}</p>}</section>;
  }
  const position = view.toGrade?.position ?? current?.position ?? 0;
  return (
    <section className="quiz-runner" data-testid="interview-runner" data-interview-id={interviewId}>
      <div className="quiz-status">
        <p data-testid="interview-progress-text">
          {q("questionOf", { number: position + 1, total: view.questionCount })}
          {view.practice ? <span className="badge-practice"> {t("practiceBadge")}</span> : null}
        </p>
        {running?.deadline && !view.toGrade ? <Countdown key={running.deadline} deadline={new Date(running.deadline).getTime()} offsetMs={offsetMs} onExpire={submit} /> : null}
        {view.practice && !view.finished ? (
          <button type="button" className="button" onClick={() => pause(!view.paused)} disabled={busy} data-testid="interview-pause">
            {view.paused ? t("resume") : t("pause")}
          </button>
        ) : null}
      </div>
      {error ? (
        <p role="alert" className="alert" data-testid="interview-error">
          {error}
        </p>
      ) : null}

      {view.toGrade ? (
        <Grading key={view.toGrade.position} grading={view.toGrade} base={base} onDone={load} focusRef={focusRef} />
      ) : feedback && feedback.result && feedback.question.kind !== "open" ? (
        <article className="card" data-testid="interview-feedback">
          <SanitizedHtml className="prompt" html={feedback.question.promptHtml} />
          <AnsweredQuestion question={feedback.question} answer={null} result={feedback.result} score={feedback.score} />
          <div className="actions">
            <button
              ref={(el) => {
                focusRef.current = el;
              }}
              type="button"
              className="button primary"
              onClick={load}
              data-testid="interview-next"
            >
              {feedback.finished ? t("seeReport") : q("nextQuestion")}
            </button>
          </div>
        </article>
      ) : view.paused ? (
        <p className="card" data-testid="interview-paused">
          {t("pausedText")}
        </p>
      ) : current && !current.started ? (
        <article className="card" data-testid="interview-ready">
          <p>{view.settings.secondsPerQuestion && !view.practice ? t("readyTimed", { minutes: Math.round(view.settings.secondsPerQuestion / 60) }) : t("readyUntimed")}</p>
          <button
            ref={(el) => {
              focusRef.current = el;
            }}
            type="button"
            className="button primary"
            onClick={startCurrent}
            disabled={busy}
            data-testid="interview-start-question"
          >
            {t("startQuestion", { number: current.position + 1 })}
          </button>
        </article>
      ) : running && running.question ? (
        <article className="card" data-testid="interview-question" data-kind={running.question.kind} data-position={running.position}>
          <p className="kind">{kinds(running.question.kind)}</p>
          <SanitizedHtml className="prompt" html={running.question.promptHtml} testId="interview-prompt" />
          <QuestionSourceLinks source={running.question.source} answered={false} />
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void submit();
            }}
          >
            {running.question.kind === "open" ? (
              <div className="typed-answer">
                <label htmlFor="interview-answer">{t("yourAnswer")}</label>
                <textarea
                  id="interview-answer"
                  ref={(el) => {
                    focusRef.current = el;
                  }}
                  className="interview-answer"
                  rows={10}
                  value={text}
                  onChange={(e) => {
                    setText(e.target.value);
                    setSaved("idle");
                  }}
                  onBlur={() => void saveNow(text)}
                  data-testid="interview-answer"
                />
                <p className="hint" aria-live="polite" data-testid="interview-saved">
                  {saved === "saving" ? t("saving") : saved === "saved" ? t("saved") : ""}
                </p>
              </div>
            ) : (
              <QuestionInput question={running.question as PublicQuestion} draft={draft} setDraft={setDraft} disabled={busy} />
            )}
            <div className="actions">
              <button type="submit" className="button primary" disabled={busy} data-testid="interview-submit">
                {t("submit")}
              </button>
            </div>
          </form>
        </article>
      ) : null}

      <div className="quiz-end">
        {!view.finished ? (
          <button type="button" className="button" onClick={endNow} disabled={busy} data-testid="interview-end">
            {t("endNow")}
          </button>
        ) : null}
        <Link href="/interview">{t("backToInterviews")}</Link>
      </div>
    </section>
  );
}

/** Self-grading: the automatic ticks with the words that justify them; the user confirms or changes each. */
function Grading({ grading, base, onDone, focusRef }: { grading: GradingView; base: string; onDone: () => Promise<void>; focusRef: React.RefObject<HTMLElement | null> }) {
  const t = useTranslations("interview");
  const errorMessage = useApiErrorMessage();
  const q = grading.question;
  const [ticks, setTicks] = useState<boolean[]>(grading.ticks ?? grading.matches.map((m) => m.covered));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (q.kind !== "open") return null;
  const confirm = async () => {
    setBusy(true);
    try {
      await api(`${base}/grades`, { method: "POST", body: JSON.stringify({ position: grading.position, ticks }) });
      await onDone();
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };
  return (
    <article className="card" data-testid="interview-grading" data-position={grading.position}>
      <SanitizedHtml className="prompt" html={q.promptHtml} />
      {grading.autoSubmitted ? (
        <p className="hint" data-testid="interview-auto-submitted">
          {t("autoSubmitted")}
        </p>
      ) : null}
      <h3>{t("yourAnswer")}</h3>
      <p className="interview-text" data-testid="interview-your-answer">
        {grading.text || t("nothingWritten")}
      </p>
      {grading.termList ? (
        <p className="hint term-list-note" data-testid="interview-term-list">
          {t("termList", { max: `${Math.round(grading.termListMax * 100)}%` })}
        </p>
      ) : null}
      <fieldset className="rubric">
        <legend>{t("rubricLegend")}</legend>
        {q.pointsHtml.map((html, i) => {
          const m = grading.matches[i];
          return (
            <label key={i} className={`option ${ticks[i] ? "correct" : ""}`} data-testid="rubric-point" data-covered={ticks[i] ? "true" : "false"}>
              <input
                type="checkbox"
                checked={ticks[i] ?? false}
                ref={
                  i === 0
                    ? (el) => {
                        focusRef.current = el;
                      }
                    : undefined
                }
                onChange={(e) => {
                  const on = e.target.checked;
                  setTicks((tk) => tk.map((v, j) => (j === i ? on : v)));
                }}
              />
              <span className="inline-html">
                <SanitizedHtml as="span" html={html} />
                {m && m.found.length > 0 ? <span className="hint evidence"> {t("found", { words: m.found.join(", ") })}</span> : null}
                {m && m.missing.length > 0 ? <span className="hint evidence"> {t("missing", { words: m.missing.join(", ") })}</span> : null}
              </span>
            </label>
          );
        })}
      </fieldset>
      {q.modelAnswerHtml ? (
        <div className="explanation">
          <h4>{t("modelAnswer")}</h4>
          <SanitizedHtml className="html" html={q.modelAnswerHtml} />
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="alert">
          {error}
        </p>
      ) : null}
      <div className="actions">
        <button type="button" className="button primary" onClick={confirm} disabled={busy} data-testid="interview-confirm">
          {t("confirm", { covered: ticks.filter(Boolean).length, total: ticks.length })}
        </button>
      </div>
    </article>
  );
}
