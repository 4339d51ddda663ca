import type { InterviewDateList } from "@/lib/planning/schemas";
import { db as defaultDb, type Db } from "../../db";
import { listInterviewDates as readInterviewDates } from "../../store/interview-dates";
import { learnerSecondsPerReview, toView } from "./interview-date-view";

/** Every interview date, soonest first, past ones included (they show as past until removed). */
export async function listInterviewDates(options: { now?: Date; db?: Db } = {}): Promise<InterviewDateList> {
  const { sqlite } = options.db ?? defaultDb();
  const now = options.now ?? new Date();
  // the learner's pace (a budget in minutes) is one read for every date shown
  const seconds = learnerSecondsPerReview(sqlite);
  return { interviewDates: readInterviewDates(sqlite).map((d) => toView(sqlite, d, now, seconds)) };
}
