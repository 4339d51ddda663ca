/** Request schemas of the mock interview API, shared by the set-up page and the route handlers. */
import { z } from "zod";
import { scopeSchema, quizAnswerSchema } from "../quiz/schemas";

export const MAX_INTERVIEW_QUESTIONS = 20;

export const createInterviewSchema = z
  .object({
    scope: scopeSchema,
    count: z
      .number({ error: `count must be a number from 1 to ${MAX_INTERVIEW_QUESTIONS}` })
      .int()
      .min(1, `count must be from 1 to ${MAX_INTERVIEW_QUESTIONS}`)
      .max(MAX_INTERVIEW_QUESTIONS, `count must be from 1 to ${MAX_INTERVIEW_QUESTIONS}`),
    /** seconds per question; null: no per-question limit */
    secondsPerQuestion: z.number().int().min(30, "a question needs at least 30 seconds").max(3600, "at most an hour per question").nullable().default(180),
    /** seconds for the whole interview; null: no total limit */
    totalSeconds: z.number().int().min(60, "an interview needs at least a minute").max(4 * 3600, "at most 4 hours").nullable().default(null),
    /** besides open questions (always first), allow choice and ordering questions */
    allowChoice: z.boolean().default(false),
    allowOrdering: z.boolean().default(false),
    /** the questions where the user is weakest first (lowest retrievability, recent wrong answers) */
    weakFirst: z.boolean().default(false),
    /**
     * the questions with the lowest predicted recall at the next interview date's instant first
     * (readiness: FSRS's forgetting curve to that moment, new cards 0); needs an interview date ahead
     */
    weakestForDay: z.boolean().default(false),
    /** untimed practice: the clock counts but never submits, and can be paused */
    practice: z.boolean().default(false),
    seed: z.string().trim().min(1).max(64).optional(),
  })
  .strict();
export type CreateInterviewRequest = z.input<typeof createInterviewSchema>;
export type InterviewSettings = z.output<typeof createInterviewSchema>;

/** `PUT /api/v1/interviews/:id/draft`: what is typed so far, saved as the user types. */
export const saveDraftSchema = z
  .object({
    position: z.number().int().min(0),
    text: z.string().max(20_000, "an answer must be at most 20,000 characters"),
  })
  .strict();

/** `POST /api/v1/interviews/:id/answers`: an open answer's text, or a choice or ordering answer. */
export const submitInterviewAnswerSchema = z
  .object({
    position: z.number({ error: "position must be the question's number" }).int().min(0),
    answer: z.union([z.object({ text: z.string().max(20_000, "an answer must be at most 20,000 characters") }).strict(), quizAnswerSchema]),
  })
  .strict();

/** `POST /api/v1/interviews/:id/grades`: the points the user confirms as covered. */
export const gradeInterviewSchema = z
  .object({
    position: z.number().int().min(0),
    ticks: z.array(z.boolean()).max(100),
  })
  .strict();

export const interviewIdSchema = z.string().regex(/^[a-z0-9]{8,40}$/, "not an interview id");

/** `POST /api/v1/interviews/:id/start`: the question whose clock starts (the current one). */
export const startQuestionSchema = z.object({ position: z.number().int().min(0) }).strict();

/** `POST /api/v1/interviews/:id/pause`: untimed practice interviews only. */
export const pauseInterviewSchema = z.object({ paused: z.boolean({ error: "paused must be true or false" }) }).strict();
