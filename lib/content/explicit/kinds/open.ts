/**
 * Open (interview) cards: `Interview: question` (or `面试题：`) and a bullet list of key points,
 * each optionally ending in its keyword groups (`{token|令牌; keystone}`), a model answer quote after it.
 */
import type { Nodes, Paragraph } from "mdast";
import type { RubricPoint } from "../../types";
import { plainText, sourceOf, startLine } from "../../markdown";
import { err, isBlank, itemSource, quoteText, takeListAndQuote, type KindReader } from "../shared";

export const OPEN_MARKER = /^\s*(?:interview|面试题?)\s*[:：]\s*/i;

export function parseKeywords(point: string): RubricPoint {
  const trimmed = point.trim();
  if (trimmed.endsWith("}")) {
    const open = trimmed.lastIndexOf("{");
    if (open > 0) {
      const groups = trimmed
        .slice(open + 1, -1)
        .split(/[;；,，]/)
        .map((g) =>
          g
            .split("|")
            .map((a) => a.trim())
            .filter((a) => a !== ""),
        )
        .filter((g) => g.length > 0);
      return { text: trimmed.slice(0, open).trim(), keywords: groups };
    }
  }
  return { text: trimmed, keywords: [] };
}

export const open: KindReader = {
  starts: (_src: string, p: Paragraph, next: Nodes | undefined) => OPEN_MARKER.test(plainText(p)) && next?.type === "list" && !next.ordered,
  read(at) {
    const { next, ctx, src, line } = at;
    if (!(OPEN_MARKER.test(at.text) && next?.type === "list" && !next.ordered)) return null;
    const prompt = sourceOf(src, at.p).replace(OPEN_MARKER, "").trim();
    const points = next.children.map((it) => parseKeywords(itemSource(src, it)));
    const quote = at.afterQuote(at.i + 2);
    const emptyPoint = points.findIndex((pt) => isBlank(pt.text));
    if (isBlank(prompt)) err(ctx, line, "interview question has no question text after the marker");
    else if (emptyPoint >= 0) err(ctx, startLine(next.children[emptyPoint]!), `interview key point ${emptyPoint + 1} is empty`);
    else if (points.length === 0) err(ctx, line, "interview question needs at least one key point");
    else {
      const modelAnswer = quote ? quoteText(src, quote) : undefined;
      const answer = points.map((pt) => `- ${pt.text}`).join("\n") + (modelAnswer ? `\n\n${modelAnswer}` : "");
      at.add({ kind: "open", topic: at.topic, line, prompt, answer, points, modelAnswer }, prompt);
    }
    return takeListAndQuote(at, next, quote);
  },
};
