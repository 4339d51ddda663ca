/**
 * Matching an interview answer against a rubric: which key points it covers, with the words
 * that show it (the evidence the user confirms or overrides when self-grading).
 *
 * A point with keywords (`{keystone|认证; token|令牌}` in the content) is covered when every
 * keyword group has at least one alias in the answer, found by the shared CJK-aware matcher
 * (whole Latin words, separators and width ignored, Chinese as runs of characters). A point
 * without keywords is covered when the answer contains at least 60% of the point's own
 * significant terms: its Latin words, numbers and two-character Chinese runs.
 */
import { containsKeyword, normalizeAnswer, tokenize } from "../answer/normalize";
import type { RubricPoint } from "../content/types";

export interface PointMatch {
  covered: boolean;
  /** the aliases (or terms) found in the answer */
  found: string[];
  /** per keyword group (or term) not found, its first alias */
  missing: string[];
}

/** Share of a keywordless point's terms an answer must contain. */
export const TERM_SHARE = 0.6;

const HAN = /\p{Script=Han}/u;

/** A keywordless point's significant terms: Latin words and numbers, and Chinese character pairs. */
export function pointTerms(text: string): string[] {
  const terms: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length === 1) terms.push(run[0]!);
    for (let i = 0; i + 1 < run.length; i++) terms.push(run[i]! + run[i + 1]!);
    run = [];
  };
  for (const token of tokenize(text)) {
    if (HAN.test(token)) run.push(token);
    else {
      flush();
      terms.push(token);
    }
  }
  flush();
  return [...new Set(terms)];
}

export function matchPoint(answer: string, point: RubricPoint): PointMatch {
  if (normalizeAnswer(answer) === "") return { covered: false, found: [], missing: point.keywords.map((g) => g[0] ?? "").filter((k) => k !== "") };
  if (point.keywords.length > 0) {
    const found: string[] = [];
    const missing: string[] = [];
    for (const group of point.keywords) {
      const hit = group.find((alias) => containsKeyword(answer, alias));
      if (hit !== undefined) found.push(hit);
      else if (group[0] !== undefined) missing.push(group[0]);
    }
    return { covered: missing.length === 0, found, missing };
  }
  const terms = pointTerms(point.text);
  if (terms.length === 0) return { covered: false, found: [], missing: [] };
  const compact = normalizeAnswer(answer);
  const found = terms.filter((t) => (HAN.test(t) ? compact.includes(t) : containsKeyword(answer, t)));
  return { covered: found.length / terms.length >= TERM_SHARE, found, missing: terms.filter((t) => !found.includes(t)) };
}

export function matchRubric(answer: string, points: readonly RubricPoint[]): PointMatch[] {
  return points.map((p) => matchPoint(answer, p));
}

/** The score of an open question: the share of its key points covered (0 with no points). */
export function rubricScore(ticks: readonly boolean[]): number {
  return ticks.length === 0 ? 0 : ticks.filter(Boolean).length / ticks.length;
}
