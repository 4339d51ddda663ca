import { db as defaultDb, type Db } from "../../db";
import { NotFoundError } from "../../errors";
import { deleteInterviewDate } from "../../store/interview-dates";

/**
 * Removes an interview date. Only the date goes: the cards keep their FSRS state, and their next
 * ratings are plain FSRS again (the plan only ever chose a due, never the memory state).
 */
export async function removeInterviewDate(options: { id: string; db?: Db }): Promise<{ id: string; removed: true }> {
  const { sqlite } = options.db ?? defaultDb();
  if (!deleteInterviewDate(sqlite, options.id)) throw new NotFoundError(`no interview date with id ${options.id}`);
  return { id: options.id, removed: true };
}
