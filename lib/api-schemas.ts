/** Request schemas of the JSON API, shared by the browser client and the route handlers. */
import { z } from "zod";

export const ratingSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], {
  error: "rating must be 1 (again), 2 (hard), 3 (good) or 4 (easy)",
});

export const reviewRequestSchema = z
  .object({
    cardId: z.string().min(1, "cardId is required").max(200),
    rating: ratingSchema,
    idempotencyKey: z.string().min(1).max(200).optional(),
    durationMs: z.number().int().min(0).max(24 * 3600 * 1000).optional(),
  })
  .strict();
export type ReviewRequest = z.infer<typeof reviewRequestSchema>;

export const deckIdSchema = z.string().min(1).max(500);

/** The error body of every failed API call. */
export interface ApiErrorBody {
  error: { code: string; message: string };
}

/** A card as the study API returns it (`GET /api/v1/decks/:id/next`). */
export interface StudyCard {
  id: string;
  deckId: string;
  kind: string;
  topic: string[];
  prompt: string;
  answer: string;
  /** sanitized HTML rendered at import */
  promptHtml: string;
  /** sanitized HTML rendered at import */
  answerHtml: string;
  /** kind-specific fields: options, steps, points, cloze, and their rendered HTML */
  data: Record<string, unknown>;
  state: "new" | "learning" | "review" | "relearning";
  due: string;
  /** the next interval after each rating, labelled ("1m", "3d") */
  intervals: Record<"1" | "2" | "3" | "4", string>;
}
