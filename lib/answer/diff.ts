/**
 * What was typed against the expected answer, for the eye: two lines, as Anki shows a typed
 * answer, your answer above the expected one, each in its own characters, with the differences
 * marked on their own line (what you typed that is not in the answer on yours, what the answer
 * has that you did not type on the expected one). Interleaving both in one line ("ntova
 * apiken") is unreadable.
 *
 * Compared character by character after NFKC (full-width forms become half-width), ignoring
 * case, and counting any two separators (space, `-`, `_`, `/`, `.`, `·`, Chinese punctuation)
 * as the same. A lone matching character between two differences is marked as part of them:
 * otherwise a wrong word shows as confetti of shared letters.
 */
import { diffArrays } from "diff";

export interface DiffSegment {
  text: string;
  /** "same": on both lines; "wrong": typed, not in the answer; "missing": in the answer, not typed */
  kind: "same" | "wrong" | "missing";
}

export interface TwoLineDiff {
  /** your answer: "same" and "wrong" segments */
  typed: DiffSegment[];
  /** the expected answer: "same" and "missing" segments */
  expected: DiffSegment[];
  /** no difference at all once case, width and separators are set aside */
  identical: boolean;
}

const SEPARATOR = /^[\s\-_/.,·・:;'"()（）【】「」、，。：；！？!?]$/u;

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase() || (SEPARATOR.test(a) && SEPARATOR.test(b));

/** Equal runs this short between two differences are folded into them. */
const MIN_ANCHOR = 1;

function push(line: DiffSegment[], text: string, kind: DiffSegment["kind"]) {
  if (text === "") return;
  const last = line[line.length - 1];
  if (last && last.kind === kind) last.text += text;
  else line.push({ text, kind });
}

export function twoLineDiff(typed: string, expected: string): TwoLineDiff {
  const a = Array.from(typed.normalize("NFKC").trim());
  const b = Array.from(expected.normalize("NFKC").trim());
  const parts = diffArrays(a, b, { comparator: same });
  // runs in order: each equal run takes `count` characters of both strings
  type Run = { kind: "same" | "wrong" | "missing"; count: number };
  const runs: Run[] = parts.map((p) => ({ kind: p.added ? "missing" : p.removed ? "wrong" : "same", count: p.count ?? p.value.length }));
  const isChange = (r: Run | undefined) => r !== undefined && r.kind !== "same";
  const out: TwoLineDiff = { typed: [], expected: [], identical: runs.every((r) => r.kind === "same") };
  let i = 0;
  let j = 0;
  runs.forEach((run, k) => {
    if (run.kind === "wrong") {
      push(out.typed, a.slice(i, i + run.count).join(""), "wrong");
      i += run.count;
    } else if (run.kind === "missing") {
      push(out.expected, b.slice(j, j + run.count).join(""), "missing");
      j += run.count;
    } else {
      // a short anchor between changes (spaces do not count as an anchor's letters)
      const text = a.slice(i, i + run.count).join("");
      const letters = text.replace(/\s/g, "").length;
      const fold = letters <= MIN_ANCHOR && isChange(runs[k - 1]) && isChange(runs[k + 1]) && !/^\s+$/.test(text);
      push(out.typed, text, fold ? "wrong" : "same");
      push(out.expected, b.slice(j, j + run.count).join(""), fold ? "missing" : "same");
      i += run.count;
      j += run.count;
    }
  });
  return out;
}

/** Of the accepted answers (the expected one first, then its aliases), the one closest to what was typed. */
export function closestAnswer(typed: string, accepted: readonly string[]): string {
  let best = accepted[0] ?? "";
  let bestSame = -1;
  for (const answer of accepted) {
    const d = twoLineDiff(typed, answer);
    const sameChars = d.expected.reduce((n, s) => n + (s.kind === "same" ? s.text.length : 0), 0);
    const share = sameChars / Math.max(1, Array.from(answer).length);
    if (share > bestSame) {
      best = answer;
      bestSame = share;
    }
  }
  return best;
}
