/**
 * Practice outside the schedule: "study ahead" (cards not due yet, soonest first) and
 * "review a topic" (every card under a topic, in content order). Nothing is written: the
 * schedule stays as it is. A keyset cursor walks through the cards once.
 */
import { z } from "zod";
import type { StudyCard } from "@/lib/api-schemas";
import { db as defaultDb, type Db } from "../db";
import { NotFoundError, ValidationError } from "../errors";
import { optionsForDeck } from "../deck-settings";
import { topicCondition } from "../topic-sql";
import { decodeCard, type CardRow } from "../store/study-queue";
import { toStudyCard } from "./study/study-card";

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

const COLUMNS = `id, deckId, kind, topic, prompt, answer, promptHtml, answerHtml, data, retired, due, stability,
  difficulty, elapsedDays, scheduledDays, learningSteps, reps, lapses, state, lastReview`;

export async function practiceNext(options: PracticeOptions): Promise<PracticeStep> {
  const { sqlite } = options.db ?? defaultDb();
  const now = options.now ?? new Date();
  const resolved = optionsForDeck(sqlite, options.deckId);
  if (!resolved) throw new NotFoundError(`no deck with id ${options.deckId}`);
  let row: (CardRow & { position: number }) | undefined;
  if (options.mode === "ahead") {
    // cards already studied and not due yet, soonest first
    const after = decodeCursor(options.cursor, aheadCursor) ?? [now.getTime(), ""];
    row = sqlite
      .prepare(
        `SELECT ${COLUMNS}, position FROM Card WHERE deckId = @deckId AND retired = 0 AND suspended = 0 AND state != 0
           AND (due > @due OR (due = @due AND id > @id)) ORDER BY due, id LIMIT 1`,
      )
      .get({ deckId: options.deckId, due: after[0], id: after[1] }) as typeof row;
    return { card: row ? toStudyCard(decodeCard(row), now, resolved.scheduler) : null, cursor: row ? encodeCursor([row.due, row.id]) : null };
  }
  const topic = options.topic ?? [];
  const after = decodeCursor(options.cursor, topicCursor) ?? [-1, ""];
  const cond = topic.length > 0 ? topicCondition(topic, "topic") : null;
  row = sqlite
    .prepare(
      `SELECT ${COLUMNS}, position FROM Card WHERE deckId = @deckId AND retired = 0 AND suspended = 0
         ${cond ? `AND ${cond.sql}` : ""} AND (position > @position OR (position = @position AND id > @id))
       ORDER BY position, id LIMIT 1`,
    )
    .get({ deckId: options.deckId, position: after[0], id: after[1], ...(cond?.params ?? {}) }) as typeof row;
  return { card: row ? toStudyCard(decodeCard(row), now, resolved.scheduler) : null, cursor: row ? encodeCursor([row.position, row.id]) : null };
}

export interface TopicCount {
  path: string[];
  /** cards under this topic, sub-topics included */
  count: number;
}

/** The deck's topic tree, every heading path with the number of cards under it. */
export async function deckTopics(options: { deckId: string; db?: Db }): Promise<TopicCount[]> {
  const { sqlite } = options.db ?? defaultDb();
  if (!optionsForDeck(sqlite, options.deckId)) throw new NotFoundError(`no deck with id ${options.deckId}`);
  // distinct paths are few (one per heading); the grouping runs in SQL
  const rows = sqlite
    .prepare(`SELECT topic, COUNT(*) AS n, MIN(position) AS first FROM Card WHERE deckId = ? AND retired = 0 GROUP BY topic ORDER BY first`)
    .all(options.deckId) as Array<{ topic: string; n: number }>;
  const counts = new Map<string, TopicCount>();
  for (const r of rows) {
    const path = JSON.parse(r.topic) as string[];
    for (let k = 1; k <= path.length; k++) {
      const prefix = path.slice(0, k);
      const key = JSON.stringify(prefix);
      const entry = counts.get(key) ?? { path: prefix, count: 0 };
      entry.count += r.n;
      counts.set(key, entry);
    }
  }
  return [...counts.values()];
}
