/**
 * Practice outside the schedule: "study ahead" (cards not due yet, soonest first) and
 * "review a topic" (every card under a topic, in content order). Nothing is written: the
 * schedule stays as it is. A keyset cursor walks through the cards once.
 */
import { z } from "zod";
import type { StudyCard } from "@/lib/api-schemas";
import { db as defaultDb, type Db } from "../../db";
import { NotFoundError, ValidationError } from "../../errors";
import { optionsForDeck } from "../../deck-settings";
import { nextCardAhead, nextCardOfTopic } from "../../store/practice";
import { toStudyCard } from "../study/study-card";

export interface PracticeOptions {
  deckId: string;
  mode: "ahead" | "topic";
  /** for "topic": the heading path; [] is the whole deck */
  topic?: string[];
  /** from the previous answer: where to continue */
  cursor?: string;
  now?: Date;
  db?: Db;
}

export interface PracticeStep {
  card: StudyCard | null;
  /** pass back to get the card after this one */
  cursor: string | null;
}

const aheadCursor = z.tuple([z.number(), z.string()]);
const topicCursor = z.tuple([z.number(), z.string()]);

function decodeCursor<T>(raw: string | undefined, schema: z.ZodType<T>): T | null {
  if (raw === undefined || raw === "") return null;
  try {
    return schema.parse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
  } catch {
    throw new ValidationError("cursor is not one this server gave out");
  }
}
const encodeCursor = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");

export async function practiceNext(options: PracticeOptions): Promise<PracticeStep> {
  const { sqlite } = options.db ?? defaultDb();
  const now = options.now ?? new Date();
  const resolved = optionsForDeck(sqlite, options.deckId);
  if (!resolved) throw new NotFoundError(`no deck with id ${options.deckId}`);
  if (options.mode === "ahead") {
    // cards already studied and not due yet, soonest first
    const after = decodeCursor(options.cursor, aheadCursor) ?? [now.getTime(), ""];
    const card = nextCardAhead(sqlite, { deckId: options.deckId, due: after[0], id: after[1] });
    return { card: card ? toStudyCard(card, now, resolved.scheduler) : null, cursor: card ? encodeCursor([card.schedule.due.getTime(), card.id]) : null };
  }
  const after = decodeCursor(options.cursor, topicCursor) ?? [-1, ""];
  const card = nextCardOfTopic(sqlite, { deckId: options.deckId, topic: options.topic ?? [], position: after[0], id: after[1] });
  return { card: card ? toStudyCard(card, now, resolved.scheduler) : null, cursor: card ? encodeCursor([card.position, card.id]) : null };
}
