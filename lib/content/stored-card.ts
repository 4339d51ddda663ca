/**
 * A stored card read back as the ParsedCard it was made from: the card's columns and its `data`
 * JSON (types.ts `cardData` plus what the importer adds), decoded once with zod so the shape lost
 * at the storage boundary is checked, not cast.
 */
import { z } from "zod";
import type { ParsedCard } from "./types";

const point = z.object({ text: z.string(), keywords: z.array(z.array(z.string())), need: z.number().int().optional(), anchor: z.number().int().optional() });
const term = z.object({ text: z.string(), hint: z.string().optional(), aliases: z.array(z.string()).optional() });
const common = { generatedBy: z.string().optional() };

const dataSchemas = {
  basic: z.object(common),
  cloze: z.object({ ...common, group: z.number().int(), cloze: z.array(term) }),
  choice: z.object({ ...common, options: z.array(z.object({ text: z.string(), correct: z.boolean() })), multiple: z.boolean(), explanation: z.string().optional() }),
  ordering: z.object({ ...common, steps: z.array(z.string()), explanation: z.string().optional() }),
  open: z.object({ ...common, points: z.array(point), modelAnswer: z.string().optional() }),
} as const;

export interface StoredCardColumns {
  id: string;
  kind: string;
  topic: string;
  sourceLine: number;
  prompt: string;
  answer: string;
  data: string;
}

export class StoredCardError extends Error {
  constructor(cardId: string, detail: string) {
    super(`card ${cardId} is stored in a shape this version cannot read: ${detail}`);
    this.name = "StoredCardError";
  }
}

/** The card a row holds; throws StoredCardError when the row is not a card of a known kind. */
export function parsedCardOf(row: StoredCardColumns): ParsedCard {
  let raw: unknown;
  let topic: unknown;
  try {
    raw = JSON.parse(row.data);
    topic = JSON.parse(row.topic);
  } catch {
    throw new StoredCardError(row.id, "its data or topic is not JSON");
  }
  const topicPath = z.array(z.string()).safeParse(topic);
  if (!topicPath.success) throw new StoredCardError(row.id, "its topic is not a list of headings");
  const base = { id: row.id, topic: topicPath.data, line: row.sourceLine, prompt: row.prompt, answer: row.answer };
  const kind = row.kind;
  if (!(kind in dataSchemas)) throw new StoredCardError(row.id, `unknown kind "${kind}"`);
  const parsed = dataSchemas[kind as keyof typeof dataSchemas].safeParse(raw);
  if (!parsed.success) throw new StoredCardError(row.id, parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  const d = parsed.data;
  // explanation/modelAnswer are written as undefined-or-string; JSON drops the undefined ones
  return { ...base, ...d, kind } as ParsedCard;
}
