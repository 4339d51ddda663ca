/**
 * Scoring reference answers against a deck's interview questions: the measure behind every
 * grading claim in this project (tests/unit/lib/interview/graded-answers.test.ts, the held-out
 * rounds' READMEs, `npm run content -- grade`). A person writes, per top-level section of a notes
 * file, a good Chinese answer, a good English one, a partial one, a bare list of keywords and an
 * off-topic one; the rubric must order them as that person would.
 */
import { z } from "zod";
import type { OpenCard, ParsedDeck } from "../content/types";
import { stripEnumeration } from "../text";
import { enoughPoints, matchRubric, openAnswerScore, type PointMatch } from "./rubric";

export const ANSWER_KINDS = ["good_zh", "good_en", "partial", "keyword_dump", "off_topic"] as const;
export type AnswerKind = (typeof ANSWER_KINDS)[number];

const answers = z.object(Object.fromEntries(ANSWER_KINDS.map((k) => [k, z.string().min(1)])) as Record<AnswerKind, z.ZodString>);
const question = z.object({ section: z.string().min(1), answers });
/** A round's answers file is a bare array; the tuned fixtures' name their notes file beside it. */
export const referenceAnswersFile = z.union([
  z.array(question),
  z.object({ notes: z.string().min(1), questions: z.array(question) }),
]);
export type ReferenceQuestion = z.infer<typeof question>;

/** Titles compared as a reader would: without the enumeration, spacing ("3）session 和 临时节点") or inline-code backticks ("What happens on `go f()`"). */
const titleKey = (t: string) => stripEnumeration(t).replace(/[\s`]+/gu, "").toLowerCase();

/** The section's interview question: the open card on that top-level section. */
export function questionCard(deck: ParsedDeck, section: string): OpenCard | undefined {
  const key = titleKey(section);
  return deck.cards.find((c): c is OpenCard => c.kind === "open" && c.topic.length === 1 && (c.topic[0] === section || titleKey(c.topic[0] ?? "") === key));
}

export interface ReferenceScore {
  section: string;
  card: OpenCard | undefined;
  scores: Record<AnswerKind, number>;
  matches: Record<AnswerKind, PointMatch[]>;
  /** the mean of the two good answers */
  good: number;
}

export function scoreReferenceAnswers(deck: ParsedDeck, questions: readonly ReferenceQuestion[]): ReferenceScore[] {
  return questions.map((q) => {
    const card = questionCard(deck, q.section);
    const points = card?.points ?? [];
    const matches = Object.fromEntries(ANSWER_KINDS.map((k) => [k, matchRubric(q.answers[k], points)])) as Record<AnswerKind, PointMatch[]>;
    const enough = enoughPoints(points.length, true);
    const scores = Object.fromEntries(
      ANSWER_KINDS.map((k) => [k, openAnswerScore(q.answers[k], matches[k].map((m) => m.covered), enough)]),
    ) as Record<AnswerKind, number>;
    return { section: q.section, card, scores, matches, good: (scores.good_zh + scores.good_en) / 2 };
  });
}

/** The mean of each kind (and of the good pair) over the questions that have a card. */
export function meanScores(rows: readonly ReferenceScore[]): Record<AnswerKind | "good", number> & { questions: number; goodBeatsAll: number } {
  const scored = rows.filter((r) => r.card);
  const mean = (f: (r: ReferenceScore) => number) => (scored.length === 0 ? 0 : scored.reduce((n, r) => n + f(r), 0) / scored.length);
  const out = Object.fromEntries(ANSWER_KINDS.map((k) => [k, mean((r) => r.scores[k])])) as Record<AnswerKind, number>;
  const goodBeatsAll = scored.filter((r) => r.good > r.scores.partial && r.good > r.scores.keyword_dump && r.good > r.scores.off_topic).length;
  return { ...out, good: mean((r) => r.good), questions: scored.length, goodBeatsAll };
}
