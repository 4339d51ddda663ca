/** Typed views of a study card's kind-specific `data` (the API sends it as a loose object). */
import { CARD_KIND_VALUES, type StudyCard } from "@/lib/api-schemas";

export type CardKind = (typeof CARD_KIND_VALUES)[number];

/** The study API's card, as the browser sees it. */
export type StudyCardView = StudyCard;

export interface ChoiceView {
  /** sanitized at import */
  optionsHtml: string[];
  correct: boolean[];
  multiple: boolean;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

export function choiceView(data: Record<string, unknown>): ChoiceView | null {
  const optionsHtml = strings(data.optionsHtml);
  const options = Array.isArray(data.options) ? (data.options as unknown[]) : [];
  if (optionsHtml.length === 0 || optionsHtml.length !== options.length) return null;
  const correct = options.map((o) => typeof o === "object" && o !== null && (o as { correct?: unknown }).correct === true);
  return { optionsHtml, correct, multiple: data.multiple === true || correct.filter(Boolean).length > 1 };
}

/** The steps of an ordering card, in their correct order (sanitized HTML). */
export function stepsView(data: Record<string, unknown>): string[] | null {
  const steps = strings(data.stepsHtml);
  return steps.length > 1 ? steps : null;
}

/** The rubric points of an open question (sanitized HTML). */
export function pointsView(data: Record<string, unknown>): string[] | null {
  const points = strings(data.pointsHtml);
  return points.length > 0 ? points : null;
}

/**
 * What to show below the structured answer: choice and ordering cards show their explanation,
 * open cards their model answer (both rendered and sanitized at import); basic and cloze
 * cards show the whole answer.
 */
export function answerBodyHtml(card: StudyCardView): string {
  const html = (v: unknown) => (typeof v === "string" ? v : "");
  if (card.kind === "choice" || card.kind === "ordering") return html(card.data.explanationHtml);
  if (card.kind === "open") return html(card.data.modelAnswerHtml);
  return card.answerHtml;
}

/** A kind the UI has a label for (messages: "kinds"). */
export const isCardKind = (kind: string): kind is CardKind => (CARD_KIND_VALUES as readonly string[]).includes(kind);
