/**
 * Scoring quiz answers. Every answer scores between 0 and 1:
 *
 * - Choice, one right option: 1 when the right option is picked, else 0.
 * - Choice, several right options (k of them): each right option ticked earns 1/k, each wrong
 *   option ticked costs 1/k, and the score never goes below 0. Ticking everything is not a
 *   way to score.
 * - Generated choice: 1 for the right term, else 0.
 * - Typed: 1 when the answer matches the expected one or an alias after normalising (width,
 *   case, punctuation, separators), else 0. Near misses are shown, but score 0.
 * - Ordering (n steps): the longest run of steps already in the right relative order counts
 *   (they need not be adjacent); the other steps would have to be moved. The score is
 *   1 − moves / (n − 1): all right is 1, one step out of place is 1 − 1/(n − 1), the reverse
 *   order is 0. Steps with the same text may come in either order.
 */
import { gradeTypedAnswer, type DiffPart } from "../answer/grade";
import type { QuizAnswer, QuizQuestion } from "./types";

export interface ChoiceScore {
  score: number;
  /** right options ticked, wrong options ticked, right options not ticked */
  rightTicks: number;
  wrongTicks: number;
  missed: number;
}

export function scoreChoice(correct: readonly boolean[], selected: readonly number[]): ChoiceScore {
  const ticked = new Set(selected);
  const k = correct.filter(Boolean).length;
  let rightTicks = 0;
  let wrongTicks = 0;
  correct.forEach((isRight, i) => {
    if (!ticked.has(i)) return;
    if (isRight) rightTicks++;
    else wrongTicks++;
  });
  const missed = k - rightTicks;
  if (k === 0) return { score: 0, rightTicks, wrongTicks, missed };
  const score = Math.max(0, (rightTicks - wrongTicks) / k);
  return { score, rightTicks, wrongTicks, missed };
}

export interface OrderingScore {
  score: number;
  /** steps in the longest run in the right relative order */
  inOrder: number;
  /** steps that would have to be moved: n − inOrder */
  moves: number;
  steps: number;
}

/** Length of the longest non-decreasing subsequence (patience sorting, O(n log n)). */
function longestNonDecreasing(values: readonly number[]): number {
  const tails: number[] = [];
  for (const v of values) {
    // first tail strictly greater than v
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid]! <= v) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = v;
  }
  return tails.length;
}

/**
 * `ranks[i]` is the right place of shown step i; `order` lists shown steps in the order the
 * user put them. `order` must be a permutation of the shown steps (see validateAnswer).
 */
export function scoreOrdering(ranks: readonly number[], order: readonly number[]): OrderingScore {
  const n = ranks.length;
  const placed = order.map((i) => ranks[i] ?? Number.NaN);
  const inOrder = longestNonDecreasing(placed);
  const moves = n - inOrder;
  const score = n <= 1 ? 1 : 1 - moves / (n - 1);
  return { score, inOrder, moves, steps: n };
}

/** The right place of each step, where steps with the same text share the first one's place. */
export function ranksOf(stepsInRightOrder: readonly string[], shownOrder: readonly number[], same: (a: string, b: string) => boolean): number[] {
  const firstPlace = stepsInRightOrder.map((s, i) => stepsInRightOrder.findIndex((t, j) => j <= i && same(s, t)));
  return shownOrder.map((i) => firstPlace[i] ?? i);
}

/** Why an answer cannot be scored for a question, or null when it can. */
export function validateAnswer(q: QuizQuestion, answer: QuizAnswer): string | null {
  const indexes = (list: readonly number[], n: number, what: string): string | null => {
    if (list.some((i) => !Number.isInteger(i) || i < 0 || i >= n)) return `${what} must be numbers from 0 to ${n - 1}`;
    if (new Set(list).size !== list.length) return `${what} must not repeat an option`;
    return null;
  };
  switch (q.kind) {
    case "choice":
    case "generated": {
      if (!("selected" in answer)) return `this is a ${q.kind} question: send { selected: [option indexes] }`;
      const n = q.kind === "choice" ? q.optionsHtml.length : q.options.length;
      const bad = indexes(answer.selected, n, "selected");
      if (bad) return bad;
      const multiple = q.kind === "choice" && q.multiple;
      if (!multiple && answer.selected.length > 1) return "this question has one right answer: select one option";
      return null;
    }
    case "typed":
      return "text" in answer ? null : "this is a typed question: send { text }";
    case "ordering": {
      if (!("order" in answer)) return "this is an ordering question: send { order: [step indexes in your order] }";
      const n = q.stepsHtml.length;
      if (answer.order.length !== n) return `order must list all ${n} steps once`;
      return indexes(answer.order, n, "order");
    }
  }
}

/** An answer's score with what the result page shows about it. */
export type AnswerScore =
  | ({ kind: "choice" | "generated" } & ChoiceScore)
  | { kind: "typed"; score: number; nearMiss: boolean; diff: DiffPart[]; /** the learner said "I was right": scored 1, the checker's own score kept */ overridden?: { score: number } }
  | ({ kind: "ordering" } & OrderingScore);

/** Scores a valid answer (see validateAnswer). An empty answer (nothing selected or typed) scores 0. */
export function scoreAnswer(q: QuizQuestion, answer: QuizAnswer): AnswerScore {
  switch (q.kind) {
    case "choice":
      return { kind: "choice", ...scoreChoice(q.correct, "selected" in answer ? answer.selected : []) };
    case "generated":
      return { kind: "generated", ...scoreChoice(q.options.map((_, i) => i === q.correctIndex), "selected" in answer ? answer.selected : []) };
    case "typed": {
      const text = "text" in answer ? answer.text : "";
      const g = gradeTypedAnswer(text, { expected: q.expected, aliases: q.aliases });
      return { kind: "typed", score: g.correct ? 1 : 0, nearMiss: g.nearMiss, diff: g.diff };
    }
    case "ordering":
      return { kind: "ordering", ...scoreOrdering(q.ranks, "order" in answer ? answer.order : q.ranks.map((_, i) => i)) };
  }
}

/** An answer at least this good counts as right for the scheduler and the "wrong ones" retake. */
export const RIGHT = 1 - 1e-9;
/** A partly right answer of at least this score counts as Hard, below it as Again. */
export const PARTLY_RIGHT = 0.5;

/**
 * How long a right answer may take before it counts as slow (Hard rather than Good):
 * choice 20 s (30 s with several right options), generated choice 20 s, typed 30 s,
 * ordering 10 s plus 5 s per step.
 */
export function slowAfterMs(q: QuizQuestion): number {
  switch (q.kind) {
    case "choice":
      return q.multiple ? 30_000 : 20_000;
    case "generated":
      return 20_000;
    case "typed":
      return 30_000;
    case "ordering":
      return 10_000 + 5_000 * q.stepsHtml.length;
  }
}

/**
 * The review a quiz answer gives its card: right and in time → Good (3); right but slow, or
 * partly right (score ≥ 0.5) → Hard (2); wrong (score < 0.5) → Again (1). A question left
 * unanswered when a quiz ends gives no review.
 */
export function ratingForAnswer(q: QuizQuestion, score: number, durationMs: number): 1 | 2 | 3 {
  if (score >= RIGHT) return durationMs <= slowAfterMs(q) ? 3 : 2;
  return score >= PARTLY_RIGHT ? 2 : 1;
}
