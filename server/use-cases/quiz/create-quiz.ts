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
import { candidatesById, rankedCandidates, termPool } from "../../store/quiz-candidates";
import { insertQuestion, insertQuiz, listQuestions } from "../../store/quizzes";
import { requireDecks, requireQuiz } from "./rules";

/** Most terms a deck lends to distractors in one quiz. */
const POOL_LIMIT = 2_000;

function poolsFor(sqlite: Sqlite, deckIds: Iterable<string>, seed: string): Record<string, Term[]> {
  const pools: Record<string, Term[]> = {};
  for (const deckId of new Set(deckIds)) pools[deckId] = termPool(sqlite, { deckId, seed, limit: POOL_LIMIT });
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
  const { timeLimitSec } = quiz.settings;
  sqlite.transaction(() => {
    insertQuiz(sqlite, {
      id,
      seed: quiz.seed,
      settings: quiz.settings,
      retakeOf: quiz.retakeOf,
      skipped: built.skipped,
      createdAt: quiz.now.getTime(),
      deadline: timeLimitSec === null ? null : quiz.now.getTime() + timeLimitSec * 1000,
      questionCount: built.questions.length,
    });
    built.questions.forEach((q, position) => insertQuestion(sqlite, id, position, q));
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

  // enough candidates of each kind for every question, and for generated ones that lack distractors
  const limit = settings.count * 3 + 10;
  const buckets: Partial<Record<QuizKind, QuizCandidate[]>> = {};
  for (const kind of settings.kinds) buckets[kind] = rankedCandidates(sqlite, { kind, scope: settings.scope, seed, limit });
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
  const quiz = requireQuiz(sqlite, options.quizId);
  if (quiz.finishedAt === null) throw new ConflictError("the quiz is still in progress: finish it before retaking its wrong answers");
  const wrong = listQuestions(sqlite, quiz.id).filter((q) => (q.score ?? 0) < RIGHT);
  if (wrong.length === 0) throw new ConflictError("every question of this quiz was answered right: nothing to retake");
  const byId = candidatesById(sqlite, wrong.map((q) => q.cardId));
  const seed = options.seed ?? newSeed();
  const items = wrong.flatMap((q) => {
    const candidate = byId.get(q.cardId);
    const kind = QUIZ_KINDS.find((k) => k === q.kind);
    return candidate && kind ? [{ kind, candidate }] : [];
  });
  const pools = items.some((i) => i.kind === "generated") ? poolsFor(sqlite, items.filter((i) => i.kind === "generated").map((i) => i.candidate.source.deckId), seed) : {};
  const built = buildFixedQuiz({ seed, items, pools });
  if (built.questions.length === 0) throw noQuestions(built);
  const previous = quiz.settings;
  const settings: QuizSettings = { ...previous, count: built.questions.length, practice: options.practice ?? previous.practice, seed };
  return store(database, built, { seed, settings, retakeOf: quiz.id, now });
}
