/**
 * The quiz builder's state in a URL, so a quiz's settings and seed can be shared or taken
 * again: /quiz?deck=a&topic=a|VM creation › nova&count=10&kinds=choice,typed&minutes=10&practice=1&seed=x
 */
import type { QuizSettings } from "@/lib/quiz/schemas";
import { QUIZ_KINDS, type QuizKind } from "@/lib/quiz/types";

export interface BuilderDeck {
  id: string;
  title: string;
  cardCount: number;
  topics: Array<{ path: string[]; count: number }>;
}

export interface BuilderState {
  decks: string[];
  topics: Array<{ deckId: string; path: string[] }>;
  count: number;
  kinds: QuizKind[];
  minutes: number;
  practice: boolean;
  seed: string;
}

const all = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const first = (v: string | string[] | undefined): string | undefined => all(v)[0];

/** Reads the builder's state from the page's search params; anything unreadable gets its default. */
export function builderState(params: Record<string, string | string[] | undefined>, deckIds: readonly string[]): BuilderState {
  const known = new Set(deckIds);
  const decks = all(params.deck).filter((d) => known.has(d));
  const topics = all(params.topic).flatMap((raw) => {
    const bar = raw.indexOf("|");
    if (bar < 0) return [];
    const deckId = raw.slice(0, bar);
    const path = raw
      .slice(bar + 1)
      .split("›")
      .map((p) => p.trim())
      .filter((p) => p !== "");
    return decks.includes(deckId) && path.length > 0 ? [{ deckId, path }] : [];
  });
  const count = Number(first(params.count));
  const kinds = (first(params.kinds) ?? "").split(",").filter((k): k is QuizKind => (QUIZ_KINDS as readonly string[]).includes(k));
  const minutes = Number(first(params.minutes));
  return {
    decks: decks.length > 0 ? decks : deckIds.slice(0, 1),
    topics,
    count: Number.isInteger(count) && count >= 1 && count <= 100 ? count : 10,
    kinds: kinds.length > 0 ? kinds : [...QUIZ_KINDS],
    minutes: Number.isInteger(minutes) && minutes >= 0 && minutes <= 240 ? minutes : 0,
    practice: first(params.practice) === "1",
    seed: (first(params.seed) ?? "").slice(0, 64),
  };
}

/** The builder URL that recreates a quiz (same settings and seed: the same questions). */
export function builderUrl(settings: QuizSettings): string {
  const q = new URLSearchParams();
  for (const s of settings.scope) {
    q.append("deck", s.deckId);
    for (const path of s.topics) q.append("topic", `${s.deckId}|${path.join(" › ")}`);
  }
  q.set("count", String(settings.count));
  q.set("kinds", settings.kinds.join(","));
  if (settings.timeLimitSec) q.set("minutes", String(Math.round(settings.timeLimitSec / 60)));
  if (settings.practice) q.set("practice", "1");
  if (settings.seed) q.set("seed", settings.seed);
  return `/quiz?${q.toString()}`;
}
