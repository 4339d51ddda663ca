/** Ordering cards: `Order: question` (or `排序：`) and a numbered list of the steps, an explanation quote after it. */
import type { Nodes, Paragraph } from "mdast";
import { plainText, sourceOf, startLine } from "../../markdown";
import { err, isBlank, itemSource, quoteText, takeListAndQuote, type KindReader } from "../shared";

export const ORDER_MARKER = /^\s*(?:order|排序)\s*[:：]\s*/i;

export const ordering: KindReader = {
  starts: (_src: string, p: Paragraph, next: Nodes | undefined) => ORDER_MARKER.test(plainText(p)) && next?.type === "list" && next.ordered === true,
  read(at) {
    const { next, ctx, src, line } = at;
    if (!(ORDER_MARKER.test(at.text) && next?.type === "list" && next.ordered)) return null;
    const prompt = sourceOf(src, at.p).replace(ORDER_MARKER, "").trim();
    const steps = next.children.map((it) => itemSource(src, it));
    const quote = at.afterQuote(at.i + 2);
    const emptyStep = steps.findIndex(isBlank);
    if (isBlank(prompt)) err(ctx, line, "ordering question has no question text after the marker");
    else if (emptyStep >= 0) err(ctx, startLine(next.children[emptyStep]!), `ordering step ${emptyStep + 1} is empty`);
    else if (steps.length < 2) err(ctx, line, "ordering question needs at least two steps");
    else {
      const explanation = quote ? quoteText(src, quote) : undefined;
      const answer = steps.map((s, k) => `${k + 1}. ${s}`).join("\n") + (explanation ? `\n\n${explanation}` : "");
      at.add({ kind: "ordering", topic: at.topic, line, prompt, answer, steps, explanation }, prompt);
    }
    return takeListAndQuote(at, next, quote);
  },
};
