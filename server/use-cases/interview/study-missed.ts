/**
 * "Study what I missed": every card behind a question not fully covered gets an Again review
 * (source "interview"), so the scheduler makes it due within minutes and the next study
 * session starts with it. Runs once per interview: the reviews' idempotency keys make a
 * second run record nothing.
 */
import { db as defaultDb, type Db } from "../../db";
import { ConflictError } from "../../errors";
import { reviewInTransaction } from "../study";
import { interviewQuestions, interviewRow } from "./store";

export interface StudyMissedResult {
  /** cards given an Again review now */
  recorded: number;
  /** cards behind missed points (recorded now or before) */
  cards: number;
  /** when the first of them is due */
  dueAt: string | null;
}

export async function studyMissed(options: { interviewId: string; now?: Date; db?: Db }): Promise<StudyMissedResult> {
  const database = options.db ?? defaultDb();
  const { sqlite } = database;
  const now = options.now ?? new Date();
  return sqlite
    .transaction((): StudyMissedResult => {
      const interview = interviewRow(sqlite, options.interviewId);
      if (interview.finishedAt === null) throw new ConflictError("the interview is still in progress");
      const missed = interviewQuestions(sqlite, interview.id).filter((q) => (q.score ?? 0) < 0.999999);
      const retired = new Set(
        (sqlite.prepare(`SELECT id FROM Card WHERE retired = 1 AND id IN (${missed.map(() => "?").join(", ") || "''"})`).all(...missed.map((q) => q.cardId)) as Array<{ id: string }>).map((r) => r.id),
      );
      let recorded = 0;
      let dueAt: number | null = null;
      const seen = new Set<string>();
      for (const q of missed) {
        if (retired.has(q.cardId) || seen.has(q.cardId)) continue;
        seen.add(q.cardId);
        const review = reviewInTransaction(database, { cardId: q.cardId, rating: 1, now, source: "interview", idempotencyKey: `interview:${interview.id}:${q.position}:missed` });
        if (review.recorded) {
          recorded++;
          sqlite.prepare("UPDATE InterviewQuestion SET reviewId = ? WHERE interviewId = ? AND position = ?").run(review.reviewId, interview.id, q.position);
        }
        const due = Date.parse(review.due);
        dueAt = dueAt === null ? due : Math.min(dueAt, due);
      }
      if (interview.missedStudied === null) sqlite.prepare("UPDATE Interview SET missedStudied = ? WHERE id = ?").run(now.getTime(), interview.id);
      return { recorded, cards: seen.size, dueAt: dueAt === null ? null : new Date(dueAt).toISOString() };
    })
    .immediate();
}
