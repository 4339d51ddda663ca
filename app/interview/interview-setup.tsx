"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { api, useApiErrorMessage } from "@/app/components/api-client";
import type { CreateInterviewRequest } from "@/lib/interview/schemas";
import type { BuilderDeck } from "../quiz/builder-params";
import { DeckTopicPicker } from "@/app/components/deck-topic-picker";

const PER_QUESTION = [0, 1, 2, 3, 5, 10];
const TOTAL = [0, 10, 15, 20, 30, 45, 60];

/**
 * Setting up a mock interview: decks and topics, how many questions, the clock, the mix. With an
 * interview date ahead (`interviewDay`: its name and time, formatted by the page), the questions
 * can come weakest for that day first.
 */
export function InterviewSetup({ decks, interviewDay }: { decks: BuilderDeck[]; interviewDay?: { label: string; when: string } }) {
  const t = useTranslations("interview");
  const q = useTranslations("quiz");
  const errorMessage = useApiErrorMessage();
  const router = useRouter();
  const [chosen, setChosen] = useState<string[]>(decks.slice(0, 1).map((d) => d.id));
  const [topics, setTopics] = useState<Array<{ deckId: string; path: string[] }>>([]);
  const [count, setCount] = useState(3);
  const [perQuestion, setPerQuestion] = useState(3);
  const [total, setTotal] = useState(0);
  const [allowChoice, setAllowChoice] = useState(false);
  const [allowOrdering, setAllowOrdering] = useState(false);
  const [weakFirst, setWeakFirst] = useState(false);
  const [weakestForDay, setWeakestForDay] = useState(false);
  const [practice, setPractice] = useState(false);
  const [seed, setSeed] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const start = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const body: CreateInterviewRequest = {
      scope: chosen.map((deckId) => ({ deckId, topics: topics.filter((tp) => tp.deckId === deckId).map((tp) => tp.path) })),
      count,
      secondsPerQuestion: perQuestion > 0 ? perQuestion * 60 : null,
      totalSeconds: total > 0 ? total * 60 : null,
      allowChoice,
      allowOrdering,
      weakFirst,
      weakestForDay: interviewDay !== undefined && weakestForDay,
      practice,
      ...(seed.trim() ? { seed: seed.trim() } : {}),
    };
    try {
      const started = await api<{ id: string }>("/api/v1/interviews", { method: "POST", body: JSON.stringify(body) });
      router.push(`/interview/${started.id}`);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };

  return (
    <form className="options-form quiz-builder" onSubmit={start} data-testid="interview-setup">
      <fieldset>
        <legend>{q("decksLegend")}</legend>
        <DeckTopicPicker
          decks={decks}
          chosenDecks={chosen}
          topics={topics}
          onToggleDeck={(id, on) => {
            setChosen((c) => (on ? [...c, id] : c.filter((x) => x !== id)));
            if (!on) setTopics((tp) => tp.filter((x) => x.deckId !== id));
          }}
          onToggleTopic={(deckId, path, on) =>
            setTopics((tp) => (on ? [...tp, { deckId, path }] : tp.filter((x) => !(x.deckId === deckId && JSON.stringify(x.path) === JSON.stringify(path)))))
          }
        />
      </fieldset>
      <fieldset>
        <legend>{t("questionsLegend")}</legend>
        <label>
          {q("count")}
          <input type="number" min={1} max={20} value={count} onChange={(e) => setCount(Number(e.target.value))} data-testid="interview-count" />
        </label>
        <label>
          {t("perQuestion")}
          <select value={perQuestion} onChange={(e) => setPerQuestion(Number(e.target.value))} data-testid="interview-per-question">
            {PER_QUESTION.map((m) => (
              <option key={m} value={m}>
                {m === 0 ? t("noLimit") : q("minutes", { minutes: m })}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("total")}
          <select value={total} onChange={(e) => setTotal(Number(e.target.value))} data-testid="interview-total">
            {TOTAL.map((m) => (
              <option key={m} value={m}>
                {m === 0 ? t("noLimit") : q("minutes", { minutes: m })}
              </option>
            ))}
          </select>
        </label>
        <p className="hint">{t("openFirst")}</p>
        <label className="check">
          <input type="checkbox" checked={allowChoice} onChange={(e) => setAllowChoice(e.target.checked)} data-testid="interview-allow-choice" />
          {t("allowChoice")}
        </label>
        <label className="check">
          <input type="checkbox" checked={allowOrdering} onChange={(e) => setAllowOrdering(e.target.checked)} data-testid="interview-allow-ordering" />
          {t("allowOrdering")}
        </label>
        <label className="check">
          <input type="checkbox" checked={weakFirst} onChange={(e) => setWeakFirst(e.target.checked)} data-testid="interview-weak-first" />
          {t("weakFirst")}
        </label>
        {interviewDay ? (
          <label className="check">
            <input type="checkbox" checked={weakestForDay} onChange={(e) => setWeakestForDay(e.target.checked)} data-testid="interview-weakest-for-day" />
            {t("weakestForDay", interviewDay)}
          </label>
        ) : null}
        <label className="check">
          <input type="checkbox" checked={practice} onChange={(e) => setPractice(e.target.checked)} data-testid="interview-practice" />
          {t("practice")}
        </label>
        <label>
          {q("seed")}
          <input type="text" value={seed} maxLength={64} placeholder={q("seedPlaceholder")} onChange={(e) => setSeed(e.target.value)} data-testid="interview-seed" />
        </label>
      </fieldset>
      {error ? (
        <p role="alert" className="alert" data-testid="interview-error">
          {error}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" className="button primary" disabled={busy || chosen.length === 0} data-testid="interview-begin">
          {t("begin")}
        </button>
      </div>
    </form>
  );
}
