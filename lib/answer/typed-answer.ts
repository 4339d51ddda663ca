/**
 * What a card accepts when its answer is typed (computed at import, stored with the card,
 * used by typed study, typed quiz questions and generated "which term" choices):
 *
 * - a cloze card: its hidden terms, each with its `|` alternatives and glossary translations;
 * - a basic card with a short answer (40 characters at most): the whole answer, each
 *   alternative of an "A 或 B" / "A or B" answer, and the answer with each glossary word in it
 *   translated (令牌 for token, 镜像 for image);
 * - a basic card with a long answer: the bold phrase it opens with when that phrase is the
 *   answer ("**token**，由 keystone 签发…"); a sentence is never checked against one bold term
 *   taken from its middle;
 * - never a question that asks for an explanation (为什么, 区别, how, why, differences …).
 *
 * `term` says whether the answer is a term that a "which term" choice may offer among others
 * (not a sentence or a list).
 */
import type { ParsedCard } from "../content/types";
import { parseMarkdown, plainText } from "../content/markdown";
import { baseGlossary, spotTerms, type Glossary } from "../glossary";
import { normalizeAnswer } from "./normalize";
import type { TypedAnswer } from "./grade";

/** Short answers only: a basic card whose answer is a paragraph of explanation is not typed. */
const MAX_PLAIN_ANSWER = 40;
/** A "which term" option is a term, not a phrase. */
const MAX_TERM = 24;
/** At most this many accepted forms, so a long answer does not multiply. */
const MAX_ALIASES = 24;

const EXPLAIN = /为什么|为何|区别|不同|差异|对比|比较|原因|如何|怎么|怎样|讲一讲|说说|解释|why\b|how\b|explain|differ|compare|what happens/i;

function plain(markdown: string): string {
  return plainText(parseMarkdown(markdown)).replace(/\s+/g, " ").trim().replace(/[。.！!]$/u, "");
}

/** The answer with one glossary word at a time replaced by each of its translations. */
function translations(text: string, glossary: Glossary): string[] {
  const out: string[] = [];
  for (const w of spotTerms(text, glossary)) {
    for (const syn of glossary.synonyms(w.word).slice(1)) out.push(text.slice(0, w.at) + syn + text.slice(w.end));
  }
  return out;
}

function unique(expected: string, forms: string[]): string[] {
  const seen = new Set([normalizeAnswer(expected)]);
  const out: string[] = [];
  for (const f of forms) {
    const k = normalizeAnswer(f);
    if (k === "" || seen.has(k)) continue;
    seen.add(k);
    out.push(f);
    if (out.length >= MAX_ALIASES) break;
  }
  return out;
}

function looksLikeTerm(text: string): boolean {
  // "REST API 和 RabbitMQ" is two things, not one term
  return text.length <= MAX_TERM && !/[，,。；;：:、！？!?]|和|与|及|\band\b/u.test(text) && text.split(/\s+/).length <= 4;
}

/** "OAuth 2.0" is typed "OAuth2" or "OAuth 2": a version's ".0" is not part of what was recalled (round 7). */
function versionForms(term: string): string[] {
  const m = /^(.*?[A-Za-z])\s*(\d+)\.0$/u.exec(term.trim());
  return m ? [`${m[1]} ${m[2]}`] : [...multipleForms(term)];
}

const HAN_DIGITS = ["零", "一", "两", "三", "四", "五", "六", "七", "八", "九", "十"];
/** "2倍" is also typed 两倍, 二倍, 2x (round 7: only "2倍" was accepted). */
function multipleForms(term: string): string[] {
  const t = term.trim();
  const digit = /^(\d{1,2})\s*(?:倍|x|×)$/iu.exec(t)?.[1];
  const han = /^([一二两三四五六七八九十])\s*倍$/u.exec(t)?.[1];
  const n = digit !== undefined ? Number(digit) : han !== undefined ? (han === "二" ? 2 : HAN_DIGITS.indexOf(han)) : -1;
  if (n < 1) return [];
  const forms = [`${n}倍`, `${n}x`, `${n}×`];
  if (n <= 10) forms.push(`${HAN_DIGITS[n]}倍`);
  if (n === 2) forms.push("二倍");
  return forms;
}

export function typedAnswerOf(card: ParsedCard, glossary: Glossary = baseGlossary): (TypedAnswer & { term: boolean }) | null {
  if (card.kind === "cloze") {
    const expected = card.cloze.map((c) => c.text).join(", ");
    const only = card.cloze.length === 1 ? card.cloze[0] : undefined;
    const aliases = only ? unique(expected, [...(only.aliases ?? []), ...glossary.synonyms(only.text).slice(1), ...versionForms(only.text)]) : [];
    return { expected, aliases, term: only !== undefined && looksLikeTerm(only.text) };
  }
  if (card.kind !== "basic") return null;
  if (EXPLAIN.test(plain(card.prompt))) return null;
  const answer = plain(card.answer);
  // an answer that opens with its bold term: "**token**，由 keystone 签发…" (the whole answer counts too)
  const first = parseMarkdown(card.answer).children[0];
  const lead = first?.type === "paragraph" ? first.children[0] : undefined;
  if (lead?.type === "strong" && first?.type === "paragraph") {
    const term = plainText(lead).trim();
    const after = plainText({ type: "paragraph", children: first.children.slice(1) }).trimStart();
    if (term !== "" && after !== "" && /^[，,。：:（(—-]/u.test(after)) {
      const whole = answer.length <= MAX_PLAIN_ANSWER ? [answer] : [];
      return { expected: term, aliases: unique(term, [...glossary.synonyms(term).slice(1), ...translations(term, glossary), ...whole]), term: looksLikeTerm(term) };
    }
  }
  if (answer.length > 0 && answer.length <= MAX_PLAIN_ANSWER) {
    const alternatives = /或者|或是|\bor\b|或/u.test(answer) ? answer.split(/\s*(?:或者|或是|\bor\b|或)\s*/u).filter((a) => a.trim() !== "") : [];
    const aliases = unique(answer, [...alternatives, ...glossary.synonyms(answer).slice(1), ...translations(answer, glossary), ...alternatives.flatMap((a) => glossary.synonyms(a).slice(1))]);
    return { expected: answer, aliases, term: looksLikeTerm(answer) };
  }
  return null;
}
