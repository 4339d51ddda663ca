/** Saving what is typed so far (autosave): only for the running question, before its deadline. */
import { db as defaultDb, type Db } from "../../db";
import { ConflictError } from "../../errors";
import { saveQuestionDraft } from "../../store/interview-answers";
import { listInterviewQuestions } from "../../store/interviews";
import { currentOf, DEADLINE_GRACE_MS, settle } from "./rules";

export async function saveDraft(options: { interviewId: string; position: number; text: string; now?: Date; db?: Db }): Promise<{ savedAt: string }> {
  const database = options.db ?? defaultDb();
  const { sqlite } = database;
  const now = options.now ?? new Date();
  const interview = settle(database, options.interviewId, now);
  if (interview.finishedAt !== null) throw new ConflictError("this interview has ended: the draft was not saved");
  sqlite
    .transaction(() => {
      const current = currentOf(listInterviewQuestions(sqlite, interview.id));
      if (!current || current.position !== options.position) throw new ConflictError(`question ${options.position} is not being answered: the draft was not saved`);
      if (current.shownAt === null) throw new ConflictError(`question ${options.position} has not started`);
      if (current.deadline !== null && now.getTime() > current.deadline + DEADLINE_GRACE_MS) throw new ConflictError("time is up: the draft was not saved");
      saveQuestionDraft(sqlite, current, options.text, now.getTime());
    })
    .immediate();
  return { savedAt: now.toISOString() };
}
