/**
 * What the readers of the explicit card syntax share: the parse context, how an error is
 * reported, and the helpers each card kind needs (a list item's source, a blockquote's text,
 * inline code ranges markers are not read from).
 */
import type { Blockquote, ListItem, Nodes, Paragraph } from "mdast";
import type { CardDraft, ContentError, ParsedCard } from "../types";
import { endOffset, sourceOf, sourceOfRange, startOffset } from "../markdown";

export type Ctx = {
  file: string;
  deckId: string;
  src: string;
  errors: ContentError[];
  cards: ParsedCard[];
};

export function err(ctx: { file: string; errors: ContentError[] }, line: number, message: string) {
  ctx.errors.push({ file: ctx.file, line, message });
}

/**
 * A paragraph being read, with the blocks around it. A card kind reads its card from here and
 * says how far it read (`consume` marks blocks it took that come before or beside it).
 */
export interface At {
  ctx: Ctx;
  src: string;
  list: Nodes[];
  i: number;
  p: Paragraph;
  next: Nodes | undefined;
  line: number;
  /** the paragraph's plain text */
  text: string;
  topic: string[];
  add(card: CardDraft, question: string): void;
  consume(n: Nodes): void;
  isConsumed(n: Nodes): boolean;
  /** the blockquote at index k, if there is one (a card's explanation) */
  afterQuote(k: number): Blockquote | undefined;
  /** the index after the blocks from i up to the next boundary or block that starts another card */
  answerRun(i: number): number;
}

/**
 * One card kind of the explicit syntax. `starts` tells a paragraph (with the block after it)
 * that begins a card of this kind, whatever errors the card then has; `read` reads it and
 * returns the index of the next block to read, or null when the paragraph is not of this kind.
 */
export interface KindReader {
  starts(src: string, p: Paragraph, next: Nodes | undefined): boolean;
  read(at: At): number | null;
}

/** Empty for a reader: white space, also non-breaking, full-width and zero-width spaces. */
export function isBlank(text: string): boolean {
  return /^[\s\u200b-\u200d\u2060\ufeff]*$/u.test(text);
}

/** Source ranges of inline code inside a node, which markers must not be read from. */
export function codeRanges(node: Nodes): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const walk = (n: Nodes) => {
    if (n.type === "inlineCode" || n.type === "code") ranges.push([startOffset(n), endOffset(n)]);
    else if ("children" in n) for (const c of n.children) walk(c as Nodes);
  };
  walk(node);
  return ranges;
}

/** Whether pos falls in one of the ranges (sorted by start, not overlapping): a binary search. */
export function inRanges(pos: number, ranges: Array<[number, number]>): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = ranges[mid]!;
    if (pos < a) hi = mid - 1;
    else if (pos >= b) lo = mid + 1;
    else return true;
  }
  return false;
}

export function lineAt(src: string, offset: number): number {
  let n = 1;
  for (let i = src.indexOf("\n"); i >= 0 && i < offset; i = src.indexOf("\n", i + 1)) n++;
  return n;
}

export function itemSource(src: string, item: ListItem): string {
  const first = item.children[0];
  const last = item.children[item.children.length - 1];
  if (!first || !last) return "";
  return tidyMarkdownInline(sourceOfRange(src, first, last));
}

/** Joins the lines of an inline markdown snippet (list item continuation lines). */
export function tidyMarkdownInline(md: string): string {
  return md
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "")
    .join(" ");
}

export function quoteText(src: string, quote: Blockquote): string {
  const first = quote.children[0];
  const last = quote.children[quote.children.length - 1];
  if (!first || !last) return "";
  // the blockquote's content without its "> " markers, re-read from the inner blocks
  return quote.children.map((c) => stripQuoteMarkers(sourceOf(src, c))).join("\n\n").trim();
}

function stripQuoteMarkers(md: string): string {
  return md
    .split("\n")
    .map((l) => l.replace(/^\s*>\s?/, ""))
    .join("\n");
}

/** A heading or a thematic break ends an answer (and the end of the blocks does). */
export function isBoundary(n: Nodes | undefined): boolean {
  return n === undefined || n.type === "heading" || n.type === "thematicBreak";
}

/** The card's list and the explanation quote after it are taken; the index after them. */
export function takeListAndQuote(at: At, list: Nodes, quote: Blockquote | undefined): number {
  at.consume(list);
  if (quote) at.consume(quote);
  return quote ? at.i + 3 : at.i + 2;
}
