/** Request schemas of the quiz API, shared by the quiz builder page and the route handlers. */
import { z } from "zod";
import { deckIdSchema } from "../api-schemas";
import { QUIZ_KINDS } from "./types";

export const MAX_QUIZ_QUESTIONS = 100;

const topicPathSchema = z.array(z.string().min(1).max(200)).max(20);

/** Decks, each with the topics to draw from ([] or none: the whole deck). Shared with mock interviews. */
export const scopeSchema = z
  .array(z.object({ deckId: deckIdSchema, topics: z.array(topicPathSchema).max(50).default([]) }).strict(), { error: "scope must list decks" })
  .min(1, "choose at least one deck")
  .max(50);

/** Settings of a new quiz. The same settings and seed give the same quiz. */
export const createQuizSchema = z
  .object({
    scope: scopeSchema,
    count: z
      .number({ error: `count must be a number from 1 to ${MAX_QUIZ_QUESTIONS}` })
      .int()
      .min(1, `count must be from 1 to ${MAX_QUIZ_QUESTIONS}`)
      .max(MAX_QUIZ_QUESTIONS, `count must be from 1 to ${MAX_QUIZ_QUESTIONS}`),
    kinds: z
      .array(z.enum(QUIZ_KINDS, { error: `kinds must be among ${QUIZ_KINDS.join(", ")}` }))
      .min(1, "choose at least one kind of question")
      .refine((k) => new Set(k).size === k.length, { error: "kinds must not repeat" }),
    /** seconds for the whole quiz; null: untimed */
    timeLimitSec: z
      .number()
      .int()
      .min(30, "a time limit must be at least 30 seconds")
      .max(4 * 3600, "a time limit must be at most 4 hours")
      .nullable()
      .default(null),
    /** practice: answers are scored but the schedule is not touched */
    practice: z.boolean().default(false),
    /** any text; a random one when missing */
    seed: z.string().trim().min(1).max(64).optional(),
  })
  .strict();
export type CreateQuizRequest = z.input<typeof createQuizSchema>;
export type QuizSettings = z.output<typeof createQuizSchema>;

/** `POST /api/v1/quizzes/:id/retake`: a new quiz of the questions answered wrong. */
export const retakeQuizSchema = z
  .object({
    practice: z.boolean().optional(),
    seed: z.string().trim().min(1).max(64).optional(),
  })
  .strict();

export const quizAnswerSchema = z.union(
  [
    z.object({ selected: z.array(z.number().int()).max(50) }).strict(),
    z.object({ text: z.string().max(2000, "an answer must be at most 2000 characters") }).strict(),
    z.object({ order: z.array(z.number().int()).max(100) }).strict(),
  ],
  { error: "answer must be { selected: [indexes] }, { text } or { order: [indexes] }" },
);

/** `POST /api/v1/quizzes/:id/answers` */
export const answerQuizSchema = z
  .object({
    position: z.number({ error: "position must be the question's number" }).int().min(0),
    answer: quizAnswerSchema,
  })
  .strict();
export type AnswerQuizRequest = z.infer<typeof answerQuizSchema>;

export const quizIdSchema = z.string().regex(/^[a-z0-9]{8,40}$/, "not a quiz id");

/** `POST /api/v1/quizzes/:id/override`: "I was right" on an answered typed question. */
export const overrideQuizSchema = z.strictObject({
  position: z.number({ error: "position must be the question's number" }).int().min(0),
});
