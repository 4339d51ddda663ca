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
