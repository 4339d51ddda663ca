/**
 * The cards a mock interview draws its questions from: live, not suspended, of the kinds it
 * asks, in the chosen decks and topics; open questions first, then (when asked for) the weakest
 * first, then in the seed's order. Candidate rows are decoded once, here.
 *
 * The scope and the seeded order are the quizzes' (store/quiz-candidates.ts scopeCondition and
 * rankSql), written here as Kysely expressions for the same SQL.
 */
import { sql as fragment, type ExpressionBuilder } from "kysely";
import { z } from "zod";
import type { QuizCandidate } from "@/lib/quiz/build";
import type { InterviewSettings } from "@/lib/interview/schemas";
import type { Sqlite } from "../db";
import type { DB } from "../generated/kysely/types";
import { topicPatterns } from "../topic-sql";
import { decodeRow, jsonColumn } from "./json-column";
import { all, sql } from "./sql";

type Scope = InterviewSettings["scope"];
/** Expressions on `Card c` (joined or not). */
type OnCard = ExpressionBuilder<DB & { c: DB["Card"] }, "c">;

const DAY = 86_400_000;
/** A score below this is a wrong answer (1 is right; floating point sums may miss it by a hair). */
const RIGHT = 0.999999;

const candidateSchema = z
  .object({
    id: z.string(),
    deckId: z.string(),
    deckTitle: z.string(),
    kind: z.string(),
    topic: jsonColumn(z.array(z.string())),
    sourceLine: z.number(),
    promptHtml: z.string(),
    answerHtml: z.string(),
    // a card's kind-specific data as the importer stored it: an object, its values as they are
    data: jsonColumn(z.custom<Record<string, unknown>>((v) => typeof v === "object" && v !== null && !Array.isArray(v), "not an object")),
  })
  .transform(
    (r): QuizCandidate => ({
      source: { cardId: r.id, deckId: r.deckId, deckTitle: r.deckTitle, topic: r.topic, sourceLine: r.sourceLine },
      cardKind: r.kind,
      promptHtml: r.promptHtml,
      answerHtml: r.answerHtml,
      data: r.data,
    }),
  );

/** The chosen decks, each with its topics and their sub-topics (none: the whole deck). */
function inScope(eb: OnCard, scope: Scope) {
  return eb.or(
    scope.map((s) => {
      const topics = s.topics
        .filter((t) => t.length > 0)
        .map((t) => {
          const { exact, prefix } = topicPatterns(t);
          return eb.or([eb("c.topic", "=", exact), fragment<boolean>`${eb.ref("c.topic")} LIKE ${prefix} ESCAPE '\\'`]);
        });
      return topics.length > 0 ? eb.and([eb("c.deckId", "=", s.deckId), eb.or(topics)]) : eb("c.deckId", "=", s.deckId);
    }),
  );
}

/**
 * A card's place in the seed's order: the first 6 hex digits of its id through (a·h + b) mod p,
 * a and b from the seed (rankParams), as quizzes rank their cards. Ties are broken by the id.
 */
function rankOf(eb: OnCard, rank: { rankA: number; rankB: number }) {
  const digit = (k: number) => fragment<number>`(instr('0123456789abcdef', substr(${eb.ref("c.id")}, ${fragment.lit(k)}, 1)) - 1)`;
  let h = digit(1);
  for (let k = 2; k <= 6; k++) h = fragment<number>`(${h} * 16 + ${digit(k)})`;
  return fragment<number>`((${rank.rankA} * ${h} + ${rank.rankB}) % 2147483647)`;
}

/** Whether the card was answered wrong in a quiz or an interview since `since`. */
function missedSince(eb: OnCard, since: number) {
  return eb.or([
    eb.exists(
      eb
        .selectFrom("QuizQuestion as q")
        .select(fragment.lit(1).as("one"))
        .whereRef("q.cardId", "=", "c.id")
        .where("q.answeredAt", ">=", since)
        .where("q.score", "<", fragment.lit(RIGHT)),
    ),
    eb.exists(
      eb
        .selectFrom("InterviewQuestion as i")
        .select(fragment.lit(1).as("one"))
        .whereRef("i.cardId", "=", "c.id")
        .where("i.submittedAt", ">=", since)
        .where((i) => i(i.fn.coalesce("i.score", fragment.lit(0)), "<", fragment.lit(RIGHT))),
    ),
  ]);
}

export interface CandidateOptions {
  scope: Scope;
  /** the card kinds to ask ("open" always; "choice", "ordering" when allowed) */
  kinds: readonly string[];
  /** the seed's order: rankParams(seed) */
  rank: { rankA: number; rankB: number };
  /**
   * the weakest first: cards answered wrong in the last 30 days, then the lowest retrievability
   * now (the most time elapsed per day of stability), cards never reviewed last
   */
  weakFirst: boolean;
  now: number;
  limit: number;
}

/** The cards to make an interview's questions of, in the order to ask them; at most `limit`. */
export function interviewCandidates(sqlite: Sqlite, o: CandidateOptions): QuizCandidate[] {
  const query = sql
    .selectFrom("Card as c")
    .innerJoin("Deck as d", "d.id", "c.deckId")
    .select(["c.id", "c.deckId", "d.title as deckTitle", "c.kind", "c.topic", "c.sourceLine", "c.promptHtml", "c.answerHtml", "c.data"])
    .where("c.retired", "=", fragment.lit(0))
    .where("c.suspended", "=", fragment.lit(0))
    .where(
      "c.kind",
      "in",
      o.kinds.map((k) => fragment.lit(k)),
    )
    .where((eb) => inScope(eb, o.scope))
    .orderBy((eb) => eb("c.kind", "!=", fragment.lit("open")))
    .$if(o.weakFirst, (q) =>
      q
        .orderBy((eb) => eb.case().when(missedSince(eb, o.now - 30 * DAY)).then(fragment.lit(0)).else(fragment.lit(1)).end())
        .orderBy((eb) => eb.case().when(eb.or([eb("c.lastReview", "is", null), eb("c.stability", "<=", fragment.lit(0))])).then(fragment.lit(1)).else(fragment.lit(0)).end())
        .orderBy((eb) => fragment<number>`-((${o.now} - coalesce(${eb.ref("c.lastReview")}, ${o.now})) * 1.0 / (max(${eb.ref("c.stability")}, 0.01) * ${fragment.lit(DAY)}))`),
    )
    .orderBy((eb) => rankOf(eb, o.rank))
    .orderBy("c.id")
    .limit(o.limit);
  return all(sqlite, query).map((r) => decodeRow(candidateSchema, r, `Card ${r.id}`));
}
