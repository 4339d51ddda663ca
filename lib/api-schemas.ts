/** Request schemas of the JSON API, shared by the browser client and the route handlers. */
import { z } from "zod";
import { deckOptionsSchema } from "./deck-options";
import { overrideSchema } from "./content/override";

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

/** Cards left to study today in a deck. */
export interface StudyCounts {
  new: number;
  learning: number;
  review: number;
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
        // the browser's zone, used when the user stored none; the stored rollover hour decides
        // when the study day ends, as it does for the queue
        timeZone: timeZoneSchema,
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

/** The card kinds and states a search may filter on (mirrors lib/content/types.ts and lib/scheduling.ts). */
export const CARD_KIND_VALUES = ["basic", "cloze", "choice", "ordering", "open"] as const;
export const CARD_STATE_VALUES = ["new", "learning", "review", "relearning"] as const;
/** The card browser's orders: the notes' order, soonest due, most reviewed, most forgotten. */
export const CARD_SORT_VALUES = ["content", "due", "reviews", "lapses"] as const;
export type CardSort = (typeof CARD_SORT_VALUES)[number];

/** A topic path in a URL: heading names separated by "›" or ">" ("Basics › DHCP"). */
export function parseTopicPath(text: string): string[] {
  return text
    .split(/[›>]/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export function formatTopicPath(topic: readonly string[]): string {
  return topic.join(" › ");
}

/** An empty form field ("") or a missing one is "no filter". */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" || v === null ? undefined : v), schema.optional());
const booleanParam = z.enum(["true", "false", "1", "0", "on"], { error: "must be true or false" }).transform((v) => v === "true" || v === "1" || v === "on");

/**
 * Query of `GET /api/v1/cards` and of the /browse page, from URLSearchParams strings (empty
 * values are ignored, so a GET form may send every field). Output fits searchCards' options.
 */
export const searchCardsQuerySchema = z
  .object({
    text: optional(z.string().trim().max(200, "text must be at most 200 characters")),
    deck: optional(deckIdSchema),
    topic: optional(z.string().max(500).transform(parseTopicPath)),
    kind: optional(z.enum(CARD_KIND_VALUES, { error: `kind must be one of ${CARD_KIND_VALUES.join(", ")}` })),
    state: optional(z.enum(CARD_STATE_VALUES, { error: `state must be one of ${CARD_STATE_VALUES.join(", ")}` })),
    flag: optional(z.coerce.number({ error: "flag must be a number from 0 to 4" }).int().min(0, "flag must be 0 to 4").max(4, "flag must be 0 to 4")),
    suspended: optional(booleanParam),
    includeRetired: optional(booleanParam),
    dueBefore: optional(z.coerce.date({ error: "dueBefore must be a date such as 2026-12-01" })),
    dueAfter: optional(z.coerce.date({ error: "dueAfter must be a date such as 2026-12-01" })),
    sort: optional(z.enum(CARD_SORT_VALUES, { error: `sort must be one of ${CARD_SORT_VALUES.join(", ")}` })),
    cursor: optional(z.string().max(1000)),
    limit: optional(z.coerce.number({ error: "limit must be a number from 1 to 200" }).int().min(1, "limit must be 1 to 200").max(200, "limit must be 1 to 200")),
  })
  .transform(({ deck, text, topic, ...rest }) => ({
    ...rest,
    deckId: deck,
    text: text === "" ? undefined : text,
    topic: topic && topic.length > 0 ? topic : undefined,
  }));
export type SearchCardsQuery = z.output<typeof searchCardsQuerySchema>;

/** URLSearchParams (or a Next.js searchParams object) as the plain record the schema reads. */
export function queryRecord(params: URLSearchParams | Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params);
  for (const [k, v] of entries) {
    const first = Array.isArray(v) ? v[0] : v;
    if (typeof first === "string" && !(k in out)) out[k] = first;
  }
  return out;
}

/** Body of `PUT /api/v1/decks/:id/options`: the options, into an existing preset or a new one. */
export const saveDeckOptionsSchema = z
  .object({
    options: deckOptionsSchema,
    presetId: z.number().int().positive().optional(),
    newPresetName: z.string().trim().min(1, "a new preset needs a name").max(80).optional(),
  })
  .strict()
  .refine((b) => !(b.presetId !== undefined && b.newPresetName !== undefined), { error: "give presetId or newPresetName, not both" });

/** The user's settings. */
export const settingsSchema = z
  .object({
    rolloverHour: z.number().int().min(0, "the study day starts at an hour from 0 to 23").max(23, "the study day starts at an hour from 0 to 23"),
    timeZone: timeZoneSchema.nullable(),
  })
  .strict();
export type Settings = z.infer<typeof settingsSchema>;
export const saveSettingsSchema = settingsSchema.partial();

/** Query of `GET /api/v1/decks/:id/practice`. */
export const practiceQuerySchema = z
  .object({
    mode: z.enum(["ahead", "topic"], { error: "mode must be ahead or topic" }),
    /** a heading path, headings separated by › */
    topic: z
      .string()
      .optional()
      .transform((t) => (t ? t.split("›").map((p) => p.trim()).filter((p) => p !== "") : [])),
    cursor: z.string().max(2000).optional(),
  })
  .strict();

/** Query of `GET /api/v1/dashboard`: the browser's time zone (a stored one wins). */
/** Query of `GET /api/v1/decks/:id/next`: the same rule for `tz` as the dashboard (an unknown zone is a 400, never UTC). */
export const nextQuerySchema = z.object({ tz: timeZoneSchema.optional() }).strict();

/** Query of `GET /api/v1/dashboard`: `year` picks the heatmap's calendar year (the last 365 days without it). */
export const dashboardQuerySchema = nextQuerySchema
  .extend({
    year: z
      .string()
      .regex(/^\d{4}$/, "year must be a calendar year of four digits, like 2024")
      .transform(Number)
      .refine((y) => y >= 1970 && y <= 2100, "year must be between 1970 and 2100")
      .optional(),
  })
  .strict();

/** What a person decides about one generated card (server/use-cases/curation/). */
export const cardCurationSchema = z.discriminatedUnion(
  "action",
  [
    z.strictObject({ action: z.literal("keep") }),
    z.strictObject({ action: z.literal("discard") }),
    z.strictObject({ action: z.literal("restore") }),
    z.strictObject({ action: z.literal("edit"), override: overrideSchema }),
    z.strictObject({ action: z.literal("revert") }),
  ],
  { error: "action must be one of keep, discard, restore, edit, revert" },
);
export type CardCurationRequest = z.infer<typeof cardCurationSchema>;

/** "Keep all" on a deck's review page: every undecided card, or the listed ones. */
export const deckKeepSchema = z.strictObject({
  action: z.literal("keep", { error: 'action must be "keep"' }),
  cardIds: z.array(z.string().min(1).max(200)).min(1).max(10_000).optional(),
});

/** A generated card's curation state, as every curation request answers. */
export const curationStateSchema = z.strictObject({
  cardId: z.string(),
  status: z.enum(["unreviewed", "kept", "discarded", "edited"]),
  sourceChanged: z.boolean(),
  warning: z.string().optional(),
});

/** A yes/no form field or query parameter: "1", "true", "yes", "on" (a checkbox) or their opposites. */
const flagSchema = z
  .enum(["1", "0", "true", "false", "yes", "no", "on", "off", ""], { error: 'must be 1 or 0 (true or false)' })
  .transform((v) => v === "1" || v === "true" || v === "yes" || v === "on");

/** `POST /api/v1/decks/import?preview=1`: a preview writes nothing. */
export const importNotesQuerySchema = z.strictObject({ preview: flagSchema.optional(), replace: flagSchema.optional() });

/** The text fields of an import (multipart form fields, or a JSON body); the files come as multipart `files`. */
export const importNotesFieldsSchema = z.strictObject({
  text: z.string().max(4 * 1024 * 1024, "the pasted notes are too long").optional(),
  title: z.string().trim().max(120, "the title may be at most 120 characters").optional(),
  group: z.string().trim().max(120, "the group may be at most 120 characters").optional(),
  replace: z.union([z.boolean(), flagSchema]).optional(),
});
export type ImportNotesFields = z.infer<typeof importNotesFieldsSchema>;

const contentErrorSchema = z.strictObject({ file: z.string(), line: z.number().int(), message: z.string() });

/** One deck of an import's preview: its file under the notes folder, its cards by kind and topic, what the checker says. */
export const notesPreviewDeckSchema = z.strictObject({
  deckId: z.string(),
  /** the name as uploaded ("pasted notes" for pasted text) */
  name: z.string(),
  /** where it is saved, under the notes folder */
  file: z.string(),
  title: z.string(),
  group: z.string(),
  notesMode: z.boolean(),
  /** a deck or file of that name exists: importing it is a re-import (replace), its history kept */
  exists: z.boolean(),
  existingTitle: z.string().nullable(),
  cardCount: z.number().int(),
  kinds: z.array(z.strictObject({ kind: z.enum(CARD_KIND_VALUES), count: z.number().int() })),
  groups: z.array(
    z.strictObject({
      kind: z.enum(CARD_KIND_VALUES),
      topic: z.array(z.string()),
      cards: z.array(z.strictObject({ line: z.number().int(), prompt: z.string(), generatedBy: z.string().optional() })),
    }),
  ),
  /** the audit (`content check --audit`): leaks, duplicates, trivial cards, unused prose */
  warnings: z.array(z.strictObject({ file: z.string(), line: z.number().int(), kind: z.string(), message: z.string() })),
  errors: z.array(contentErrorSchema),
});
export type NotesPreviewDeck = z.infer<typeof notesPreviewDeckSchema>;

/** `POST /api/v1/decks/import?preview=1`. */
export const notesPreviewSchema = z.strictObject({
  decks: z.array(notesPreviewDeckSchema),
  images: z.array(z.strictObject({ name: z.string(), file: z.string(), bytes: z.number().int(), exists: z.boolean() })),
  skipped: z.array(z.strictObject({ name: z.string(), reason: z.string() })),
  errors: z.array(contentErrorSchema),
  /** files under the notes folder the import would overwrite (allowed with replace) */
  conflicts: z.array(z.string()),
  replace: z.boolean(),
  canImport: z.boolean(),
});
export type NotesPreview = z.infer<typeof notesPreviewSchema>;

/** `POST /api/v1/decks/import`: what each deck's import did. */
export const notesImportSchema = z.strictObject({
  decks: z.array(
    z.strictObject({
      deckId: z.string(),
      file: z.string(),
      title: z.string(),
      status: z.enum(["imported", "unchanged"]),
      added: z.number().int(),
      updated: z.number().int(),
      retired: z.number().int(),
      unchanged: z.number().int(),
    }),
  ),
  images: z.array(z.string()),
});
export type NotesImport = z.infer<typeof notesImportSchema>;

/** `POST /api/v1/anki/import?name=…`: the package's file name, shown as its decks' source. */
export const ankiImportQuerySchema = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, "name may not be empty")
    .max(200, "name may be at most 200 characters")
    .regex(/^[^/\\\u0000-\u001f]+$/u, "name is a file name, without folders")
    .optional(),
});
