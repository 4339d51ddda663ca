"use client";
/**
 * What an import of notes would make (the API's preview): each deck with its file, the cards by
 * kind and topic with counts and lines, the checker's errors and the audit's warnings with file
 * and line, the images stored beside the notes and the files left out. Prompts are shown as
 * text (React escapes them); nothing of the notes is rendered as HTML here.
 */
import { useId } from "react";
import { useTranslations } from "next-intl";
import type { NotesPreview, NotesPreviewDeck } from "@/lib/api-schemas";

export function NotesPreviewView({ preview }: { preview: NotesPreview }) {
  const t = useTranslations("newDeck");
  const id = useId();
  const cards = preview.decks.reduce((n, d) => n + d.cardCount, 0);
  return (
    <section className="notes-preview" aria-labelledby={`${id}-title`} data-testid="notes-preview">
      <h2 id={`${id}-title`}>{t("previewTitle")}</h2>
      <p data-testid="preview-summary">{t("previewSummary", { decks: preview.decks.length, cards, errors: preview.errors.length, warnings: preview.decks.reduce((n, d) => n + d.warnings.length, 0) })}</p>
      {preview.errors.length > 0 ? (
        <p className="alert" role="alert" data-testid="preview-blocked">
          {t("previewHasErrors")}
        </p>
      ) : preview.conflicts.length > 0 && !preview.replace ? (
        <p className="alert" role="alert" data-testid="preview-conflicts">
          {t("previewConflicts", { files: preview.conflicts.join(", ") })}
        </p>
      ) : (
        <p className="hint" data-testid="preview-ready">
          {t("previewReady")}
        </p>
      )}
      {preview.decks.map((d) => (
        <PreviewDeck key={d.file} deck={d} />
      ))}
      {preview.images.length > 0 ? (
        <div className="preview-block">
          <h3>{t("imagesTitle", { count: preview.images.length })}</h3>
          <ul data-testid="preview-images">
            {preview.images.map((i) => (
              <li key={i.file}>
                <code>{i.file}</code> <span className="hint">{t("kilobytes", { kb: Math.max(1, Math.round(i.bytes / 1024)) })}</span>
                {i.exists ? <span className="hint"> {t("imageExists")}</span> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {preview.skipped.length > 0 ? (
        <div className="preview-block">
          <h3>{t("skippedTitle", { count: preview.skipped.length })}</h3>
          <ul data-testid="preview-skipped">
            {preview.skipped.map((s) => (
              <li key={s.name}>
                <code>{s.name}</code>: {s.reason}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

function PreviewDeck({ deck: d }: { deck: NotesPreviewDeck }) {
  const t = useTranslations("newDeck");
  const kinds = useTranslations("kinds");
  const id = useId();
  return (
    <article className="preview-deck" aria-labelledby={`${id}-deck`} data-testid="preview-deck" data-deck-id={d.deckId}>
      <h3 id={`${id}-deck`}>{d.title || d.name}</h3>
      <p className="hint">
        {t("savedAs")} <code data-testid="preview-file">{d.file}</code>
        {d.notesMode ? ` · ${t("notesMode")}` : ""}
      </p>
      {d.exists ? (
        <p className="hint" data-testid="preview-exists">
          {t("deckExists", { title: d.existingTitle ?? d.title })}
        </p>
      ) : null}
      {d.kinds.length > 0 ? (
        <ul className="kind-counts" aria-label={t("kindCounts")} data-testid="preview-kinds">
          {d.kinds.map((k) => (
            <li key={k.kind} data-kind={k.kind}>
              <strong>{k.count}</strong> {kinds(k.kind)}
            </li>
          ))}
        </ul>
      ) : null}
      {d.errors.length > 0 ? (
        <div className="preview-block">
          <h4>{t("errorsTitle", { count: d.errors.length })}</h4>
          <ul className="findings errors" data-testid="preview-errors">
            {d.errors.map((e, i) => (
              <li key={i}>
                <code>
                  {e.file}:{e.line}
                </code>{" "}
                {e.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {d.warnings.length > 0 ? (
        <div className="preview-block">
          <h4>{t("warningsTitle", { count: d.warnings.length })}</h4>
          <ul className="findings warnings" data-testid="preview-warnings">
            {d.warnings.map((w, i) => (
              <li key={i}>
                <code>
                  {w.file}:{w.line}
                </code>{" "}
                {w.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {d.groups.map((g) => (
        <div key={`${g.kind}/${g.topic.join("/")}`} className="preview-group" data-testid="preview-group" data-kind={g.kind}>
          <h4>
            {kinds(g.kind)} · {g.topic.length > 0 ? g.topic.join(" › ") : t("noTopic")} <span className="hint">({g.cards.length})</span>
          </h4>
          <ol className="preview-cards">
            {g.cards.map((c, i) => (
              <li key={i} data-testid="preview-card">
                <span className="line-number">{t("line", { line: c.line })}</span> <span className="preview-prompt">{c.prompt}</span>
              </li>
            ))}
          </ol>
        </div>
      ))}
    </article>
  );
}
