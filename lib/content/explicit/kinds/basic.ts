/**
 * Basic cards, two ways: `question :: answer` in one paragraph, or a paragraph ending in a line
 * that is only `?` (the question is the text before it, or the paragraph above), its answer the
 * rest of the paragraph and every block up to the next heading, rule or card.
 */
import type { Nodes, Paragraph } from "mdast";
import { sourceOf, sourceOfRange, startLine, startOffset } from "../../markdown";
import { codeRanges, err, inRanges, isBlank, isBoundary, type KindReader } from "../shared";
import { findClozes } from "./cloze";

// ":: answer" at the start of a line is a card with an empty question (an error), not prose
const BASIC_SEP = /(?:^|[ \t])::(?:[ \t]|$)/m;

/** Text of a paragraph split at its first ` :: ` separator outside inline code. */
function splitBasic(src: string, p: Paragraph): { question: string; answer: string } | null {
  const base = startOffset(p);
  const text = sourceOf(src, p);
  const ranges = codeRanges(p);
  const clozes = findClozes(src, p);
  const re = new RegExp(BASIC_SEP.source, "gm");
  for (const m of text.matchAll(re)) {
    const pos = base + m.index;
    if (inRanges(pos, ranges) || clozes.some((c) => pos >= c.start && pos < c.end)) continue;
    return { question: text.slice(0, m.index).trim(), answer: text.slice(m.index + m[0].length).trim() };
  }
  return null;
}

/** Lines of a paragraph's source; a line that is only "?" separates question and answer. */
function questionMarkSplit(src: string, p: Paragraph): { before: string; after: string } | null {
  const lines = sourceOf(src, p).split("\n");
  const at = lines.findIndex((l) => l.trim() === "?");
  if (at < 0) return null;
  return { before: lines.slice(0, at).join("\n").trim(), after: lines.slice(at + 1).join("\n").trim() };
}

export const questionMark: KindReader = {
  starts: (src: string, p: Paragraph) => questionMarkSplit(src, p) !== null,
  read(at) {
    const { list, i, src, ctx, line } = at;
    const qm = questionMarkSplit(src, at.p);
    if (!qm) return null;
    let question = qm.before;
    let qLine = line;
    if (question === "") {
      const prev: Nodes | undefined = list[i - 1];
      if (prev && !at.isConsumed(prev) && !isBoundary(prev)) {
        question = sourceOf(src, prev).trim();
        qLine = startLine(prev);
        at.consume(prev);
      }
    }
    // the answer: the rest of this paragraph, then every block up to the next boundary or card
    const end = at.answerRun(i + 1);
    const first = list[i + 1];
    const last = list[end - 1];
    const following = end > i + 1 && first && last ? sourceOfRange(src, first, last).trim() : "";
    for (let k = i + 1; k < end; k++) at.consume(list[k]!);
    const answer = [qm.after, following].filter((part) => part !== "").join("\n\n");
    if (isBlank(question)) err(ctx, line, "question is empty: put the question right before the ? line");
    else if (isBlank(answer)) err(ctx, line, "question has no answer after the ? line");
    else at.add({ kind: "basic", topic: at.topic, line: qLine, prompt: question, answer }, question);
    return end;
  },
};

export const basic: KindReader = {
  starts: (src: string, p: Paragraph) => splitBasic(src, p) !== null,
  read(at) {
    const b = splitBasic(at.src, at.p);
    if (!b) return null;
    if (isBlank(b.question)) err(at.ctx, at.line, "question is empty before ::");
    else if (isBlank(b.answer)) err(at.ctx, at.line, "question has no answer after ::");
    else at.add({ kind: "basic", topic: at.topic, line: at.line, prompt: b.question, answer: b.answer }, b.question);
    return at.i + 1;
  },
};
