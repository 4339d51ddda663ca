/**
 * The report of an ended mock interview: the score, time per question, each question's
 * points covered and missed next to the model answer, a breakdown by topic, and the trend
 * of earlier interviews' scores.
 */
import { topicBreakdown, type TopicScore } from "@/lib/quiz/report";
import type { AnswerScore } from "@/lib/quiz/score";
import type { InterviewSettings } from "@/lib/interview/schemas";
import type { InterviewQuestion } from "@/lib/interview/types";
import { isTermList, type PointMatch } from "@/lib/interview/rubric";
import { db as defaultDb, type Db } from "../../db";
import { ConflictError } from "../../errors";
import { listInterviewQuestions, scoreTrend } from "../../store/interviews";
import { missedCards } from "./missed-cards";
import { settle } from "./rules";

export interface ReportQuestion {
  position: number;
  question: InterviewQuestion;
  answered: boolean;
  autoSubmitted: boolean;
  /** open: the text; choice/ordering: the answer */
  answer: unknown;
  /** open: per point, covered (the user's ticks, else the automatic ones) with the evidence */
  points: Array<{ covered: boolean; confirmed: boolean; match: PointMatch | null }> | null;
  result: AnswerScore | null;
  score: number;
  /** open: the answer is a bare list of terms, so its score is capped at TERM_LIST_MAX */
  termList: boolean;
  durationMs: number | null;
}

export interface InterviewReport {
  id: string;
  seed: string;
  settings: InterviewSettings;
  practice: boolean;
  createdAt: string;
  finishedAt: string;
  /** mean of the questions' scores, 0..1 */
  score: number;
  totalMs: number;
  questions: ReportQuestion[];
  topics: TopicScore[];
  /** this and earlier ended interviews, oldest first (at most 20) */
  trend: Array<{ id: string; createdAt: string; score: number }>;
  /** when "study what I missed" ran */
  missedStudied: string | null;
  /** how many cards "study what I missed" queues (missed-cards.ts): the button says this number */
  missedCards: number;
}

export async function interviewReport(options: { interviewId: string; now?: Date; db?: Db }): Promise<InterviewReport> {
  const database = options.db ?? defaultDb();
  const { sqlite } = database;
  const interview = settle(database, options.interviewId, options.now ?? new Date());
  if (interview.finishedAt === null) throw new ConflictError("the interview is still in progress: its report comes when it ends");
  const rows = listInterviewQuestions(sqlite, interview.id);
  const questions: ReportQuestion[] = rows.map((r) => {
    const { question, matches, ticks, answer } = r;
    return {
      position: r.position,
      question,
      answered: r.submittedAt !== null && answer !== null,
      autoSubmitted: r.autoSubmitted,
      answer,
      points:
        question.kind === "open"
          ? question.points.map((_, i) => ({ covered: ticks?.[i] ?? matches?.[i]?.covered ?? false, confirmed: ticks !== null, match: matches?.[i] ?? null }))
          : null,
      result: r.result,
      score: r.score ?? 0,
      termList: question.kind === "open" && isTermList(r.draft),
      durationMs: r.durationMs,
    };
  });
  const trend = scoreTrend(sqlite, interview.createdAt);
  return {
    id: interview.id,
    seed: interview.seed,
    settings: interview.settings,
    practice: interview.practice,
    createdAt: new Date(interview.createdAt).toISOString(),
    finishedAt: new Date(interview.finishedAt).toISOString(),
    score: interview.score ?? 0,
    totalMs: questions.reduce((s, q) => s + (q.durationMs ?? 0), 0),
    questions,
    topics: topicBreakdown(questions.map((q) => ({ source: q.question.source, score: q.answered ? q.score : null }))),
    trend: trend.map((t) => ({ id: t.id, createdAt: new Date(t.createdAt).toISOString(), score: t.score })),
    missedStudied: interview.missedStudied === null ? null : new Date(interview.missedStudied).toISOString(),
    missedCards: missedCards(sqlite, rows).length,
  };
}
