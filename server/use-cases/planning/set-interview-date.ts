import crypto from "node:crypto";
import type { InterviewDateFields, InterviewDateView } from "@/lib/planning/schemas";
import { db as defaultDb, type Db } from "../../db";
import { insertInterviewDate } from "../../store/interview-dates";
import { checkScope, toView } from "./interview-date-view";

/**
 * Adds an interview date. From the next rating on, the cards in its scope are scheduled by the
 * plan until the date; nothing is rescheduled now (each card's due moves at its own next review).
 */
export async function setInterviewDate(options: { fields: InterviewDateFields; now?: Date; db?: Db }): Promise<InterviewDateView> {
  const { sqlite } = options.db ?? defaultDb();
  const now = options.now ?? new Date();
  return sqlite
    .transaction(() => {
      checkScope(sqlite, options.fields.scope);
      const d = { id: crypto.randomBytes(10).toString("hex"), ...options.fields, createdAt: now, updatedAt: now };
      insertInterviewDate(sqlite, d);
      return toView(sqlite, d, now);
    })
    .immediate();
}
