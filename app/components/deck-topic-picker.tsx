"use client";

import { useTranslations } from "next-intl";
import type { BuilderDeck } from "@/app/quiz/builder-params";

/** Decks to draw questions from, each with its topic tree to narrow it (quizzes, mock interviews, an interview date's scope). */
export function DeckTopicPicker({
  decks,
  chosenDecks,
  topics,
  onToggleDeck,
  onToggleTopic,
}: {
  decks: BuilderDeck[];
  chosenDecks: string[];
  topics: Array<{ deckId: string; path: string[] }>;
  onToggleDeck: (deckId: string, on: boolean) => void;
  onToggleTopic: (deckId: string, path: string[], on: boolean) => void;
}) {
  const t = useTranslations("quiz");
  return (
    <>
        {decks.map((d) => {
          const on = chosenDecks.includes(d.id);
          const chosen = topics.filter((tp) => tp.deckId === d.id).length;
          return (
            <div key={d.id} className="builder-deck">
              <label className="check">
                <input type="checkbox" checked={on} onChange={(e) => onToggleDeck(d.id, e.target.checked)} data-testid="quiz-deck" data-deck-id={d.id} />
                {d.title} <span className="hint">{t("deckCards", { count: d.cardCount })}</span>
              </label>
              {on && d.topics.length > 0 ? (
                <details className="builder-topics">
                  <summary>{chosen === 0 ? t("allTopics") : t("someTopics", { count: chosen })}</summary>
                  {d.topics.map((tp) => {
                    const checked = topics.some((x) => x.deckId === d.id && JSON.stringify(x.path) === JSON.stringify(tp.path));
                    return (
                      <label key={JSON.stringify(tp.path)} className="check" style={{ paddingInlineStart: `${(tp.path.length - 1) * 1.25}rem` }}>
                        <input type="checkbox" checked={checked} onChange={(e) => onToggleTopic(d.id, tp.path, e.target.checked)} data-testid="quiz-topic" data-topic={tp.path.join(" › ")} />
                        {tp.path.at(-1)} <span className="hint">{t("topicCards", { count: tp.count })}</span>
                      </label>
                    );
                  })}
                </details>
              ) : null}
            </div>
          );
        })}
    </>
  );
}
