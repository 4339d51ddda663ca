/** Starting the current question: its clock runs from now, to the earlier of its own limit and the interview's deadline. */
import { db as defaultDb, type Db } from "../../db";
import { ConflictError } from "../../errors";
import { startQuestionClock } from "../../store/interview-answers";
import { listInterviewQuestions } from "../../store/interviews";
import { getInterview, type InterviewView } from "./get-interview";
import { currentOf, settle } from "./rules";

export async function startQuestion(options: { interviewId: string; position: number; now?: Date; db?: Db }): Promise<InterviewView> {
  const database = options.db ?? defaultDb();
  const { sqlite } = database;
  const now = options.now ?? new Date();
  const interview = settle(database, options.interviewId, now);
  if (interview.finishedAt !== null) throw new ConflictError("this interview has ended");
  if (interview.pausedAt !== null) throw new ConflictError("this interview is paused: resume it first");
  sqlite
    .transaction(() => {
      const current = currentOf(listInterviewQuestions(sqlite, interview.id));
      if (!current || current.position !== options.position) {
        throw new ConflictError(`question ${options.position} is not the current question${current ? ` (${current.position})` : ""}`);
      }
      if (current.shownAt !== null) return; // already running: starting again changes nothing
      const perQuestion = interview.settings.secondsPerQuestion;
      const limits = [!interview.practice && perQuestion !== null ? now.getTime() + perQuestion * 1000 : null, interview.deadline].filter((d): d is number => d !== null);
      startQuestionClock(sqlite, current, now.getTime(), limits.length > 0 ? Math.min(...limits) : null);
    })
    .immediate();
  return getInterview({ interviewId: interview.id, now, db: database });
}
