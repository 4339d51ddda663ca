"use client";
/**
 * A notes deck's generated cards, one after another, to keep, discard or fix by keyboard:
 * J/K or ↓/↑ move, Y keeps, X discards (or restores), E opens the fix form, Shift+K keeps
 * every card not looked at yet. Decisions are stored in the database, never in the notes.
 */
import { useEffect, useEffectEvent, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { SanitizedHtml } from "@/app/components/html";
import { isCardKind } from "@/app/components/card-data";
import { CardEditForm } from "@/app/components/card-edit-form";
import { api, useApiErrorMessage } from "@/app/components/api-client";
import type { CardOverride } from "@/lib/content/override";
import type { DeckCuration, CurationItem } from "@/server/use-cases/curation/list-deck-curation";

type Filter = "all" | "unreviewed" | "discarded" | "edited";

export function ReviewList({ initial }: { initial: DeckCuration }) {
  const t = useTranslations("curation");
  const kinds = useTranslations("kinds");
  const message = useApiErrorMessage();
  const [view, setView] = useState(initial);
  const [filter, setFilter] = useState<Filter>("all");
  const [active, setActive] = useState(0);
  const [editing, setEditing] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const rows = useRef<Map<string, HTMLElement>>(new Map());
  const deckUrl = `/api/v1/decks/${encodeURIComponent(view.deckId)}/curation`;

  const shown = view.cards.filter((c) => filter === "all" || c.status === filter || (filter === "edited" && c.sourceChanged));
  const current: CurationItem | undefined = shown[Math.min(active, shown.length - 1)];

  // the active card stays in view and holds the focus, so the keys act on what is seen
  const activeId = current?.cardId;
  useEffect(() => {
    if (!activeId || editing) return;
    const el = rows.current.get(activeId);
    el?.focus({ preventScroll: true });
    el?.scrollIntoView({ block: "nearest" });
  }, [activeId, editing]);

  /** Runs one change; the notice is what the work says it did, or `done`. */
  const run = async (work: () => Promise<string | void>, done = "") => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      setNotice((await work()) ?? done);
    } catch (e) {
      setError(message(e));
    } finally {
      setBusy(false);
    }
  };
  const reload = async () => setView(await api<DeckCuration>(deckUrl));
  const curate = (card: CurationItem, body: Record<string, unknown>) => api<{ warning?: string }>(`/api/v1/cards/${encodeURIComponent(card.cardId)}/curation`, { method: "POST", body: JSON.stringify(body) });
  /** After a decision, the next card still to look at (or the next one). */
  const advance = (from: number) => {
    const next = shown.findIndex((c, i) => i > from && c.status === "unreviewed");
    setActive(next >= 0 ? next : Math.min(from + 1, shown.length - 1));
  };

  const keep = (card: CurationItem, index: number) => {
    if (card.status === "discarded") return;
    void run(async () => {
      await curate(card, { action: "keep" });
      await reload();
      advance(index);
    }, t("keptOne"));
  };
  const toggleDiscard = (card: CurationItem, index: number) =>
    void run(
      async () => {
        await curate(card, { action: card.status === "discarded" ? "restore" : "discard" });
        await reload();
        if (card.status !== "discarded") advance(index);
      },
      card.status === "discarded" ? t("restoredOne") : t("discardedOne"),
    );
  const keepAll = () =>
    void run(async () => {
      const { kept } = await api<{ kept: number }>(deckUrl, { method: "POST", body: JSON.stringify({ action: "keep" }) });
      await reload();
      return t("keptAll", { count: kept });
    });
  const save = (card: CurationItem, body: { action: "edit"; override: CardOverride } | { action: "revert" }) =>
    void run(
      async () => {
        const r = await curate(card, body);
        await reload();
        setEditing(null);
        if (r.warning) setError(r.warning);
      },
      body.action === "edit" ? t("savedOne") : t("revertedOne"),
    );

  const onKeyDown = useEffectEvent((e: KeyboardEvent) => {
    if (editing || e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
    const target = e.target instanceof HTMLElement ? e.target : null;
    if (target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))) return;
    const index = current ? shown.indexOf(current) : -1;
    if (e.key === "j" || e.key === "ArrowDown") {
      e.preventDefault();
      setActive(Math.min(index + 1, shown.length - 1));
    } else if (e.key === "k" || e.key === "ArrowUp") {
      e.preventDefault();
      setActive(Math.max(index - 1, 0));
    } else if (e.key === "K") {
      e.preventDefault();
      keepAll();
    } else if (!current || e.repeat) {
      return;
    } else if (e.key === "y" || e.key === "Y") {
      e.preventDefault();
      keep(current, index);
    } else if (e.key === "x" || e.key === "X") {
      e.preventDefault();
      toggleDiscard(current, index);
    } else if ((e.key === "e" || e.key === "E") && current.status !== "discarded") {
      e.preventDefault();
      setEditing(current.cardId);
    }
  });
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKeyDown(e);
    window.addEventListener("keydown", listener);
    return () => window.removeEventListener("keydown", listener);
  }, []);

  const c = view.counts;
  return (
    <>
      <p className="curation-counts" data-testid="curation-counts">
        {t("counts", { unreviewed: c.unreviewed, kept: c.kept, edited: c.edited, discarded: c.discarded })}
      </p>
      <p className="hint">{t.rich("keysHint", { kbd: (chunks) => <kbd>{chunks}</kbd> })}</p>
      <div className="row curation-tools">
        <label>
          {t("show")}{" "}
          <select value={filter} onChange={(e) => (setFilter(e.target.value as Filter), setActive(0))} data-testid="curation-filter">
            <option value="all">{t("filterAll")}</option>
            <option value="unreviewed">{t("filterUnreviewed")}</option>
            <option value="edited">{t("filterEdited")}</option>
            <option value="discarded">{t("filterDiscarded")}</option>
          </select>
        </label>
        <button type="button" onClick={keepAll} disabled={busy || c.unreviewed === 0} data-testid="keep-all" aria-keyshortcuts="Shift+K">
          {t("keepAll", { count: c.unreviewed })} <kbd>Shift+K</kbd>
        </button>
      </div>
      {error ? (
        <p role="alert" className="alert" data-testid="error">
          {error}
        </p>
      ) : null}
      <p className="status-line" aria-live="polite" data-testid="curation-status">
        {busy ? t("saving") : (notice ?? "")}
      </p>
      {shown.length === 0 ? <p data-testid="curation-empty">{t("none")}</p> : null}
      <ol className="curation-list">
        {shown.map((card, i) => (
          <li
            key={card.cardId}
            ref={(el) => {
              if (el) rows.current.set(card.cardId, el);
              else rows.current.delete(card.cardId);
            }}
            tabIndex={-1}
            className={`curation-card status-${card.status}${card === current ? " active" : ""}`}
            data-testid="curation-card"
            data-status={card.status}
            data-card-id={card.cardId}
            aria-current={card === current ? "true" : undefined}
            onClick={() => setActive(i)}
          >
            <p className="curation-meta">
              <span className="badge">{isCardKind(card.kind) ? kinds(card.kind) : card.kind}</span> <span className="badge status" data-testid="curation-status-badge">{t(`status.${card.status}`)}</span>{" "}
              {card.sourceChanged ? (
                <span className="badge warn" data-testid="source-changed">
                  {t("sourceChanged")}
                </span>
              ) : null}{" "}
              <span className="topic">{card.topic.join(" › ")}</span> <span className="rule" title={t("ruleTitle")}>{card.generatedBy}</span>
            </p>
            <SanitizedHtml className="curation-prompt" html={card.promptHtml} />
            {card.options ? (
              <ul className="curation-options">
                {card.options.map((o, j) => (
                  <li key={j} className={o.correct ? "correct" : undefined}>
                    {o.correct ? "✓ " : "· "}
                    <SanitizedHtml as="span" html={o.html} />
                  </li>
                ))}
              </ul>
            ) : null}
            {card.pointsHtml ? (
              <ol className="curation-points">
                {card.pointsHtml.map((p, j) => (
                  <li key={j}>
                    <SanitizedHtml as="span" html={p} />
                  </li>
                ))}
              </ol>
            ) : (
              <SanitizedHtml className="curation-answer" html={card.answerHtml} />
            )}
            {editing === card.cardId ? (
              <CardEditForm
                initial={card.fields}
                edited={card.status === "edited"}
                busy={busy}
                error={null}
                onSave={(override) => save(card, { action: "edit", override })}
                onCancel={() => setEditing(null)}
                onRevert={() => save(card, { action: "revert" })}
              />
            ) : (
              <p className="row curation-actions">
                <button type="button" onClick={() => keep(card, i)} disabled={busy || card.status !== "unreviewed"} data-testid="keep">
                  {t("keep")} <kbd>Y</kbd>
                </button>
                <button type="button" onClick={() => toggleDiscard(card, i)} disabled={busy} data-testid={card.status === "discarded" ? "restore" : "discard"}>
                  {card.status === "discarded" ? t("restore") : t("discard")} <kbd>X</kbd>
                </button>
                {card.status !== "discarded" ? (
                  <button type="button" onClick={() => (setActive(i), setEditing(card.cardId))} disabled={busy} data-testid="fix">
                    {t("fix")} <kbd>E</kbd>
                  </button>
                ) : null}
              </p>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
