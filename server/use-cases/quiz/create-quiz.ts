/**
 * Creating a quiz from settings and a seed (or from the wrong answers of an earlier quiz).
 * Candidates are ranked in SQL by the seed and only the first few of each kind are read,
 * so a quiz over 100,000 cards reads a few hundred rows; lib/quiz builds the questions.
 */
import crypto from "node:crypto";
import { z } from "zod";
import { buildFixedQuiz, buildQuiz, type BuiltQuiz, type QuizCandidate } from "@/lib/quiz/build";
import type { Term } from "@/lib/quiz/distractors";
import { createQuizSchema, type CreateQuizRequest, type QuizSettings } from "@/lib/quiz/schemas";
import { RIGHT } from "@/lib/quiz/score";
import { QUIZ_KINDS, type QuizKind } from "@/lib/quiz/types";
import { db as defaultDb, type Db, type Sqlite } from "../../db";
import { ConflictError, ValidationError } from "../../errors";
import { CANDIDATE_COLUMNS, requireDecks, scopeCondition, toCandidate, type CandidateRow } from "./candidates";
import { parseQuestion, questionRows, quizRow, rankParams, rankSql, settingsOf } from "./store";

/** Most terms a deck lends to distractors in one quiz. */
const POOL_LIMIT = 2_000;

/** Whether a card has a short answer to type; the same expression as Card_quiz_candidates_idx. */
const HAS_SHORT_ANSWER = `(json_extract(c.data, '$.typeAnswer.expected') IS NOT NULL)`;

/** Which cards can be asked as each kind, on the columns of Card_quiz_candidates_idx. */
const ELIGIBLE: Record<QuizKind, string> = {
  choice: "c.kind = 'choice'",
  ordering: "c.kind = 'ordering'",
  typed: `c.kind IN ('basic', 'cloze') AND ${HAS_SHORT_ANSWER} = 1`,
  generated: `c.kind IN ('basic', 'cloze') AND ${HAS_SHORT_ANSWER} = 1`,
};
/** What the index cannot tell, checked on the few ranked rows: a generated choice needs one term. */
const ELIGIBLE_ROW: Partial<Record<QuizKind, string>> = {
  generated: "(c.kind = 'basic' OR json_array_length(c.data, '$.cloze') = 1) AND coalesce(json_extract(c.data, '$.typeAnswer.term'), 1) = 1",
};

/** The deck's short answers that generated choices draw wrong options from. */
function termPool(sqlite: Sqlite, deckId: string, seed: string): Term[] {
  const rows = sqlite
    .prepare<{ deckId: string; rankA: number; rankB: number; limit: number }, { id: string; topic: string; expected: string; aliases: string | null }>(
      `SELECT c.id, c.topic, json_extract(c.data, '$.typeAnswer.expected') AS expected, json_extract(c.data, '$.typeAnswer.aliases') AS aliases
       FROM (SELECT c.id FROM Card c WHERE c.deckId = @deckId AND c.retired = 0 AND c.suspended = 0 AND ${ELIGIBLE.generated}
             ORDER BY ${rankSql("c.id")}, c.id LIMIT @limit) ranked
       JOIN Card c ON c.id = ranked.id
       WHERE ${ELIGIBLE_ROW.generated}`,
    )
    .all({ deckId, ...rankParams(seed), limit: POOL_LIMIT });
  return rows.map((r) => ({ cardId: r.id, text: r.expected, aliases: r.aliases ? (JSON.parse(r.aliases) as string[]) : [], topic: JSON.parse(r.topic) as string[] }));
}

function poolsFor(sqlite: Sqlite, deckIds: Iterable<string>, seed: string): Record<string, Term[]> {
  const pools: Record<string, Term[]> = {};
  for (const deckId of new Set(deckIds)) pools[deckId] = termPool(sqlite, deckId, seed);
  return pools;
}

export interface CreatedQuiz {
  id: string;
  seed: string;
  questionCount: number;
  /** cards that could not make a question, and why */
  skipped: BuiltQuiz["skipped"];
}

const newId = () => crypto.randomBytes(10).toString("hex");
const newSeed = () => crypto.randomBytes(4).toString("hex");

function store(database: Db, built: BuiltQuiz, quiz: { seed: string; settings: QuizSettings; retakeOf: string | null; now: Date }): CreatedQuiz {
  const id = newId();
  const { sqlite } = database;
  const insertQuiz = sqlite.prepare(
    `INSERT INTO Quiz (id, seed, settings, practice, retakeOf, skipped, createdAt, deadline, questionCount)
     VALUES (@id, @seed, @settings, @practice, @retakeOf, @skipped, @createdAt, @deadline, @questionCount)`,
  );
  const insertQuestion = sqlite.prepare(
    `INSERT INTO QuizQuestion (quizId, position, cardId, kind, question) VALUES (@quizId, @position, @cardId, @kind, @question)`,
  );
  const { timeLimitSec } = quiz.settings;
  sqlite.transaction(() => {
    insertQuiz.run({
      id,
      seed: quiz.seed,
      settings: JSON.stringify(quiz.settings),
      practice: quiz.settings.practice ? 1 : 0,
      retakeOf: quiz.retakeOf,
      skipped: JSON.stringify(built.skipped),
      createdAt: quiz.now.getTime(),
      deadline: timeLimitSec === null ? null : quiz.now.getTime() + timeLimitSec * 1000,
      questionCount: built.questions.length,
    });
    built.questions.forEach((q, position) =>
      insertQuestion.run({ quizId: id, position, cardId: q.source.cardId, kind: q.kind, question: JSON.stringify(q) }),
    );
  })();
  return { id, seed: quiz.seed, questionCount: built.questions.length, skipped: built.skipped };
}

function noQuestions(built: BuiltQuiz): ValidationError {
  const reasons = [...new Set(built.skipped.map((s) => s.reason))].slice(0, 3);
  return new ValidationError(
    `no question can be made from the chosen decks, topics and kinds${reasons.length > 0 ? `: ${reasons.join("; ")}` : ""}`,
    "no_questions",
  );
}

export interface CreateQuizOptions {
  settings: CreateQuizRequest;
  now?: Date;
  db?: Db;
}

export async function createQuiz(options: CreateQuizOptions): Promise<CreatedQuiz> {
  const database = options.db ?? defaultDb();
  const { sqlite } = database;
  const now = options.now ?? new Date();
  const parsed = createQuizSchema.safeParse(options.settings);
  if (!parsed.success) throw new ValidationError(z.prettifyError(parsed.error));
  const settings = parsed.data;
  const seed = settings.seed ?? newSeed();

  requireDecks(sqlite, settings.scope);

  const scope = scopeCondition(settings.scope);
  // enough candidates of each kind for every question, and for generated ones that lack distractors
  const limit = settings.count * 3 + 10;
  const buckets: Partial<Record<QuizKind, QuizCandidate[]>> = {};
  for (const kind of settings.kinds) {
    const rows = sqlite
      .prepare<Record<string, string | number>, CandidateRow>(
        // ranked on the index alone; only the chosen rows are read
        `SELECT ${CANDIDATE_COLUMNS}
         FROM (SELECT c.id, ${rankSql("c.id")} AS rank FROM Card c
               WHERE c.retired = 0 AND c.suspended = 0 AND ${ELIGIBLE[kind]} AND ${scope.sql}
               ORDER BY rank, c.id LIMIT @limit) ranked
         JOIN Card c ON c.id = ranked.id JOIN Deck d ON d.id = c.deckId
         ${ELIGIBLE_ROW[kind] ? `WHERE ${ELIGIBLE_ROW[kind]}` : ""}
         ORDER BY ranked.rank, c.id`,
      )
      .all({ ...scope.params, ...rankParams(seed), limit });
    buckets[kind] = rows.map(toCandidate);
  }
  const pools = settings.kinds.includes("generated") ? poolsFor(sqlite, (buckets.generated ?? []).map((c) => c.source.deckId), seed) : {};
  const built = buildQuiz({ seed, count: settings.count, kinds: settings.kinds, buckets, pools });
  if (built.questions.length === 0) throw noQuestions(built);
  return store(database, built, { seed, settings: { ...settings, seed }, retakeOf: null, now });
}

export interface RetakeQuizOptions {
  quizId: string;
  /** default: as the quiz being retaken */
  practice?: boolean;
  seed?: string;
  now?: Date;
  db?: Db;
}

/** A new quiz of the questions a finished quiz got wrong (or left unanswered), asked the same way. */
export async function retakeQuiz(options: RetakeQuizOptions): Promise<CreatedQuiz> {
  const database = options.db ?? defaultDb();
  const { sqlite } = database;
  const now = options.now ?? new Date();
  const quiz = quizRow(sqlite, options.quizId);
  if (quiz.finishedAt === null) throw new ConflictError("the quiz is still in progress: finish it before retaking its wrong answers");
  const wrong = questionRows(sqlite, quiz.id)
    .map(parseQuestion)
    .filter((q) => (q.score ?? 0) < RIGHT);
  if (wrong.length === 0) throw new ConflictError("every question of this quiz was answered right: nothing to retake");
  const ids = wrong.map((q) => q.cardId);
  const rows = sqlite
    .prepare<string[], CandidateRow>(
      `SELECT ${CANDIDATE_COLUMNS} FROM Card c JOIN Deck d ON d.id = c.deckId WHERE c.retired = 0 AND c.id IN (${ids.map(() => "?").join(", ")})`,
    )
    .all(...ids);
  const byId = new Map(rows.map((r) => [r.id, toCandidate(r)]));
  const seed = options.seed ?? newSeed();
  const items = wrong.flatMap((q) => {
    const candidate = byId.get(q.cardId);
    const kind = QUIZ_KINDS.find((k) => k === q.kind);
    return candidate && kind ? [{ kind, candidate }] : [];
  });
  const pools = items.some((i) => i.kind === "generated") ? poolsFor(sqlite, items.filter((i) => i.kind === "generated").map((i) => i.candidate.source.deckId), seed) : {};
  const built = buildFixedQuiz({ seed, items, pools });
  if (built.questions.length === 0) throw noQuestions(built);
  const previous = settingsOf(quiz);
  const settings: QuizSettings = { ...previous, count: built.questions.length, practice: options.practice ?? previous.practice, seed };
  return store(database, built, { seed, settings, retakeOf: quiz.id, now });
}
