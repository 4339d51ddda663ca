/**
 * The cards a mock interview draws its questions from: live, not suspended, of the kinds it
 * asks, in the chosen decks and topics; open questions first, then (when asked for) the weakest
 * first, then in the seed's order. Candidate rows are decoded once, here.
 *
 * The scope, the seeded order, the columns and the decoder are the quizzes' (store/quiz-candidates.ts).
 */
import { sql as fragment } from "kysely";
import type { QuizCandidate } from "@/lib/quiz/build";
import type { InterviewSettings } from "@/lib/interview/schemas";
import type { Sqlite } from "../db";
import { candidateColumns, inScope, seededRank, toCandidate, type OnCard } from "./quiz-candidates";
import { all, sql } from "./sql";

type Scope = InterviewSettings["scope"];

const DAY = 86_400_000;
/** A score below this is a wrong answer (1 is right; floating point sums may miss it by a hair). */
const RIGHT = 0.999999;

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
    .select(candidateColumns)
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
    .orderBy(seededRank(o.rank))
    .orderBy("c.id")
    .limit(o.limit);
  return all(sqlite, query).map((r) => toCandidate(r));
}
