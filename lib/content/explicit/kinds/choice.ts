/**
 * Choice cards: a question paragraph and a task list of options (`- [x]` right, `- [ ]` wrong),
 * an explanation quote after it. A list meant as options with an item that has no box is an
 * error of its own (brokenChoice), read after the basic kinds so `q :: a` above a list stays a card.
 */
import type { List, ListItem, Nodes, Paragraph } from "mdast";
import type { ChoiceOption } from "../../types";
import { plainText, sourceOf, startLine } from "../../markdown";
import { err, isBlank, itemSource, quoteText, takeListAndQuote, type KindReader } from "../shared";

export const ORPHAN_OPTIONS = "choice options without a question: write the question in a paragraph right before the - [ ] list";

export function isTaskList(node: Nodes | undefined): node is List {
  return node?.type === "list" && node.children.length > 0 && node.children.every((i) => i.checked === true || i.checked === false);
}

/** isTaskList without narrowing the type (so the other branches keep List). */
export function isChoiceList(node: Nodes | undefined): boolean {
  return isTaskList(node);
}

/** A list that was meant as choice options but is not a task list: an item without - [ ]. */
export function brokenChoiceItem(list: Nodes | undefined): ListItem | undefined {
  if (list?.type !== "list" || isChoiceList(list)) return undefined;
  const looksEmpty = (i: ListItem) => i.checked === null && /^\[[ xX]?\]$/.test(plainText(i).trim());
  if (!list.children.some((i) => typeof i.checked === "boolean" || looksEmpty(i))) return undefined;
  return list.children.find((i) => typeof i.checked !== "boolean");
}

export const choice: KindReader = {
  starts: (_src: string, _p: Paragraph, next: Nodes | undefined) => isTaskList(next),
  read(at) {
    const { next, ctx, src, line } = at;
    if (!isTaskList(next)) return null;
    const prompt = sourceOf(src, at.p).trim();
    const options: ChoiceOption[] = next.children.map((it) => ({ text: itemSource(src, it), correct: it.checked === true }));
    const quote = at.afterQuote(at.i + 2);
    const empty = options.findIndex((o) => isBlank(o.text));
    if (isBlank(prompt)) err(ctx, line, "choice question is empty");
    else if (empty >= 0) err(ctx, startLine(next.children[empty]!), "choice option is empty");
    else if (options.length < 2) err(ctx, line, "choice question needs at least two options");
    else if (!options.some((o) => o.correct)) err(ctx, line, "choice question has no correct option: mark one with - [x]");
    else if (new Set(options.map((o) => o.text)).size !== options.length) err(ctx, line, "choice question has the same option twice");
    else {
      const explanation = quote ? quoteText(src, quote) : undefined;
      const multiple = options.filter((o) => o.correct).length > 1;
      const answer = options.filter((o) => o.correct).map((o) => `- ${o.text}`).join("\n") + (explanation ? `\n\n${explanation}` : "");
      at.add({ kind: "choice", topic: at.topic, line, prompt, answer, options, multiple, explanation }, prompt);
    }
    return takeListAndQuote(at, next, quote);
  },
};

export const brokenChoice: KindReader = {
  starts: (_src: string, _p: Paragraph, next: Nodes | undefined) => brokenChoiceItem(next) !== undefined,
  read(at) {
    const broken = brokenChoiceItem(at.next);
    if (!broken) return null;
    // e.g. "- [ ]" with no text, or an option written without its box
    const message = /^\[[ xX]?\]$/.test(plainText(broken).trim()) ? "choice option is empty" : "choice option needs - [ ] or - [x] in front of it";
    err(at.ctx, startLine(broken), message);
    at.consume(at.next!);
    return at.i + 2;
  },
};
