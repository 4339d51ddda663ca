/**
 * Building a quiz from candidate cards, deterministically: the same seed, settings and
 * content give the same questions in the same order, with the same options in the same order.
 *
 * The caller (server/use-cases/quiz) ranks each kind's candidate cards by the seed. Kinds
 * take turns in a seeded order, each taking its next unused card, so a quiz mixes kinds;
 * a card is asked once. A card that cannot make its question (a generated choice without
 * enough distractors) is skipped with a reason and the kind takes its next card.
 */
import { normalizeAnswer } from "../answer/normalize";
import { shuffledIndices, seededShuffle } from "../random";
import { pickDistractors, type Term, type TermClass } from "./distractors";
import { ranksOf } from "./score";
import type { QuestionSource, QuizKind, QuizQuestion } from "./types";

/** A card that may become a question, with the fields the question needs. */
export interface QuizCandidate {
  source: QuestionSource;
  /** the card's kind: basic, cloze, choice, ordering */
  cardKind: string;
  promptHtml: string;
  answerHtml: string;
  /** the card's kind-specific data as stored at import */
  data: Record<string, unknown>;
}

/**
 * Why a card could not be asked, as data: the result page says it in the reader's language
 * (`quiz.skipWhy.*`). `reason` (English) stays in the stored quiz and the API for whoever reads them.
 */
export type SkipWhy =
  | { code: "cannot_ask"; cardKind: string }
  | { code: "no_right_option" }
  | { code: "too_few_options"; found: number; needed: number; termClass: TermClass; answer: string };

export interface SkippedCard {
  cardId: string;
  kind: QuizKind;
  reason: string;
  /** absent in quizzes made before it was stored: skipWhy reads their English reason */
  why?: SkipWhy;
}

const TERM_CLASSES: readonly TermClass[] = ["number", "latin", "cjk", "mixed"];

/** Why a card was skipped, from the stored data, or read back from the English reason of an older quiz; null when neither says. */
export function skipWhy(s: Pick<SkippedCard, "reason" | "why">): SkipWhy | null {
  if (s.why) return s.why;
  let m = /^a (\w+) card cannot be asked as a \w+ question$/.exec(s.reason);
  if (m) return { code: "cannot_ask", cardKind: m[1]! };
  if (s.reason === "the choice card has no right option") return { code: "no_right_option" };
  m = /^only (\d+) of the (\d+) wrong options needed: the deck has too few other (\w+) terms like "(.*)"$/s.exec(s.reason);
  if (m && (TERM_CLASSES as readonly string[]).includes(m[3]!)) return { code: "too_few_options", found: Number(m[1]), needed: Number(m[2]), termClass: m[3] as TermClass, answer: m[4]! };
  return null;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

/** The short answer a card accepts when typed (set at import), if it has one. */
export function typeAnswerOf(data: Record<string, unknown>): { expected: string; aliases: string[] } | null {
  const t = data.typeAnswer;
  if (typeof t !== "object" || t === null) return null;
  const { expected, aliases } = t as { expected?: unknown; aliases?: unknown };
  return typeof expected === "string" && expected.trim() !== "" ? { expected, aliases: strings(aliases) } : null;
}

/** Whether a card can be asked as a question of this kind at all (before distractors). */
export function canAsk(kind: QuizKind, cardKind: string, data: Record<string, unknown>): boolean {
  switch (kind) {
    case "choice":
      return cardKind === "choice" && strings(data.optionsHtml).length > 1;
    case "ordering":
      return cardKind === "ordering" && strings(data.stepsHtml).length > 1;
    case "typed":
      return (cardKind === "basic" || cardKind === "cloze") && typeAnswerOf(data) !== null;
    case "generated": {
      // one term: a cloze card hiding several terms is asked typed only, and a sentence or a
      // list is no option among terms
      const cloze = Array.isArray(data.cloze) ? data.cloze.length : 0;
      const t = data.typeAnswer as { term?: unknown } | undefined;
      return (cardKind === "basic" || (cardKind === "cloze" && cloze === 1)) && typeAnswerOf(data) !== null && t?.term !== false;
    }
  }
}

/** Makes one question, or says why this card cannot make it. */
export function makeQuestion(kind: QuizKind, c: QuizCandidate, pool: readonly Term[], seed: string): QuizQuestion | { reason: string; why: SkipWhy } {
  if (!canAsk(kind, c.cardKind, c.data)) return { reason: `a ${c.cardKind} card cannot be asked as a ${kind} question`, why: { code: "cannot_ask", cardKind: c.cardKind } };
  const optionSeed = `${seed}:${c.source.cardId}`;
  // choice and ordering cards show their own explanation only: their whole answer repeats the options or steps
  const explanation = (v: unknown) => (typeof v === "string" ? v : "");
  const base = { source: c.source, promptHtml: c.promptHtml };
  switch (kind) {
    case "choice": {
      const html = strings(c.data.optionsHtml);
      const options = Array.isArray(c.data.options) ? (c.data.options as Array<{ correct?: unknown }>) : [];
      const order = shuffledIndices(html.length, optionSeed);
      const correct = order.map((i) => options[i]?.correct === true);
      if (!correct.some(Boolean)) return { reason: "the choice card has no right option", why: { code: "no_right_option" } };
      const multiple = c.data.multiple === true || correct.filter(Boolean).length > 1;
      return { kind, ...base, optionsHtml: order.map((i) => html[i]!), correct, multiple, explanationHtml: explanation(c.data.explanationHtml) };
    }
    case "ordering": {
      const steps = strings(c.data.stepsHtml);
      const texts = strings(c.data.steps);
      const order = shuffledIndices(steps.length, optionSeed);
      const same = (a: string, b: string) => normalizeAnswer(a) === normalizeAnswer(b);
      const ranks = ranksOf(texts.length === steps.length ? texts : steps, order, same);
      return { kind, ...base, stepsHtml: order.map((i) => steps[i]!), ranks, rightOrderHtml: steps, explanationHtml: explanation(c.data.explanationHtml) };
    }
    case "typed": {
      const t = typeAnswerOf(c.data)!;
      return { kind, ...base, expected: t.expected, aliases: t.aliases, explanationHtml: c.answerHtml };
    }
    case "generated": {
      const t = typeAnswerOf(c.data)!;
      const picked = pickDistractors({ answer: { cardId: c.source.cardId, text: t.expected, aliases: t.aliases, topic: c.source.topic }, pool, seed });
      if (!picked.ok) return { reason: picked.reason, why: { code: "too_few_options", found: picked.found, needed: picked.needed, termClass: picked.termClass, answer: t.expected } };
      const options = seededShuffle([t.expected, ...picked.distractors], optionSeed);
      return { kind, ...base, options, correctIndex: options.indexOf(t.expected), explanationHtml: c.answerHtml };
    }
  }
}

export interface BuildQuizInput {
  seed: string;
  count: number;
  /** the kinds asked, in any order */
  kinds: readonly QuizKind[];
  /** per kind, candidate cards ranked by the seed (best first) */
  buckets: Partial<Record<QuizKind, readonly QuizCandidate[]>>;
  /** per deck id, the terms generated choices draw distractors from */
  pools: Readonly<Record<string, readonly Term[]>>;
}

export interface BuiltQuiz {
  questions: QuizQuestion[];
  skipped: SkippedCard[];
}

export function buildQuiz(input: BuildQuizInput): BuiltQuiz {
  const kinds = seededShuffle([...new Set(input.kinds)].sort(), `${input.seed}:kinds`);
  const used = new Set<string>();
  const next: Record<string, number> = {};
  const questions: QuizQuestion[] = [];
  const skipped: SkippedCard[] = [];
  let progressed = true;
  while (questions.length < input.count && progressed) {
    progressed = false;
    for (const kind of kinds) {
      if (questions.length >= input.count) break;
      const bucket = input.buckets[kind] ?? [];
      while ((next[kind] ?? 0) < bucket.length) {
        const c = bucket[next[kind] ?? 0]!;
        next[kind] = (next[kind] ?? 0) + 1;
        if (used.has(c.source.cardId)) continue;
        const q = makeQuestion(kind, c, input.pools[c.source.deckId] ?? [], input.seed);
        if ("reason" in q) {
          skipped.push({ cardId: c.source.cardId, kind, reason: q.reason, why: q.why });
          continue;
        }
        used.add(c.source.cardId);
        questions.push(q);
        progressed = true;
        break;
      }
    }
  }
  return { questions: seededShuffle(questions, `${input.seed}:order`), skipped };
}

/** A quiz of given cards with given kinds ("retake the ones I got wrong"), in a seeded order. */
export function buildFixedQuiz(input: { seed: string; items: ReadonlyArray<{ kind: QuizKind; candidate: QuizCandidate }>; pools: BuildQuizInput["pools"] }): BuiltQuiz {
  const questions: QuizQuestion[] = [];
  const skipped: SkippedCard[] = [];
  for (const { kind, candidate } of input.items) {
    const q = makeQuestion(kind, candidate, input.pools[candidate.source.deckId] ?? [], input.seed);
    if ("reason" in q) skipped.push({ cardId: candidate.source.cardId, kind, reason: q.reason, why: q.why });
    else questions.push(q);
  }
  return { questions: seededShuffle(questions, `${input.seed}:order`), skipped };
}
