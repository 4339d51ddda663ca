/**
 * The user's decisions on generated cards: keep, discard, or edit. A decision is stored in the
 * database (never in the notes) with the hash of the generated card it was made on, and applied
 * by the importer every time the deck is imported:
 * - a discard holds while the notes generate the same card; when they generate it differently
 *   the card comes back to be looked at again;
 * - a keep is a "looked at" mark with the same rule;
 * - an edit is the card's fields as the user rewrote them (`overrideSchema`) and replaces the
 *   generated card from then on, keeping its id and so its review history; when the notes change
 *   the generated card, the edit stays and is flagged so the user can compare.
 * Pure: no database; the caller passes rows in and writes what comes out.
 */
import { createHash } from "node:crypto";
import { overrideSchema, type CardOverride } from "./override";
import { parseDeck } from "./parse";
import type { ParsedCard, RubricPoint } from "./types";

export { MAX_OVERRIDE_FIELD, overrideSchema, type CardOverride } from "./override";


export type CurationStatus = "kept" | "discarded" | "edited";
export const CURATION_STATUSES: readonly CurationStatus[] = ["kept", "discarded", "edited"];

export interface Curation {
  cardId: string;
  status: CurationStatus;
  /** the edited card; kept when an edited card is later discarded */
  override: CardOverride | null;
  sourceHash: string;
}

/** The stored columns of a card that say what the notes generated (the importer's own strings). */
export interface GeneratedContent {
  kind: string;
  topic: string;
  prompt: string;
  answer: string;
  data: string;
}

/** Identifies what the notes generated for a card, so a decision can tell when that changed. */
export function sourceHashOf(card: GeneratedContent): string {
  const h = createHash("sha256");
  h.update([card.kind, card.topic, card.prompt, card.answer, card.data].join("\u0000"));
  return h.digest("hex").slice(0, 32);
}

const HINTED_BLANK = /\\\[([^\]\n]*?)\\\]/g;


/** Joins a cloze term with its accepted alternatives, as `{{c1::a|b}}` writes them. */
function clozeTerm(term: { text: string; hint?: string; aliases?: string[] }): string {
  const accepted = [term.text, ...(term.aliases ?? [])].join("|");
  return `{{c1::${accepted}${term.hint ? `::${term.hint}` : ""}}}`;
}

/** A card's editable fields, what the edit form starts from. */
export function overrideOf(card: ParsedCard): CardOverride {
  switch (card.kind) {
    case "basic":
      return { kind: "basic", prompt: card.prompt, answer: card.answer };
    case "cloze": {
      let k = 0;
      const marked = card.prompt.replace(HINTED_BLANK, (whole) => {
        const term = card.cloze[k++];
        return term ? clozeTerm(term) : whole;
      });
      return { kind: "cloze", text: marked };
    }
    case "choice":
      return { kind: "choice", prompt: card.prompt, options: card.options.map((o) => ({ text: o.text, correct: o.correct })), ...(card.explanation ? { explanation: card.explanation } : {}) };
    case "ordering":
      return { kind: "ordering", prompt: card.prompt, steps: [...card.steps], ...(card.explanation ? { explanation: card.explanation } : {}) };
    case "open":
      return { kind: "open", prompt: card.prompt, points: card.points.map((p) => p.text), ...(card.modelAnswer ? { modelAnswer: card.modelAnswer } : {}) };
  }
}

/** Two overrides say the same (the form saved without a change). */
export function sameOverride(a: CardOverride, b: CardOverride): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export type OverrideResult = { ok: true; card: ParsedCard } | { ok: false; message: string };

/**
 * The card an edit makes. It keeps the generated card's id, topic, line and kind (so its history
 * stays); a rubric point whose text the user left as it was keeps the keywords notes mode chose
 * for it, a new or changed point is graded by its own words (lib/interview/rubric.ts).
 */
export function applyOverride(override: CardOverride, original: ParsedCard): OverrideResult {
  if (override.kind !== original.kind) return { ok: false, message: `this card is a ${original.kind} card; an edit cannot make it a ${override.kind} card` };
  // saved without a change: the generated card as it is (a cloze's gloss stays in its answer)
  const unchanged = overrideSchema.safeParse(overrideOf(original));
  if (unchanged.success && sameOverride(unchanged.data, override)) return { ok: true, card: original };
  const base = { id: original.id, topic: original.topic, line: original.line, ...(original.generatedBy ? { generatedBy: original.generatedBy } : {}) };
  const withExplanation = (list: string, extra: string | undefined) => list + (extra ? `\n\n${extra}` : "");
  switch (override.kind) {
    case "basic":
      return { ok: true, card: { ...base, kind: "basic", prompt: override.prompt, answer: override.answer } };
    case "cloze": {
      // the content parser reads the markers, so an edited cloze means what a written one does
      const parsed = parseDeck(override.text, { file: "edit", deckId: "edit" });
      const clozes = parsed.deck?.cards.filter((c) => c.kind === "cloze") ?? [];
      if (!parsed.deck || parsed.deck.notesMode || clozes.length === 0) {
        const problems = parsed.errors.filter((e) => /cloze/i.test(e.message)).map((e) => e.message);
        return { ok: false, message: problems.length > 0 ? problems.join("; ") : "mark the hidden term as {{c1::term}}" };
      }
      if (parsed.deck.cards.length !== 1) return { ok: false, message: "one card only: write the sentence as one paragraph and mark its hidden term(s) with c1" };
      const c = clozes[0]!;
      return { ok: true, card: { ...base, kind: "cloze", prompt: c.prompt, answer: c.answer, group: original.kind === "cloze" ? original.group : 1, cloze: c.cloze } };
    }
    case "choice": {
      const options = override.options;
      if (!options.some((o) => o.correct)) return { ok: false, message: "mark at least one option as correct" };
      if (new Set(options.map((o) => o.text)).size !== options.length) return { ok: false, message: "the same option is there twice" };
      const correct = options.filter((o) => o.correct);
      const answer = withExplanation(correct.map((o) => `- ${o.text}`).join("\n"), override.explanation);
      return { ok: true, card: { ...base, kind: "choice", prompt: override.prompt, answer, options, multiple: correct.length > 1, ...(override.explanation ? { explanation: override.explanation } : {}) } };
    }
    case "ordering": {
      const answer = withExplanation(override.steps.map((s, i) => `${i + 1}. ${s}`).join("\n"), override.explanation);
      return { ok: true, card: { ...base, kind: "ordering", prompt: override.prompt, answer, steps: override.steps, ...(override.explanation ? { explanation: override.explanation } : {}) } };
    }
    case "open": {
      const before = new Map<string, RubricPoint>(original.kind === "open" ? original.points.map((p) => [p.text, p]) : []);
      const points = override.points.map((t): RubricPoint => before.get(t) ?? { text: t, keywords: [] });
      const answer = override.modelAnswer ?? override.points.map((t) => `- ${t}`).join("\n");
      return { ok: true, card: { ...base, kind: "open", prompt: override.prompt, answer, points, ...(override.modelAnswer ? { modelAnswer: override.modelAnswer } : {}) } };
    }
  }
}

/** A stored override (JSON), read back; null when it no longer reads (an older or damaged row). */
export function readOverride(json: string): CardOverride | null {
  try {
    const r = overrideSchema.safeParse(JSON.parse(json));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

export interface CurationOutcome {
  /** the deck's cards to store, edits applied, discarded cards left out */
  cards: ParsedCard[];
  /** cards in the notes that stay out of study (discarded while the notes generate them the same) */
  discarded: Set<string>;
  /** decisions whose generated card changed: discards and keeps to forget, edits to flag */
  lapsed: Array<{ cardId: string; status: CurationStatus }>;
  /** edits whose generated card is unchanged (the flag is cleared) */
  current: Set<string>;
  /** stored edits that no longer read as a card (a later parser refuses them): the generated card is used */
  broken: Array<{ cardId: string; message: string }>;
}

/**
 * Applies the user's decisions to a deck's generated cards. `hashOf` gives the source hash of a
 * generated card as the importer stores it.
 */
export function applyCurations(cards: readonly ParsedCard[], curations: ReadonlyMap<string, Curation>, hashOf: (card: ParsedCard) => string): CurationOutcome {
  const out: CurationOutcome = { cards: [], discarded: new Set(), lapsed: [], current: new Set(), broken: [] };
  for (const card of cards) {
    const c = curations.get(card.id);
    if (!c) {
      out.cards.push(card);
      continue;
    }
    const same = hashOf(card) === c.sourceHash;
    if (c.status === "discarded" && same) {
      out.discarded.add(card.id);
      continue;
    }
    if (c.status !== "edited" && !same) out.lapsed.push({ cardId: card.id, status: c.status });
    // an edit stays when the notes change; a discarded edit whose notes changed comes back edited
    if (c.override !== null) {
      const edited = applyOverride(c.override, card);
      if (edited.ok) {
        out.cards.push(edited.card);
        if (c.status === "edited") {
          if (same) out.current.add(card.id);
          else out.lapsed.push({ cardId: card.id, status: c.status });
        }
        continue;
      }
      out.broken.push({ cardId: card.id, message: edited.message });
    }
    out.cards.push(card);
  }
  return out;
}
