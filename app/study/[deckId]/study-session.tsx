"use client";

import Link from "next/link";
import { useEffect, useEffectEvent, useRef, useState } from "react";
import { SanitizedHtml } from "@/app/components/html";
import { newIdempotencyKey } from "@/app/components/idempotency";
import { shuffledIndices } from "@/app/components/shuffle";
import {
  answerBodyHtml,
  choiceView,
  KIND_LABELS,
  pointsView,
  stepsView,
  type StudyCardView,
} from "@/app/components/card-data";
import type { StudyCounts } from "@/lib/api-schemas";
import { gradeTypedAnswer, type TypedAnswer, type TypedGrade } from "@/lib/answer/grade";

type Rating = 1 | 2 | 3 | 4;

interface Queue {
  card: StudyCardView | null;
  counts: StudyCounts;
  nextDueAt: string | null;
  typedAnswers: boolean;
}

const RATINGS: { value: Rating; en: string; zh: string }[] = [
  { value: 1, en: "Again", zh: "重来" },
  { value: 2, en: "Hard", zh: "困难" },
  { value: 3, en: "Good", zh: "良好" },
  { value: 4, en: "Easy", zh: "简单" },
];

/** A card on screen: the idempotency key and start time are made once per displayed card. */
interface Shown {
  card: StudyCardView;
  key: string;
  shownAt: number;
}

/** The review endpoint accepts durations up to a day. */
const MAX_DURATION_MS = 24 * 3600 * 1000;

class ApiError extends Error {}

async function api<T>(url: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    // the browser's time goes along; the server only trusts it in browser tests (MIANSHI_TRUST_CLIENT_CLOCK)
    const headers = { accept: "application/json", "x-mianshi-now": String(Date.now()), ...(init?.body ? { "content-type": "application/json" } : {}) };
    res = await fetch(url, { cache: "no-store", ...init, headers });
  } catch {
    throw new ApiError("Could not reach the server. 无法连接服务器。");
  }
  const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  if (!res.ok) {
    const message = body?.error?.message ?? `Request failed (HTTP ${res.status})`;
    throw new ApiError(body?.error?.code ? `${message} (${body.error.code})` : message);
  }
  return body as T;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function StudySession({ deckId, deckTitle }: { deckId: string; deckTitle: string }) {
  // the browser's time zone: the study day rolls over at 4 am there
  const nextUrl = `/api/v1/decks/${encodeURIComponent(deckId)}/next?tz=${encodeURIComponent(Intl.DateTimeFormat().resolvedOptions().timeZone)}`;
  const [shown, setShown] = useState<Shown | null>(null);
  const [done, setDone] = useState(false);
  const [loading, setLoading] = useState(true);
  const [revealed, setRevealed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reviewed, setReviewed] = useState(0);
  // ids of this session's reviews, newest last: `u` undoes them one by one
  const [undoStack, setUndoStack] = useState<number[]>([]);
  const [helpOpen, setHelpOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [counts, setCounts] = useState<StudyCounts | null>(null);
  const [nextDueAt, setNextDueAt] = useState<string | null>(null);
  // typed answers: the deck's option, which the session toggle overrides
  const [typeMode, setTypeMode] = useState<boolean | null>(null);
  const [deckTyped, setDeckTyped] = useState(false);
  const [grade, setGrade] = useState<TypedGrade | null>(null);
  const inFlight = useRef(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const doneRef = useRef<HTMLHeadingElement>(null);

  const showQueue = (q: Queue) => {
    setCounts(q.counts);
    setDeckTyped(q.typedAnswers);
    setNextDueAt(q.nextDueAt);
    show(q.card);
  };

  const show = (card: StudyCardView | null) => {
    setShown(card ? { card, key: newIdempotencyKey(), shownAt: Date.now() } : null);
    setDone(card === null);
    setRevealed(false);
    setGrade(null);
    setLoading(false);
  };

  const onFirstQueue = useEffectEvent((q: Queue) => showQueue(q));

  // the first card
  useEffect(() => {
    let cancelled = false;
    api<Queue>(nextUrl)
      .then((q) => {
        if (!cancelled) onFirstQueue(q);
      })
      .catch((e: unknown) => {
        if (cancelled) return;
        setError(message(e));
        setLoading(false);
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
    const input = document.querySelector<HTMLInputElement>("[data-testid=typed-input]");
    (input ?? headingRef.current)?.focus();
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
      showQueue(await api<Queue>(nextUrl));
    } catch (e) {
      setError(message(e));
      setLoading(false);
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };

  const reveal = () => {
    if (shown && !revealed) setRevealed(true);
  };
  const revealTyped = (typed: string, expected: TypedAnswer) => {
    if (!shown || revealed) return;
    setGrade(gradeTypedAnswer(typed, expected));
    setRevealed(true);
    headingRef.current?.focus();
  };
  const typing = typeMode ?? deckTyped;

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
        setUndoStack((stack) => [...stack, result.reviewId]);
      }
      setNotice(null);
      // a retry after a failed load re-sends the same key: the server records the review once
      showQueue(await api<Queue>(nextUrl));
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
    const reviewId = undoStack[undoStack.length - 1];
    if (reviewId === undefined) return;
    void act(async () => {
      const undone = await api<{ cardId: string }>(`/api/v1/reviews/${reviewId}`, { method: "DELETE" });
      setUndoStack((stack) => stack.slice(0, -1));
      setReviewed((n) => Math.max(0, n - 1));
      // the restored card is shown again; the counts come from the queue
      const [restored, queue] = await Promise.all([
        api<{ card: StudyCardView }>(`/api/v1/cards/${encodeURIComponent(undone.cardId)}`),
        api<Queue>(nextUrl),
      ]);
      return { ...queue, card: restored.card };
    }, "Rating undone 已撤销评分");
  };

  const cardAction = (body: Record<string, unknown>, done: string) => {
    if (!shown) return;
    const cardId = shown.card.id;
    void act(async () => {
      await api(`/api/v1/cards/${encodeURIComponent(cardId)}/actions`, { method: "POST", body: JSON.stringify(body) });
      return api<Queue>(nextUrl);
    }, done);
  };
  const suspend = () => cardAction({ action: "suspend" }, "Card suspended 已暂停这张卡片");
  const bury = () =>
    cardAction({ action: "bury", timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone }, "Card buried until tomorrow 已搁置到明天");

  const onKeyDown = useEffectEvent((e: KeyboardEvent) => {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.repeat) return;
    const target = e.target instanceof HTMLElement ? e.target : null;
    // a choice option's checkbox or radio keeps Space (it toggles); Enter and digits still work
    const toggle = target instanceof HTMLInputElement && (target.type === "checkbox" || target.type === "radio");
    const typing = target && (target.isContentEditable || ["TEXTAREA", "SELECT"].includes(target.tagName) || (target.tagName === "INPUT" && !toggle));
    if (typing) return;
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
    if (e.key === "u" || e.key === "U") {
      e.preventDefault();
      undo();
      return;
    }
    if (!shown) return;
    if (e.key === "@") {
      e.preventDefault();
      suspend();
    } else if (e.key === "-") {
      e.preventDefault();
      bury();
    } else if (!revealed && (e.key === " " || e.key === "Enter")) {
      // a focused button or link handles its own Space and Enter
      if (target && (target.tagName === "BUTTON" || target.tagName === "A")) return;
      if (toggle && e.key === " ") return;
      e.preventDefault();
      reveal();
    } else if (revealed && grade && e.key === "Enter") {
      if (target && (target.tagName === "BUTTON" || target.tagName === "A")) return;
      e.preventDefault();
      void rate(grade.proposedRating);
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
        <strong>Error 出错了:</strong> {error}
      </p>
      {!shown && !done ? (
        <button type="button" onClick={() => void loadNext()} disabled={busy}>
          Retry 重试
        </button>
      ) : null}
    </div>
  ) : null;

  if (done) {
    return (
      <>
        {errorBox}
        <section className="study-card done" data-testid="no-cards">
          <h2 ref={doneRef} tabIndex={-1} >
            No cards due in this deck 这个卡组暂时没有要复习的卡片
          </h2>
          <p>{reviewed > 0 ? `You reviewed ${reviewed} card${reviewed === 1 ? "" : "s"} in this session. 本次复习了 ${reviewed} 张。` : "Come back later. 稍后再来。"}</p>
          {nextDueAt ? (
            <p data-testid="next-due">
              Next card due 下一张到期: <time dateTime={nextDueAt}>{new Date(nextDueAt).toLocaleString()}</time>
            </p>
          ) : null}
          <p className="row">
            <Link className="button primary" href="/">
              Back to decks 返回卡组
            </Link>
            {undoStack.length > 0 ? (
              <button type="button" onClick={undo} disabled={busy} data-testid="undo" aria-keyshortcuts="U">
                Undo last rating 撤销上一次评分 <kbd>U</kbd>
              </button>
            ) : null}
          </p>
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
            Loading… 加载中…
          </p>
        ) : null}
      </>
    );
  }

  return (
    <>
      {errorBox}
      {counts ? <CountsBar counts={counts} /> : null}
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
      />
      <div className="card-tools" role="toolbar" aria-label="Card actions 卡片操作">
        <button type="button" onClick={undo} disabled={busy || undoStack.length === 0} data-testid="undo" aria-keyshortcuts="U">
          Undo 撤销 <kbd>U</kbd>
        </button>
        <button type="button" onClick={bury} disabled={busy} data-testid="bury" aria-keyshortcuts="-">
          Bury 搁置 <kbd>-</kbd>
        </button>
        <button type="button" onClick={suspend} disabled={busy} data-testid="suspend" aria-keyshortcuts="@">
          Suspend 暂停 <kbd>@</kbd>
        </button>
        <label className="toggle">
          <input type="checkbox" checked={typing} onChange={(e) => setTypeMode(e.target.checked)} data-testid="type-toggle" /> Type answers 输入答案
        </label>
        <button type="button" onClick={() => setHelpOpen(true)} data-testid="shortcuts" aria-keyshortcuts="?">
          Shortcuts 快捷键 <kbd>?</kbd>
        </button>
      </div>
      <p className="status-line" aria-live="polite" data-testid="session-status">
        {busy ? "Saving… 保存中…" : `${notice ? `${notice} · ` : ""}Reviewed this session 本次已复习: ${reviewed}`}
      </p>
      {helpOpen ? <ShortcutHelp onClose={() => setHelpOpen(false)} /> : null}
    </>
  );
}

/** The server stops counting at 1,000 (counting is not free on big decks). */
const shownCount = (n: number) => (n >= 1000 ? "999+" : String(n));

function CountsBar({ counts }: { counts: StudyCounts }) {
  return (
    <p className="study-counts" data-testid="counts" aria-label="Cards left today 今日剩余">
      <span className="new" data-testid="count-new">New 新 {shownCount(counts.new)}</span>
      <span className="learning" data-testid="count-learning">Learning 学习中 {shownCount(counts.learning)}</span>
      <span className="review" data-testid="count-review">Review 复习 {shownCount(counts.review)}</span>
    </p>
  );
}

const SHORTCUTS: Array<[string, string]> = [
  ["Space / Enter", "Show the answer 显示答案"],
  ["1 2 3 4", "Again / Hard / Good / Easy 重来 / 困难 / 良好 / 简单"],
  ["U", "Undo the last rating 撤销上一次评分"],
  ["-", "Bury until tomorrow 搁置到明天"],
  ["@", "Suspend the card 暂停这张卡片"],
  ["?", "Show or hide these shortcuts 显示或隐藏快捷键"],
  ["Esc", "Close this list 关闭"],
];

function ShortcutHelp({ onClose }: { onClose: () => void }) {
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    closeRef.current?.focus();
  }, []);
  return (
    <div className="shortcut-help" role="dialog" aria-modal="false" aria-labelledby="shortcut-title" data-testid="shortcut-help">
      <h2 id="shortcut-title">Keyboard shortcuts 快捷键</h2>
      <dl>
        {SHORTCUTS.map(([keys, what]) => (
          <div key={keys}>
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <button type="button" ref={closeRef} onClick={onClose}>
        Close 关闭
      </button>
    </div>
  );
}

function CardView({
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
}) {
  const expected = typing ? typedAnswerView(card.data) : null;
  const [typed, setTyped] = useState("");
  const choice = card.kind === "choice" ? choiceView(card.data) : null;
  const steps = card.kind === "ordering" ? stepsView(card.data) : null;
  const points = card.kind === "open" ? pointsView(card.data) : null;
  const [selected, setSelected] = useState<boolean[]>([]);

  const order = steps ? shuffledIndices(steps.length, card.id) : [];
  // the structured views show options, steps or points; below them goes the explanation
  const answerHtml = choice || steps || points ? answerBodyHtml(card) : card.answerHtml;

  const kindLabel = (KIND_LABELS[card.kind] ?? card.kind) + (choice ? (choice.multiple ? " · multiple 多选" : " · single 单选") : "");
  const anySelected = selected.some(Boolean);
  const choiceRight = choice ? choice.correct.every((c, i) => c === (selected[i] ?? false)) : false;

  return (
    <article className="study-card" data-testid="card" data-card-id={card.id} data-kind={card.kind} aria-labelledby="card-heading">
      <div className="card-meta">
        <nav className="breadcrumb" aria-label="Topic 主题" data-testid="breadcrumb">
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

      <h2 id="card-heading" className="card-heading" ref={headingRef} tabIndex={-1} aria-describedby="card-prompt">
        Question 问题
      </h2>
      <SanitizedHtml id="card-prompt" className="prompt html" html={card.promptHtml} testId="prompt" />

      {expected ? (
        <form
          className="typed-answer"
          onSubmit={(e) => {
            e.preventDefault();
            onRevealTyped(typed, expected);
          }}
        >
          <label htmlFor={`typed-${card.id}`}>Your answer 你的答案</label>
          <input
            id={`typed-${card.id}`}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            readOnly={revealed}
            autoComplete="off"
            lang="zh"
            data-testid="typed-input"
          />
          {!revealed ? <p className="hint">Enter to check 回车检查</p> : null}
        </form>
      ) : null}

      {choice ? (
        <fieldset className="options" data-testid="options" disabled={revealed}>
          <legend>{choice.multiple ? "Choose all that apply 选择所有正确项" : "Choose one 选择一项"}</legend>
          {choice.optionsHtml.map((html, i) => {
            const isCorrect = choice.correct[i] === true;
            const isSelected = selected[i] === true;
            const cls = revealed ? (isCorrect ? "correct" : isSelected ? "wrong" : "") : "";
            return (
              <label key={i} className={`option ${cls}`} data-testid="option" data-correct={revealed ? String(isCorrect) : undefined}>
                <input
                  type={choice.multiple ? "checkbox" : "radio"}
                  name={`choice-${card.id}`}
                  checked={isSelected}
                  onChange={(e) => {
                    const checked = e.currentTarget.checked;
                    setSelected((prev) =>
                      choice.optionsHtml.map((_, j) => (j === i ? checked : choice.multiple ? prev[j] === true : false)),
                    );
                  }}
                />
                <SanitizedHtml as="span" className="inline-html" html={html} />
                {revealed && isCorrect ? <span className="mark">✓ Correct 正确</span> : null}
                {revealed && !isCorrect && isSelected ? <span className="mark">✗ Wrong 错误</span> : null}
              </label>
            );
          })}
        </fieldset>
      ) : null}

      {steps && !revealed ? (
        <>
          <p className="visually-hidden">Put these steps in order. 请排列顺序。</p>
          <ul className="steps" data-testid="steps-shuffled" aria-label="Steps, shuffled 打乱的步骤">
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
            {grade ? <TypedVerdict grade={grade} /> : null}
            {choice && anySelected ? (
              <p className={`verdict ${choiceRight ? "ok" : "bad"}`} data-testid="verdict">
                {choiceRight ? "Right! 答对了" : "Not quite. 不完全正确"}
              </p>
            ) : null}
            {steps ? (
              <>
                <h3>Correct order 正确顺序</h3>
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
                <h3>Key points 要点</h3>
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
                {choice || steps || points ? <h3>{points ? "Reference answer 参考答案" : "Explanation 解释"}</h3> : <h3>Answer 答案</h3>}
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
              Show answer 显示答案
            </button>
            <p className="hint">
              <kbd>Space</kbd> / <kbd>Enter</kbd> to reveal 显示答案
            </p>
          </>
        ) : (
          <>
            <div className="ratings" role="group" aria-label="Rate your recall 评价记忆程度">
              {RATINGS.map((r) => (
                <button
                  key={r.value}
                  type="button"
                  className={`rate-${r.value}${grade?.proposedRating === r.value ? " proposed" : ""}`}
                  onClick={() => onRate(r.value)}
                  disabled={busy}
                  data-testid={`rate-${r.value}`}
                  aria-keyshortcuts={String(r.value)}
                  aria-label={`${r.en} ${r.zh}, next in ${card.intervals[String(r.value) as "1" | "2" | "3" | "4"]}`}
                >
                  <span>
                    {r.en} <kbd>{r.value}</kbd>
                  </span>
                  <span className="zh">{r.zh}</span>
                  <span className="interval" data-testid={`interval-${r.value}`}>
                    {card.intervals[String(r.value) as "1" | "2" | "3" | "4"]}
                  </span>
                </button>
              ))}
            </div>
            <p className="hint">
              Keys <kbd>1</kbd>–<kbd>4</kbd> rate 按键评分
              {grade ? (
                <>
                  {" "}
                  · <kbd>Enter</kbd> accepts the proposed rating 回车接受建议评分
                </>
              ) : null}
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

function TypedVerdict({ grade }: { grade: TypedGrade }) {
  const label = grade.correct ? "Right! 答对了" : grade.nearMiss ? "Almost: check the difference 差一点" : "Not right 不对";
  return (
    <div className={`verdict ${grade.correct ? "ok" : "bad"}`} data-testid="typed-verdict">
      <p>{label}</p>
      <p className="typed-diff" data-testid="typed-diff" aria-label="Your answer compared with the right one 你的答案与正确答案的对比">
        {grade.diff.map((part, i) =>
          part.kind === "ok" ? (
            <span key={i}>{part.text}</span>
          ) : part.kind === "missing" ? (
            <ins key={i} title="missing 缺少">
              {part.text}
            </ins>
          ) : (
            <del key={i} title="extra 多余">
              {part.text}
            </del>
          ),
        )}
      </p>
      <p className="hint">
        Proposed rating 建议评分: <strong data-testid="proposed-rating">{RATINGS.find((r) => r.value === grade.proposedRating)?.en}</strong>
      </p>
    </div>
  );
}
