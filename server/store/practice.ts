/**
 * Practice outside the schedule: a deck's cards already studied and not due yet (soonest first),
 * its cards under a topic in content order, each walked with a keyset cursor one card at a
 * time; and the deck's topics with their card counts. Nothing here writes.
 *
 * Card rows are the study queue's (CARD_COLUMNS, decoded by decodeCard); topic paths are JSON
 * text, decoded here.
 */
import { sql as raw, type ExpressionBuilder } from "kysely";
import { z } from "zod";
import type { Sqlite } from "../db";
import type { DB } from "../generated/kysely/types";
import { topicPatterns } from "../topic-sql";
import { decodeRow, jsonColumn } from "./json-column";
import { prepared, sql } from "./sql";
import { CARD_COLUMNS, decodeCard, type CardRow, type ScheduledCard } from "./study-queue";

const lit = raw.lit;

/** A card as practice shows it, with its place in the deck (for the topic walk's cursor). */
export type PracticeCard = ScheduledCard & { position: number };

/** A deck's live cards not suspended. */
const practicable = (deckId: string) =>
  sql.selectFrom("Card").select([...CARD_COLUMNS, "position"]).where("deckId", "=", deckId).where("retired", "=", lit(0)).where("suspended", "=", lit(0));

const aheadStatement = prepared((p: { deckId: string; due: number; id: string }) =>
  practicable(p.deckId)
    .where("state", "!=", lit(0))
    .where((eb) => eb.or([eb("due", ">", p.due), eb.and([eb("due", "=", p.due), eb("id", ">", p.id)])]))
    .orderBy("due")
    .orderBy("id")
    .limit(lit(1)),
);

type TopicWalk = { deckId: string; position: number; id: string };
const afterPosition = (p: TopicWalk) => (eb: ExpressionBuilder<DB, "Card">) =>
  eb.or([eb("position", ">", p.position), eb.and([eb("position", "=", p.position), eb("id", ">", p.id)])]);
const deckStatement = prepared((p: TopicWalk) => practicable(p.deckId).where(afterPosition(p)).orderBy("position").orderBy("id").limit(lit(1)));
const topicStatement = prepared((p: TopicWalk & { exact: string; prefix: string }) =>
  practicable(p.deckId)
    .where((eb) => eb.or([eb("topic", "=", p.exact), raw<boolean>`${eb.ref("topic")} LIKE ${p.prefix} ESCAPE '\\'`]))
    .where(afterPosition(p))
    .orderBy("position")
    .orderBy("id")
    .limit(lit(1)),
);

const practiceCard = (row: CardRow & { position: number }): PracticeCard => ({ ...decodeCard(row), position: row.position });

/** The deck's next studied card due after (due, id), not suspended. */
export function nextCardAhead(sqlite: Sqlite, p: { deckId: string; due: number; id: string }): PracticeCard | undefined {
  const row = aheadStatement.first(sqlite, p);
  return row === undefined ? undefined : practiceCard(row);
}

/** The deck's next card after (position, id) in content order, under `topic` and its sub-topics ([]: the whole deck), not suspended. */
export function nextCardOfTopic(sqlite: Sqlite, p: TopicWalk & { topic: string[] }): PracticeCard | undefined {
  const at = { deckId: p.deckId, position: p.position, id: p.id };
  const row = p.topic.length > 0 ? topicStatement.first(sqlite, { ...at, ...topicPatterns(p.topic) }) : deckStatement.first(sqlite, at);
  return row === undefined ? undefined : practiceCard(row);
}

const topicCountSchema = z.object({ topic: jsonColumn(z.array(z.string())), n: z.number(), first: z.number() });
/** A heading path with the number of the deck's live cards whose own path it is, and its first card's position. */
export type TopicCountRow = z.output<typeof topicCountSchema>;

const topicCounts = prepared((p: { deckId: string }) =>
  sql
    .selectFrom("Card")
    .select((eb) => ["topic", eb.fn.countAll<number>().as("n"), eb.fn.min("position").as("first")])
    .where("deckId", "=", p.deckId)
    .where("retired", "=", lit(0))
    .groupBy("topic")
    .orderBy("first"),
);

/** Each distinct topic of the deck's live cards with its count, in the order of their first cards. */
export function deckTopicCounts(sqlite: Sqlite, deckId: string): TopicCountRow[] {
  return topicCounts.all(sqlite, { deckId }).map((r) => decodeRow(topicCountSchema, r, `Card topic ${JSON.stringify(r.topic)} of deck ${deckId}`));
}
