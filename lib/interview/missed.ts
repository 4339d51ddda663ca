/**
 * Which cards teach a key point you missed in a mock interview ("study what I missed").
 *
 * The cards are found by what they teach, anywhere in the question's deck (not only under the
 * question's own heading: an overview question's points are taught in the sections after it).
 * A card is behind a missed point when it is not an interview question itself and its text
 * (question and answer) shares the point's terms:
 *
 * - a point with keywords (`{keystone|认证; token|令牌}`): more than half of its keyword groups
 *   have an alias in the card's text (at least half, rounded up, for a card in the question's
 *   topic: its heading or one under it), matched as the rubric matches answers (whole Latin
 *   words, width, case and separators ignored). A card elsewhere in the deck must also share one
 *   of the point's other words (from its meaning, as a point without keywords gets them), when
 *   it has any: "the router's tap interface" shares the keywords interface (接口) and tap of
 *   "dnsmasq's interface file lists the tap it listens on" but is about something else;
 * - a point without keywords: the same, with the keywords the rubric gives it from its meaning
 *   (lib/interview/keywords.ts).
 *
 * The cards are ranked, best first, and at most MISSED_PER_POINT are taken per point:
 *
 * 1. more of the point's groups in the card, then more of its other words;
 * 2. more of them in the card's question (a card that asks about it, not one that mentions it);
 * 3. fewer of the same question's other points in the card: an overview card ("the 5 stages",
 *    "which component is in every stage") names a little of every point and teaches none;
 * 4. in the question's topic (its heading or one under it) first, then the notes' order.
 */
import { containsKeyword, normalizeAnswer } from "../answer/normalize";
import type { RubricPoint } from "../content/types";
import { pointGroups as rubricGroups } from "./rubric";

const HAN = /\p{Script=Han}/u;

/** At most this many cards are queued for one missed point. */
export const MISSED_PER_POINT = 5;
/** At most this many cards are queued for one interview, the questions' own cards included. */
export const MISSED_TOTAL = 30;

export interface CandidateCard {
  id: string;
  kind: string;
  topic: readonly string[];
  /** the card's question, as written */
  prompt: string;
  /** the card's answer, as written */
  answer: string;
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

const groupsIn = (groups: readonly string[][], text: string) => groups.filter((g) => g.some((alias) => hasAlias(text, alias))).length;
const reaches = (groups: readonly string[][], text: string) => groups.length > 0 && groupsIn(groups, text) >= Math.ceil(groups.length / 2);

/**
 * The cards (of `candidates`, in the notes' order) behind one missed point, best first, at most
 * `limit`. `others` are the question's other points; `topic` the question's heading path.
 */
export function cardsBehindPoint(
  point: RubricPoint,
  candidates: readonly CandidateCard[],
  options: { topic?: readonly string[]; others?: readonly RubricPoint[]; limit?: number } = {},
): CandidateCard[] {
  const groups = pointGroups(point);
  if (groups.length === 0) return [];
  const half = Math.ceil(groups.length / 2);
  const more = Math.floor(groups.length / 2) + 1;
  // the point's words beyond its keywords ("dashboard/CLI/API 用凭证" of an authentication point)
  const meaning = point.keywords.length > 0 ? pointGroups({ text: point.text, keywords: [] }).filter((m) => !m.some((a) => groups.some((g) => g.includes(a)))) : [];
  const others = (options.others ?? []).filter((p) => p !== point).map(pointGroups);
  const ranked = candidates.flatMap((card, order) => {
    if (card.kind === "open") return [];
    const text = `${card.prompt}\n${card.answer}`;
    const inTopic = options.topic !== undefined && withinTopic(card.topic, options.topic);
    const hits = groupsIn(groups, text);
    if (hits < (inTopic ? half : more)) return [];
    const said = groupsIn(meaning, text);
    if (!inTopic && meaning.length > 0 && said === 0) return [];
    const spread = others.filter((g) => reaches(g, text)).length;
    return [{ card, hits, said, asked: groupsIn(groups, card.prompt), spread, inTopic: inTopic ? 0 : 1, order }];
  });
  ranked.sort((a, b) => b.hits - a.hits || b.said - a.said || b.asked - a.asked || a.spread - b.spread || a.inTopic - b.inTopic || a.order - b.order);
  return ranked.slice(0, options.limit ?? MISSED_PER_POINT).map((r) => r.card);
}
