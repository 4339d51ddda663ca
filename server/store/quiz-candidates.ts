/**
 * Cards as quiz questions are drawn from them: the chosen decks and topics, the cards each kind
 * of question can be made of, the seeded ranking that makes a quiz reproducible, and the short
 * answers generated choices take wrong options from. Candidate rows are decoded once, here.
 *
 * Mock interviews draw from the same cards (store/interview-candidates.ts) with the scope, the
 * seeded rank, the columns and the decoder exported here.
 */
import { sql as fragment, type ExpressionBuilder } from "kysely";
import { z } from "zod";
import type { QuizCandidate } from "@/lib/quiz/build";
import type { Term } from "@/lib/quiz/distractors";
import type { QuizSettings } from "@/lib/quiz/schemas";
import type { QuizKind } from "@/lib/quiz/types";
import { hash } from "@/lib/random";
import type { Sqlite } from "../db";
import type { DB } from "../generated/kysely/types";
import { topicPatterns } from "../topic-sql";
import { decodeRow, jsonColumn } from "./json-column";
import { all, sql } from "./sql";

type Scope = QuizSettings["scope"];
/** Queries on `Card c` (joined or not). */
export type OnCard = ExpressionBuilder<DB & { c: DB["Card"] }, "c">;

const topicSchema = jsonColumn(z.array(z.string()));
/** A card's kind-specific data, as the importer stored it: an object, its values as they are. */
const dataSchema = jsonColumn(z.custom<Record<string, unknown>>((v) => typeof v === "object" && v !== null && !Array.isArray(v), "not an object"));

const candidateSchema = z
  .object({
    id: z.string(),
    deckId: z.string(),
    deckTitle: z.string(),
    kind: z.string(),
    topic: topicSchema,
    sourceLine: z.number(),
    promptHtml: z.string(),
    answerHtml: z.string(),
    data: dataSchema,
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

/** A candidate card's row (candidateColumns), its topic and data read. */
export function toCandidate(row: { id: string }): QuizCandidate {
  return decodeRow(candidateSchema, row, `Card ${row.id}`);
}

const termSchema = z
  .object({ id: z.string(), topic: topicSchema, expected: z.string(), aliases: jsonColumn(z.array(z.string())).nullable() })
  .transform((r): Term => ({ cardId: r.id, text: r.expected, aliases: r.aliases ?? [], topic: r.topic }));

/** The columns a candidate is read from, on `Card c` joined with `Deck d`. */
export const candidateColumns = ["c.id", "c.deckId", "d.title as deckTitle", "c.kind", "c.topic", "c.sourceLine", "c.promptHtml", "c.answerHtml", "c.data"] as const;

/** json_extract on a column with a constant path (an index on an expression matches only constants). */
const jsonOf = (eb: OnCard, path: string) => fragment<unknown>`json_extract(${eb.ref("c.data")}, ${fragment.lit(path)})`;

/** Whether a card has a short answer to type; the same expression as Card_quiz_candidates_idx. */
const hasShortAnswer = (eb: OnCard) => fragment<number>`(${jsonOf(eb, "$.typeAnswer.expected")} IS NOT NULL)`;

/** Which cards can be asked as each kind, on the columns of Card_quiz_candidates_idx. */
function eligible(eb: OnCard, kind: QuizKind) {
  switch (kind) {
    case "choice":
    case "ordering":
      return eb("c.kind", "=", fragment.lit(kind));
    case "typed":
    case "generated":
      return eb.and([eb("c.kind", "in", [fragment.lit("basic"), fragment.lit("cloze")]), eb(hasShortAnswer(eb), "=", fragment.lit(1))]);
  }
}

/** What the index cannot tell, checked on the few ranked rows: a generated choice needs one term. */
function eligibleRow(eb: OnCard) {
  return eb.and([
    eb.or([eb("c.kind", "=", fragment.lit("basic")), eb(fragment<number>`json_array_length(${eb.ref("c.data")}, ${fragment.lit("$.cloze")})`, "=", fragment.lit(1))]),
    eb(eb.fn.coalesce(jsonOf(eb, "$.typeAnswer.term"), fragment.lit(1)), "=", fragment.lit(1)),
  ]);
}

/** The chosen decks, each with its topics and their sub-topics (none: the whole deck). */
export function inScope(eb: OnCard, scope: Scope) {
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
 * A card's place in a quiz's seeded order, computed in SQL (no JavaScript call per row):
 * the first 6 hex digits of the card id (ids are hashes) go through (a·h + b) mod p, with a
 * and b taken from the seed: a different permutation for every seed, the same on every
 * database that has the same content. Ties (ids sharing 6 digits) are broken by the id.
 */
function idDigits(column: string): string {
  const digit = (k: number) => `(instr('0123456789abcdef', substr(${column}, ${k}, 1)) - 1)`;
  let h = digit(1);
  for (let k = 2; k <= 6; k++) h = `(${h} * 16 + ${digit(k)})`;
  return h;
}

/** The a and b of the ranking, from the seed. */
export function rankParams(seed: string): { rankA: number; rankB: number } {
  return { rankA: (hash(`a:${seed}`) % 2147483646) + 1, rankB: hash(`b:${seed}`) % 2147483647 };
}

/** A card's place in the order of the rank parameters (rankParams); ties are broken by the id. */
export const seededRank = (rank: { rankA: number; rankB: number }) => fragment<number>`((${rank.rankA} * ${fragment.raw(idDigits("c.id"))} + ${rank.rankB}) % 2147483647)`;
const rankOf = (seed: string) => seededRank(rankParams(seed));

/** Cards of the scope that can be asked as `kind`, best first in the seed's order; at most `limit`. */
export function rankedCandidates(sqlite: Sqlite, options: { kind: QuizKind; scope: Scope; seed: string; limit: number }): QuizCandidate[] {
  // ranked on the index alone; only the chosen rows are read
  const ranked = sql
    .selectFrom("Card as c")
    .select(["c.id", rankOf(options.seed).as("rank")])
    .where("c.retired", "=", fragment.lit(0))
    .where("c.suspended", "=", fragment.lit(0))
    .where((eb) => eligible(eb, options.kind))
    .where((eb) => inScope(eb, options.scope))
    .orderBy("rank")
    .orderBy("c.id")
    .limit(options.limit);
  const query = sql
    .selectFrom(ranked.as("ranked"))
    .innerJoin("Card as c", "c.id", "ranked.id")
    .innerJoin("Deck as d", "d.id", "c.deckId")
    .select(candidateColumns)
    .$if(options.kind === "generated", (q) => q.where((eb) => eligibleRow(eb)))
    .orderBy("ranked.rank")
    .orderBy("c.id");
  return all(sqlite, query).map((r) => toCandidate(r));
}

/** The given cards that are not retired (suspended ones included), by id. */
export function candidatesById(sqlite: Sqlite, cardIds: readonly string[]): Map<string, QuizCandidate> {
  const query = sql
    .selectFrom("Card as c")
    .innerJoin("Deck as d", "d.id", "c.deckId")
    .select(candidateColumns)
    .where("c.retired", "=", fragment.lit(0))
    .where("c.id", "in", cardIds);
  return new Map(all(sqlite, query).map((r) => [r.id, toCandidate(r)]));
}

/** The deck's short answers that generated choices draw wrong options from: at most `limit`, in the seed's order. */
export function termPool(sqlite: Sqlite, options: { deckId: string; seed: string; limit: number }): Term[] {
  const ranked = sql
    .selectFrom("Card as c")
    .select("c.id")
    .where("c.deckId", "=", options.deckId)
    .where("c.retired", "=", fragment.lit(0))
    .where("c.suspended", "=", fragment.lit(0))
    .where((eb) => eligible(eb, "generated"))
    .orderBy(rankOf(options.seed))
    .orderBy("c.id")
    .limit(options.limit);
  const query = sql
    .selectFrom(ranked.as("ranked"))
    .innerJoin("Card as c", "c.id", "ranked.id")
    .select((eb) => ["c.id", "c.topic", jsonOf(eb, "$.typeAnswer.expected").as("expected"), jsonOf(eb, "$.typeAnswer.aliases").as("aliases")])
    .where((eb) => eligibleRow(eb));
  return all(sqlite, query).map((r) => decodeRow(termSchema, r, `Card ${r.id}`));
}

/** The titles of those of the given decks that exist, by id. */
export function deckTitles(sqlite: Sqlite, deckIds: readonly string[]): Map<string, string> {
  if (deckIds.length === 0) return new Map();
  return new Map(all(sqlite, sql.selectFrom("Deck").select(["id", "title"]).where("id", "in", deckIds)).map((d) => [d.id, d.title]));
}
