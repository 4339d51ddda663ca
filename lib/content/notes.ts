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
  phase?: string;
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

/** Exports leave four asterisks between adjacent bold runs ("nova****准备"); they mean a space. */
function cleanText(text: string): string {
  return tidySpaces(text.replace(/\*{4}/g, " "));
}

function phaseText(p: Paragraph): string {
  return cleanText(joinedText(p.children));
}

const TEMPLATES = {
  zh: {
    order: (t: string) => `把「${t}」的步骤按顺序排好`,
    phaseOrder: (t: string) => `把「${t}」的各个阶段按顺序排好`,
    phaseSteps: (t: string, p: string) => `「${t}」中，把「${p}」这一阶段的步骤按顺序排好`,
    next: (t: string, step: string) => `「${t}」中，下面这一步之后紧接着发生什么？\n\n> ${step}`,
    phaseOf: (t: string, step: string) => `「${t}」中，下面这一步属于哪个阶段？\n\n> ${step}`,
    open: (t: string) => `面试题：请完整讲一讲「${t}」。`,
    openPoints: (t: string) => `面试题：说说「${t}」的要点。`,
    first: (t: string) => `「${t}」的第一步是什么？`,
  },
  en: {
    order: (t: string) => `Put the steps of “${t}” in order`,
    phaseOrder: (t: string) => `Put the phases of “${t}” in order`,
    phaseSteps: (t: string, p: string) => `In “${t}”, put the steps of the phase “${p}” in order`,
    next: (t: string, step: string) => `In “${t}”, what happens right after this step?\n\n> ${step}`,
    phaseOf: (t: string, step: string) => `In “${t}”, which phase does this step belong to?\n\n> ${step}`,
    open: (t: string) => `Interview question: walk me through “${t}”.`,
    openPoints: (t: string) => `Interview question: what are the key points of “${t}”?`,
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

/**
 * Technical terms of a rubric point, as keywords (each its own group). In Chinese notes every
 * run of Latin words is a term ("API key", "veth pair"); in English notes only words that look
 * technical count (acronyms, mixed case, or with - _ . / or digits), since plain words
 * ("calls", "checks") would be required by the rubric for nothing. A term inside a longer
 * one ("nova" in "nova-api") is dropped.
 */
export function technicalTerms(text: string, options: { english?: boolean; max?: number } = {}): string[][] {
  const max = options.max ?? 3;
  const looksTechnical = (w: string) => /[-_./0-9]/.test(w) || /^[A-Z]{2,}s?$/.test(w) || /[a-z][A-Z]/.test(w);
  const candidates: string[] = [];
  if (options.english) {
    for (const m of text.matchAll(/[A-Za-z][A-Za-z0-9]*(?:[-_./][A-Za-z0-9]+)*/g)) if (looksTechnical(m[0])) candidates.push(m[0]);
  } else {
    for (const m of text.matchAll(/[A-Za-z][A-Za-z0-9]*(?:[-_./][A-Za-z0-9]+)*(?: [A-Za-z][A-Za-z0-9]*(?:[-_./][A-Za-z0-9]+)*){0,2}/g)) {
      const words = m[0].split(" ");
      while (words.length > 0 && STOPWORDS.has(words[0]!.toLowerCase())) words.shift();
      while (words.length > 0 && STOPWORDS.has(words[words.length - 1]!.toLowerCase())) words.pop();
      const phrase = words.join(" ");
      if (phrase.length >= 2) candidates.push(phrase);
    }
  }
  const unique = [...new Map(candidates.map((c) => [c.toLowerCase(), c])).values()];
  const kept = unique.filter((c) => !unique.some((o) => o !== c && o.length > c.length && o.toLowerCase().split(/[-_./ ]/).includes(c.toLowerCase())));
  return kept.slice(0, max).map((term) => [term]);
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
    addSentence(p);
  };
  const addSentence = (p: Paragraph) => {
    if (p.children.some((c) => c.type === "strong")) current.sentences.push({ children: p.children, line: startLine(p), phase });
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

/** Section titles that name a collection of facts, not a process, in either language. */
const NOT_A_PROCESS = /内容|概念|类型|种类|区别|组成|术语|文件|types?\b|concepts?\b|glossary|terms\b|vocabulary|overview|components?\b/i;

/** A sentence that defines something ("X 是 …", "X is a …") states a fact, not what happens next. */
function isDefinition(text: string): boolean {
  return /^[^，,。；;]{1,40}?(?:就是|即|是一|是)/u.test(text) || /^\S+(?: \S+){0,4} (?:is|are) (?:a|an|the)\b/i.test(text);
}

/**
 * Words of a phase name that no other phase name has: a step containing one gives its phase
 * away ("glance" in a step of the glance phase). Latin words count alone; a Chinese name
 * counts as its whole runs of Han characters (without 阶段/过程/步骤), since without word
 * segmentation single characters or pairs would match common verbs like 创建.
 */
function distinctiveWords(name: string, others: string[]): string[] {
  const words = (n: string) => {
    const out = new Set<string>();
    for (const m of n.toLowerCase().matchAll(/[a-z][a-z0-9-]{2,}/g)) out.add(m[0]);
    for (const m of n.replace(/阶段|过程|步骤/g, " ").matchAll(/\p{Script=Han}{2,}/gu)) out.add(m[0]);
    return out;
  };
  const generic = new Set(["phase", "stage", "step", "steps"]);
  const otherWords = new Set(others.flatMap((o) => [...words(o)]));
  return [...words(name)].filter((w) => !otherWords.has(w) && !generic.has(w) && !STOPWORDS.has(w));
}

export function generateNotesCards(input: NotesInput): ParsedCard[] {
  const zh = input.language.toLowerCase().startsWith("zh");
  const t = zh ? TEMPLATES.zh : TEMPLATES.en;
  const sections = collectSections(input);
  const cards: ParsedCard[] = [];
  const ids = new Set<string>();
  const add = (card: CardDraft, question: string) => {
    const id = cardId(input.deckId, card.topic, card.kind, question);
    if (ids.has(id)) return; // a repeated sentence in notes yields its card once
    ids.add(id);
    cards.push({ ...card, id } as ParsedCard);
  };
  const numbered = (items: string[]) => items.map((s, k) => `${k + 1}. ${s}`).join("\n");

  for (const s of sections) {
    // a subsection is named with its parents, so the prompt says which process it is about
    const title = s.path.length > 0 ? s.path.join(" › ") : input.title;
    const steps = s.steps.map((x) => ({ ...x, md: md(x.text) }));
    const phases = [...new Map(s.phases.map((p) => [p.name, p])).values()];
    const phaseTopic = (p: string | undefined) => (p && phases.length >= 2 ? [...s.path, p] : s.path);
    const isProcess = phases.length >= 2 || !NOT_A_PROCESS.test(s.path[s.path.length - 1] ?? "");

    if (isProcess && steps.length >= 2) {
      if (steps.length >= 3) {
        const prompt = t.order(title);
        add({ kind: "ordering", topic: s.path, line: steps[0]!.line, prompt, answer: numbered(steps.map((x) => x.md)), steps: steps.map((x) => x.md), generatedBy: "notes:process-order" }, prompt);
      }
      if (steps.length >= 5) {
        const first = t.first(title);
        add({ kind: "basic", topic: s.path, line: steps[0]!.line, prompt: first, answer: steps[0]!.md, generatedBy: "notes:first-step" }, first);
      }
      for (let k = 0; k + 1 < steps.length; k++) {
        const step = steps[k]!;
        const next = steps[k + 1]!;
        if (isDefinition(next.text)) continue;
        const prompt = t.next(title, step.md);
        const answer = next.md + (next.details.length ? "\n\n" + next.details.map((d) => `- ${md(d)}`).join("\n") : "");
        // filed under the phase of the step asked for, which is what the learner must know
        add({ kind: "basic", topic: phaseTopic(next.phase), line: step.line, prompt, answer, generatedBy: "notes:next-step" }, prompt);
      }
    }
    if (phases.length >= 2) {
      const names = phases.map((p) => p.name);
      if (phases.length >= 3) {
        const prompt = t.phaseOrder(title);
        add({ kind: "ordering", topic: s.path, line: phases[0]!.line, prompt, answer: numbered(names.map(md)), steps: names.map(md), generatedBy: "notes:phase-order" }, prompt);
      }
      for (const p of phases) {
        const inPhase = steps.filter((x) => x.phase === p.name).map((x) => x.md);
        // a phase's own ordering only pays when the whole process is long
        if (steps.length >= 8 && inPhase.length >= 3) {
          const prompt = t.phaseSteps(title, p.name);
          add({ kind: "ordering", topic: [...s.path, p.name], line: p.line, prompt, answer: numbered(inPhase), steps: inPhase, generatedBy: "notes:phase-steps-order" }, prompt);
        }
      }
      for (const step of steps) {
        if (!step.phase) continue;
        const giveaway = distinctiveWords(step.phase, names.filter((n) => n !== step.phase));
        if (giveaway.some((w) => step.text.toLowerCase().includes(w))) continue;
        const prompt = t.phaseOf(title, step.md);
        const options = names.map((n) => ({ text: md(n), correct: n === step.phase }));
        add({ kind: "choice", topic: phaseTopic(step.phase), line: step.line, prompt, answer: `- ${md(step.phase)}`, options, multiple: false, generatedBy: "notes:phase-of-step" }, prompt);
      }
    }
    for (const sentence of s.sentences) addBoldClozes(sentence, phaseTopic(sentence.phase), add);
  }

  // one interview question per top-level section, its rubric the section's steps (or points)
  const topDepth = Math.min(...sections.filter((s) => s.depth > 0).map((s) => s.depth));
  for (const s of sections) {
    if (s.depth !== topDepth) continue;
    const subtree = sections.filter((x) => x.path.length >= s.path.length && s.path.every((p, k) => x.path[k] === p));
    const steps = subtree.flatMap((x) => x.steps);
    const usesSteps = steps.length > 0;
    const source = usesSteps ? steps.map((x) => ({ text: x.text, line: x.line })) : subtree.flatMap((x) => x.points);
    if (source.length === 0) continue;
    const title = s.path[s.path.length - 1]!;
    const points: RubricPoint[] = source.map((x) => ({ text: md(x.text), keywords: technicalTerms(x.text, { english: !zh }) }));
    const answer = usesSteps ? modelAnswer(subtree, s) : points.map((p) => `- ${p.text}`).join("\n");
    const isProcess = usesSteps && !NOT_A_PROCESS.test(title);
    const prompt = isProcess ? t.open(title) : t.openPoints(title);
    add({ kind: "open", topic: s.path, line: s.line, prompt, answer, points, modelAnswer: answer, generatedBy: "notes:section-interview" }, prompt);
  }
  return cards;
}

/** The model answer of a section: its steps numbered, under subsection and phase headings. */
function modelAnswer(subtree: Section[], top: Section): string {
  const out: string[] = [];
  const withSteps = subtree.filter((x) => x.steps.length > 0);
  let n = 0;
  for (const sec of withSteps) {
    if (withSteps.length > 1 && sec !== top) out.push(`\n**${md(sec.path.slice(top.path.length).join(" › "))}**\n`);
    let phase: string | undefined;
    for (const s of sec.steps) {
      if (s.phase && s.phase !== phase) {
        phase = s.phase;
        out.push(`\n*${md(phase)}*\n`);
      }
      out.push(`${++n}. ${md(s.text)}`);
    }
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
