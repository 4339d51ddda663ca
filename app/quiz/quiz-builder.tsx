"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { api, useApiErrorMessage } from "@/app/components/api-client";
import type { CreateQuizRequest } from "@/lib/quiz/schemas";
import { QUIZ_KINDS, type QuizKind } from "@/lib/quiz/types";
import type { BuilderDeck, BuilderState } from "./builder-params";
import { DeckTopicPicker } from "@/app/components/deck-topic-picker";

const TIME_LIMITS = [0, 1, 2, 3, 5, 10, 15, 20, 30, 45, 60];

/** The quiz settings form: decks and their topics, how many questions, which kinds, a time limit, practice and a seed. */
export function QuizBuilder({ decks, initial }: { decks: BuilderDeck[]; initial: BuilderState }) {
  const t = useTranslations("quiz");
  const kindsT = useTranslations("quizKinds");
  const errorMessage = useApiErrorMessage();
  const router = useRouter();
  const [state, setState] = useState<BuilderState>(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const toggleDeck = (deckId: string, on: boolean) =>
    setState((s) => ({ ...s, decks: on ? [...s.decks, deckId] : s.decks.filter((d) => d !== deckId), topics: on ? s.topics : s.topics.filter((tp) => tp.deckId !== deckId) }));
  const toggleTopic = (deckId: string, path: string[], on: boolean) => {
    const key = JSON.stringify(path);
    setState((s) => ({
      ...s,
      topics: on ? [...s.topics, { deckId, path }] : s.topics.filter((tp) => !(tp.deckId === deckId && JSON.stringify(tp.path) === key)),
    }));
  };
  const toggleKind = (kind: QuizKind, on: boolean) => setState((s) => ({ ...s, kinds: on ? [...s.kinds, kind] : s.kinds.filter((k) => k !== kind) }));

  const start = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const body: CreateQuizRequest = {
      scope: state.decks.map((deckId) => ({ deckId, topics: state.topics.filter((tp) => tp.deckId === deckId).map((tp) => tp.path) })),
      count: state.count,
      kinds: QUIZ_KINDS.filter((k) => state.kinds.includes(k)),
      timeLimitSec: state.minutes > 0 ? state.minutes * 60 : null,
      practice: state.practice,
      ...(state.seed.trim() ? { seed: state.seed.trim() } : {}),
    };
    try {
      const quiz = await api<{ id: string }>("/api/v1/quizzes", { method: "POST", body: JSON.stringify(body) });
      router.push(`/quiz/${quiz.id}`);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };

  return (
    <form className="options-form quiz-builder" onSubmit={start} data-testid="quiz-builder">
      <fieldset>
        <legend>{t("decksLegend")}</legend>
        <DeckTopicPicker decks={decks} chosenDecks={state.decks} topics={state.topics} onToggleDeck={toggleDeck} onToggleTopic={toggleTopic} />
      </fieldset>
      <fieldset>
        <legend>{t("questionsLegend")}</legend>
        <label>
          {t("count")}
          <input type="number" min={1} max={100} value={state.count} onChange={(e) => setState((s) => ({ ...s, count: Number(e.target.value) }))} data-testid="quiz-count" />
        </label>
        <div role="group" aria-label={t("kindsLegend")} className="builder-kinds">
          <span>{t("kindsLegend")}</span>
          {QUIZ_KINDS.map((k) => (
            <label key={k} className="check">
              <input type="checkbox" checked={state.kinds.includes(k)} onChange={(e) => toggleKind(k, e.target.checked)} data-testid="quiz-kind" data-kind={k} />
              {kindsT(k)}
            </label>
          ))}
        </div>
        <label>
          {t("timeLimit")}
          <select value={state.minutes} onChange={(e) => setState((s) => ({ ...s, minutes: Number(e.target.value) }))} data-testid="quiz-time">
            {TIME_LIMITS.map((m) => (
              <option key={m} value={m}>
                {m === 0 ? t("untimed") : t("minutes", { minutes: m })}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={state.practice} onChange={(e) => setState((s) => ({ ...s, practice: e.target.checked }))} data-testid="quiz-practice" />
          {t("practice")}
        </label>
        <p className="hint">{state.practice ? t("practiceHint") : t("scheduledHint")}</p>
        <label>
          {t("seed")}
          <input type="text" value={state.seed} maxLength={64} placeholder={t("seedPlaceholder")} onChange={(e) => setState((s) => ({ ...s, seed: e.target.value }))} data-testid="quiz-seed" />
        </label>
      </fieldset>
      {error ? (
        <p role="alert" className="alert" data-testid="quiz-error">
          {error}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" className="button primary" disabled={busy || state.decks.length === 0 || state.kinds.length === 0} data-testid="quiz-start">
          {t("start")}
        </button>
      </div>
    </form>
  );
}
