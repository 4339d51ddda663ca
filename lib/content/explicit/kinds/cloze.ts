/**
 * Cloze cards: `{{c1::term}}` (Anki's, with `::hint` and `|alias`) and `==term==` (numbered after
 * the Anki ones) inside a paragraph; one card per number, the paragraph shown with that number's
 * terms hidden. Markers inside inline code are text.
 */
import type { Nodes, Paragraph } from "mdast";
import type { ClozeTerm } from "../../types";
import { sourceOf, startLine, startOffset } from "../../markdown";
import { MAX_CARD_TEXT } from "../../limits";
import { codeRanges, err, inRanges, isBlank, lineAt, tidyMarkdownInline, type At, type KindReader } from "../shared";

const CLOZE_ANKI = /\{\{c(\d+)::([\s\S]*?)(?:::([\s\S]*?))?\}\}/g;
const CLOZE_MARK = /==(?!=)([^\n]*?[^=\s\n]|[^=\s\n])==/g;
const CLOZE_OPEN = /\{\{c(\d+)::/g;
/** at most this cloze number (Anki numbers from c1) */
const MAX_CLOZE_GROUP = 999;

export interface ClozeMarker {
  start: number; // absolute offsets in src
  end: number;
  group: number;
  text: string;
  hint?: string;
  aliases: string[];
}

/** `term|alias|alias`: the first is shown, all are accepted when typed (not inside code). */
function splitAlternatives(term: string): { text: string; aliases: string[] } {
  if (term.includes("`")) return { text: term, aliases: [] };
  const [first = "", ...rest] = term.split("|").map((t) => t.trim());
  return { text: first, aliases: rest.filter((t) => t !== "") };
}

/** `{{cN::` markers that do not make a proper cloze: never closed (or only after another opens), numbered c0 or too high. */
export function clozeProblems(src: string, node: Nodes, clozes: ClozeMarker[]): Array<{ offset: number; message: string }> {
  const base = startOffset(node);
  const text = sourceOf(src, node);
  const ranges = codeRanges(node);
  const out: Array<{ offset: number; message: string }> = [];
  const byStart = new Map(clozes.map((c) => [c.start, c]));
  for (const m of text.matchAll(CLOZE_OPEN)) {
    const at = base + m.index;
    if (inRanges(at, ranges)) continue;
    const own = byStart.get(at);
    const swallows = own !== undefined && src.slice(at + m[0].length, own.end).includes("{{c");
    if (own && !swallows) {
      if (own.group < 1 || own.group > MAX_CLOZE_GROUP) out.push({ offset: at, message: `cloze number c${m[1]} is not allowed: number clozes from c1 to c${MAX_CLOZE_GROUP}` });
      continue;
    }
    out.push({ offset: at, message: `cloze {{c${m[1]}:: is not closed: end it with }}` });
    break; // the markers after an unclosed one cannot be told apart
  }
  return out;
}

export function findClozes(src: string, node: Nodes): ClozeMarker[] {
  const base = startOffset(node);
  const text = sourceOf(src, node);
  const ranges = codeRanges(node);
  const out: ClozeMarker[] = [];
  for (const m of text.matchAll(CLOZE_ANKI)) {
    if (inRanges(base + m.index, ranges)) continue;
    out.push({ start: base + m.index, end: base + m.index + m[0].length, group: Number(m[1]), ...splitAlternatives(m[2] ?? ""), hint: m[3] });
  }
  const maxGroup = out.reduce((a, c) => Math.max(a, c.group), 0);
  let next = maxGroup + 1;
  const anki: Array<[number, number]> = out.map((o) => [o.start, o.end]);
  const overlapsAnki = (start: number, end: number) => {
    // anki markers are sorted and disjoint: find the last one starting before end
    let lo = 0;
    let hi = anki.length - 1;
    let last = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (anki[mid]![0] < end) {
        last = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return last >= 0 && anki[last]![1] > start;
  };
  for (const m of text.matchAll(CLOZE_MARK)) {
    const start = base + m.index;
    if (inRanges(start, ranges) || overlapsAnki(start, start + m[0].length)) continue;
    out.push({ start, end: start + m[0].length, group: next++, ...splitAlternatives(m[1] ?? "") });
  }
  return out.sort((a, b) => a.start - b.start);
}

function addClozes(at: At, clozes: ClozeMarker[]) {
  const { p, src, ctx } = at;
  const base = startOffset(p);
  const text = sourceOf(src, p);
  const line = startLine(p);
  const empty = clozes.find((c) => isBlank(c.text));
  if (empty) {
    err(ctx, line, "cloze has an empty term");
    return;
  }
  const render = (fn: (c: ClozeMarker) => string) => {
    let out = "";
    let pos = 0;
    for (const c of clozes) {
      out += text.slice(pos, c.start - base) + fn(c);
      pos = c.end - base;
    }
    return tidyMarkdownInline(out + text.slice(pos));
  };
  const groups = [...new Set(clozes.map((c) => c.group))].sort((a, b) => a - b);
  if (groups.length * text.length > MAX_CARD_TEXT / 4) {
    // every group is a card repeating the whole paragraph: refuse before building them
    err(ctx, line, `too many clozes in one long paragraph: ${groups.length} cloze cards would each repeat its ${text.length} characters; split the paragraph`);
    return;
  }
  const key = render((c) => `[c${c.group}]`);
  for (const g of groups) {
    const prompt = render((c) => (c.group === g ? `\\[${c.hint ? c.hint : "…"}\\]` : c.text));
    const answer = render((c) => (c.group === g ? `**${c.text}**` : c.text));
    const cloze: ClozeTerm[] = clozes
      .filter((c) => c.group === g)
      .map((c) => ({ text: c.text, ...(c.hint ? { hint: c.hint } : {}), ...(c.aliases.length ? { aliases: c.aliases } : {}) }));
    at.add({ kind: "cloze", topic: at.topic, line, prompt, answer, group: g, cloze }, `${key}\u0000${g}`);
  }
}

export const cloze: KindReader = {
  starts(src: string, p: Paragraph) {
    const clozes = findClozes(src, p);
    return clozes.length > 0 || clozeProblems(src, p, clozes).length > 0;
  },
  read(at) {
    const clozes = findClozes(at.src, at.p);
    const problems = clozeProblems(at.src, at.p, clozes);
    for (const pr of problems) err(at.ctx, lineAt(at.src, pr.offset), pr.message);
    if (problems.length === 0 && clozes.length > 0) {
      addClozes(at, clozes);
      return at.i + 1;
    }
    return problems.length > 0 ? at.i + 1 : null;
  },
};
