/** Quiz questions as the domain core builds, shows and scores them. Pure data. */

/** The kinds of question a quiz asks. Open questions belong to mock interviews. */
export const QUIZ_KINDS = ["choice", "generated", "typed", "ordering"] as const;
export type QuizKind = (typeof QUIZ_KINDS)[number];

/** Where a question came from: the card, its deck, its topic and its line in the deck file. */
export interface QuestionSource {
  cardId: string;
  deckId: string;
  deckTitle: string;
  topic: string[];
  sourceLine: number;
}

interface QuestionBase {
  kind: QuizKind;
  source: QuestionSource;
  /** sanitized HTML rendered at import */
  promptHtml: string;
  /** sanitized HTML shown with the right answer: a choice or ordering card's explanation ("" when it has none), a typed or generated card's whole answer */
  explanationHtml: string;
}

/** A choice card from the content: one or several right options, shown in a seeded order. */
export interface ChoiceQuestion extends QuestionBase {
  kind: "choice";
  optionsHtml: string[];
  /** per shown option: whether it is right (never sent before the answer) */
  correct: boolean[];
  multiple: boolean;
}

/** "Which term is it": the card's short answer among terms of the same kind from its deck. */
export interface GeneratedQuestion extends QuestionBase {
  kind: "generated";
  /** plain text terms, shown as text */
  options: string[];
  correctIndex: number;
}

/** A typed answer, graded by the CJK-aware normaliser; aliases count as right. */
export interface TypedQuestion extends QuestionBase {
  kind: "typed";
  expected: string;
  aliases: string[];
}

/** Steps of a process, shown shuffled, to be put in order. */
export interface OrderingQuestion extends QuestionBase {
  kind: "ordering";
  /** the steps in the order shown */
  stepsHtml: string[];
  /** per shown step: its place in the right order (steps with the same text share a place) */
  ranks: number[];
  /** the steps in the right order, for the review */
  rightOrderHtml: string[];
}

export type QuizQuestion = ChoiceQuestion | GeneratedQuestion | TypedQuestion | OrderingQuestion;

/** What the browser sees of a question before it is answered: no keys, no explanation. */
export type PublicQuestion =
  | { kind: "choice"; source: QuestionSource; promptHtml: string; optionsHtml: string[]; multiple: boolean }
  | { kind: "generated"; source: QuestionSource; promptHtml: string; options: string[] }
  | { kind: "typed"; source: QuestionSource; promptHtml: string }
  | { kind: "ordering"; source: QuestionSource; promptHtml: string; stepsHtml: string[] };

export function publicQuestion(q: QuizQuestion): PublicQuestion {
  const base = { source: q.source, promptHtml: q.promptHtml };
  switch (q.kind) {
    case "choice":
      return { kind: "choice", ...base, optionsHtml: q.optionsHtml, multiple: q.multiple };
    case "generated":
      return { kind: "generated", ...base, options: q.options };
    case "typed":
      return { kind: "typed", ...base };
    case "ordering":
      return { kind: "ordering", ...base, stepsHtml: q.stepsHtml };
  }
}

/** An answer as the user gives it. Choice indexes and ordering indexes refer to the shown order. */
export type QuizAnswer = { selected: readonly number[] } | { text: string } | { order: readonly number[] };
