/**
 * The fields of a generated card as a person rewrites them (the edit form, the curation API and
 * the stored CardCuration.override). Only zod here: the browser imports it with the API schemas.
 */
import { z } from "zod";

export const MAX_OVERRIDE_FIELD = 8_000;
const MAX_LIST = 40;

const text = z.string().trim().min(1, "must not be empty").max(MAX_OVERRIDE_FIELD, `must be at most ${MAX_OVERRIDE_FIELD} characters`);
const optional = z.string().trim().max(MAX_OVERRIDE_FIELD, `must be at most ${MAX_OVERRIDE_FIELD} characters`).optional();

/**
 * An edited card: the fields a person edits, by kind (the kind itself does not change: a card's
 * history is the history of one kind of question). Markdown in every text field.
 */
export const overrideSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("basic"), prompt: text, answer: text }),
  // the sentence with its hidden term(s) marked as {{c1::term}} or {{c1::term|other answer::hint}}
  z.strictObject({ kind: z.literal("cloze"), text }),
  z.strictObject({
    kind: z.literal("choice"),
    prompt: text,
    options: z.array(z.strictObject({ text, correct: z.boolean() })).min(2, "needs at least two options").max(MAX_LIST, `at most ${MAX_LIST} options`),
    explanation: optional,
  }),
  z.strictObject({ kind: z.literal("ordering"), prompt: text, steps: z.array(text).min(2, "needs at least two steps").max(MAX_LIST, `at most ${MAX_LIST} steps`), explanation: optional }),
  z.strictObject({ kind: z.literal("open"), prompt: text, points: z.array(text).min(1, "needs at least one key point").max(MAX_LIST, `at most ${MAX_LIST} key points`), modelAnswer: optional }),
]);
export type CardOverride = z.infer<typeof overrideSchema>;
