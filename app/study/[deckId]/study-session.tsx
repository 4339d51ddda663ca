"use client";

import Link from "next/link";
import { useEffect, useEffectEvent, useRef, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { SanitizedHtml } from "@/app/components/html";
import { AnswerComparison } from "@/app/components/diff-text";
import { newIdempotencyKey } from "@/app/components/idempotency";
import { api, useApiErrorMessage } from "@/app/components/api-client";
import { shuffledIndices } from "@/lib/random";
import {
  answerBodyHtml,
  choiceView,
  isCardKind,
  pointsView,
  stepsView,
  type StudyCardView,
} from "@/app/components/card-data";
import type { StudyCounts } from "@/lib/api-schemas";
import { gradeTypedAnswer, type TypedAnswer, type TypedGrade } from "@/lib/answer/grade";
import { closestAnswer } from "@/lib/answer/diff";
import { scoreChoice } from "@/lib/quiz/score";
import type { CardOverride } from "@/lib/content/override";
import { CardEditForm } from "@/app/components/card-edit-form";

type Rating = 1 | 2 | 3 | 4;

interface Queue {
  card: StudyCardView | null;
  counts: StudyCounts;
  nextDueAt: string | null;
  typedAnswers: boolean;
}

const RATINGS: Rating[] = [1, 2, 3, 4];

/**
 * The rating proposed for a choice card, from the options ticked (scored as in quizzes): all
 * right → Good, partly right (half the points or more) → Hard, otherwise Again. Nothing ticked:
 * no proposal, you rate yourself.
 */
export function proposedChoiceRating(correct: readonly boolean[], selected: readonly boolean[]): Rating | null {
  const ticked = selected.flatMap((on, i) => (on ? [i] : []));
  if (ticked.length === 0) return null;
  const { score } = scoreChoice(correct, ticked);
  return score >= 1 - 1e-9 ? 3 : score >= 0.5 ? 2 : 1;
}

/** The ids after `id` in `ids`; none when `id` is not there (the page found none of them in the deck). */
function cardsAfter(ids: string[], id: string | undefined): string[] {
  const i = id === undefined ? -1 : ids.indexOf(id);
  return i < 0 ? [] : ids.slice(i + 1);
}

/** The answer box of a typed card (one at a time on the screen). */
const typedInput = () => document.querySelector<HTMLInputElement>("[data-testid=typed-input]");

/** A card on screen: the idempotency key and start time are made once per displayed card. */
interface Shown {
  card: StudyCardView;
  key: string;
  shownAt: number;
}

/** What `u` takes back: a rating, or a discard of a generated card. */
type Undoable = { reviewId: number } | { discardedId: string };

/** A card notes mode generated (the ones a person may discard or fix here). */
const isGenerated = (card: StudyCardView) => typeof card.data.generatedBy === "string";

/** The review endpoint accepts durations up to a day. */
const MAX_DURATION_MS = 24 * 3600 * 1000;

/**
 * The study screen. `firstCards` (from `?cards=`, set by a mock interview's "study what I
 * missed") are shown before the queue, in their order, each once.
 */
export function StudySession({
  deckId,
  deckTitle,
  firstCards = [],
  initialQueue,
}: {
  deckId: string;
  deckTitle: string;
  firstCards?: string[];
  /** the first card and counts, rendered with the page; without it the browser asks for them */
  initialQueue?: Queue;
}) {
  const t = useTranslations("study");
  const common = useTranslations("common");
  const format = useFormatter();
  const message = useApiErrorMessage();
  // the browser's time zone: the study day rolls over at 4 am there
  const nextUrl = `/api/v1/decks/${encodeURIComponent(deckId)}/next?tz=${encodeURIComponent(Intl.DateTimeFormat().resolvedOptions().timeZone)}`;
  const [shown, setShown] = useState<Shown | null>(() => (initialQueue?.card ? { card: initialQueue.card, key: newIdempotencyKey(), shownAt: Date.now() } : null));
  const [done, setDone] = useState(initialQueue !== undefined && initialQueue.card === null);
  const [loading, setLoading] = useState(initialQueue === undefined);
  const [revealed, setRevealed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reviewed, setReviewed] = useState(0);
  // this session's ratings and discards, newest last: `u` undoes them one by one
  const [undoStack, setUndoStack] = useState<Undoable[]>([]);
  // the fix form of the card on screen (key E), with the fields it starts from
  const [editing, setEditing] = useState<{ fields: CardOverride; edited: boolean } | null>(null);
  const [editError, setEditError] = useState<string | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [counts, setCounts] = useState<StudyCounts | null>(initialQueue?.counts ?? null);
  const [nextDueAt, setNextDueAt] = useState<string | null>(initialQueue?.nextDueAt ?? null);
  // typed answers: the deck's option, which the session toggle overrides
  const [typeMode, setTypeModeState] = useState<boolean | null>(null);
  // the toggle is remembered per deck in this browser (it reset on every reload)
  const typedKey = `mianshi.typedAnswers.${deckId}`;
  const setTypeMode = (on: boolean) => {
    setTypeModeState(on);
    try {
      localStorage.setItem(typedKey, on ? "1" : "0");
    } catch {
      /* storage refused (private mode): the toggle lasts for this page */
    }
  };
  /** The toggle stored for this deck, read once, when the first card arrives. */
  const storedTypedRead = useRef(false);
  const applyStoredTyped = () => {
    if (storedTypedRead.current) return;
    storedTypedRead.current = true;
    try {
      const stored = localStorage.getItem(typedKey);
      if (stored === "1" || stored === "0") setTypeModeState(stored === "1");
    } catch {
      /* no storage: the deck's option decides */
    }
  };
  const [deckTyped, setDeckTyped] = useState(initialQueue?.typedAnswers ?? false);
  const [grade, setGrade] = useState<TypedGrade | null>(null);
  // what is typed in the answer box, and the options ticked on a choice card
  const [typed, setTyped] = useState("");
  const [selected, setSelected] = useState<boolean[]>([]);
  const inFlight = useRef(false);
  // the cards asked for first (study what I missed), not shown yet
  // (the page may have rendered the first of them: those after it are left)
  const pending = useRef<string[]>(initialQueue ? cardsAfter(firstCards, initialQueue.card?.id) : firstCards);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const doneRef = useRef<HTMLHeadingElement>(null);

  const showQueue = (q: Queue) => {
    setCounts(q.counts);
    setDeckTyped(q.typedAnswers);
    applyStoredTyped();
    setNextDueAt(q.nextDueAt);
    show(q.card);
  };

  const show = (card: StudyCardView | null) => {
    setShown(card ? { card, key: newIdempotencyKey(), shownAt: Date.now() } : null);
    setDone(card === null);
    setRevealed(false);
    setGrade(null);
    setTyped("");
    setSelected([]);
    setEditing(null);
    setEditError(null);
    setLoading(false);
  };

  /** The queue (for the counts), with its card replaced by the next of `firstCards` while any is left. */
  const fetchQueue = async (): Promise<Queue> => {
    const queue = await api<Queue>(nextUrl);
    while (pending.current.length > 0) {
      const id = pending.current[0]!;
      pending.current = pending.current.slice(1);
      const found = await api<{ card: StudyCardView }>(`/api/v1/cards/${encodeURIComponent(id)}`).catch(() => null);
      if (found && found.card.deckId === deckId) return { ...queue, card: found.card };
    }
    return queue;
  };
  const firstQueue = useEffectEvent(() => fetchQueue());
  const onFirstQueue = useEffectEvent((q: Queue) => showQueue(q));

  // the first card
  const onFirstError = useEffectEvent((e: unknown) => {
    setError(message(e));
    setLoading(false);
  });
  const initialized = useRef(initialQueue !== undefined);
  const onServerQueue = useEffectEvent(() => {
    applyStoredTyped();
    // the time on screen starts when the browser has the card, not when the server rendered it
    setShown((s) => (s ? { ...s, shownAt: Date.now() } : s));
  });
  useEffect(() => {
    if (initialized.current) {
      onServerQueue();
      return;
    }
    let cancelled = false;
    firstQueue()
      .then((q) => {
        if (!cancelled) onFirstQueue(q);
      })
      .catch((e: unknown) => {
        if (!cancelled) onFirstError(e);
      });
    return () => {
      cancelled = true;
    };
  }, [nextUrl]);

  // focus the heading of each new card (and of the "nothing due" message)
  const shownKey = shown?.key;
  useEffect(() => {
    if (!shownKey) return;
    // a typed-answer card starts in its answer box; any other card on its heading
    (typedInput() ?? headingRef.current)?.focus();
  }, [shownKey, typeMode]);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const loadNext = async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    setLoading(true);
    setError(null);
    try {
      showQueue(await fetchQueue());
    } catch (e) {
      setError(message(e));
      setLoading(false);
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };

  const typing = typeMode ?? deckTyped;
  const expected = shown && typing ? typedAnswerView(shown.card.data) : null;
  const choice = shown?.card.kind === "choice" ? choiceView(shown.card.data) : null;
  // the rating Enter accepts once the answer shows: the typed answer's, or the choice's
  const proposed: Rating | null = grade ? grade.proposedRating : choice && revealed ? proposedChoiceRating(choice.correct, selected) : null;

  const reveal = () => {
    if (!shown || revealed) return;
    // a typed card is checked with what the box holds, even when the box has no focus
    if (expected) {
      revealTyped(typed, expected);
      return;
    }
    setRevealed(true);
    // the reveal button goes away: keep the focus on the card rather than lose it to the page
    const active = document.activeElement;
    if (!active || active === document.body || (active as HTMLElement).dataset.testid === "show-answer") headingRef.current?.focus();
  };
  const revealTyped = (typed: string, expected: TypedAnswer) => {
    if (!shown || revealed) return;
    setGrade(gradeTypedAnswer(typed, expected));
    setRevealed(true);
    headingRef.current?.focus();
  };

  const rate = async (rating: Rating) => {
    if (!shown || !revealed || inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    setError(null);
    try {
      const durationMs = Math.min(MAX_DURATION_MS, Math.max(0, Math.round(Date.now() - shown.shownAt)));
      const result = await api<{ reviewId: number; recorded: boolean }>("/api/v1/reviews", {
        method: "POST",
        body: JSON.stringify({ cardId: shown.card.id, rating, idempotencyKey: shown.key, durationMs }),
      });
      if (result.recorded) {
        setReviewed((n) => n + 1);
        setUndoStack((stack) => [...stack, { reviewId: result.reviewId }]);
      }
      setNotice(null);
      pending.current = pending.current.filter((id) => id !== shown.card.id);
      // a retry after a failed load re-sends the same key: the server records the review once
      showQueue(await fetchQueue());
    } catch (e) {
      setError(message(e));
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };

  /** Runs one request that changes the session, then shows the card it leads to. */
  const act = async (work: () => Promise<Queue>, done?: string) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    setError(null);
    try {
      showQueue(await work());
      setNotice(done ?? null);
    } catch (e) {
      setError(message(e));
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };

  const undo = () => {
    const last = undoStack[undoStack.length - 1];
    if (last === undefined) return;
    if ("discardedId" in last) {
      const cardId = last.discardedId;
      void act(async () => {
        await api(`/api/v1/cards/${encodeURIComponent(cardId)}/curation`, { method: "POST", body: JSON.stringify({ action: "restore" }) });
        setUndoStack((stack) => stack.slice(0, -1));
        const [restored, queue] = await Promise.all([api<{ card: StudyCardView }>(`/api/v1/cards/${encodeURIComponent(cardId)}`), api<Queue>(nextUrl)]);
        return { ...queue, card: restored.card };
      }, t("restored"));
      return;
    }
    void act(async () => {
      const undone = await api<{ cardId: string }>(`/api/v1/reviews/${last.reviewId}`, { method: "DELETE" });
      setUndoStack((stack) => stack.slice(0, -1));
      setReviewed((n) => Math.max(0, n - 1));
      // the restored card is shown again; the counts come from the queue
      const [restored, queue] = await Promise.all([
        api<{ card: StudyCardView }>(`/api/v1/cards/${encodeURIComponent(undone.cardId)}`),
        api<Queue>(nextUrl),
      ]);
      return { ...queue, card: restored.card };
    }, t("undone"));
  };

  const cardAction = (body: Record<string, unknown>, done: string) => {
    if (!shown) return;
    const cardId = shown.card.id;
    void act(async () => {
      await api(`/api/v1/cards/${encodeURIComponent(cardId)}/actions`, { method: "POST", body: JSON.stringify(body) });
      return fetchQueue();
    }, done);
  };
  const suspend = () => cardAction({ action: "suspend" }, t("suspended"));

  /** Discards a generated card for good (it stays out on re-import while the notes say the same); `u` brings it back. */
  const discard = () => {
    if (!shown || !isGenerated(shown.card)) return;
    const cardId = shown.card.id;
    void act(async () => {
      await api(`/api/v1/cards/${encodeURIComponent(cardId)}/curation`, { method: "POST", body: JSON.stringify({ action: "discard" }) });
      setUndoStack((stack) => [...stack, { discardedId: cardId }]);
      pending.current = pending.current.filter((id) => id !== cardId);
      return fetchQueue();
    }, t("discarded"));
  };
  /** Opens the fix form of a generated card. */
  const openEdit = () => {
    if (!shown || !isGenerated(shown.card) || editing || inFlight.current) return;
    const cardId = shown.card.id;
    inFlight.current = true;
    setBusy(true);
    setError(null);
    api<{ status: string; fields: CardOverride }>(`/api/v1/cards/${encodeURIComponent(cardId)}/curation`)
      .then((c) => {
        setEditError(null);
        setEditing({ fields: c.fields, edited: c.status === "edited" });
      })
      .catch((e: unknown) => setError(message(e)))
      .finally(() => {
        inFlight.current = false;
        setBusy(false);
      });
  };
  /** Saves (or reverts) the fix and shows the card as it is now, to study it. */
  const saveEdit = (body: { action: "edit"; override: CardOverride } | { action: "revert" }) => {
    if (!shown || inFlight.current) return;
    const cardId = shown.card.id;
    inFlight.current = true;
    setBusy(true);
    setEditError(null);
    api<{ warning?: string }>(`/api/v1/cards/${encodeURIComponent(cardId)}/curation`, { method: "POST", body: JSON.stringify(body) })
      .then(async (r) => {
        const [fixed, queue] = await Promise.all([api<{ card: StudyCardView }>(`/api/v1/cards/${encodeURIComponent(cardId)}`), api<Queue>(nextUrl)]);
        showQueue({ ...queue, card: fixed.card });
        setNotice(r.warning ? `${t(body.action === "edit" ? "edited" : "reverted")} · ${r.warning}` : t(body.action === "edit" ? "edited" : "reverted"));
        // the focus goes back to the card, as after any card change
        headingRef.current?.focus();
      })
      .catch((e: unknown) => setEditError(message(e)))
      .finally(() => {
        inFlight.current = false;
        setBusy(false);
      });
  };
  const closeEdit = () => {
    setEditing(null);
    setEditError(null);
    headingRef.current?.focus();
  };
  const bury = () => cardAction({ action: "bury", timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone }, t("buried"));

  const onKeyDown = useEffectEvent((e: KeyboardEvent) => {
    const target = e.target instanceof HTMLElement ? e.target : null;
    // Ctrl/Cmd+Z undoes the last rating anywhere, even from an answer box, unless the box
    // holds text (then it is the box's own undo)
    if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === "z" && !e.repeat) {
      const hasText = target instanceof HTMLInputElement && target.type === "text" && target.value !== "";
      if (!hasText && undoStack.length > 0) {
        e.preventDefault();
        undo();
      }
      return;
    }
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.repeat) return;
    // the fix form keeps its keys (it handles Esc and Ctrl+Enter itself)
    if (editing) return;
    // the answer box keeps every key but Esc, which leaves it for the shortcuts (Enter checks:
    // the box's form submits)
    if (target instanceof HTMLInputElement && target.dataset.testid === "typed-input") {
      if (e.key === "Escape") {
        e.preventDefault();
        headingRef.current?.focus();
      }
      return;
    }
    // a choice option keeps Space when it was reached by keyboard (Space ticks it); after a
    // click on it (marked data-pointer, see CardView) Space reveals, as on any card. Enter and
    // digits always work.
    const toggle = target instanceof HTMLInputElement && (target.type === "checkbox" || target.type === "radio");
    const keyboardToggle = toggle && target.dataset.pointer !== "1";
    const typingElsewhere = target && (target.isContentEditable || ["TEXTAREA", "SELECT"].includes(target.tagName) || (target.tagName === "INPUT" && !toggle));
    if (typingElsewhere) return;
    if (e.key === "?") {
      e.preventDefault();
      setHelpOpen((open) => !open);
      return;
    }
    if (e.key === "Escape" && helpOpen) {
      e.preventDefault();
      setHelpOpen(false);
      return;
    }
    // the card is behind the shortcut list: no key rates or acts on it while the list is open
    if (helpOpen) return;
    if (e.key === "u" || e.key === "U") {
      e.preventDefault();
      undo();
      return;
    }
    if (!shown) return;
    // a focused button or link handles its own Space and Enter
    const control = target && (target.tagName === "BUTTON" || target.tagName === "A");
    if (e.key === "@") {
      e.preventDefault();
      suspend();
    } else if ((e.key === "x" || e.key === "X") && isGenerated(shown.card)) {
      e.preventDefault();
      discard();
    } else if ((e.key === "e" || e.key === "E") && isGenerated(shown.card)) {
      e.preventDefault();
      openEdit();
    } else if (e.key === "-") {
      e.preventDefault();
      bury();
    } else if (!revealed && (e.key === " " || e.key === "Enter")) {
      if (control) return;
      if (keyboardToggle && e.key === " ") return;
      e.preventDefault();
      reveal();
    } else if (!revealed && choice && /^[1-9]$/.test(e.key) && Number(e.key) <= choice.optionsHtml.length) {
      // before the reveal, digits tick a choice card's options
      e.preventDefault();
      const i = Number(e.key) - 1;
      setSelected((prev) => choice.optionsHtml.map((_, j) => (j === i ? !(prev[j] ?? false) : choice.multiple ? prev[j] === true : false)));
    } else if (revealed && proposed !== null && e.key === "Enter") {
      if (control) return;
      e.preventDefault();
      void rate(proposed);
    } else if (revealed && ["1", "2", "3", "4"].includes(e.key)) {
      e.preventDefault();
      void rate(Number(e.key) as Rating);
    }
  });
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKeyDown(e);
    window.addEventListener("keydown", listener);
    return () => window.removeEventListener("keydown", listener);
  }, []);

  const errorBox = error ? (
    <div role="alert" className="alert" data-testid="error">
      <p>
        <strong>{t("error")}</strong> {error}
      </p>
      {!shown && !done ? (
        <button type="button" onClick={() => void loadNext()} disabled={busy}>
          {t("retry")}
        </button>
      ) : null}
    </div>
  ) : null;

  if (done) {
    return (
      <>
        {errorBox}
        <section className="study-card done" data-testid="no-cards">
          <h2 ref={doneRef} tabIndex={-1}>
            {t("noCards")}
          </h2>
          <p>{reviewed > 0 ? t("reviewedSession", { count: reviewed }) : t("comeBackLater")}</p>
          {nextDueAt ? (
            <p data-testid="next-due">
              {t("nextDue")}{" "}
              <time dateTime={nextDueAt}>
                {/* in the browser's own time zone, where the study day is counted */}
                {format.dateTime(new Date(nextDueAt), "dateTime", { timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone })}
              </time>
            </p>
          ) : null}
          <p className="row">
            <Link className="button primary" href="/">
              {t("backToDecks")}
            </Link>
            {undoStack.length > 0 ? (
              <button type="button" onClick={undo} disabled={busy} data-testid="undo" aria-keyshortcuts="U">
                {t("undoLast")} <kbd>U</kbd>
              </button>
            ) : null}
          </p>
          <PracticeOffer deckId={deckId} canStudyAhead={nextDueAt !== null} />
        </section>
        {helpOpen ? <ShortcutHelp onClose={() => setHelpOpen(false)} /> : null}
      </>
    );
  }

  if (!shown) {
    return (
      <>
        {errorBox}
        {loading ? (
          <p className="status-line" role="status">
            {common("loading")}
          </p>
        ) : null}
      </>
    );
  }

  return (
    <>
      {errorBox}
      {firstCards.includes(shown.card.id) ? (
        <p className="hint missed-banner" data-testid="missed-banner">
          {t("missedBanner", { count: firstCards.length })}
        </p>
      ) : null}
      {counts ? <CountsBar counts={counts} /> : null}
      {editing ? (
        <CardEditForm
          key={`edit-${shown.key}`}
          initial={editing.fields}
          edited={editing.edited}
          busy={busy}
          error={editError}
          onSave={(override) => saveEdit({ action: "edit", override })}
          onCancel={closeEdit}
          onRevert={() => saveEdit({ action: "revert" })}
        />
      ) : null}
      <CardView
        key={shown.key}
        card={shown.card}
        deckTitle={deckTitle}
        revealed={revealed}
        busy={busy}
        headingRef={headingRef}
        onReveal={reveal}
        onRate={(r) => void rate(r)}
        typing={typing}
        grade={grade}
        onRevealTyped={revealTyped}
        typed={typed}
        onTyped={setTyped}
        selected={selected}
        onSelected={setSelected}
        proposed={proposed}
      />
      <div className="card-tools" role="group" aria-label={t("toolbar")}>
        <button type="button" onClick={undo} disabled={busy || undoStack.length === 0} data-testid="undo" aria-keyshortcuts="U Control+Z">
          {t("undo")} <kbd>U</kbd>
        </button>
        <button type="button" onClick={bury} disabled={busy} data-testid="bury" aria-keyshortcuts="-">
          {t("bury")} <kbd>-</kbd>
        </button>
        <button type="button" onClick={suspend} disabled={busy} data-testid="suspend" aria-keyshortcuts="@">
          {t("suspend")} <kbd>@</kbd>
        </button>
        {isGenerated(shown.card) ? (
          <>
            <button type="button" onClick={openEdit} disabled={busy || editing !== null} data-testid="edit-card" aria-keyshortcuts="E">
              {t("fixCard")} <kbd>E</kbd>
            </button>
            <button type="button" onClick={discard} disabled={busy} data-testid="discard" aria-keyshortcuts="X">
              {t("discard")} <kbd>X</kbd>
            </button>
          </>
        ) : null}
        <label className="toggle">
          <input type="checkbox" checked={typing} onChange={(e) => setTypeMode(e.target.checked)} data-testid="type-toggle" /> {t("typeAnswers")}
        </label>
        <button type="button" onClick={() => setHelpOpen(true)} data-testid="shortcuts" aria-keyshortcuts="?">
          {t("shortcuts")} <kbd>?</kbd>
        </button>
      </div>
      <p className="status-line" aria-live="polite" data-testid="session-status">
        {busy ? common("saving") : `${notice ? `${notice} · ` : ""}${t("status", { count: reviewed })}`}
      </p>
      {helpOpen ? <ShortcutHelp onClose={() => setHelpOpen(false)} /> : null}
    </>
  );
}

function CountsBar({ counts }: { counts: StudyCounts }) {
  const t = useTranslations("study.counts");
  const format = useFormatter();
  /** The server stops counting at 1,000 (counting is not free on big decks). */
  const shown = (n: number) => (n >= 1000 ? `${format.number(999)}+` : format.number(n));
  return (
    <ul className="study-counts" data-testid="counts" aria-label={t("label")}>
      <li>
        <span className="new" data-testid="count-new">
          {t("new", { count: shown(counts.new) })}
        </span>
      </li>
      <li>
        <span className="learning" data-testid="count-learning">
          {t("learning", { count: shown(counts.learning) })}
        </span>
      </li>
      <li>
        <span className="review" data-testid="count-review">
          {t("review", { count: shown(counts.review) })}
        </span>
      </li>
    </ul>
  );
}

/** The keys, and the key of their description in messages (namespace "shortcuts"). */
const SHORTCUTS = [
  ["Space / Enter", "reveal"],
  ["1 2 3 4", "rate"],
  ["Enter", "accept"],
  ["1–9", "tick"],
  ["U / Ctrl+Z", "undo"],
  ["-", "bury"],
  ["@", "suspend"],
  ["E", "fix"],
  ["X", "discard"],
  ["?", "toggle"],
  ["Esc", "close"],
  ["Esc", "leave"],
] as const;

function ShortcutHelp({ onClose }: { onClose: () => void }) {
  const t = useTranslations("shortcuts");
  const common = useTranslations("common");
  const closeRef = useRef<HTMLButtonElement>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  // a modal dialog over the card (it opened below the card, out of sight on a phone); focus
  // moves into it when it opens, and back to where it was when it closes
  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    closeRef.current?.focus();
    return () => {
      const target = before?.isConnected && before !== document.body ? before : document.getElementById("card-heading");
      target?.focus();
    };
  }, []);
  return (
    <dialog
      ref={dialogRef}
      className="shortcut-help"
      aria-labelledby="shortcut-title"
      data-testid="shortcut-help"
      // Esc closes a modal dialog by itself: tell the session, which owns whether it is open
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => {
        // a click on the backdrop closes it (the backdrop's clicks reach the dialog element, outside its box)
        const box = e.currentTarget.getBoundingClientRect();
        const outside = e.clientX < box.left || e.clientX > box.right || e.clientY < box.top || e.clientY > box.bottom;
        if (e.target === e.currentTarget && outside) onClose();
      }}
    >
      <h2 id="shortcut-title">{t("title")}</h2>
      <dl>
        {SHORTCUTS.map(([keys, what]) => (
          <div key={what}>
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{t(what)}</dd>
          </div>
        ))}
      </dl>
      <button type="button" ref={closeRef} onClick={onClose}>
        {common("close")}
      </button>
    </dialog>
  );
}

export function CardView({
  card,
  deckTitle,
  revealed,
  busy,
  headingRef,
  onReveal,
  onRate,
  typing,
  grade,
  onRevealTyped,
  typed,
  onTyped,
  selected,
  onSelected,
  proposed,
  onNext,
}: {
  card: StudyCardView;
  deckTitle: string;
  revealed: boolean;
  busy: boolean;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
  onReveal: () => void;
  onRate: (rating: Rating) => void;
  typing: boolean;
  grade: TypedGrade | null;
  onRevealTyped: (typed: string, expected: TypedAnswer) => void;
  /** the answer box's text (typed cards) */
  typed: string;
  onTyped: (text: string) => void;
  /** the options ticked (choice cards) */
  selected: boolean[];
  onSelected: (update: (prev: boolean[]) => boolean[]) => void;
  /** the rating Enter accepts, highlighted on its button */
  proposed: Rating | null;
  /** practice: one "next" button instead of the ratings (nothing is recorded) */
  onNext?: () => void;
}) {
  const t = useTranslations("study");
  const kinds = useTranslations("kinds");
  const ratings = useTranslations("ratings");
  const intervals = useTranslations("intervals");
  /** The server's interval labels ("10m", "4d", "2.1mo") in the UI's language ("10分钟", "4天"). */
  const localInterval = (label: string) => {
    const m = /^(\d+(?:\.\d+)?)(mo|m|h|d|y)$/.exec(label);
    return m ? intervals(m[2] as "mo" | "m" | "h" | "d" | "y", { n: Number(m[1]) }) : label;
  };
  const expected = typing ? typedAnswerView(card.data) : null;
  // the box has the focus: its own hint, not the card's keys
  const [inBox, setInBox] = useState(false);
  const choice = card.kind === "choice" ? choiceView(card.data) : null;
  const steps = card.kind === "ordering" ? stepsView(card.data) : null;
  const points = card.kind === "open" ? pointsView(card.data) : null;

  const order = steps ? shuffledIndices(steps.length, card.id) : [];
  // the structured views show options, steps or points; below them goes the explanation
  const answerHtml = choice || steps || points ? answerBodyHtml(card) : card.answerHtml;

  const kindLabel = (isCardKind(card.kind) ? kinds(card.kind) : card.kind) + (choice ? ` · ${choice.multiple ? t("multiple") : t("single")}` : "");
  const anySelected = selected.some(Boolean);
  const choiceRight = choice ? choice.correct.every((c, i) => c === (selected[i] ?? false)) : false;
  // what the choice missed: right options not ticked, wrong ones ticked
  const missedOptions = choice ? choice.optionsHtml.filter((_, i) => choice.correct[i] && !selected[i]) : [];
  const wrongPicks = choice ? choice.optionsHtml.filter((_, i) => !choice.correct[i] && selected[i]) : [];
  const choicePartly = choice && anySelected && !choiceRight ? proposedChoiceRating(choice.correct, selected) === 2 : false;

  return (
    <article className="study-card" data-testid="card" data-card-id={card.id} data-kind={card.kind} aria-labelledby="card-heading">
      <div className="card-meta">
        <nav className="breadcrumb" aria-label={t("topic")} data-testid="breadcrumb">
          <ol>
            <li>{deckTitle}</li>
            {card.topic.map((t, i) => (
              <li key={i}>{t}</li>
            ))}
          </ol>
        </nav>
        <span className="kind" data-testid="card-kind">
          {kindLabel}
        </span>
      </div>

      {/* the label takes the focus for screen readers; the mark of it is drawn beside the whole question */}
      <div className="card-question" data-testid="card-question">
        <h2 id="card-heading" className="card-heading" ref={headingRef} tabIndex={-1} aria-describedby="card-prompt">
          {t("question")}
        </h2>
        <SanitizedHtml id="card-prompt" className="prompt html" html={card.promptHtml} testId="prompt" />
      </div>

      {expected ? (
        <form
          className="typed-answer"
          onSubmit={(e) => {
            e.preventDefault();
            onRevealTyped(typed, expected);
          }}
        >
          <label htmlFor={`typed-${card.id}`}>{t("yourAnswer")}</label>
          <input
            id={`typed-${card.id}`}
            value={typed}
            onChange={(e) => onTyped(e.target.value)}
            onFocus={() => setInBox(true)}
            onBlur={() => setInBox(false)}
            readOnly={revealed}
            autoComplete="off"
            lang="zh"
            aria-describedby={`typed-hint-${card.id}`}
            aria-keyshortcuts="Enter Escape"
            data-testid="typed-input"
          />
          {!revealed ? (
            <p className="hint typed-hint" id={`typed-hint-${card.id}`} data-testid="typed-hint">
              <span>{t.rich("typedBoxHint", { kbd: (chunks) => <kbd>{chunks}</kbd> })}</span>
              {inBox ? (
                <button
                  type="button"
                  className="link-button"
                  // keep the focus where it is until the click lands
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => headingRef.current?.focus()}
                  data-testid="leave-box"
                >
                  {t.rich("leaveBox", { kbd: (chunks) => <kbd>{chunks}</kbd> })}
                </button>
              ) : null}
            </p>
          ) : null}
        </form>
      ) : null}

      {choice ? (
        revealed ? (
          // after the reveal: your picks stay as clear as before, each option says what it was
          <div className="options revealed" data-testid="options">
            <p className="legend">{choice.multiple ? t("chooseAll") : t("chooseOne")}</p>
            <ul>
              {choice.optionsHtml.map((html, i) => {
                const isCorrect = choice.correct[i] === true;
                const isSelected = selected[i] === true;
                const cls = `${isCorrect ? "correct" : isSelected ? "wrong" : ""}${isSelected ? " picked" : ""}${isCorrect && !isSelected && anySelected ? " missed" : ""}`;
                return (
                  <li key={i} className={`option ${cls}`} data-testid="option" data-correct={String(isCorrect)} data-picked={String(isSelected)}>
                    <span className={`pick ${choice.multiple ? "box" : "dot"}`} aria-hidden="true">
                      {isSelected ? (choice.multiple ? "☑" : "◉") : choice.multiple ? "☐" : "○"}
                    </span>
                    <SanitizedHtml as="span" className="inline-html" html={html} />
                    <span className="mark" data-testid="option-mark">
                      {isCorrect ? (isSelected ? t("pickRight") : anySelected ? t("pickMissed") : t("correct")) : isSelected ? t("pickWrong") : <span className="visually-hidden">{t("notPicked")}</span>}
                    </span>
                  </li>
                );
              })}
            </ul>
          </div>
        ) : (
          <fieldset className="options" data-testid="options">
            <legend>{choice.multiple ? t("chooseAll") : t("chooseOne")}</legend>
            {choice.optionsHtml.map((html, i) => (
              <label
                key={i}
                className="option"
                data-testid="option"
                // clicked, not tabbed to: Space then reveals instead of unticking (cleared on blur)
                onPointerDown={(e) => {
                  const input = e.currentTarget.querySelector("input");
                  if (input) input.dataset.pointer = "1";
                }}
              >
                <input
                  onBlur={(e) => delete e.currentTarget.dataset.pointer}
                  type={choice.multiple ? "checkbox" : "radio"}
                  name={`choice-${card.id}`}
                  checked={selected[i] === true}
                  onChange={(e) => {
                    const checked = e.currentTarget.checked;
                    onSelected((prev) => choice.optionsHtml.map((_, j) => (j === i ? checked : choice.multiple ? prev[j] === true : false)));
                  }}
                />
                {i < 9 ? <kbd aria-hidden="true">{i + 1}</kbd> : null}
                <SanitizedHtml as="span" className="inline-html" html={html} />
              </label>
            ))}
          </fieldset>
        )
      ) : null}

      {steps && !revealed ? (
        <>
          <p className="visually-hidden">{t("orderSteps")}</p>
          <ul className="steps" data-testid="steps-shuffled" aria-label={t("shuffledSteps")}>
            {order.map((idx, i) => (
              <li key={idx}>
                <span className="badge" aria-hidden="true">
                  {String.fromCharCode(65 + (i % 26))}
                </span>
                <SanitizedHtml as="span" className="inline-html" html={steps[idx] ?? ""} />
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <div className="answer" aria-live="polite" data-testid="answer-region">
        {revealed ? (
          <div className="answer-inner" data-testid="answer">
            {grade && expected ? <TypedVerdict grade={grade} typed={typed} expected={expected} /> : null}
            {choice && anySelected ? (
              <div className={`verdict ${choiceRight ? "ok" : "bad"}`} data-testid="verdict">
                <p>{choiceRight ? t("right") : choicePartly ? t("choicePartly") : t("notQuite")}</p>
                {missedOptions.length > 0 ? (
                  <p className="verdict-detail" data-testid="choice-missed">
                    {t("choiceMissed")}{" "}
                    {missedOptions.map((html, i) => (
                      <span key={i} className="verdict-item">
                        <SanitizedHtml as="span" className="inline-html" html={html} />
                      </span>
                    ))}
                  </p>
                ) : null}
                {wrongPicks.length > 0 ? (
                  <p className="verdict-detail" data-testid="choice-wrong-picks">
                    {t("choiceWrongPicks")}{" "}
                    {wrongPicks.map((html, i) => (
                      <span key={i} className="verdict-item">
                        <SanitizedHtml as="span" className="inline-html" html={html} />
                      </span>
                    ))}
                  </p>
                ) : null}
                {proposed !== null ? <ProposedRating rating={proposed} /> : null}
              </div>
            ) : null}
            {steps ? (
              <>
                <h3>{t("correctOrder")}</h3>
                <ol className="steps correct-order" data-testid="steps-correct">
                  {steps.map((html, i) => (
                    <li key={i}>
                      <span className="badge" aria-hidden="true">
                        {i + 1}
                      </span>
                      <SanitizedHtml as="span" className="inline-html" html={html} />
                    </li>
                  ))}
                </ol>
              </>
            ) : null}
            {points ? (
              <>
                <h3>{t("keyPoints")}</h3>
                <ul className="key-points" data-testid="key-points">
                  {points.map((html, i) => (
                    <li key={i}>
                      <SanitizedHtml as="span" className="inline-html" html={html} />
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {answerHtml ? (
              <>
                <h3>{choice || steps || points ? (points ? t("referenceAnswer") : t("explanation")) : t("answer")}</h3>
                <SanitizedHtml className="html" html={answerHtml} testId="answer-html" />
              </>
            ) : null}
          </div>
        ) : null}
      </div>

      <div className="actions">
        {!revealed ? (
          <>
            <button
              type="button"
              className="primary reveal"
              onClick={expected ? () => onRevealTyped(typed, expected) : onReveal}
              data-testid="show-answer"
              aria-keyshortcuts="Space Enter"
            >
              {t("showAnswer")}
            </button>
            {/* in the answer box, Enter checks and the keys type: its own hint says so */}
            {expected && inBox ? null : (
              <p className="hint" data-testid="reveal-hint">
                {t.rich(expected ? "checkHint" : choice ? "choiceRevealHint" : "revealHint", { kbd: (chunks) => <kbd>{chunks}</kbd>, n: choice ? Math.min(9, choice.optionsHtml.length) : 0 })}
              </p>
            )}
          </>
        ) : onNext ? (
          <button type="button" className="primary" onClick={onNext} disabled={busy} data-testid="practice-next" aria-keyshortcuts="Space Enter">
            {t("practiceNext")}
          </button>
        ) : (
          <>
            <div className="ratings" role="group" aria-label={t("rateGroup")}>
              {RATINGS.map((r) => {
                const interval = localInterval(card.intervals[String(r) as "1" | "2" | "3" | "4"]);
                return (
                  <button
                    key={r}
                    type="button"
                    className={`rate-${r}${proposed === r ? " proposed" : ""}`}
                    onClick={() => onRate(r)}
                    disabled={busy}
                    data-testid={`rate-${r}`}
                    aria-keyshortcuts={String(r)}
                  >
                    {/* the name is "Good, next in 10m": it starts with the visible label (no aria-label) */}
                    <span aria-hidden="true">
                      {ratings(String(r) as `${Rating}`)} <kbd>{r}</kbd>
                    </span>
                    <span className="interval" data-testid={`interval-${r}`} aria-hidden="true">
                      {interval}
                    </span>
                    <span className="visually-hidden">{t("rateLabel", { rating: ratings(String(r) as `${Rating}`), interval })}</span>
                  </button>
                );
              })}
            </div>
            <p className="hint">
              {t.rich("rateHint", { kbd: (chunks) => <kbd>{chunks}</kbd> })}
              {proposed !== null ? <> · {t.rich("acceptHint", { kbd: (chunks) => <kbd>{chunks}</kbd> })}</> : null}
            </p>
          </>
        )}
      </div>
    </article>
  );
}

/** The expected answer of a card asked as typed (set at import for cloze and short basic cards). */
function typedAnswerView(data: Record<string, unknown>): TypedAnswer | null {
  const t = data.typeAnswer as { expected?: unknown; aliases?: unknown } | undefined;
  if (!t || typeof t.expected !== "string") return null;
  const aliases = Array.isArray(t.aliases) ? t.aliases.filter((a): a is string => typeof a === "string") : [];
  return { expected: t.expected, aliases };
}

function ProposedRating({ rating }: { rating: Rating }) {
  const t = useTranslations("study");
  const ratings = useTranslations("ratings");
  return (
    <p className="hint">
      {t("proposedRating")} <strong data-testid="proposed-rating">{ratings(String(rating) as `${Rating}`)}</strong>
    </p>
  );
}

function TypedVerdict({ grade, typed, expected }: { grade: TypedGrade; typed: string; expected: TypedAnswer }) {
  const t = useTranslations("study");
  const label = grade.correct ? t("typedRight") : grade.nearMiss ? t("typedAlmost") : t("typedWrong");
  // against the accepted answer closest to what was typed (an alias typed nearly right)
  const answer = closestAnswer(typed, [expected.expected, ...expected.aliases]);
  return (
    <div className={`verdict ${grade.correct ? "ok" : "bad"}`} data-testid="typed-verdict">
      <p>{label}</p>
      <p className="visually-hidden">{t("typedDiff")}</p>
      <AnswerComparison
        typed={typed}
        expected={answer}
        marked={!grade.correct}
        labels={{ yours: t("diffYours"), expected: t("diffExpected"), wrong: t("diffWrongMark"), missing: t("diffMissingMark"), nothing: t("nothingTyped") }}
        testId="typed-diff"
      />
      <ProposedRating rating={grade.proposedRating} />
    </div>
  );
}

/**
 * With nothing due: study ahead (cards not due yet) or review a chosen topic, outside the
 * schedule. Plain links and a GET form, so both work by keyboard and without scripts.
 */
function PracticeOffer({ deckId, canStudyAhead }: { deckId: string; canStudyAhead: boolean }) {
  const t = useTranslations("practice");
  const [topics, setTopics] = useState<Array<{ path: string[]; count: number }>>([]);
  const base = `/study/${encodeURIComponent(deckId)}/practice`;
  useEffect(() => {
    const controller = new AbortController();
    fetch(`/api/v1/decks/${encodeURIComponent(deckId)}/topics`, { signal: controller.signal, cache: "no-store" })
      .then((r) => (r.ok ? (r.json() as Promise<{ topics: Array<{ path: string[]; count: number }> }>) : null))
      .then((body) => body && setTopics(body.topics))
      .catch(() => undefined);
    return () => controller.abort();
  }, [deckId]);
  return (
    <div className="practice-offer" data-testid="practice-offer">
      <h3>{t("offerTitle")}</h3>
      <p className="hint">{t("offerHint")}</p>
      {canStudyAhead ? (
        <p>
          <Link className="button" href={`${base}?mode=ahead`} data-testid="study-ahead">
            {t("studyAhead")}
          </Link>
        </p>
      ) : null}
      {topics.length > 0 ? (
        <form method="get" action={base} className="row">
          <input type="hidden" name="mode" value="topic" />
          <label>
            {t("topic")}{" "}
            <select name="topic" data-testid="practice-topic">
              {topics.map((tp) => {
                const value = tp.path.join(" › ");
                return (
                  <option key={value} value={value}>
                    {"\u00a0\u00a0".repeat(tp.path.length - 1) + tp.path[tp.path.length - 1]} ({tp.count})
                  </option>
                );
              })}
            </select>
          </label>
          <button type="submit" data-testid="review-topic">
            {t("reviewTopic")}
          </button>
        </form>
      ) : null}
    </div>
  );
}
