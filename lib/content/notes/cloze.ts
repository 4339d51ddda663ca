/**
 * Bold terms inside a sentence become cloze cards, one per term, with what would give the
 * term away removed from what is shown:
 * - a gloss right after the term (`**binlog**（二进制日志）`) is hidden with it, and accepted
 *   as an answer; so is either half of a glossed bold term (`**脏页（dirty page）**`);
 * - a term that still stands in the shown sentence, itself or inside a longer word (blank
 *   `SYN` beside `SYN_SENT`), or as its glossary translation, makes no card.
 */
import type { PhrasingContent } from "mdast";
import type { Generator } from "./generator";
import { plainText } from "../markdown";
import { cleanText, md } from "./text";
import { normalizeAnswer } from "../../answer/normalize";
import { distance } from "fastest-levenshtein";
import { typoBudget } from "../../glossary";
import { acronymExpansion } from "../leaks";

/** The sentence of a paragraph that holds the mark, so a card asks one thing, not a whole paragraph. */
function sentenceWith(text: string, mark: RegExp): number {
  return text.split(/(?<=[。！？])|(?<=[.!?])\s+(?=[A-Z])/u).findIndex((s) => mark.test(s));
}
function sentenceAt(text: string, k: number): string {
  return text.split(/(?<=[。！？])|(?<=[.!?])\s+(?=[A-Z])/u)[k]?.trim() ?? text;
}

/** Whether a Latin term stands in the text misspelt ("Buffer Poll" for the hidden Buffer Pool). */
function misspeltIn(text: string, term: string): boolean {
  const key = normalizeAnswer(term);
  const budget = Math.min(1, typoBudget(key.length));
  if (budget === 0 || !/^[a-z0-9]+$/.test(key)) return false;
  const words = text.match(/[A-Za-z0-9]+/g) ?? [];
  const n = term.split(/\s+/).length;
  for (let i = 0; i + n <= words.length; i++) {
    const w = normalizeAnswer(words.slice(i, i + n).join(""));
    if (w !== key && Math.abs(w.length - key.length) <= budget && distance(w, key) <= budget) return true;
  }
  return false;
}

const GLOSS = /^\s*[（(]([^（）()]{1,40})[）)]/u;

/**
 * What the words in brackets right after a term are. A name ("binlog（二进制日志）", "脏页（dirty
 * page）") is hidden with the term and accepted for it. A remark ("everysec（默认）", "(e.g. …)",
 * "(1.2)") stays in the question as the hint it is and is not accepted: typing 默认 must not count.
 * Anything longer ("（第一次，不知道主库的 replid）", "（group.instance.id，2.3+）") may give the
 * term away, so it is hidden, but it is not an answer either.
 */
const REMARK = /^(?:默认|推荐|不推荐|常用|最常用|可选|必选|已废弃|废弃|过时|default|recommended|optional|deprecated|legacy)(?:值|开启|开|关|关闭|配置|方式|行为|策略)?$|^(?:e\.g\.?|i\.e\.?|eg|ie|如|比如|例如|see|见|since)\s/iu;
const VERSION = /^(?:v|version\s*|redis\s*|tls\s*|kafka\s*|linux\s*)?\d+(?:\.\d+)*\s*(?:\+|及以上|之后|以后|起|以前|之前)?$/iu;
type Gloss = { text: string; hidden: boolean; accepted: boolean };
function glossKind(gloss: string): Gloss {
  const text = gloss.trim();
  if (REMARK.test(text) || VERSION.test(text)) return { text, hidden: false, accepted: false };
  if (/[,，、;；:：]/u.test(text)) return { text, hidden: true, accepted: false };
  return { text, hidden: true, accepted: text.length > 0 };
}
function glossAfter(text: string): Gloss | undefined {
  const g = GLOSS.exec(text)?.[1];
  return g === undefined ? undefined : glossKind(g);
}

const BLANK = "\\[…\\]";

/**
 * The cloze question without the spelt-out acronym that follows its blank, and that expansion;
 * null when nothing but the expansion was left to ask ("[…] — HTTP Strict Transport Security.").
 */
function withoutExpansion(prompt: string, term: string): { prompt: string; expansion?: string } | null {
  const found = acronymExpansion(prompt, term);
  const blankEnd = prompt.indexOf(BLANK) + BLANK.length;
  if (!found || found.index < blankEnd) return { prompt };
  const between = prompt.slice(blankEnd, found.index);
  if (!/^[\s:：—–-]*[（(]?\s*$/u.test(between)) return { prompt };
  const after = prompt.slice(found.index + found.text.length);
  // "[…] (Server Name Indication) is…" loses the brackets; "[…]: Server Name Indication, the…" the comma
  const shown = /[（(]/u.test(between)
    ? `${prompt.slice(0, blankEnd)}${between.replace(/[（(]\s*$/u, "")}${after.replace(/^\s*[）)]/u, "")}`
    : `${prompt.slice(0, blankEnd)}${between.replace(/\s*$/u, " ")}${after.replace(/^\s*[,，;；]?\s*/u, "")}`;
  const tidy = cleanText(shown);
  if (normalizeAnswer(tidy.replace(BLANK, " ")).length < 4) return null;
  return { prompt: tidy, expansion: found.text };
}

const GLOSSED = /^(.+?)\s*[（(]([^（）()]{1,40})[）)]$/u;

export function boldClozes(g: Generator, children: PhrasingContent[], topic: string[], line: number) {
  const strongIdx = children.map((c, k) => (c.type === "strong" ? k : -1)).filter((k) => k >= 0);
  if (strongIdx.length === 0 || strongIdx.length === children.length) return;
  // bold is marked with control characters while the text is tidied, then written as **
  const render = (fn: (term: string, k: number) => string, hideGloss: number | null) => {
    let k = 0;
    let skipGloss = false;
    const parts = children.map((c, idx) => {
      if (c.type === "strong") {
        const out = fn(cleanText(plainText(c)), k);
        skipGloss = hideGloss === k && glossAfter(plainText(children[idx + 1] ?? { type: "text", value: "" }))?.hidden === true;
        k++;
        return out;
      }
      let text = plainText(c);
      if (skipGloss) text = text.replace(GLOSS, "");
      skipGloss = false;
      return md(text);
    });
    return cleanText(parts.join("")).replace(/[\u0001\u0002]/g, "**");
  };
  const key = render((_, k) => `[c${k + 1}]`, null);
  strongIdx.forEach((idx, group) => {
    const term = cleanText(plainText(children[idx]!));
    if (normalizeAnswer(term).length < 2) return;
    // a bold label that names a comparison ("**HW vs LEO**：…") is a heading, not a term to recall
    if (/\bvs\.?\b|versus|区别|对比|比较|\band\b|和/iu.test(term) && !GLOSSED.test(term)) return;
    const after = children[idx + 1];
    const bracket = after && after.type === "text" ? glossAfter(after.value) : undefined;
    // a remark in brackets stays in the question (render keeps it) and is no answer
    const gloss = bracket?.hidden ? bracket.text : undefined;
    const glossedTerm = GLOSSED.exec(term);
    const glossed = glossedTerm && glossKind(glossedTerm[2]!).accepted ? glossedTerm : null;
    // "**Session ID (1.2)**": the name before a remark in brackets is what the learner recalls
    const named = glossedTerm && !glossed ? [glossedTerm[1]!.trim()] : [];
    const aliases: string[] = [...new Set([...(bracket?.accepted ? [bracket.text] : []), ...(glossed ? [glossed[1]!.trim(), glossed[2]!.trim()] : named)])].filter((a) => a !== term);
    const whole = render((x, k) => (k === group ? "\\[…\\]" : md(x)), group);
    const at = sentenceWith(whole, /\\\[…\\\]/);
    const sentence0 = sentenceAt(whole, at);
    // an acronym spelt out right after its blank ("[…]: Server Name Indication, the hostname…")
    // is hidden with it, as a gloss is, and accepted; spelt out anywhere else, the card leaks
    const spelt = withoutExpansion(sentence0, term);
    if (spelt === null) return;
    if (spelt.expansion) aliases.push(spelt.expansion);
    const prompt = spelt.prompt;
    const shown = normalizeAnswer(prompt.replace(/\\\[…\\\]/g, " "));
    const giveaways = [term, ...aliases, ...g.glossary.synonyms(glossed ? glossed[1]! : term)].map(normalizeAnswer).filter((w) => w.length >= 2);
    if (giveaways.some((w) => shown.includes(w)) || misspeltIn(prompt, term)) return;
    // "**qrouter** 命名空间负责…" already asks "[…]负责…" for "qrouter 命名空间": the same card twice
    const asked = normalizeAnswer(term);
    if (g.cards.some((c) => c.line === line && c.generatedBy === "notes:responsibility" && c.kind === "cloze" && c.cloze.some((x) => normalizeAnswer(x.text).includes(asked)))) return;
    // "A **segment** is an immutable sub-index…" already asks "what is segment?" from that sentence
    const sentence = normalizeAnswer(sentence0.replace(/\\\[…\\\]/g, term));
    if (g.cards.some((c) => c.line === line && c.generatedBy === "notes:definition" && normalizeAnswer(c.prompt).includes(asked) && normalizeAnswer(c.answer) === sentence)) return;
    const answer = sentenceAt(render((x, k) => (k === group ? `\u0001${md(x)}\u0002${gloss ? `（${md(gloss)}）` : ""}` : md(x)), group), at);
    g.add(
      { kind: "cloze", topic, line, prompt, answer, group: group + 1, cloze: [{ text: term, ...(aliases.length ? { aliases } : {}) }], generatedBy: "notes:bold-cloze" },
      `${key}\u0000${group + 1}`,
    );
  });
}
