"use client";

import { useTranslations } from "next-intl";
import { SanitizedHtml } from "@/app/components/html";
import type { PublicQuestion, QuizAnswer } from "@/lib/quiz/types";
import { SortableSteps } from "./[id]/sortable-steps";

/** The user's answer being built for the current question. */
export interface Draft {
  selected: number[];
  text: string;
  order: number[];
}

export const emptyDraft = (q: PublicQuestion | undefined): Draft => ({
  selected: [],
  text: "",
  order: q?.kind === "ordering" ? q.stepsHtml.map((_, i) => i) : [],
});

export function answerOf(q: PublicQuestion, d: Draft): QuizAnswer {
  if (q.kind === "typed") return { text: d.text };
  if (q.kind === "ordering") return { order: d.order };
  return { selected: d.selected };
}

/** The answer controls of a choice, generated, typed or ordering question. */
export function QuestionInput({ question: q, draft, setDraft, disabled }: { question: PublicQuestion; draft: Draft; setDraft: (f: (d: Draft) => Draft) => void; disabled: boolean }) {
  const t = useTranslations("quiz");
  switch (q.kind) {
    case "choice":
    case "generated": {
      const multiple = q.kind === "choice" && q.multiple;
      const options = q.kind === "choice" ? q.optionsHtml : q.options;
      return (
        <fieldset className="options" data-testid="quiz-options">
          <legend>{multiple ? t("selectAll") : t("selectOne")}</legend>
          {options.map((option, i) => (
            <label key={i} className="option" data-testid="quiz-option">
              <input
                type={multiple ? "checkbox" : "radio"}
                name="quiz-option"
                checked={draft.selected.includes(i)}
                disabled={disabled}
                onChange={(e) => {
                  const on = e.target.checked;
                  setDraft((d) => ({ ...d, selected: multiple ? (on ? [...d.selected, i] : d.selected.filter((x) => x !== i)) : [i] }));
                }}
              />
              <kbd aria-hidden="true">{i + 1}</kbd>
              {q.kind === "choice" ? <SanitizedHtml as="span" className="inline-html" html={option} /> : <span className="inline-html">{option}</span>}
            </label>
          ))}
        </fieldset>
      );
    }
    case "typed":
      return (
        <div className="typed-answer">
          <label htmlFor="quiz-typed">{t("typeAnswer")}</label>
          <input
            id="quiz-typed"
            type="text"
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            value={draft.text}
            disabled={disabled}
            onChange={(e) => {
              const text = e.target.value;
              setDraft((d) => ({ ...d, text }));
            }}
            data-testid="quiz-typed-input"
          />
        </div>
      );
    case "ordering":
      return (
        <div>
          <p className="hint">{t("orderHint")}</p>
          <SortableSteps stepsHtml={q.stepsHtml} order={draft.order} onChange={(order) => setDraft((d) => ({ ...d, order }))} disabled={disabled} />
        </div>
      );
  }
}
