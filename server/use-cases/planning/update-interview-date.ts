import { MAX_BUDGET_MINUTES } from "@/lib/planning/budget";
import { MINUTES_TOO_MANY, type InterviewDateFields, type InterviewDateView } from "@/lib/planning/schemas";
import { db as defaultDb, type Db } from "../../db";
import { NotFoundError, ValidationError } from "../../errors";
import { findInterviewDate, updateInterviewDate as writeInterviewDate } from "../../store/interview-dates";
import { checkScope, toView } from "./interview-date-view";

/**
 * Changes an interview date's fields. Cards keep the dues they were given: the plan for the new
 * date (or scope, or target) applies from each card's next rating, as a new date would.
 */
export async function updateInterviewDate(options: { id: string; changes: Partial<InterviewDateFields>; now?: Date; db?: Db }): Promise<InterviewDateView> {
  const { sqlite } = options.db ?? defaultDb();
  const now = options.now ?? new Date();
  return sqlite
    .transaction(() => {
      const current = findInterviewDate(sqlite, options.id);
      if (!current) throw new NotFoundError(`no interview date with id ${options.id}`);
      const changes = Object.fromEntries(Object.entries(options.changes).filter(([, v]) => v !== undefined)) as Partial<InterviewDateFields>;
      if (changes.scope !== undefined) checkScope(sqlite, changes.scope);
      const next = { ...current, ...changes, updatedAt: now };
      // the request checks a budget and its unit given together; one changed alone meets the stored other here
      if (next.budgetUnit === "minutes" && next.dailyBudget !== null && next.dailyBudget > MAX_BUDGET_MINUTES) throw new ValidationError(MINUTES_TOO_MANY);
      writeInterviewDate(sqlite, next);
      return toView(sqlite, next, now);
    })
    .immediate();
}
