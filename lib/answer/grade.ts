/**
 * Grading a typed answer: a character diff of what was typed against what the card accepts
 * (the `diff` library), and a proposed rating the learner may change. Runs in the browser:
 * what a card accepts is worked out at import (typed-answer.ts), not here.
 */
import { diffChars } from "diff";
import { distance } from "fastest-levenshtein";
import { swappedLetters } from "../text";
import { answerMatches, normalizeAnswer } from "./normalize";

export interface TypedAnswer {
  /** the answer shown as right */
  expected: string;
  /** other answers accepted */
  aliases: string[];
  /** whether the answer is a term a "which term" choice may offer (absent in data stored before it existed) */
  term?: boolean;
}

export interface DiffPart {
  text: string;
  /** "ok": typed and right; "missing": in the answer, not typed; "extra": typed, not in the answer */
  kind: "ok" | "missing" | "extra";
}

export interface TypedGrade {
  correct: boolean;
  /** wrong, but close: a letter or two off */
  nearMiss: boolean;
  /** 3 Good when right, 2 Hard for a near miss, 1 Again otherwise */
  proposedRating: 1 | 2 | 3;
  /** what was typed against the expected answer, character by character */
  diff: DiffPart[];
}

/** Share of characters that two answers have in common, on their compact forms. */
function similarity(a: string, b: string): number {
  const x = normalizeAnswer(a);
  const y = normalizeAnswer(b);
  if (x.length === 0 || y.length === 0) return 0;
  const same = diffChars(x, y).reduce((n, p) => n + (p.added || p.removed ? 0 : p.value.length), 0);
  return (2 * same) / (x.length + y.length);
}

/**
 * Whether the typed answer names another thing rather than misspelling this one: a Latin word of
 * three letters or more that is no slip of any word of the answer ("用户名/API token" for
 * "用户名/API key" shares most of its characters but says token, not key). A slip is at most one
 * edit in four letters, or two letters swapped.
 */
function otherWord(typed: string, expected: string): boolean {
  const words = (t: string) => (t.normalize("NFKC").toLowerCase().match(/[a-z][a-z0-9]*/g) ?? []).filter((w) => w.length >= 3);
  const mine = words(expected);
  const slip = (w: string, e: string) => distance(w, e) <= Math.max(1, Math.floor(Math.max(w.length, e.length) / 4)) || swappedLetters(w, e);
  return words(typed).some((w) => !mine.some((e) => slip(w, e)));
}


export function gradeTypedAnswer(typed: string, answer: TypedAnswer): TypedGrade {
  const accepted = [answer.expected, ...answer.aliases];
  const correct = answerMatches(typed, answer.expected, answer.aliases);
  // the diff is against the accepted answer closest to what was typed
  const closest = accepted.reduce((best, a) => (similarity(typed, a) > similarity(typed, best) ? a : best), answer.expected);
  const nearMiss = !correct && similarity(typed, closest) >= 0.75 && !otherWord(typed, closest);
  const diff: DiffPart[] = diffChars(typed.normalize("NFKC").trim(), closest.normalize("NFKC").trim(), { ignoreCase: true }).map((p) => ({
    text: p.value,
    kind: p.added ? "missing" : p.removed ? "extra" : "ok",
  }));
  return { correct, nearMiss, proposedRating: correct ? 3 : nearMiss ? 2 : 1, diff };
}
