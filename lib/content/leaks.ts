/**
 * Nothing shown before the reveal may contain the answer: not the question, not the topic
 * path above it, not the deck title. This module says what a card's answer is in words a
 * learner would recall, which topic levels the study screen may show, and where a card gives
 * its answer away. Notes mode must make no card with a leak (tested over every fixture);
 * `content check --audit` reports the leaks of hand-written decks; the study screen hides the
 * topic levels that name the answer (a cloze on dnsmasq under the heading "dnsmasq", filed there so that
 * scores by topic count it there).
 */
import type { ParsedCard } from "./types";
import { parseMarkdown, plainText } from "./markdown";
import { normalizeAnswer } from "../answer/normalize";
import { baseGlossary, type Glossary } from "../glossary";

/** The card's fields the leak rules read (a parsed card, or a stored one). */
export type LeakCard = Pick<ParsedCard, "kind" | "prompt" | "answer" | "topic"> & {
  options?: Array<{ text: string; correct: boolean }>;
  cloze?: Array<{ text: string; aliases?: string[] }>;
};

/** A parsed card as the leak rules read it. */
export const asLeakCard = (c: ParsedCard): LeakCard => ({ ...c, options: c.kind === "choice" ? c.options : undefined, cloze: c.kind === "cloze" ? c.cloze : undefined });

/** Only an answer this short can stand in a topic level (a heading is a few words). */
const TOPIC_SIZED = 80;

function plain(markdown: string): string {
  return plainText(parseMarkdown(markdown)).replace(/\s+/g, " ").trim();
}

/** What the learner must come up with, as plain text: the hidden terms, the right options, a short answer. */
export function answerTexts(card: LeakCard, glossary: Glossary = baseGlossary): string[] {
  switch (card.kind) {
    case "cloze":
      return (card.cloze ?? []).flatMap((t) => [t.text, ...(t.aliases ?? []), ...glossary.synonyms(t.text).slice(1)]);
    case "choice":
      return (card.options ?? []).filter((o) => o.correct).map((o) => plain(o.text));
    case "basic": {
      const a = plain(card.answer).replace(/[。.！!]$/u, "");
      return a.length > 0 ? [a] : [];
    }
    default:
      return [];
  }
}

/** Words an expansion may hold that give no letter to its acronym ("Point of Presence"). */
const FILLER_WORDS = new Set(["of", "the", "and", "for", "a", "an", "to", "in", "on", "over", "via", "with", "by"]);

/**
 * Where `text` spells out the acronym `term` ("Server Name Indication" for SNI,
 * "Application-Layer Protocol Negotiation" for ALPN, "HTTP Strict Transport Security" for
 * HSTS): consecutive words whose initials are its letters, small words and the tail of a
 * hyphenated word ("HMAC-based") giving none; or one CamelCase word whose capitals are its letters. A two-letter acronym needs capitalised words
 * ("in particular" is no IP). Hand-written: no library we use recognises acronym expansions.
 */
export function acronymExpansion(text: string, term: string): { index: number; text: string } | null {
  if (!/^[A-Z]{2,8}$/.test(term)) return null;
  const letters = term.toLowerCase();
  const words = [...text.matchAll(/[A-Za-z][A-Za-z0-9']*/g)].map((m) => ({ word: m[0], index: m.index }));
  // one CamelCase word spells it out too: "InitiatingHeapOccupancyPercent" for IHOP
  const camel = words.find((w) => /^(?:[A-Z][a-z0-9]+){2,}$/.test(w.word) && (w.word.match(/[A-Z]/g) ?? []).join("") === term);
  if (camel) return { index: camel.index, text: camel.word };
  for (let i = 0; i < words.length; i++) {
    let pos = 0;
    let j = i;
    for (; j < words.length && pos < letters.length; j++) {
      const w = words[j]!;
      if (j > i) {
        const gap = text.slice(words[j - 1]!.index + words[j - 1]!.word.length, w.index);
        if (!/^[\s-]+$/.test(gap)) break;
      }
      const initial = w.word[0]!;
      if (initial.toLowerCase() === letters[pos] && (letters.length > 2 || /[A-Z]/.test(initial)) && w.word !== term) pos++;
      else if (j > i && (FILLER_WORDS.has(w.word.toLowerCase()) || text[w.index - 1] === "-")) continue;
      else break;
    }
    if (pos === letters.length && j - i >= 2) {
      const last = words[j - 1]!;
      return { index: words[i]!.index, text: text.slice(words[i]!.index, last.index + last.word.length) };
    }
  }
  return null;
}

function contains(shown: string, answer: string): boolean {
  const a = normalizeAnswer(answer);
  return a.length >= 2 && normalizeAnswer(shown).includes(a);
}

/** The topic path the study screen may show: without a level that contains the answer. */
export function shownTopic(card: LeakCard, glossary: Glossary = baseGlossary): string[] {
  const answers = answerTexts(card, glossary).filter((a) => a.length <= TOPIC_SIZED);
  return card.topic.filter((level) => !answers.some((a) => contains(level, a) || (normalizeAnswer(a).length >= 2 && normalizeAnswer(a) === normalizeAnswer(level))));
}

export interface Leak {
  /** where the answer shows: the question, a topic level still shown, or the deck title */
  where: "prompt" | "topic" | "deck";
  /** the answer text that shows */
  answer: string;
}

/** Where a card shows its answer before the reveal (none for a good card). */
export function leaksOf(card: LeakCard, deckTitle: string, glossary: Glossary = baseGlossary): Leak[] {
  const answers = answerTexts(card, glossary);
  // a cloze question shows its blank: the hidden term is not in it, whatever else is
  const prompt = plain(card.prompt.replace(/\\\[…\\\]|\[…\]/g, " "));
  const out: Leak[] = [];
  for (const a of answers) {
    if (contains(prompt, a) || (card.kind === "cloze" && acronymExpansion(prompt, a))) out.push({ where: "prompt", answer: a });
    if (shownTopic(card, glossary).some((level) => contains(level, a))) out.push({ where: "topic", answer: a });
    if (contains(deckTitle, a)) out.push({ where: "deck", answer: a });
  }
  return out;
}
