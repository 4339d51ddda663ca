/**
 * Cards that quizzes and mock interviews draw questions from: the chosen decks and topics as
 * SQL, and the columns a question is built from.
 */
import type { QuizCandidate } from "@/lib/quiz/build";
import type { QuizSettings } from "@/lib/quiz/schemas";
import type { Sqlite } from "../../db";
import { NotFoundError } from "../../errors";
import { namedTopicCondition } from "../../topic-sql";

type Scope = QuizSettings["scope"];

export interface CandidateRow {
  id: string;
  deckId: string;
  deckTitle: string;
  kind: string;
  topic: string;
  sourceLine: number;
  promptHtml: string;
  answerHtml: string;
  data: string;
}

export const CANDIDATE_COLUMNS = `c.id, c.deckId, d.title AS deckTitle, c.kind, c.topic, c.sourceLine, c.promptHtml, c.answerHtml, c.data`;

export const toCandidate = (r: CandidateRow): QuizCandidate => ({
  source: { cardId: r.id, deckId: r.deckId, deckTitle: r.deckTitle, topic: JSON.parse(r.topic) as string[], sourceLine: r.sourceLine },
  cardKind: r.kind,
  promptHtml: r.promptHtml,
  answerHtml: r.answerHtml,
  data: JSON.parse(r.data) as Record<string, unknown>,
});

/** The SQL condition for the chosen decks and topics, with its parameters. */
export function scopeCondition(scope: Scope): { sql: string; params: Record<string, string> } {
  const params: Record<string, string> = {};
  const parts = scope.map((s, i) => {
    params[`deck${i}`] = s.deckId;
    const topics = s.topics.filter((t) => t.length > 0).map((t, j) => namedTopicCondition(t, "c.topic", `t${i}_${j}`));
    for (const t of topics) Object.assign(params, t.params);
    return topics.length > 0 ? `(c.deckId = @deck${i} AND (${topics.map((t) => t.sql).join(" OR ")}))` : `c.deckId = @deck${i}`;
  });
  return { sql: `(${parts.join(" OR ")})`, params };
}

/** Every deck of the scope exists, or a 404 naming the first that does not. */
export function requireDecks(sqlite: Sqlite, scope: Scope): void {
  const known = new Set(
    sqlite
      .prepare<string[], { id: string }>(`SELECT id FROM Deck WHERE id IN (${scope.map(() => "?").join(", ")})`)
      .all(...scope.map((s) => s.deckId))
      .map((d) => d.id),
  );
  const missing = scope.find((s) => !known.has(s.deckId));
  if (missing) throw new NotFoundError(`no deck with id ${missing.deckId}`);
}
