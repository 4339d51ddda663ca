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
import { CANDIDATE_COLUMNS, rankParams, rankSql, scopeCondition, toCandidate, type CandidateRow } from "../../store/quiz-candidates";
import { requireDecks } from "../quiz/rules";

const DAY = 86_400_000;

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
  const scope = scopeCondition(settings.scope);
  const kinds = ["open", ...(settings.allowChoice ? ["choice"] : []), ...(settings.allowOrdering ? ["ordering"] : [])];
  const weakness = `
    (CASE WHEN EXISTS (SELECT 1 FROM QuizQuestion q WHERE q.cardId = c.id AND q.answeredAt >= @since AND q.score < 0.999999)
            OR EXISTS (SELECT 1 FROM InterviewQuestion i WHERE i.cardId = c.id AND i.submittedAt >= @since AND COALESCE(i.score, 0) < 0.999999)
          THEN 0 ELSE 1 END),
    (CASE WHEN c.lastReview IS NULL OR c.stability <= 0 THEN 1 ELSE 0 END),
    -((@now - COALESCE(c.lastReview, @now)) * 1.0 / (MAX(c.stability, 0.01) * ${DAY})),`;
  const rows = sqlite
    .prepare<Record<string, string | number>, CandidateRow>(
      `SELECT ${CANDIDATE_COLUMNS} FROM Card c JOIN Deck d ON d.id = c.deckId
       WHERE c.retired = 0 AND c.suspended = 0 AND c.kind IN (${kinds.map((k) => `'${k}'`).join(", ")}) AND ${scope.sql}
       ORDER BY (c.kind != 'open'), ${settings.weakFirst ? weakness : ""} ${rankSql("c.id")}, c.id
       LIMIT @limit`,
    )
    .all({ ...scope.params, ...rankParams(seed), limit: settings.count * 2 + 10, now: now.getTime(), since: now.getTime() - 30 * DAY });

  const questions: InterviewQuestion[] = [];
  for (const row of rows) {
    if (questions.length >= settings.count) break;
    const c = toCandidate(row);
    if (row.kind === "open") {
      const q = openQuestion(c.source, c.promptHtml, c.data);
      if (q) questions.push(q);
    } else if (row.kind === "choice" || row.kind === "ordering") {
      const q = makeQuestion(row.kind, c, [], seed);
      if (!("reason" in q) && (q.kind === "choice" || q.kind === "ordering")) questions.push(q);
    }
  }
  if (questions.length === 0) throw new ValidationError("no interview question can be made from the chosen decks and topics: they have no open questions (Interview: cards) to ask", "no_questions");

  const id = crypto.randomBytes(10).toString("hex");
  sqlite.transaction(() => {
    sqlite
      .prepare(
        `INSERT INTO Interview (id, seed, settings, practice, createdAt, deadline, questionCount)
         VALUES (@id, @seed, @settings, @practice, @createdAt, @deadline, @questionCount)`,
      )
      .run({
        id,
        seed,
        settings: JSON.stringify({ ...settings, seed }),
        practice: settings.practice ? 1 : 0,
        createdAt: now.getTime(),
        deadline: !settings.practice && settings.totalSeconds !== null ? now.getTime() + settings.totalSeconds * 1000 : null,
        questionCount: questions.length,
      });
    const insert = sqlite.prepare(`INSERT INTO InterviewQuestion (interviewId, position, cardId, kind, question) VALUES (?, ?, ?, ?, ?)`);
    questions.forEach((q, position) => insert.run(id, position, q.source.cardId, q.kind, JSON.stringify(q)));
  })();
  return { id, seed, questionCount: questions.length };
}
