/**
 * Setting up a mock interview: open questions first, then (when allowed) choice and ordering
 * questions, drawn from the chosen decks and topics in a seeded order, or the weakest first:
 * cards answered wrong in a quiz or interview in the last 30 days, then the cards with the
 * lowest retrievability now (the most time elapsed per day of stability), new cards last. Or
 * weakest for the day: the lowest predicted recall at the next interview date's instant first,
 * as readiness counts it (a new card is 0: not known on the day), the seeded order breaking ties.
 */
import crypto from "node:crypto";
import { z } from "zod";
import { makeQuestion, type QuizCandidate } from "@/lib/quiz/build";
import { createInterviewSchema, type CreateInterviewRequest, type InterviewSettings } from "@/lib/interview/schemas";
import { openQuestion, type InterviewQuestion } from "@/lib/interview/types";
import { db as defaultDb, type Db } from "../../db";
import { ValidationError } from "../../errors";
import { optionsForDeck } from "../../deck-settings";
import { interviewCandidates } from "../../store/interview-candidates";
import { cardsInScope, upcomingInterviewDates } from "../../store/interview-dates";
import { insertInterview, insertInterviewQuestion } from "../../store/interviews";
import { rankParams } from "../../store/quiz-candidates";
import { requireDecks } from "../quiz/rules";
import { fallbackOptions } from "../study/study-card";

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
  const day = settings.weakestForDay ? upcomingInterviewDates(sqlite, now)[0] : undefined;
  if (settings.weakestForDay && !day) throw new ValidationError("weakestForDay needs an interview date ahead: set one in settings");
  const drawn = interviewCandidates(sqlite, {
    scope: settings.scope,
    kinds,
    rank: rankParams(seed),
    weakFirst: settings.weakFirst,
    now: now.getTime(),
    // ordering for the day reads every candidate's recall, so it needs them all, not the first few
    limit: day ? 1_000_000 : settings.count * 2 + 10,
  });
  const candidates = day ? weakestAt(sqlite, settings.scope, drawn, day.at) : drawn;

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

/**
 * Candidates reordered by predicted recall at `at`, lowest first; open questions stay ahead of
 * choice and ordering ones, and the order drawn (seeded) breaks ties. One scheduler serves every
 * card: the forgetting curve depends on the FSRS weights alone, one set for all presets.
 */
function weakestAt(sqlite: Db["sqlite"], scope: InterviewSettings["scope"], candidates: readonly QuizCandidate[], at: Date): QuizCandidate[] {
  const states = new Map(cardsInScope(sqlite, scope).map((c) => [c.id, c]));
  const deck = states.values().next().value?.deckId;
  const scheduler = ((deck !== undefined ? optionsForDeck(sqlite, deck) : null) ?? fallbackOptions()).scheduler;
  const recall = (c: QuizCandidate) => {
    const s = states.get(c.source.cardId)?.state;
    return s ? scheduler.retrievability(s, at) : 0;
  };
  return candidates
    .map((c, i) => ({ c, i, open: c.cardKind === "open" ? 0 : 1, recall: recall(c) }))
    .sort((a, b) => a.open - b.open || a.recall - b.recall || a.i - b.i)
    .map((x) => x.c);
}
