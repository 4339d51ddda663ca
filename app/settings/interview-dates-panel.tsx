"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { TZDate } from "@date-fns/tz";
import { format as formatDate } from "date-fns";
import { DEFAULT_TARGET_RECALL, type CreateInterviewDateRequest, type InterviewDateView } from "@/lib/planning/schemas";
import { MAX_BUDGET_MINUTES, type BudgetUnit } from "@/lib/planning/budget";
import { api, useApiErrorMessage } from "@/app/components/api-client";
import { TimeZoneSelect, useBrowserZone } from "@/app/components/time-zone-select";
import { DeckTopicPicker } from "@/app/components/deck-topic-picker";
import type { BuilderDeck } from "@/app/quiz/builder-params";

interface Draft {
  label: string;
  date: string;
  time: string;
  /** "" until the user picks one: the browser's zone */
  zone: string;
  allDecks: boolean;
  decks: string[];
  /** topics chosen within the chosen decks; a deck with none is covered whole */
  topics: Array<{ deckId: string; path: string[] }>;
  targetPercent: number;
  budget: string;
  budgetUnit: BudgetUnit;
}

const emptyDraft = (): Draft => ({ label: "", date: "", time: "09:00", zone: "", allDecks: true, decks: [], topics: [], targetPercent: Math.round(DEFAULT_TARGET_RECALL * 100), budget: "", budgetUnit: "reviews" });

/** The date and time an instant shows in its zone, as the form's inputs hold them. */
function draftOf(d: InterviewDateView): Draft {
  const local = new TZDate(new Date(d.at).getTime(), d.timeZone);
  return {
    label: d.label,
    date: formatDate(local, "yyyy-MM-dd"),
    time: formatDate(local, "HH:mm"),
    zone: d.timeZone,
    allDecks: d.scope === "all",
    decks: d.scope === "all" ? [] : d.scope.map((s) => s.deckId),
    topics: d.scope === "all" ? [] : d.scope.flatMap((s) => s.topics.map((path) => ({ deckId: s.deckId, path }))),
    targetPercent: Math.round(d.targetRecall * 100),
    budget: d.dailyBudget === null ? "" : String(d.dailyBudget),
    budgetUnit: d.budgetUnit,
  };
}

/**
 * Interview dates: the date and time are read in the chosen zone (the browser's by default), so
 * "09:30 in Shanghai" is that instant wherever the server runs. Until a date, the reviews of the
 * cards in its scope are planned so that recall on the day meets the target.
 */
export function InterviewDatesPanel({
  initial,
  decks,
  zones: serverZones,
  browserZone: serverGuess,
}: {
  initial: InterviewDateView[];
  decks: BuilderDeck[];
  zones: readonly string[];
  browserZone: string;
}) {
  const t = useTranslations("interviewDates");
  const format = useFormatter();
  const router = useRouter();
  const errorMessage = useApiErrorMessage();
  const { browserZone, zones } = useBrowserZone(serverGuess, serverZones);
  const [dates, setDates] = useState(initial);
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [editing, setEditing] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  const reload = async () => {
    setDates((await api<{ interviewDates: InterviewDateView[] }>("/api/v1/interview-dates")).interviewDates);
    // the home page's readiness line is rendered on the server
    router.refresh();
  };

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    const zone = draft.zone || browserZone;
    const [y, mo, d] = draft.date.split("-").map(Number);
    const [h, mi] = draft.time.split(":").map(Number);
    if (!y || !mo || !d || h === undefined || mi === undefined || Number.isNaN(h) || Number.isNaN(mi)) {
      setStatus({ ok: false, text: t("needDate") });
      return;
    }
    if (!draft.allDecks && draft.decks.length === 0) {
      setStatus({ ok: false, text: t("needDeck") });
      return;
    }
    const body: CreateInterviewDateRequest = {
      label: draft.label,
      at: new TZDate(y, mo - 1, d, h, mi, zone).toISOString(),
      timeZone: zone,
      scope: draft.allDecks ? "all" : draft.decks.map((deckId) => ({ deckId, topics: draft.topics.filter((x) => x.deckId === deckId).map((x) => x.path) })),
      targetRecall: draft.targetPercent / 100,
      dailyBudget: draft.budget.trim() === "" ? null : Number(draft.budget),
      budgetUnit: draft.budgetUnit,
    };
    setBusy(true);
    setStatus(null);
    try {
      if (editing) await api(`/api/v1/interview-dates/${editing}`, { method: "PATCH", body: JSON.stringify(body) });
      else await api("/api/v1/interview-dates", { method: "POST", body: JSON.stringify(body) });
      await reload();
      setDraft(emptyDraft());
      setEditing(null);
      setStatus({ ok: true, text: t("saved") });
    } catch (err) {
      setStatus({ ok: false, text: `${t("error")} ${errorMessage(err)}` });
    } finally {
      setBusy(false);
    }
  };

  const remove = async (id: string) => {
    setBusy(true);
    setStatus(null);
    try {
      await api(`/api/v1/interview-dates/${id}`, { method: "DELETE" });
      await reload();
      if (editing === id) {
        setEditing(null);
        setDraft(emptyDraft());
      }
      setStatus({ ok: true, text: t("removed") });
    } catch (err) {
      setStatus({ ok: false, text: `${t("error")} ${errorMessage(err)}` });
    } finally {
      setBusy(false);
    }
  };

  const deckTitle = (id: string) => decks.find((d) => d.id === id)?.title ?? id;

  return (
    <section className="options-form interview-dates" aria-labelledby="interview-dates-title" data-testid="interview-dates">
      <h2 id="interview-dates-title">{t("title")}</h2>
      <p className="hint">{t("intro")}</p>
      {dates.length > 0 ? (
        <ul className="interview-date-list" data-testid="interview-date-list">
          {dates.map((d) => (
            <li key={d.id} data-testid="interview-date">
              <span>
                <strong>{d.label || t("untitled")}</strong>{" "}
                {format.dateTime(new Date(d.at), { dateStyle: "medium", timeStyle: "short", timeZone: d.timeZone })} ({d.timeZone}) ·{" "}
                {d.scope === "all" ? t("allDecks") : d.scope.map((s) => (s.topics.length === 0 ? deckTitle(s.deckId) : t("deckTopics", { deck: deckTitle(s.deckId), topics: s.topics.map((p) => p.join(" › ")).join(", ") }))).join("; ")} · {t("targetShort", { target: format.number(d.targetRecall, { style: "percent" }) })}
                {d.dailyBudget !== null
                  ? ` · ${d.budgetUnit === "minutes" ? t("budgetShortMinutes", { minutes: d.dailyBudget, reviews: d.budgetReviews ?? 0, seconds: d.secondsPerReview }) : t("budgetShortReviews", { reviews: d.dailyBudget })}`
                  : ""}
                {d.past ? ` · ${t("past")}` : ""}
              </span>
              <span className="row">
                <button
                  type="button"
                  onClick={() => {
                    setEditing(d.id);
                    setDraft(draftOf(d));
                    setStatus(null);
                  }}
                  disabled={busy}
                  aria-label={t("editOne", { label: d.label || t("untitled") })}
                >
                  {t("edit")}
                </button>
                <button type="button" onClick={() => void remove(d.id)} disabled={busy} aria-label={t("removeOne", { label: d.label || t("untitled") })}>
                  {t("remove")}
                </button>
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p data-testid="no-interview-dates">{t("none")}</p>
      )}
      <form onSubmit={save} className="options-form" data-testid="interview-date-form">
        <fieldset>
          <legend>{editing ? t("editTitle") : t("addTitle")}</legend>
          <label>
            {t("label")}
            <input value={draft.label} maxLength={120} onChange={(e) => set({ label: e.target.value })} data-testid="interview-label" />
          </label>
          <label>
            {t("date")}
            <input type="date" required value={draft.date} onChange={(e) => set({ date: e.target.value })} data-testid="interview-date-input" />
          </label>
          <label>
            {t("time")}
            <input type="time" required value={draft.time} onChange={(e) => set({ time: e.target.value })} data-testid="interview-time-input" />
          </label>
          <label>
            {t("timeZone")}
            <TimeZoneSelect value={draft.zone} onChange={(zone) => set({ zone })} zones={zones} followLabel={t("browserZone", { zone: browserZone })} testId="interview-zone" />
          </label>
          <fieldset>
            <legend>{t("scope")}</legend>
            <label className="check">
              <input type="checkbox" checked={draft.allDecks} onChange={(e) => set({ allDecks: e.target.checked })} data-testid="interview-all-decks" />
              {t("allDecks")}
            </label>
            {draft.allDecks ? null : (
              <DeckTopicPicker
                decks={decks}
                chosenDecks={draft.decks}
                topics={draft.topics}
                onToggleDeck={(deckId, on) =>
                  set({ decks: on ? [...draft.decks, deckId] : draft.decks.filter((id) => id !== deckId), topics: on ? draft.topics : draft.topics.filter((x) => x.deckId !== deckId) })
                }
                onToggleTopic={(deckId, path, on) => {
                  const same = (x: { deckId: string; path: string[] }) => x.deckId === deckId && JSON.stringify(x.path) === JSON.stringify(path);
                  set({ topics: on ? [...draft.topics.filter((x) => !same(x)), { deckId, path }] : draft.topics.filter((x) => !same(x)) });
                }}
              />
            )}
          </fieldset>
          <label>
            {t("target")}
            <input type="number" min={50} max={99} step={1} required value={draft.targetPercent} onChange={(e) => set({ targetPercent: Number(e.target.value) })} data-testid="interview-target" />
          </label>
          <fieldset className="budget">
            <legend>{t("budget")}</legend>
            <input
              type="number"
              min={1}
              max={draft.budgetUnit === "minutes" ? MAX_BUDGET_MINUTES : 10000}
              step={1}
              value={draft.budget}
              onChange={(e) => set({ budget: e.target.value })}
              aria-label={t("budgetAmount")}
              data-testid="interview-budget"
            />
            <select value={draft.budgetUnit} onChange={(e) => set({ budgetUnit: e.target.value as BudgetUnit })} aria-label={t("budgetUnit")} data-testid="interview-budget-unit">
              <option value="reviews">{t("budgetReviews")}</option>
              <option value="minutes">{t("budgetMinutes")}</option>
            </select>
          </fieldset>
        </fieldset>
        <div className="row">
          <button type="submit" className="primary" disabled={busy} data-testid="save-interview-date">
            {editing ? t("saveChanges") : t("add")}
          </button>
          {editing ? (
            <button
              type="button"
              onClick={() => {
                setEditing(null);
                setDraft(emptyDraft());
              }}
            >
              {t("cancel")}
            </button>
          ) : null}
          {status ? (
            <p role={status.ok ? "status" : "alert"} className={status.ok ? "ok" : "alert"} data-testid="interview-date-status">
              {status.text}
            </p>
          ) : null}
        </div>
      </form>
    </section>
  );
}
