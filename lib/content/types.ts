/** Domain types of parsed content. Pure data: no database, no framework. */

export type CardKind = "basic" | "cloze" | "choice" | "ordering" | "open";
export const CARD_KINDS: readonly CardKind[] = ["basic", "cloze", "choice", "ordering", "open"];

export interface ChoiceOption {
  text: string;
  correct: boolean;
}

export interface RubricPoint {
  text: string;
  /** keyword groups; a group is a list of aliases, any of which counts */
  keywords: string[][];
  /** how many groups an answer must mention (generated rubrics); all of them when absent */
  need?: number;
  /** the group (index into keywords) an answer must mention among them (generated rubrics) */
  anchor?: number;
}

export interface ClozeTerm {
  text: string;
  hint?: string;
  /** other answers accepted when the term is typed: `{{c1::L3 agent|L3 代理}}` */
  aliases?: string[];
}

interface CardBase {
  /** stable id: hash of deck, topic path, kind and question */
  id: string;
  kind: CardKind;
  /** heading path above the card */
  topic: string[];
  /** 1-based line in the source file */
  line: number;
  /** markdown shown as the question */
  prompt: string;
  /** markdown shown as the answer (with the explanation, when there is one) */
  answer: string;
  /** set for cards that notes mode generated, naming the rule that made them */
  generatedBy?: string;
}

export interface BasicCard extends CardBase {
  kind: "basic";
}
export interface ClozeCard extends CardBase {
  kind: "cloze";
  group: number;
  /** the hidden terms of this card's group, in order */
  cloze: ClozeTerm[];
}
export interface ChoiceCard extends CardBase {
  kind: "choice";
  options: ChoiceOption[];
  multiple: boolean;
  explanation?: string;
}
export interface OrderingCard extends CardBase {
  kind: "ordering";
  steps: string[];
  explanation?: string;
}
export interface OpenCard extends CardBase {
  kind: "open";
  points: RubricPoint[];
  modelAnswer?: string;
}

export type ParsedCard = BasicCard | ClozeCard | ChoiceCard | OrderingCard | OpenCard;

export interface DeckMeta {
  title: string;
  description: string;
  tags: string[];
  language: string;
  /** the deck's own glossary entries (front matter `glossary`), on top of the shipped glossary */
  glossary: string[][];
}

export interface ParsedDeck extends DeckMeta {
  /** path under the content root without ".md", e.g. "openstack/dhcp" */
  id: string;
  /** the file as given to the parser */
  source: string;
  /** folder of the deck under the content root ("" at the root) */
  group: string;
  notesMode: boolean;
  /** what notes mode could not use (sections without cards, prose without a card), for the audit */
  notices: Array<{ line: number; message: string }>;
  /** sha-256 of the file's bytes and the parser version */
  contentHash: string;
  cards: ParsedCard[];
}

export interface ContentError {
  file: string;
  line: number;
  message: string;
}

export interface ParseResult {
  deck: ParsedDeck | null;
  errors: ContentError[];
}

/** The kind-specific fields of a card, as stored in the card's `data` column. */
export function cardData(card: ParsedCard): Record<string, unknown> {
  switch (card.kind) {
    case "basic":
      return {};
    case "cloze":
      return { group: card.group, cloze: card.cloze };
    case "choice":
      return { options: card.options, multiple: card.multiple, explanation: card.explanation };
    case "ordering":
      return { steps: card.steps, explanation: card.explanation };
    case "open":
      return { points: card.points, modelAnswer: card.modelAnswer };
  }
}

/** A card before its id is computed (Omit distributed over the union). */
export type CardDraft = ParsedCard extends infer C ? (C extends ParsedCard ? Omit<C, "id"> : never) : never;
