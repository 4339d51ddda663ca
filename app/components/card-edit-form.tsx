"use client";
/**
 * The fix form of a generated card: its fields by kind, as the user rewrites them. Saved as an
 * override (lib/content/override.ts) that replaces the generated card on every import and is never
 * written into the notes. Used by the study screen (key E) and the deck's review page.
 * Ctrl/Cmd+Enter saves, Esc cancels.
 */
import { useEffect, useId, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import type { CardOverride } from "@/lib/content/override";

/** Lines of a list field: one item per non-empty line. */
const lines = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.length > 0);

export function CardEditForm({
  initial,
  busy,
  error,
  edited,
  onSave,
  onCancel,
  onRevert,
}: {
  initial: CardOverride;
  busy: boolean;
  error: string | null;
  /** the card is the user's edit already: offer to go back to what the notes generate */
  edited: boolean;
  onSave: (override: CardOverride) => void;
  onCancel: () => void;
  onRevert: () => void;
}) {
  const t = useTranslations("curation");
  const id = useId();
  const first = useRef<HTMLTextAreaElement>(null);
  const [prompt, setPrompt] = useState(initial.kind === "cloze" ? initial.text : initial.prompt);
  const [answer, setAnswer] = useState(initial.kind === "basic" ? initial.answer : "");
  const [list, setList] = useState(initial.kind === "ordering" ? initial.steps.join("\n") : initial.kind === "open" ? initial.points.join("\n") : "");
  const [options, setOptions] = useState(initial.kind === "choice" ? initial.options.map((o) => ({ ...o })) : []);
  const [extra, setExtra] = useState(initial.kind === "choice" || initial.kind === "ordering" ? (initial.explanation ?? "") : initial.kind === "open" ? (initial.modelAnswer ?? "") : "");

  useEffect(() => {
    first.current?.focus();
  }, []);

  const value = (): CardOverride => {
    const more = extra.trim();
    switch (initial.kind) {
      case "basic":
        return { kind: "basic", prompt, answer };
      case "cloze":
        return { kind: "cloze", text: prompt };
      case "choice":
        return { kind: "choice", prompt, options: options.filter((o) => o.text.trim() !== ""), ...(more ? { explanation: more } : {}) };
      case "ordering":
        return { kind: "ordering", prompt, steps: lines(list), ...(more ? { explanation: more } : {}) };
      case "open":
        return { kind: "open", prompt, points: lines(list), ...(more ? { modelAnswer: more } : {}) };
    }
  };
  const save = () => {
    if (!busy) onSave(value());
  };

  return (
    <form
      className="card-edit"
      data-testid="card-edit"
      aria-label={t("formLabel")}
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
      onKeyDown={(e) => {
        if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          save();
        } else if (e.key === "Escape") {
          e.preventDefault();
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <h2>{t("formTitle")}</h2>
      <p className="hint">{t("formHint")}</p>
      <label htmlFor={`${id}-prompt`}>{initial.kind === "cloze" ? t("clozeText") : t("prompt")}</label>
      <textarea id={`${id}-prompt`} ref={first} value={prompt} onChange={(e) => setPrompt(e.target.value)} rows={initial.kind === "cloze" ? 4 : 2} data-testid="edit-prompt" />
      {initial.kind === "cloze" ? <p className="hint">{t("clozeHint", { example: "{{c1::term}}", full: "{{c1::term|other::hint}}" })}</p> : null}
      {initial.kind === "basic" ? (
        <>
          <label htmlFor={`${id}-answer`}>{t("answer")}</label>
          <textarea id={`${id}-answer`} value={answer} onChange={(e) => setAnswer(e.target.value)} rows={4} data-testid="edit-answer" />
        </>
      ) : null}
      {initial.kind === "ordering" || initial.kind === "open" ? (
        <>
          <label htmlFor={`${id}-list`}>{initial.kind === "ordering" ? t("steps") : t("points")}</label>
          <textarea id={`${id}-list`} value={list} onChange={(e) => setList(e.target.value)} rows={8} data-testid="edit-list" />
          <p className="hint">{t("onePerLine")}</p>
        </>
      ) : null}
      {initial.kind === "choice" ? (
        <fieldset className="edit-options">
          <legend>{t("options")}</legend>
          {options.map((o, i) => (
            <div className="edit-option" key={i}>
              <input
                type="checkbox"
                checked={o.correct}
                aria-label={t("correctOption", { n: i + 1 })}
                onChange={(e) => setOptions((all) => all.map((x, j) => (j === i ? { ...x, correct: e.target.checked } : x)))}
                data-testid="edit-option-correct"
              />
              <input
                type="text"
                value={o.text}
                aria-label={t("optionText", { n: i + 1 })}
                onChange={(e) => setOptions((all) => all.map((x, j) => (j === i ? { ...x, text: e.target.value } : x)))}
                data-testid="edit-option-text"
              />
              <button type="button" onClick={() => setOptions((all) => all.filter((_, j) => j !== i))} aria-label={t("removeOption", { n: i + 1 })}>
                ×
              </button>
            </div>
          ))}
          <button type="button" onClick={() => setOptions((all) => [...all, { text: "", correct: false }])} data-testid="edit-add-option">
            {t("addOption")}
          </button>
        </fieldset>
      ) : null}
      {initial.kind === "choice" || initial.kind === "ordering" || initial.kind === "open" ? (
        <>
          <label htmlFor={`${id}-extra`}>{initial.kind === "open" ? t("modelAnswer") : t("explanation")}</label>
          <textarea id={`${id}-extra`} value={extra} onChange={(e) => setExtra(e.target.value)} rows={3} data-testid="edit-extra" />
        </>
      ) : null}
      {error ? (
        <p role="alert" className="alert" data-testid="edit-error">
          {error}
        </p>
      ) : null}
      <p className="row">
        <button type="submit" className="primary" disabled={busy} data-testid="edit-save" aria-keyshortcuts="Control+Enter">
          {t("save")} <kbd>Ctrl+Enter</kbd>
        </button>
        <button type="button" onClick={onCancel} disabled={busy} data-testid="edit-cancel" aria-keyshortcuts="Escape">
          {t("cancel")} <kbd>Esc</kbd>
        </button>
        {edited ? (
          <button type="button" onClick={onRevert} disabled={busy} data-testid="edit-revert">
            {t("revert")}
          </button>
        ) : null}
      </p>
    </form>
  );
}
