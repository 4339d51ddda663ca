/**
 * Matching an interview answer against a rubric: which key points it covers, with the words
 * that show it (the evidence the user confirms or overrides when self-grading).
 *
 * - A keyword group is found when one of its aliases, or a glossary word for it (token /
 *   令牌, 校验 / verify), is in the answer: whole Latin words with separators and width ignored
 *   (`ip` is not in `skip`), Chinese as a run of characters, and glued forms (`2MSL` holds
 *   `MSL`, `DHCPOFFER` holds `offer`) when the glued part is a number or a known word.
 * - A point's groups must be found together, within one sentence or two neighbouring ones: an
 *   answer that names a term in one place and the relation somewhere else has not said it.
 *   An author's rubric needs every group; a generated one the share it was made with (60%).
 *   A generated point's anchor (its most telling term) must be among them, or one group more.
 * - An answer in the other language than the notes is not asked the words of a generated point
 *   that its language has none for (plain English words the glossary cannot translate, for a
 *   Chinese answer to English notes; Chinese words, for an English one): see unsayable.
 * - That sentence must say something: it needs sentence structure (a verb, a preposition,
 *   a particle, a conjunction, a pronoun: 会, 把, 向, 的, then, to, the, it, …) in at least
 *   one word of eight. A bare list of component names covers nothing, however many it names.
 * - A point without keywords gets them from its text as generated rubrics do (jieba terms and
 *   the glossary), so it no longer needs the point's own wording recited.
 */
import { normalizeAnswer, tokenize } from "../answer/normalize";
import type { RubricPoint } from "../content/types";
import { baseGlossary, spotTerms, type Glossary } from "../glossary";
import { tagWords } from "../text/segment";
import { cjkShare } from "../text";
import { isEnglishWord, pointKeywords } from "./keywords";

export interface PointMatch {
  covered: boolean;
  /** the aliases found in the answer, in the sentences that cover the point best */
  found: string[];
  /** per keyword group not found there, its first alias */
  missing: string[];
  /** the words were there, but only as a list without sentences */
  listOnly?: boolean;
}

/** At least one word in this many must give a sentence its structure. */
export const STRUCTURE_EVERY = 8;

const EN_FUNCTION = new Set(
  ("a an the to of in on at by for from with into onto and or but then so because which that this these those it its they them their is are was were be been being has have had do does did " +
    "will would can could should must may might when after before first next finally once via through using uses used who what where how while if than also only just there here").split(" "),
);
/** Chinese function words: prepositions, conjunctions, particles, adverbs, pronouns, localisers, modal particles. */
const ZH_FUNCTION_TAGS = /^(?:p|c|u\w*|r\w*|f|y|ad)$/;
const ZH_ADVERBS = new Set("已经 马上 直接 一直 首先 然后 同时 一般 通常 只是 还是 就是 也是 一定 必须 立即 随后 接着 最后 先后 都会 不会 不能 没有".split(" "));
/** Chinese numerals and measure words ("一个", "两次") are structure; digits ("172.17", "双1") are values. */
const ZH_QUANTITY = /^(?:m|q|mq)$/;
/** A Chinese word that starts with an auxiliary or a preposition ("会选", "把它") is sentence structure whatever jieba tags it. */
const ZH_FUNCTION_START = /^[会把被将就再又也都才向从给让在要能]\p{Script=Han}/u;
const ZH_VERB_TAGS = /^v\w*$/;
const HAN_WORD = /\p{Script=Han}/u;

interface Sentence {
  text: string;
  words: number;
  structural: number;
  tokens: string[];
}

/** A sentence or two neighbouring ones, tokenized once, with the aliases already looked up. */
interface Window {
  sentences: Sentence[];
  tokens: string[];
  /** the tokens glued, and the offsets where a token starts or ends in it */
  glued: string;
  bounds: Set<number>;
  seen: Map<string, boolean>;
}

const keyTokens = new Map<string, string>();

/**
 * containsKeyword on a window (same rule, faster for many keywords): the keyword's tokens,
 * glued, stand in the window's glued tokens from the start of one token to the end of one.
 */
function windowHas(w: Window, keyword: string): boolean {
  let joined = keyTokens.get(keyword);
  if (joined === undefined) {
    joined = tokenize(keyword).join("");
    keyTokens.set(keyword, joined);
  }
  if (joined === "") return false;
  for (let at = w.glued.indexOf(joined); at >= 0; at = w.glued.indexOf(joined, at + 1)) {
    if (w.bounds.has(at) && w.bounds.has(at + joined.length)) return true;
  }
  return false;
}

/** The answer's sentences, with how many of their words give them structure. */
function sentencesOf(answer: string, glossary: Glossary): Sentence[] {
  return answer
    .split(/[。！？!?；;\n]+|\.(?=\s|$)/u)
    .map((s) => s.trim())
    .filter((s) => normalizeAnswer(s) !== "")
    .map((text) => {
      let words = 0;
      let structural = 0;
      // full-width letters (ｋｅｙｓｔｏｎｅ) are read as the words they are
      const folded = text.normalize("NFKC");
      const raw = tagWords(folded, { keepSpaces: true });
      const names = spotTerms(folded, glossary);
      let at = 0;
      raw.forEach((w, k) => {
        const start = at;
        at += w.word.length;
        if (!/[\p{L}\p{N}]/u.test(w.word)) return; // white space and punctuation
        words++;
        // a word inside a glossary name ("两阶段提交", "虚拟路由器") is part of the name, not structure
        const inName = names.some((n) => n.at <= start && start < n.end && n.end - n.at > w.word.length);
        if (inName) return;
        if (w.tag === "eng") {
          // "TO" of "CHANGE MASTER TO" is a name's word, not the sentence's
          if (EN_FUNCTION.has(w.word.toLowerCase()) && !/^[A-Z]{2,}$/.test(w.word)) structural++;
        } else if (w.tag === "d") {
          // jieba tags 异步 and 同步 adverbs too: only the short adverbs of a sentence count
          if ([...w.word].length === 1 || ZH_ADVERBS.has(w.word)) structural++;
        } else if (ZH_FUNCTION_TAGS.test(w.tag) || ZH_FUNCTION_START.test(w.word) || (ZH_QUANTITY.test(w.tag) && /^\p{Script=Han}+$/u.test(w.word))) structural++;
        // a verb inside running Chinese text ("签发令牌") or of one character ("发", "选") builds a
        // sentence; a word standing alone between spaces ("实例 绑定 路由器", "keystone 校验 token")
        // is an item of a list
        else if (ZH_VERB_TAGS.test(w.tag)) {
          const prev = raw[k - 1];
          const next = raw[k + 1];
          const attached = [prev, next].some((n) => n !== undefined && HAN_WORD.test(n.word));
          if (attached || [...w.word].length === 1) structural++;
        }
      });
      return { text, words, structural, tokens: tokenize(text) };
    });
}

function explains(window: readonly Sentence[]): boolean {
  const words = window.reduce((n, s) => n + s.words, 0);
  const structural = window.reduce((n, s) => n + s.structural, 0);
  return structural >= 1 && structural * STRUCTURE_EVERY >= words;
}

/** Whether the tokens have one that glues the alias to a number or a known word (`2MSL` for MSL, `DHCPOFFER` for offer). */
function gluedIn(tokens: readonly string[], alias: string, glossary: Glossary): boolean {
  const a = normalizeAnswer(alias);
  if (!/^[a-z0-9]{3,}$/.test(a)) return false;
  return tokens.some((t) => {
    if (t === a || t.length <= a.length) return false;
    const rest = t.startsWith(a) ? t.slice(a.length) : t.endsWith(a) ? t.slice(0, t.length - a.length) : null;
    return rest !== null && (/^\d+$/.test(rest) || (rest.length >= 3 && glossary.has(rest)));
  });
}

/** English inflections of a one-word Latin alias: sync → synced, create → creates / created / creating. */
function inflections(alias: string): string[] {
  if (!/^[a-z]{3,}$/i.test(alias)) return [];
  const a = alias.toLowerCase();
  const stem = a.endsWith("e") ? a.slice(0, -1) : a;
  return [...new Set([a + "s", a + "es", a.endsWith("e") ? a + "d" : a + "ed", stem + "ing", a.endsWith("y") ? a.slice(0, -1) + "ies" : a + "s"])];
}

/**
 * A Chinese phrase of three to six characters said with a word or two inside it, as speech
 * does: 投一票 in "投自己一票", 写日志 in "写一条日志". Its characters in order, at most two
 * characters between each. (Hand-written: no segmenter matches a phrase split this way.)
 */
function spokenApart(w: Window, alias: string): boolean {
  const chars = [...alias];
  if (chars.length < 3 || chars.length > 6 || !chars.every((c) => /\p{Script=Han}/u.test(c))) return false;
  let re = spokenPatterns.get(alias);
  if (!re) {
    re = new RegExp(chars.join("[\\p{Script=Han}a-z0-9]{0,2}"), "u");
    spokenPatterns.set(alias, re);
  }
  return re.test(w.glued);
}
const spokenPatterns = new Map<string, RegExp>();

/** The alias of a group that the window mentions, if any. */
function mention(w: Window, group: readonly string[], glossary: Glossary): string | undefined {
  const has = (alias: string) => {
    let hit = w.seen.get(alias);
    if (hit === undefined) {
      hit = windowHas(w, alias) || gluedIn(w.tokens, alias, glossary) || inflections(alias).some((f) => windowHas(w, f)) || spokenApart(w, alias);
      w.seen.set(alias, hit);
    }
    return hit;
  };
  return group.find(has);
}

function windowsOf(sentences: Sentence[]): Window[] {
  const make = (ss: Sentence[]): Window => {
    const tokens = ss.flatMap((s) => s.tokens);
    const bounds = new Set<number>([0]);
    let at = 0;
    for (const t of tokens) bounds.add((at += t.length));
    return { sentences: ss, tokens, glued: tokens.join(""), bounds, seen: new Map() };
  };
  const out = sentences.map((s) => make([s]));
  for (let i = 0; i + 1 < sentences.length; i++) out.push(make([sentences[i]!, sentences[i + 1]!]));
  return out;
}

/** The keyword groups of a point and how many must be found: the author's, or generated from its text. */
export function pointGroups(point: RubricPoint, glossary: Glossary = baseGlossary): { groups: string[][]; need: number; anchor: number | undefined } {
  // generated groups hold their glossary words already; an author's aliases get theirs here (one hop)
  if (point.keywords.length > 0 && point.need !== undefined) return { groups: point.keywords, need: point.need, anchor: point.anchor };
  if (point.keywords.length > 0) {
    const groups = point.keywords.map((g) => [...new Set([...g, ...g.flatMap((a) => glossary.synonyms(a))])]);
    return { groups, need: groups.length, anchor: undefined };
  }
  const generated = pointKeywords(point.text, { glossary, english: cjkShare(point.text) < 0.2 });
  return { groups: generated.keywords, need: generated.need, anchor: generated.anchor };
}

/** How often `part` stands in `text` (overlaps counted). */
function occurrences(text: string, part: string): number {
  let n = 0;
  for (let at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) n++;
  return n;
}

/** The hits (indexes) that the window says only inside a longer hit of another group. */
function inside(w: Window, hits: ReadonlyArray<{ group: number; alias: string }>): number[] {
  const joined = hits.map((h) => tokenize(h.alias).join(""));
  const out: number[] = [];
  hits.forEach((_, a) => {
    const short = joined[a]!;
    if (short === "") return;
    let own = occurrences(w.glued, short);
    let within = false;
    hits.forEach((h, b) => {
      const long = joined[b]!;
      if (b === a || h.group === hits[a]!.group || long.length <= short.length || !long.includes(short)) return;
      within = true;
      own -= occurrences(w.glued, long) * occurrences(long, short);
    });
    if (within && own <= 0) out.push(a);
  });
  return out;
}

/** The language an answer is spoken in, as far as its keywords go. */
type Speech = "zh" | "en";
const speechOf = (answer: string): Speech => (cjkShare(answer) >= 0.25 ? "zh" : "en");

/**
 * A keyword group the answer's language has no word in: only plain English words ("reused",
 * "cancels", "picks") for an answer in Chinese, only Chinese words (毛刺, 小数) for one in
 * English. The glossary gives a concept both languages where it can; where it has no
 * translation the group cannot be heard in that answer, so it is not asked of it (a good Chinese
 * answer to English notes scored 0.40 on points it made, round 6). Names (ALPN, RST_STREAM,
 * head block) are said as they are in either language, so they are always asked.
 */
function unsayable(group: readonly string[], speech: Speech): boolean {
  if (speech === "en") return group.every((a) => HAN_WORD.test(a));
  return group.every((a) => /^[a-z]+$/.test(a) && isEnglishWord(a));
}

function matchIn(windows: Window[], point: RubricPoint, glossary: Glossary, speech: Speech): PointMatch {
  const { groups, need, anchor } = pointGroups(point, glossary);
  const firstAliases = groups.map((g) => g[0] ?? "").filter((k) => k !== "");
  if (windows.length === 0 || groups.length === 0) return { covered: false, found: [], missing: firstAliases };
  // a generated point asks no word of an answer in the other language that this language has
  // none for; an author's keywords are what they asked for. Only across languages: the words
  // written into Chinese notes are the ones said in Chinese
  const generated = point.need !== undefined || point.keywords.length === 0;
  const crossing = generated && speechOf(point.text) !== speech;
  const silent = groups.map((g) => crossing && unsayable(g, speech));
  let best: { found: string[]; missing: string[]; explains: boolean; enough: boolean } | null = null;
  for (const w of windows) {
    const found: string[] = [];
    const missing: string[] = [];
    let anchored = anchor === undefined;
    let unheard = 0;
    const hits: Array<{ group: number; alias: string }> = [];
    groups.forEach((group, k) => {
      const hit = mention(w, group, glossary);
      if (hit !== undefined) {
        found.push(hit);
        hits.push({ group: k, alias: hit });
        if (k === anchor) anchored = true;
      } else {
        if (group[0] !== undefined) missing.push(group[0]);
        // what the answer's language cannot say is not held against it
        if (silent[k]) {
          unheard++;
          if (k === anchor) anchored = true;
        }
      }
    });
    // one mention is one group: "计算节点" says [计算节点], not [节点] as well; "scrape_timeout" is
    // not [scrape] and [timeout] too (a neighbouring answer covered points by such overlaps)
    for (const k of inside(w, hits)) {
      const at = found.indexOf(hits[k]!.alias);
      if (at >= 0) found.splice(at, 1);
      if (hits[k]!.group === anchor && !silent[hits[k]!.group]) anchored = found.some((a) => hits.some((h) => h.alias === a && h.group === anchor));
    }
    const needed = Math.min(need, groups.length - unheard);
    // the anchor, or one group more than needed in its place
    const candidate = { found, missing, explains: explains(w.sentences), enough: needed > 0 && found.length >= needed && (anchored || found.length > needed) };
    const rank = (c: typeof candidate) => (c.enough && c.explains ? 1000 : 0) + c.found.length * 2 + (c.explains ? 1 : 0);
    if (!best || rank(candidate) > rank(best)) best = candidate;
  }
  const b = best!;
  return { covered: b.enough && b.explains, found: b.found, missing: b.missing, ...(b.enough && !b.explains ? { listOnly: true } : {}) };
}

export function matchPoint(answer: string, point: RubricPoint, glossary: Glossary = baseGlossary): PointMatch {
  return matchIn(windowsOf(sentencesOf(answer, glossary)), point, glossary, speechOf(answer));
}

export function matchRubric(answer: string, points: readonly RubricPoint[], glossary: Glossary = baseGlossary): PointMatch[] {
  const windows = windowsOf(sentencesOf(answer, glossary));
  const speech = speechOf(answer);
  return points.map((p) => matchIn(windows, p, glossary, speech));
}

/**
 * How many key points earn full marks. A rubric written by hand asks for every point. One
 * generated from notes lists every step, item and definition of a section (11 to 13 on average,
 * up to 25), more than a good spoken answer says. Measured on 76 questions with graded answers
 * (41 from notes the generator was tuned on, 35 held out): a good answer covers 42-59% of the
 * points, a partial one 13-19%, a keyword list 0-1%, an off-topic one 2-7%. Full at 60% (at least
 * 8), a good answer scored 0.56 on held-out notes, which nobody would believe; full at 45% (at
 * least 5) it scores 0.71 (0.83 tuned), a partial one 0.26 (0.31), a keyword list 0.02 (0.00),
 * an off-topic one 0.05 (0.11). At 40% partial answers began to reach full marks beside good ones
 * (every good answer must still beat every weaker one, tests/unit/lib/interview/graded-answers).
 * What was missed is still listed point by point in the report.
 */
export const FULL_MARKS_SHARE = 0.45;
const FULL_MARKS_MIN = 5;
export function enoughPoints(count: number, generated: boolean): number {
  return generated && count > FULL_MARKS_MIN ? Math.max(FULL_MARKS_MIN, Math.ceil(count * FULL_MARKS_SHARE)) : count;
}

/** The score of an open question: the points covered out of the points that earn full marks (0 with no points). */
export function rubricScore(ticks: readonly boolean[], enough: number = ticks.length): number {
  if (ticks.length === 0) return 0;
  return Math.min(1, ticks.filter(Boolean).length / Math.max(1, Math.min(enough, ticks.length)));
}

/**
 * Whether an answer is a bare list of terms ("sentinel, PING, SDOWN, 主观下线, quorum, …") rather
 * than an explanation. A rubric counts the points an answer touches, and an exhaustive list touches
 * them all: on the round-4 held-out notes such lists scored as high as good answers on 4 of 30
 * questions. An interviewer hears a list of words as "knows the words", so its score is capped
 * (TERM_LIST_MAX) and the report says why. A list: at least six items split by commas, 、 or lines,
 * nearly all of them a few words long, and (nearly) no word that joins ideas (因为, 然后, because,
 * then, …). Checked over every graded answer in the fixtures: every keyword list and no real
 * answer (tests/unit/lib/interview/graded-answers.test.ts).
 */
export const TERM_LIST_MAX = 0.25;
// an English joining word stands alone: the "If" of If-None-Match is a header's name (round 10)
const JOINING = /因为|所以|然后|如果|就会|但是|否则|导致|之后|之前|以后|为了|通过|由于|于是|接着|再由|负责|用来|用于|比如|可以|会|是|把|让|(?<![\w-])(?:because|then|when|if|so|which|that|after|before|until|while|otherwise|causes?|means?|is|are|was|were|does|do|will|would|can)(?![\w-])/giu;
export function isTermList(answer: string): boolean {
  // steps written tersely ("1. keystone 认证\n2. nova-api 收请求", "keystone → nova-api → …") say an order: an answer
  const lines = answer.split(/\n+/u).filter((l) => l.trim().length > 0);
  // (an arrow inside a name, "f_op->write_iter", is C's member access, no step: round 10's list of 63 terms scored 1.00)
  if (/→|=>|(?<![\w])->|->(?![\w])/u.test(answer) || (lines.length >= 3 && lines.filter((l) => /^\s*(?:\d+[.)、）]|[-*•])\s*/u.test(l)).length * 2 >= lines.length)) return false;
  const joins = answer.match(JOINING)?.length ?? 0;
  // "docker CLI docker.sock dockerd REST API …": words one after another, no sentence at all
  const words = answer.split(/\s+/u).filter((x) => x.length > 0);
  if (words.length >= 8 && joins === 0 && !/[，。,；;！？!?]|\.(?:\s|$)/u.test(answer)) return true;
  const items = answer.split(/[,，、;；\n]+/u).map((x) => x.trim()).filter((x) => x.length > 0);
  if (items.length < 6) return false;
  const short = items.filter((x) => {
    const latinWords = x.match(/[A-Za-z0-9][A-Za-z0-9._+-]*/g)?.length ?? 0;
    const cjk = x.match(/\p{Script=Han}/gu)?.length ?? 0;
    return latinWords <= 4 && cjk <= 8 && !/[。！？!?]/u.test(x);
  }).length;
  // a long list of nothing but short items may say 之后 or 不是 inside a few of them ("引擎 commit 之后等",
  // "不是执行完": round 9's semi-sync list of 37 scored 1.00); a sentence here and there is still a list
  const allShort = short / items.length >= 0.95 && items.length >= 16;
  return short / items.length >= 0.85 && joins <= Math.floor(items.length / (allShort ? 4 : 8));
}

/** The score of an open answer from its ticks: a bare list of terms gets at most TERM_LIST_MAX. */
export function openAnswerScore(answer: string, ticks: readonly boolean[], enough: number = ticks.length): number {
  const score = rubricScore(ticks, enough);
  return isTermList(answer) ? Math.min(score, TERM_LIST_MAX) : score;
}
