/**
 * Which cards teach a key point you missed in a mock interview ("study what I missed").
 *
 * A card is behind a missed point when it is in the same deck and in the question's topic (the
 * question card's heading path, or a heading under it), is not an interview question itself,
 * and its text (question and answer) shares the point's terms:
 *
 * - a point with keywords (`{keystone|认证; token|令牌}`): at least half of its keyword groups
 *   (rounded up) have an alias in the card's text, matched as the rubric matches answers
 *   (whole Latin words, width, case and separators ignored);
 * - a point without keywords: the same, with the keywords the rubric gives it from its meaning
 *   (lib/interview/keywords.ts).
 */
import { containsKeyword, normalizeAnswer } from "../answer/normalize";
import type { RubricPoint } from "../content/types";
import { pointGroups as rubricGroups } from "./rubric";

const HAN = /\p{Script=Han}/u;

export interface CandidateCard {
  id: string;
  kind: string;
  topic: readonly string[];
  /** the card's question and answer, as written */
  text: string;
}

/** The term groups of a point, as the rubric checks them (a point without keywords gets them from its meaning). */
export function pointGroups(point: RubricPoint): string[][] {
  return rubricGroups(point).groups.filter((g) => g.length > 0);
}

function hasAlias(text: string, alias: string): boolean {
  return HAN.test(alias) && !/[A-Za-z0-9]/.test(alias) ? normalizeAnswer(text).includes(normalizeAnswer(alias)) : containsKeyword(text, alias);
}

/** True when `inner` is `outer` or a heading under it. */
export const withinTopic = (inner: readonly string[], outer: readonly string[]) => outer.every((h, i) => inner[i] === h);

/** The cards (of `candidates`) behind one missed point of a question in `topic`. */
export function cardsBehindPoint(point: RubricPoint, topic: readonly string[], candidates: readonly CandidateCard[]): CandidateCard[] {
  const groups = pointGroups(point);
  if (groups.length === 0) return [];
  const needed = Math.ceil(groups.length / 2);
  return candidates.filter((c) => {
    if (c.kind === "open" || !withinTopic(c.topic, topic)) return false;
    const hits = groups.filter((g) => g.some((alias) => hasAlias(c.text, alias))).length;
    return hits >= needed;
  });
}
