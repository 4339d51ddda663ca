/** Mock interview questions. Open questions carry their rubric; choice and ordering are quiz questions. */
import type { RubricPoint } from "../content/types";
import { enoughPoints } from "./rubric";
import type { QuestionSource, QuizQuestion } from "../quiz/types";
import { publicQuestion as publicQuizQuestion, type PublicQuestion as PublicQuizQuestion } from "../quiz/types";

export interface OpenQuestion {
  kind: "open";
  source: QuestionSource;
  promptHtml: string;
  points: RubricPoint[];
  /** sanitized HTML of each point */
  pointsHtml: string[];
  /** sanitized HTML of the model answer ("" when the card has none) */
  modelAnswerHtml: string;
  /** the key points that earn full marks (every point, but for a long rubric generated from notes: see enoughPoints) */
  enough?: number;
}

export type InterviewQuestion = OpenQuestion | Extract<QuizQuestion, { kind: "choice" | "ordering" }>;

export type PublicInterviewQuestion = { kind: "open"; source: QuestionSource; promptHtml: string } | PublicQuizQuestion;

/** What is shown before the answer: never the rubric, the model answer or a key. */
export function publicInterviewQuestion(q: InterviewQuestion): PublicInterviewQuestion {
  return q.kind === "open" ? { kind: "open", source: q.source, promptHtml: q.promptHtml } : publicQuizQuestion(q);
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

/** An open card's question, from its stored data. */
export function openQuestion(source: QuestionSource, promptHtml: string, data: Record<string, unknown>): OpenQuestion | null {
  const points = Array.isArray(data.points) ? (data.points as RubricPoint[]) : [];
  if (points.length === 0) return null;
  const pointsHtml = strings(data.pointsHtml);
  return {
    kind: "open",
    source,
    promptHtml,
    points,
    pointsHtml: pointsHtml.length === points.length ? pointsHtml : points.map((p) => escapeHtml(p.text)),
    modelAnswerHtml: typeof data.modelAnswerHtml === "string" ? data.modelAnswerHtml : "",
    enough: enoughPoints(points.length, typeof data.generatedBy === "string"),
  };
}
