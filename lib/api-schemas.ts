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

const timeZoneSchema = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { error: "timeZone must be an IANA time zone such as Asia/Shanghai" },
);

/** Body of `POST /api/v1/cards/:id/actions`. */
export const cardActionSchema = z.discriminatedUnion(
  "action",
  [
    z.object({ action: z.literal("suspend") }).strict(),
    z.object({ action: z.literal("unsuspend") }).strict(),
    z
      .object({
        action: z.literal("bury"),
        timeZone: timeZoneSchema,
        rolloverHour: z.number().int().min(0).max(23).default(4),
      })
      .strict(),
    z.object({ action: z.literal("unbury") }).strict(),
    z.object({ action: z.literal("flag"), flag: z.number().int().min(0).max(4) }).strict(),
    z.object({ action: z.literal("reset") }).strict(),
  ],
  { error: "action must be one of suspend, unsuspend, bury, unbury, flag, reset" },
);
export type CardAction = z.infer<typeof cardActionSchema>;

/** A review id in a URL. */
export const reviewIdSchema = z.coerce.number().int().positive();
