/**
 * `content check --audit`: what a careful reader would flag in a deck, card by card, with
 * file and line: answers shown before the reveal (leaks.ts), duplicate cards, trivial cards,
 * and, in notes mode, prose no card used and sections that made no card.
 */
import type { ParsedCard, ParsedDeck } from "./types";
import { asLeakCard, leaksOf } from "./leaks";
import { normalizeAnswer } from "../answer/normalize";
import { makeGlossary, baseGlossary } from "../glossary";

export interface AuditFinding {
  file: string;
  line: number;
  kind: "leak" | "duplicate" | "trivial" | "unused-prose" | "empty-section";
  message: string;
}


export function auditDeck(deck: ParsedDeck): AuditFinding[] {
  const glossary = deck.glossary.length > 0 ? makeGlossary(deck.glossary) : baseGlossary;
  const out: AuditFinding[] = [];
  const at = (line: number, kind: AuditFinding["kind"], message: string) => out.push({ file: deck.source, line, kind, message });
  const seen = new Map<string, ParsedCard>();
  for (const c of deck.cards) {
    const what = c.generatedBy ? `${c.kind} card (${c.generatedBy})` : `${c.kind} card`;
    for (const l of leaksOf(asLeakCard(c), deck.title, glossary)) {
      const where = l.where === "prompt" ? "its question" : l.where === "topic" ? "the topic path shown above it" : "the deck title";
      at(c.line, "leak", `${what}: the answer "${l.answer}" stands in ${where}`);
    }
    // the same thing asked twice: same kind and the same answer under the same topic
    const key = `${c.kind}\u0000${c.topic.join("/")}\u0000${normalizeAnswer(c.kind === "ordering" ? c.steps.join("") : c.answer)}`;
    const first = seen.get(key);
    if (first && c.kind !== "open") at(c.line, "duplicate", `${what}: the same answer as the card at line ${first.line}`);
    else seen.set(key, c);
    if (c.kind === "ordering" && c.steps.length < 3) at(c.line, "trivial", `${what}: ${c.steps.length} steps are no ordering to learn`);
    if (c.kind === "choice" && c.options.length < 2) at(c.line, "trivial", `${what}: one option is no choice`);
    if ((c.kind === "basic" || c.kind === "cloze") && normalizeAnswer(c.kind === "cloze" ? c.cloze.map((t) => t.text).join("") : c.answer).length < 2) {
      at(c.line, "trivial", `${what}: the answer is a single character`);
    }
    if (c.kind === "open" && c.points.some((p) => p.keywords.length === 0)) at(c.line, "trivial", `${what}: a key point has no keywords to check`);
  }
  for (const n of deck.notices) at(n.line, n.message.startsWith("section") ? "empty-section" : "unused-prose", n.message);
  return out.sort((a, b) => a.line - b.line);
}
