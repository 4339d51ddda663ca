/**
 * Grading a typed answer: what the card expects, a character diff of what was typed against
 * it (the `diff` library), and a proposed rating the learner may change.
 */
import { diffChars } from "diff";
import type { ParsedCard } from "../content/types";
import { parseMarkdown, plainText } from "../content/markdown";
import { answerMatches, normalizeAnswer } from "./normalize";

export interface TypedAnswer {
  /** the answer shown as right */
  expected: string;
  /** other answers accepted */
  aliases: string[];
}

/** Short answers only: a basic card whose answer is a paragraph of explanation is not typed. */
const MAX_PLAIN_ANSWER = 40;

/**
 * What a card accepts when its answer is typed: a cloze card's hidden terms (with their
 * `|` alternatives); a basic card's first bold phrase, or its whole answer when that is
 * short. Other cards, and long answers without a bold phrase, are not asked as typed.
 */
export function typedAnswerOf(card: ParsedCard): TypedAnswer | null {
  if (card.kind === "cloze") {
    const expected = card.cloze.map((c) => c.text).join(", ");
    const aliases = card.cloze.length === 1 ? (card.cloze[0]?.aliases ?? []) : [];
    return { expected, aliases };
  }
  if (card.kind !== "basic") return null;
  const tree = parseMarkdown(card.answer);
  let strong: string | null = null;
  const walk = (n: { type: string; children?: unknown[] }) => {
    if (strong !== null) return;
    if (n.type === "strong") strong = plainText(n as never).trim();
    else for (const c of (n.children ?? []) as Array<{ type: string; children?: unknown[] }>) walk(c);
  };
  walk(tree);
  if (strong) return { expected: strong, aliases: [] };
  const plain = plainText(tree).replace(/\s+/g, " ").trim().replace(/[。.！!]$/u, "");
  return plain.length > 0 && plain.length <= MAX_PLAIN_ANSWER ? { expected: plain, aliases: [] } : null;
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

export function gradeTypedAnswer(typed: string, answer: TypedAnswer): TypedGrade {
  const accepted = [answer.expected, ...answer.aliases];
  const correct = answerMatches(typed, answer.expected, answer.aliases);
  // the diff is against the accepted answer closest to what was typed
  const closest = accepted.reduce((best, a) => (similarity(typed, a) > similarity(typed, best) ? a : best), answer.expected);
  const nearMiss = !correct && similarity(typed, closest) >= 0.75;
  const diff: DiffPart[] = diffChars(typed.normalize("NFKC").trim(), closest.normalize("NFKC").trim(), { ignoreCase: true }).map((p) => ({
    text: p.value,
    kind: p.added ? "missing" : p.removed ? "extra" : "ok",
  }));
  return { correct, nearMiss, proposedRating: correct ? 3 : nearMiss ? 2 : 1, diff };
}
