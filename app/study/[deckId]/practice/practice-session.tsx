"use client";

import Link from "next/link";
import { useEffect, useEffectEvent, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import type { StudyCardView } from "@/app/components/card-data";
import { CardView } from "../study-session";

interface Step {
  card: StudyCardView | null;
  cursor: string | null;
}

/** Practice outside the schedule: reveal, then next; nothing is sent but the reads. */
export function PracticeSession({ deckId, deckTitle, mode, topic }: { deckId: string; deckTitle: string; mode: "ahead" | "topic"; topic: string[] }) {
  const t = useTranslations("practice");
  const [step, setStep] = useState<Step | null>(null);
  const [revealed, setRevealed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [seen, setSeen] = useState(0);
  const [selected, setSelected] = useState<boolean[]>([]);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const topicParam = topic.join(" › ");
  const fetchStep = async (cursor: string | null): Promise<Step> => {
    const q = new URLSearchParams({ mode, ...(topicParam ? { topic: topicParam } : {}), ...(cursor ? { cursor } : {}) });
    const res = await fetch(`/api/v1/decks/${encodeURIComponent(deckId)}/practice?${q}`, { cache: "no-store", headers: { "x-mianshi-now": String(Date.now()) } });
    const body = (await res.json()) as Step & { error?: { message: string } };
    if (!res.ok) throw new Error(body.error?.message ?? `HTTP ${res.status}`);
    return body;
  };
  const apply = (body: Step) => {
    setStep(body);
    setRevealed(false);
    setSelected([]);
    if (body.card) setSeen((n) => n + 1);
  };
  const fail = (e: unknown) => setError(e instanceof Error ? e.message : String(e));
  const load = async (cursor: string | null) => {
    setBusy(true);
    setError(null);
    try {
      apply(await fetchStep(cursor));
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };
  const firstStep = useEffectEvent(() => fetchStep(null));
  const onFirst = useEffectEvent((body: Step) => apply(body));
  const onFirstError = useEffectEvent((e: unknown) => fail(e));
  useEffect(() => {
    let cancelled = false;
    firstStep().then(
      (body) => !cancelled && onFirst(body),
      (e: unknown) => !cancelled && onFirstError(e),
    );
    return () => {
      cancelled = true;
    };
  }, []);
  useEffect(() => {
    if (step?.card) headingRef.current?.focus();
  }, [step?.card]);

  const next = () => {
    if (step?.cursor && !busy) void load(step.cursor);
  };
  const onKey = useEffectEvent((e: KeyboardEvent) => {
    const el = e.target instanceof HTMLElement ? e.target : null;
    if (e.altKey || e.ctrlKey || e.metaKey || e.repeat || !step?.card) return;
    if (el && ["INPUT", "TEXTAREA", "SELECT", "BUTTON", "A"].includes(el.tagName)) return;
    if (e.key === " " || e.key === "Enter") {
      e.preventDefault();
      if (revealed) next();
      else setRevealed(true);
    }
  });
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKey(e);
    window.addEventListener("keydown", listener);
    return () => window.removeEventListener("keydown", listener);
  }, []);

  return (
    <>
      <p className="hint practice-banner" data-testid="practice-banner">
        {mode === "topic" && topic.length > 0 ? `${topic.join(" › ")} · ` : ""}
        {t("banner")}
      </p>
      {error ? (
        <p role="alert" className="alert" data-testid="error">
          {error}
        </p>
      ) : null}
      {step?.card ? (
        <CardView
          key={step.card.id}
          card={step.card}
          deckTitle={deckTitle}
          revealed={revealed}
          busy={busy}
          headingRef={headingRef}
          onReveal={() => setRevealed(true)}
          onRate={() => next()}
          typing={false}
          grade={null}
          onRevealTyped={() => setRevealed(true)}
          typed=""
          onTyped={() => undefined}
          selected={selected}
          onSelected={setSelected}
          proposed={null}
          onNext={next}
        />
      ) : step ? (
        <section className="study-card done" data-testid="practice-done">
          <h2>{t("finished", { count: seen })}</h2>
          <p>
            <Link className="button primary" href={`/study/${encodeURIComponent(deckId)}`}>
              {t("back")}
            </Link>
          </p>
        </section>
      ) : null}
    </>
  );
}
