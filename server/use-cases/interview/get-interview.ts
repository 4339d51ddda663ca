/**
 * A mock interview as the browser resumes it: the current question (its clock, its saved
 * draft) and the last open answer still waiting for its self-grading. The clock is applied
 * first (settle), so a reload after a deadline finds the answer submitted.
 */
import { isTermList, TERM_LIST_MAX, type PointMatch } from "@/lib/interview/rubric";
import type { InterviewSettings } from "@/lib/interview/schemas";
import { publicInterviewQuestion, type InterviewQuestion, type PublicInterviewQuestion } from "@/lib/interview/types";
import { db as defaultDb, type Db } from "../../db";
import { listInterviewQuestions, type StoredInterviewQuestion } from "../../store/interviews";
import { currentOf, settle } from "./rules";

export interface InterviewView {
  id: string;
  seed: string;
  settings: InterviewSettings;
  practice: boolean;
  paused: boolean;
  /** the whole interview's deadline, if it has one */
  deadline: string | null;
  serverNow: string;
  finished: boolean;
  questionCount: number;
  /** per position: the score so far, null while not submitted */
  progress: Array<number | null>;
  current: {
    position: number;
    /** false until the user starts it: its clock runs from then */
    started: boolean;
    /** the question (only once started) */
    question: PublicInterviewQuestion | null;
    shownAt: string | null;
    deadline: string | null;
    draft: string;
  } | null;
  /** the most recent open answer whose points the user has not confirmed yet */
  toGrade: GradingView | null;
}

export interface GradingView {
  position: number;
  question: InterviewQuestion;
  text: string;
  autoSubmitted: boolean;
  matches: PointMatch[];
  ticks: boolean[] | null;
  /** the answer is a bare list of terms: it scores at most termListMax, however it is ticked */
  termList: boolean;
  termListMax: number;
}

export function gradingView(row: StoredInterviewQuestion): GradingView | null {
  const { question } = row;
  if (question.kind !== "open" || row.submittedAt === null) return null;
  const text = row.answer !== null && "text" in row.answer ? row.answer.text : "";
  return {
    position: row.position,
    question,
    text,
    autoSubmitted: row.autoSubmitted,
    matches: row.matches ?? [],
    ticks: row.ticks,
    termList: isTermList(text),
    termListMax: TERM_LIST_MAX,
  };
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export async function getInterview(options: { interviewId: string; now?: Date; db?: Db }): Promise<InterviewView> {
  const database = options.db ?? defaultDb();
  const now = options.now ?? new Date();
  const interview = settle(database, options.interviewId, now);
  const rows = listInterviewQuestions(database.sqlite, interview.id);
  const current = interview.finishedAt === null ? currentOf(rows) : undefined;
  const lastSubmitted = [...rows].reverse().find((r) => r.submittedAt !== null);
  const toGrade = lastSubmitted && lastSubmitted.ticks === null ? gradingView(lastSubmitted) : null;
  return {
    id: interview.id,
    seed: interview.seed,
    settings: interview.settings,
    practice: interview.practice,
    paused: interview.pausedAt !== null,
    deadline: iso(interview.deadline),
    serverNow: now.toISOString(),
    finished: interview.finishedAt !== null,
    questionCount: interview.questionCount,
    progress: rows.map((r) => (r.submittedAt === null ? null : (r.score ?? 0))),
    current: current
      ? {
          position: current.position,
          started: current.shownAt !== null,
          question: current.shownAt !== null ? publicInterviewQuestion(current.question) : null,
          shownAt: iso(current.shownAt),
          deadline: iso(current.deadline),
          draft: current.draft,
        }
      : null,
    toGrade,
  };
}
