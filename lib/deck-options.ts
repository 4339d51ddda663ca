/**
 * Deck options: limits, learning steps and FSRS settings. Stored as JSON on a preset that
 * several decks can share (Anki's "option groups"), validated with zod on the way in and out.
 */
import { z } from "zod";
import { computeDecayFactor, default_w } from "ts-fsrs";

const step = z
  .string()
  .regex(/^[1-9]\d{0,3}[mhd]$/, "a step is a number with m, h or d, such as 1m, 10m, 1h or 1d");

const easyDay = z.enum(["normal", "reduced", "minimum"]);

export const deckOptionsSchema = z
  .object({
    newPerDay: z.number().int().min(0).max(9999).default(20),
    reviewsPerDay: z.number().int().min(0).max(99999).default(200),
    newOrder: z.enum(["content", "random"]).default("content"),
    learningSteps: z.array(step).max(10).default(["1m", "10m"]),
    relearningSteps: z.array(step).max(10).default(["10m"]),
    desiredRetention: z.number().min(0.7, "desired retention is at least 0.70").max(0.99, "desired retention is at most 0.99").default(0.9),
    maximumInterval: z.number().int().min(1).max(36500).default(36500),
    /** ask cloze and basic cards as typed answers */
    typedAnswers: z.boolean().default(false),
    /**
     * Anki 24.11's load balancer: a review goes to the least loaded day within FSRS's fuzz range
     * (lib/planning/load-balancer.ts). On by default, as in Anki; it needs fuzz, as Anki's does.
     */
    loadBalancer: z.boolean().default(true),
    /** Anki's easy days, Monday first: a reduced or minimum day takes fewer reviews (with the load balancer) */
    easyDays: z.tuple([easyDay, easyDay, easyDay, easyDay, easyDay, easyDay, easyDay]).default(["normal", "normal", "normal", "normal", "normal", "normal", "normal"]),
  })
  .strict();

export type DeckOptions = z.infer<typeof deckOptionsSchema>;
export const DEFAULT_DECK_OPTIONS: DeckOptions = deckOptionsSchema.parse({});

/**
 * Interval in days that FSRS gives a card of stability `s` at the desired retention:
 * I = S / factor * (R^(1/decay) - 1) (FSRS-6, default parameters). Returned as the
 * multiplier of S, so SQL can sum 1 / (S * k) without loading the cards.
 */
export function intervalPerStability(desiredRetention: number, w: readonly number[] = default_w): number {
  const { decay, factor } = computeDecayFactor(w);
  return (Math.pow(desiredRetention, 1 / decay) - 1) / factor;
}
