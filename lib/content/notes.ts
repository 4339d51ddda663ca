/**
 * Notes mode: cards generated from plain notes that have no card syntax.
 *
 * Exported notes are messy markdown: steps indented four spaces right under a heading parse
 * as an (indented) code block; steps after an image bullet (`+ ![](...)`) parse as lists
 * nested in that bullet; every step is numbered `1.`; phases are bold bullets. This module
 * walks the mdast in reading order and recovers what a reader sees: sections (headings),
 * phases (bold lines) and numbered steps in order, plus bullet points and bold terms.
 * No library does this recovery; it is written here on top of remark's tree.
 */
import type { Root, Nodes, Heading, Paragraph, PhrasingContent, ListItem } from "mdast";
import type { CardDraft, ParsedCard, RubricPoint } from "./types";
import { parseMarkdown, isAllStrong, isImageOnly, joinedText, plainText, sourceOf, startLine } from "./markdown";
import { cardId } from "./ids";
import { stripEnumeration, tidySpaces } from "../text";

export interface NotesInput {
  tree: Root;
  src: string;
  deckId: string;
  language: string;
  skipHeading: Heading | undefined;
  title: string;
}

interface Step {
  text: string;
  line: number;
  phase?: string;
  details: string[];
}
interface Sentence {
  children: PhrasingContent[];
  line: number;
}
interface Section {
  /** heading path, enumerations stripped */
  path: string[];
  depth: number;
  line: number;
  steps: Step[];
  phases: Array<{ name: string; line: number }>;
  points: Array<{ text: string; line: number }>;
  sentences: Sentence[];
}

/** Exports mark adjacent bold runs with literal asterisks ("nova****准备"); they mean a space. */
function cleanText(text: string): string {
  return tidySpaces(text.replace(/\*{2,}/g, " "));
}

function phaseText(p: Paragraph): string {
  return cleanText(joinedText(p.children));
}

const TEMPLATES = {
  zh: {
    order: (t: string) => `把「${t}」的步骤按顺序排好`,
    phaseOrder: (t: string) => `把「${t}」的各个阶段按顺序排好`,
    phaseSteps: (p: string) => `把「${p}」这一阶段的步骤按顺序排好`,
    next: (t: string, step: string) => `「${t}」中，下面这一步之后紧接着发生什么？\n\n> ${step}`,
    phaseOf: (t: string, step: string) => `「${t}」中，下面这一步属于哪个阶段？\n\n> ${step}`,
    open: (t: string) => `面试题：请完整讲一讲「${t}」。`,
    first: (t: string) => `「${t}」的第一步是什么？`,
  },
  en: {
    order: (t: string) => `Put the steps of “${t}” in order`,
    phaseOrder: (t: string) => `Put the phases of “${t}” in order`,
    phaseSteps: (p: string) => `Put the steps of the phase “${p}” in order`,
    next: (t: string, step: string) => `In “${t}”, what happens right after this step?\n\n> ${step}`,
    phaseOf: (t: string, step: string) => `In “${t}”, which phase does this step belong to?\n\n> ${step}`,
    open: (t: string) => `Interview question: walk me through “${t}”.`,
    first: (t: string) => `What is the first step of “${t}”?`,
  },
};

/** Escapes text so markdown shows it literally (steps are plain text once recovered). */
function md(text: string): string {
  return text.replace(/([\\`*_[\]<>#|~])/g, "\\$1");
}

const STOPWORDS = new Set(
  "a an and are as at be by for from in into is it of on or the to with via its this that then than after before when which".split(" "),
);

/** English technical terms of a point, as rubric keywords (each its own group). */
export function technicalTerms(text: string, max = 3): string[][] {
  const seen = new Set<string>();
  const out: string[][] = [];
  for (const m of text.matchAll(/[A-Za-z][A-Za-z0-9]*(?:[-_.][A-Za-z0-9]+)*/g)) {
    const term = m[0];
    const key = term.toLowerCase();
    if (term.length < 2 || STOPWORDS.has(key) || seen.has(key)) continue;
    seen.add(key);
    out.push([term]);
    if (out.length >= max) break;
  }
  return out;
}

function collectSections(input: NotesInput): Section[] {
  const { tree, src, skipHeading } = input;
  const root: Section = { path: [], depth: 0, line: 1, steps: [], phases: [], points: [], sentences: [] };
  const sections: Section[] = [root];
  const stack: Section[] = [root];
  let current = root;
  let phase: string | undefined;

  const addStep = (p: Paragraph, details: string[]) => {
    const text = cleanText(plainText(p));
    if (text === "") return;
    current.steps.push({ text, line: startLine(p), phase, details });
    if (p.children.some((c) => c.type === "strong")) current.sentences.push({ children: p.children, line: startLine(p) });
  };
  const addSentence = (p: Paragraph) => {
    if (p.children.some((c) => c.type === "strong")) current.sentences.push({ children: p.children, line: startLine(p) });
  };

  const walkItem = (item: ListItem, ordered: boolean, lineOffset: number) => {
    const [first, ...rest] = item.children;
    if (first?.type === "paragraph" && !isImageOnly(first) && plainText(first).trim() !== "") {
      if (isAllStrong(first)) {
        phase = phaseText(first);
        if (phase !== "") current.phases.push({ name: phase, line: startLine(first) + lineOffset });
        walk(rest, lineOffset);
      } else if (ordered) {
        // a step: what is nested under it are its details, not more steps
        const details = rest.map((n) => cleanText(plainText(n))).filter((t) => t !== "");
        addStep(shift(first, lineOffset), details);
      } else {
        current.points.push({ text: cleanText(plainText(first)), line: startLine(first) + lineOffset });
        addSentence(shift(first, lineOffset));
        walk(rest, lineOffset);
      }
    } else {
      walk(first ? item.children : [], lineOffset);
    }
  };

  const walk = (nodes: Nodes[], lineOffset: number) => {
    for (const n of nodes) {
      switch (n.type) {
        case "heading": {
          if (n === skipHeading) break;
          const name = stripEnumeration(cleanText(plainText(n)));
          while (stack.length > 1 && stack[stack.length - 1]!.depth >= n.depth) stack.pop();
          const parent = stack[stack.length - 1]!;
          current = { path: [...parent.path, name], depth: n.depth, line: startLine(n) + lineOffset, steps: [], phases: [], points: [], sentences: [] };
          stack.push(current);
          sections.push(current);
          phase = undefined;
          break;
        }
        case "code": {
          // an indented code block in notes is indented text (usually steps): read it again as markdown
          const raw = sourceOf(src, n).trimStart();
          if (!n.lang && !/^(`{3,}|~{3,})/.test(raw)) {
            walk(parseMarkdown(n.value).children as Nodes[], lineOffset + startLine(n) - 1);
          }
          break;
        }
        case "list":
          for (const item of n.children) walkItem(item, n.ordered === true, lineOffset);
          break;
        case "paragraph":
          if (isImageOnly(n)) break;
          if (isAllStrong(n)) {
            phase = phaseText(n);
            if (phase !== "") current.phases.push({ name: phase, line: startLine(n) + lineOffset });
          } else addSentence(shift(n, lineOffset));
          break;
        default:
          // blockquotes (export metadata), tables, html and thematic breaks make no cards
          break;
      }
    }
  };

  walk(tree.children as Nodes[], 0);
  return sections;
}

/** A paragraph whose reported line is moved by the offset of the code block it was re-read from. */
function shift(p: Paragraph, lineOffset: number): Paragraph {
  if (lineOffset === 0 || !p.position) return p;
  return { ...p, position: { start: { ...p.position.start, line: p.position.start.line + lineOffset }, end: p.position.end } };
}

export function generateNotesCards(input: NotesInput): ParsedCard[] {
  const t = input.language.toLowerCase().startsWith("zh") ? TEMPLATES.zh : TEMPLATES.en;
  const sections = collectSections(input);
  const cards: ParsedCard[] = [];
  const ids = new Set<string>();
  const add = (card: CardDraft, question: string) => {
    const id = cardId(input.deckId, card.topic, card.kind, question);
    if (ids.has(id)) return; // a repeated sentence in notes yields its card once
    ids.add(id);
    cards.push({ ...card, id } as ParsedCard);
  };
  const numbered = (items: string[]) => items.map((s, k) => `${k + 1}. ${md(s)}`).join("\n");

  for (const s of sections) {
    const title = s.path[s.path.length - 1] ?? input.title;
    const steps = s.steps;
    const phases = [...new Map(s.phases.map((p) => [p.name, p])).values()];
    const phaseTopic = (p: string | undefined) => (p && phases.length >= 2 ? [...s.path, p] : s.path);

    if (steps.length >= 2) {
      const texts = steps.map((x) => x.text);
      const prompt = t.order(title);
      add({ kind: "ordering", topic: s.path, line: steps[0]!.line, prompt, answer: numbered(texts), steps: texts, generatedBy: "notes:process-order" }, prompt);
      const first = t.first(title);
      add({ kind: "basic", topic: s.path, line: steps[0]!.line, prompt: first, answer: md(texts[0]!), generatedBy: "notes:first-step" }, first);
      for (let k = 0; k + 1 < steps.length; k++) {
        const step = steps[k]!;
        const next = steps[k + 1]!;
        const prompt = t.next(title, md(step.text));
        const answer = md(next.text) + (next.details.length ? "\n\n" + next.details.map((d) => `- ${md(d)}`).join("\n") : "");
        add({ kind: "basic", topic: phaseTopic(step.phase), line: step.line, prompt, answer, generatedBy: "notes:next-step" }, prompt);
      }
    }
    if (phases.length >= 2) {
      const names = phases.map((p) => p.name);
      const prompt = t.phaseOrder(title);
      add({ kind: "ordering", topic: s.path, line: phases[0]!.line, prompt, answer: numbered(names), steps: names, generatedBy: "notes:phase-order" }, prompt);
      for (const p of phases) {
        const inPhase = steps.filter((x) => x.phase === p.name).map((x) => x.text);
        if (inPhase.length >= 3) {
          const prompt = t.phaseSteps(p.name);
          add({ kind: "ordering", topic: [...s.path, p.name], line: p.line, prompt, answer: numbered(inPhase), steps: inPhase, generatedBy: "notes:phase-steps-order" }, prompt);
        }
      }
      for (const step of steps) {
        if (!step.phase) continue;
        const prompt = t.phaseOf(title, md(step.text));
        const options = names.map((n) => ({ text: md(n), correct: n === step.phase }));
        add({ kind: "choice", topic: phaseTopic(step.phase), line: step.line, prompt, answer: `- ${md(step.phase)}`, options, multiple: false, generatedBy: "notes:phase-of-step" }, prompt);
      }
    }
    for (const sentence of s.sentences) addBoldClozes(sentence, s.path, add);
  }

  // one interview question per top-level section, its rubric the section's steps (or points)
  const topDepth = Math.min(...sections.filter((s) => s.depth > 0).map((s) => s.depth));
  for (const s of sections) {
    if (s.depth !== topDepth) continue;
    const subtree = sections.filter((x) => x.path.length >= s.path.length && s.path.every((p, k) => x.path[k] === p));
    const steps = subtree.flatMap((x) => x.steps);
    const source = steps.length > 0 ? steps.map((x) => ({ text: x.text, line: x.line })) : subtree.flatMap((x) => x.points);
    if (source.length === 0) continue;
    const title = s.path[s.path.length - 1]!;
    const points: RubricPoint[] = source.map((x) => ({ text: x.text, keywords: technicalTerms(x.text) }));
    const answer = steps.length > 0 ? modelAnswer(steps) : points.map((p) => `- ${md(p.text)}`).join("\n");
    const prompt = t.open(title);
    add({ kind: "open", topic: s.path, line: s.line, prompt, answer, points, modelAnswer: answer, generatedBy: "notes:section-interview" }, prompt);
  }
  return cards;
}

function modelAnswer(steps: Step[]): string {
  const out: string[] = [];
  let phase: string | undefined;
  let n = 0;
  for (const s of steps) {
    if (s.phase && s.phase !== phase) {
      phase = s.phase;
      out.push(`\n**${md(phase)}**\n`);
    }
    out.push(`${++n}. ${md(s.text)}`);
  }
  return out.join("\n").trim();
}

/** Each bold term inside a sentence becomes a cloze card of its own. */
function addBoldClozes(
  sentence: Sentence,
  topic: string[],
  add: (card: CardDraft, question: string) => void,
) {
  const strongs = sentence.children.filter((c) => c.type === "strong");
  if (strongs.length === 0 || strongs.length === sentence.children.length) return;
  // bold is marked with control characters while the text is tidied, then written as **
  const render = (fn: (term: string, k: number) => string) => {
    let k = 0;
    return cleanText(
      sentence.children
        .map((c) => (c.type === "strong" ? fn(cleanText(plainText(c)), k++) : md(plainText(c))))
        .join(""),
    ).replace(/[\u0001\u0002]/g, "**");
  };
  const key = render((_, k) => `[c${k + 1}]`);
  strongs.forEach((s, g) => {
    const term = cleanText(plainText(s));
    if (term === "") return;
    const prompt = render((x, k) => (k === g ? "\\[…\\]" : md(x)));
    const answer = render((x, k) => (k === g ? `\u0001${md(x)}\u0002` : md(x)));
    add({ kind: "cloze", topic, line: sentence.line, prompt, answer, group: g + 1, cloze: [{ text: term }], generatedBy: "notes:bold-cloze" }, `${key}\u0000${g + 1}`);
  });
}
