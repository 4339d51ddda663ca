/**
 * The writes of an Anki import (use-cases/anki/import-anki-package.ts): its decks, its cards
 * (content by GUID-derived id, schedule and study flags), and its reviews keyed by the revlog
 * row. The caller runs them in one transaction.
 */
import type { Sqlite } from "../db";
import type { SchedRow } from "@/lib/scheduling";
import { scheduleValues } from "./cards";
import { all, first, prepared, sql } from "./sql";

/** Cards that came from Anki (their ids start so, see lib/anki/notes.ts ankiCardId). */
export function ankiCards(sqlite: Sqlite) {
  return all(sqlite, sql.selectFrom("Card").select(["id", "deckId", "kind", "prompt", "answer", "promptHtml", "answerHtml", "data"]).where("id", "like", "anki-%"));
}

/** Idempotency keys of reviews imported from Anki (`anki:<card>:<revlog id>`). */
export function ankiReviewKeys(sqlite: Sqlite): Set<string> {
  return new Set(all(sqlite, sql.selectFrom("Review").select("idempotencyKey").where("idempotencyKey", "like", "anki:%")).map((r) => r.idempotencyKey ?? ""));
}

export function maxPosition(sqlite: Sqlite, deckId: string): number {
  return first(sqlite, sql.selectFrom("Card").select((eb) => eb.fn.max("position").as("n")).where("deckId", "=", deckId))?.n ?? -1;
}

/** A deck from Anki, made once: a later import leaves its title and preset as the user has them. */
export const insertDeck = prepared((p: { id: string; title: string; groupPath: string; source: string; now: number }) =>
  sql
    .insertInto("Deck")
    .values({ id: p.id, source: p.source, title: p.title, description: "", tags: "[]", language: "", groupPath: p.groupPath, notesMode: 0, contentHash: "", importedAt: p.now })
    .onConflict((oc) => oc.column("id").doNothing()),
);

type Content = { kind: string; prompt: string; answer: string; promptHtml: string; answerHtml: string; data: string };
type Schedule = SchedRow & {
  suspended: number;
  buriedUntil: number | null;
  flag: number;
};

export const insertCard = prepared((p: { id: string; deckId: string; position: number; now: number } & Content & Schedule) =>
  sql.insertInto("Card").values({
    id: p.id,
    deckId: p.deckId,
    kind: p.kind,
    topic: "[]",
    position: p.position,
    sourceLine: 0,
    prompt: p.prompt,
    answer: p.answer,
    promptHtml: p.promptHtml,
    answerHtml: p.answerHtml,
    data: p.data,
    createdAt: p.now,
    updatedAt: p.now,
    ...scheduleValues(p),
    suspended: p.suspended,
    buriedUntil: p.buriedUntil,
    flag: p.flag,
  }),
);

/** A changed note: the card's content, in place (same id, same history). */
export const updateCardContent = prepared((p: { id: string; now: number } & Content) =>
  sql
    .updateTable("Card")
    .set({ kind: p.kind, prompt: p.prompt, answer: p.answer, promptHtml: p.promptHtml, answerHtml: p.answerHtml, data: p.data, retired: 0, updatedAt: p.now })
    .where("id", "=", p.id),
);

/** The schedule and study flags Anki has for a card that brought new reviews. */
export const updateCardSchedule = prepared((p: { id: string; now: number } & Schedule) =>
  sql
    .updateTable("Card")
    .set({ ...scheduleValues(p), suspended: p.suspended, buriedUntil: p.buriedUntil, flag: p.flag, updatedAt: p.now })
    .where("id", "=", p.id),
);

export const insertReview = prepared(
  (p: { cardId: string; deckId: string; rating: number; prevState: number; reviewedAt: number; durationMs: number | null; idempotencyKey: string; before: string; state: number; due: number; stability: number; difficulty: number; scheduledDays: number }) =>
    sql.insertInto("Review").values({
      cardId: p.cardId,
      deckId: p.deckId,
      rating: p.rating,
      prevState: p.prevState,
      reviewedAt: p.reviewedAt,
      durationMs: p.durationMs,
      source: "anki",
      idempotencyKey: p.idempotencyKey,
      before: p.before,
      state: p.state,
      due: p.due,
      stability: p.stability,
      difficulty: p.difficulty,
      scheduledDays: p.scheduledDays,
    }),
);
