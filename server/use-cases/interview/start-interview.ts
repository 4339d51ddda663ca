/**
 * Setting up a mock interview: open questions first, then (when allowed) choice and ordering
 * questions, drawn from the chosen decks and topics in a seeded order, or the weakest first:
 * cards answered wrong in a quiz or interview in the last 30 days, then the cards with the
 * lowest retrievability now (the most time elapsed per day of stability), new cards last.
 */
import crypto from "node:crypto";
import { z } from "zod";
import { makeQuestion } from "@/lib/quiz/build";
import { createInterviewSchema, type CreateInterviewRequest } from "@/lib/interview/schemas";
import { openQuestion, type InterviewQuestion } from "@/lib/interview/types";
import { db as defaultDb, type Db } from "../../db";
import { ValidationError } from "../../errors";
import { interviewCandidates } from "../../store/interview-candidates";
import { insertInterview, insertInterviewQuestion } from "../../store/interviews";
import { rankParams } from "../../store/quiz-candidates";
import { requireDecks } from "../quiz/rules";

export interface StartedInterview {
  id: string;
  seed: string;
  questionCount: number;
}

export async function startInterview(options: { settings: CreateInterviewRequest; now?: Date; db?: Db }): Promise<StartedInterview> {
  const database = options.db ?? defaultDb();
  const { sqlite } = database;
  const now = options.now ?? new Date();
  const parsed = createInterviewSchema.safeParse(options.settings);
  if (!parsed.success) throw new ValidationError(z.prettifyError(parsed.error));
  const settings = parsed.data;
  const seed = settings.seed ?? crypto.randomBytes(4).toString("hex");
  requireDecks(sqlite, settings.scope);
  const kinds = ["open", ...(settings.allowChoice ? ["choice"] : []), ...(settings.allowOrdering ? ["ordering"] : [])];
  const candidates = interviewCandidates(sqlite, {
    scope: settings.scope,
    kinds,
    rank: rankParams(seed),
    weakFirst: settings.weakFirst,
    now: now.getTime(),
    limit: settings.count * 2 + 10,
  });

  const questions: InterviewQuestion[] = [];
  for (const c of candidates) {
    if (questions.length >= settings.count) break;
    if (c.cardKind === "open") {
      const q = openQuestion(c.source, c.promptHtml, c.data);
      if (q) questions.push(q);
    } else if (c.cardKind === "choice" || c.cardKind === "ordering") {
      const q = makeQuestion(c.cardKind, c, [], seed);
      if (!("reason" in q) && (q.kind === "choice" || q.kind === "ordering")) questions.push(q);
    }
  }
  if (questions.length === 0) throw new ValidationError("no interview question can be made from the chosen decks and topics: they have no open questions (Interview: cards) to ask", "no_open_questions");

  const id = crypto.randomBytes(10).toString("hex");
  sqlite.transaction(() => {
    insertInterview(sqlite, {
      id,
      seed,
      settings: { ...settings, seed },
      practice: settings.practice,
      createdAt: now.getTime(),
      deadline: !settings.practice && settings.totalSeconds !== null ? now.getTime() + settings.totalSeconds * 1000 : null,
      questionCount: questions.length,
    });
    questions.forEach((q, position) => insertInterviewQuestion(sqlite, id, position, q));
  })();
  return { id, seed, questionCount: questions.length };
}
