/**
 * Interview dates as the API and the settings page speak of them: request and response schemas,
 * shared by the browser client, the route handlers and the use cases (whose results are these
 * response types, so what a route returns is what its schema says).
 *
 * An interview date is an instant (ISO 8601 with an offset, or Z) and the IANA time zone the
 * user gave it in; its scope is every deck ("all") or chosen decks, each with the topics (heading
 * paths) to cover, as a quiz's scope is.
 */
import { z } from "zod";
import { isValidTimeZone } from "../study-day";
import { scopeSchema } from "../quiz/schemas";
import { BUDGET_UNITS, MAX_BUDGET_MINUTES } from "./budget";

export const DEFAULT_TARGET_RECALL = 0.9;

export const interviewScopeSchema = z.union([z.literal("all"), scopeSchema], { error: 'scope must be "all" or a list of decks with their topics' });
export type InterviewScope = z.output<typeof interviewScopeSchema>;

export const interviewDateIdSchema = z.string().regex(/^[a-f0-9]{20}$/, "not an interview date id");

const instantSchema = z.iso.datetime({ offset: true, error: "at must be a date and time in ISO 8601 with its offset, like 2027-01-15T09:30:00+08:00" }).transform((s) => new Date(s));
const zoneSchema = z.string().refine(isValidTimeZone, { error: "timeZone must be an IANA time zone, like Asia/Shanghai" });
const targetSchema = z
  .number({ error: "targetRecall must be a number" })
  .min(0.5, "targetRecall must be from 0.5 to 0.99")
  .max(0.99, "targetRecall must be from 0.5 to 0.99");
const budgetSchema = z.number({ error: "dailyBudget must be a number of reviews or minutes" }).int("dailyBudget must be a whole number").min(1, "dailyBudget must be at least 1").max(10_000, "dailyBudget must be at most 10000 reviews");
const budgetUnitSchema = z.enum(BUDGET_UNITS, { error: 'budgetUnit must be "reviews" or "minutes"' });
/** A budget in minutes is at most a day's. */
export const MINUTES_TOO_MANY = `dailyBudget in minutes must be at most ${MAX_BUDGET_MINUTES}`;
const minutesFit = (b: { dailyBudget?: number | null; budgetUnit?: string }) => b.budgetUnit !== "minutes" || b.dailyBudget == null || b.dailyBudget <= MAX_BUDGET_MINUTES;
const labelSchema = z.string().trim().max(120, "label must be at most 120 characters");

/** Body of `POST /api/v1/interview-dates`. */
export const createInterviewDateSchema = z
  .object({
    label: labelSchema.default(""),
    at: instantSchema,
    timeZone: zoneSchema,
    scope: interviewScopeSchema.default("all"),
    targetRecall: targetSchema.default(DEFAULT_TARGET_RECALL),
    /** reviews (or minutes, budgetUnit) a day the plan may fill; null: no limit */
    dailyBudget: budgetSchema.nullable().default(null),
    budgetUnit: budgetUnitSchema.default("reviews"),
  })
  .strict()
  .refine(minutesFit, { error: MINUTES_TOO_MANY, path: ["dailyBudget"] });
export type CreateInterviewDateRequest = z.input<typeof createInterviewDateSchema>;
export type InterviewDateFields = z.output<typeof createInterviewDateSchema>;

/** Body of `PATCH /api/v1/interview-dates/:id`: the fields to change. */
export const updateInterviewDateSchema = z
  .object({
    label: labelSchema,
    at: instantSchema,
    timeZone: zoneSchema,
    scope: interviewScopeSchema,
    targetRecall: targetSchema,
    dailyBudget: budgetSchema.nullable(),
    budgetUnit: budgetUnitSchema,
  })
  .partial()
  .strict()
  .refine((b) => Object.keys(b).length > 0, { error: "give at least one field to change" })
  .refine(minutesFit, { error: MINUTES_TOO_MANY, path: ["dailyBudget"] });
export type UpdateInterviewDateRequest = z.input<typeof updateInterviewDateSchema>;

/** An interview date as the API returns it. */
export const interviewDateSchema = z.object({
  id: z.string(),
  label: z.string(),
  at: z.string(),
  timeZone: z.string(),
  scope: interviewScopeSchema,
  targetRecall: z.number(),
  dailyBudget: z.number().int().nullable(),
  budgetUnit: budgetUnitSchema,
  /** the reviews a day the budget allows (minutes at the learner's pace); null: no limit */
  budgetReviews: z.number().int().nullable(),
  /** the learner's seconds a review, that pace (their recent reviews' median, or the default) */
  secondsPerReview: z.number(),
  /** whole study days from today's to the interview's (0: it is today) */
  daysLeft: z.number().int(),
  /** the date has passed: scheduling is plain FSRS again */
  past: z.boolean(),
});
export type InterviewDateView = z.infer<typeof interviewDateSchema>;

export const interviewDateListSchema = z.object({ interviewDates: z.array(interviewDateSchema) });
export type InterviewDateList = z.infer<typeof interviewDateListSchema>;

const recallGroupSchema = z.object({ recall: z.number(), cards: z.number().int() });

/** `GET /api/v1/interview-dates/:id/readiness`: predicted recall at the interview, for the cards in scope. */
export const readinessSchema = z.object({
  interviewDate: interviewDateSchema,
  recall: z.number(),
  cards: z.number().int(),
  /** met when recall at the interview is at the target */
  onTarget: z.boolean(),
  byDeck: z.array(recallGroupSchema.extend({ deckId: z.string(), title: z.string() })),
  /** a topic is its heading path within its deck */
  byTopic: z.array(recallGroupSchema.extend({ deckId: z.string(), topic: z.array(z.string()) })),
});
export type ReadinessView = z.infer<typeof readinessSchema>;

/**
 * `GET /api/v1/interview-dates/:id/plan`: what the plan does until the interview. The pace for
 * new cards and whether they all fit, the daily workload forecast (with what the budget held
 * back), readiness on the day with the plan and without more study, the projection between now
 * and then, and the cards the forecast leaves below target.
 */
export const interviewPlanSchema = z.object({
  interviewDate: interviewDateSchema,
  /** "past": the date has gone; "no-time": no study day is left before it (plain FSRS both) */
  mode: z.enum(["plan", "past", "no-time"]),
  cards: z.number().int(),
  newLeft: z.number().int(),
  /** new cards a day the plan introduces, within newPerDayLimit */
  newPerDay: z.number().int(),
  /** the decks' new-card limits a day, added up over the decks in scope */
  newPerDayLimit: z.number().int(),
  /** false: even at the limit the new cards cannot all be introduced (and reviewed once) before the date */
  newFits: z.boolean(),
  readinessIfStopped: z.number(),
  readinessWithPlan: z.number(),
  projection: z.array(z.object({ at: z.string(), withPlan: z.number(), ifStopped: z.number() })),
  forecast: z.array(z.object({ day: z.number().int(), start: z.string(), reviews: z.number().int(), newCards: z.number().int(), heldBack: z.number().int(), overBudget: z.boolean() })),
  /** some day of the forecast holds back reviews or new cards for the budget */
  overBudget: z.boolean(),
  belowTarget: z.array(z.object({ cardId: z.string(), deckId: z.string(), topic: z.array(z.string()), prompt: z.string(), recall: z.number() })),
  /** the study days to hold a mock interview on (lib/planning/mock-interviews.ts), earliest first; none without a plan */
  mockInterviews: z.array(z.object({ day: z.number().int(), start: z.string() })),
});
export type InterviewPlanView = z.infer<typeof interviewPlanSchema>;

/** Body of `POST /api/v1/decks/:id/simulate`: "Help me decide" on the deck options page. */
export const simulationRequestSchema = z
  .object({
    desiredRetention: z.number({ error: "desiredRetention must be a number" }).min(0.7, "desiredRetention must be from 0.70 to 0.99").max(0.99, "desiredRetention must be from 0.70 to 0.99"),
    newPerDay: z.number({ error: "newPerDay must be a number" }).int("newPerDay must be a whole number").min(0, "newPerDay must be from 0 to 9999").max(9999, "newPerDay must be from 0 to 9999"),
    days: z.number({ error: "days must be a number" }).int("days must be a whole number").min(1, "days must be from 1 to 365").max(365, "days must be from 1 to 365").default(30),
    /** the same seed gives the same simulation */
    seed: z.string().trim().min(1).max(64).default("help-me-decide"),
  })
  .strict();
export type SimulationRequest = z.input<typeof simulationRequestSchema>;

/** What the simulation of a deck gives: per day, the reviews (learning steps included) and the cards known. */
export const simulationSchema = z.object({
  deckId: z.string(),
  desiredRetention: z.number(),
  newPerDay: z.number().int(),
  seed: z.string(),
  /** the deck's live cards, new ones included */
  cards: z.number().int(),
  reviewsPerDay: z.array(z.number().int()),
  /** expected cards recalled at each day's end (the sum of predicted recall) */
  knownPerDay: z.array(z.number()),
  totalReviews: z.number().int(),
});
export type SimulationView = z.infer<typeof simulationSchema>;
