/**
 * Cards of a process: the whole order, the first step, what comes right after each step,
 * the phases (their order, the steps of each, which phase a step is in), the precondition,
 * each fallback as the condition it is, and the order inside a step that holds a sub-process.
 */
import type { Section } from "./read";
import type { Classified } from "./classify";
import type { Generator } from "./generator";
import { isDefinition, md, numbered, subSteps } from "./text";
import { tagWords } from "../../text/segment";
import { normalizeAnswer } from "../../answer/normalize";
import type { Glossary } from "../../glossary";
import stopwords from "stopwords-iso/stopwords-iso.json";

const EN_STOPWORDS = new Set(stopwords.en as string[]);
const GENERIC_PHASE_WORDS = new Set(["阶段", "过程", "步骤", "流程", "phase", "stage", "step", "steps"]);

/**
 * Words of phase names that give a step's phase away when the step contains one: the names
 * and nouns of every phase name (a step naming glance, or 镜像 / image, is in the glance
 * phase; one naming dockerd is not in the phase named after containerd), and the verbs of its
 * own phase name (创建 in 创建容器阶段), with their glossary translations.
 */
export function giveawayWords(name: string, all: string[], glossary: Glossary): string[] {
  const words = (n: string, verbs: boolean) =>
    tagWords(n)
      .filter((w) => (w.tag === "eng" && w.word.length >= 3) || ((/^n/.test(w.tag) || (verbs && /^v/.test(w.tag))) && [...w.word].length >= 2) || (w.tag === "x" && /\p{Script=Han}{2,}/u.test(w.word)))
      .map((w) => w.word.toLowerCase())
      // "and", "the" of "TLD and authoritative servers" give nothing away
      .filter((w) => !GENERIC_PHASE_WORDS.has(w) && !EN_STOPWORDS.has(w));
  const shared = (w: string) => all.every((n) => n.toLowerCase().includes(w));
  const found = [...words(name, true), ...all.flatMap((n) => words(n, false))].filter((w) => !shared(w));
  return [...new Set(found)].flatMap((w) => glossary.synonyms(w));
}

/** At most this many "which phase" questions per process: beyond that they drill the author's grouping. */
const MAX_PHASE_QUESTIONS = 2;

/** A step's wording without its names ("glance-api 向 keystone 校验token" → "向校验"): steps alike but for the service repeat one card. */
function skeleton(text: string): string {
  return normalizeAnswer(text.replace(/[A-Za-z][A-Za-z0-9]*(?:[-_./][A-Za-z0-9]+)*/g, ""));
}

function mentions(text: string, words: string[]): boolean {
  const hay = normalizeAnswer(text);
  return words.some((w) => {
    const needle = normalizeAnswer(w);
    return needle.length >= 2 && hay.includes(needle);
  });
}

export function processCards(g: Generator, s: Section, run: Classified, title: string) {
  const { t } = g;
  const steps = run.items.map((x) => ({ ...x, md: md(x.text) }));
  const phases = [...new Set(steps.map((x) => x.phase).filter((p): p is string => !!p))];
  const phaseLine = (p: string) => s.phases.find((x) => x.name === p)?.line ?? s.line;
  const phaseTopic = (p: string | undefined) => (p && phases.length >= 2 ? [...s.path, p] : s.path);

  if (steps.length >= 3) {
    const prompt = t.order(title);
    g.add({ kind: "ordering", topic: s.path, line: steps[0]!.line, prompt, answer: numbered(steps.map((x) => x.md)), steps: steps.map((x) => x.md), generatedBy: "notes:process-order" }, prompt);
  }
  if (steps.length >= 5) {
    const prompt = t.first(title);
    g.add({ kind: "basic", topic: s.path, line: steps[0]!.line, prompt, answer: steps[0]!.md, generatedBy: "notes:first-step" }, prompt);
  }
  if (steps.length >= 2) {
    const asked = new Set<string>();
    for (let k = 0; k + 1 < steps.length; k++) {
      const step = steps[k]!;
      const next = steps[k + 1]!;
      if (isDefinition(next.text)) continue;
      // "X-api 通过 keystone 校验 token" for each of three services is one question, asked once
      const shape = skeleton(step.text);
      if (asked.has(shape) && shape.length > 0) continue;
      asked.add(shape);
      const prompt = t.next(title, step.md);
      const answer = next.md + (next.details.length ? "\n\n" + next.details.map((d) => `- ${md(d)}`).join("\n") : "");
      // filed under the phase of the step shown: the next step's phase would give it away at a boundary
      g.add({ kind: "basic", topic: phaseTopic(step.phase), line: step.line, prompt, answer, generatedBy: "notes:next-step" }, prompt);
    }
  }
  steps.forEach((step, k) => {
    const parts = subSteps(step.text);
    if (parts.length < 3) return;
    const prompt = t.subOrder(title, k > 0 ? steps[k - 1]!.md : null);
    const mdParts = parts.map(md);
    g.add({ kind: "ordering", topic: phaseTopic(step.phase), line: step.line, prompt, answer: numbered(mdParts), steps: mdParts, generatedBy: "notes:substep-order" }, prompt);
  });
  if (run.precondition) {
    const prompt = t.precondition(title);
    g.add({ kind: "basic", topic: s.path, line: run.precondition.item.line, prompt, answer: md(run.precondition.text), generatedBy: "notes:precondition" }, prompt);
  }
  for (const f of run.fallbacks) {
    const before = steps.filter((x) => x.line < f.item.line).pop();
    const prompt = f.condition ? t.condition(title, md(f.condition)) : before ? t.otherwise(title, before.md) : null;
    if (!prompt) continue;
    g.add({ kind: "basic", topic: s.path, line: f.item.line, prompt, answer: md(f.then), generatedBy: "notes:fallback" }, prompt);
  }

  if (phases.length >= 2) {
    if (phases.length >= 3) {
      const prompt = t.phaseOrder(title);
      g.add({ kind: "ordering", topic: s.path, line: phaseLine(phases[0]!), prompt, answer: numbered(phases.map(md)), steps: phases.map(md), generatedBy: "notes:phase-order" }, prompt);
    }
    for (const p of phases) {
      const inPhase = steps.filter((x) => x.phase === p).map((x) => x.md);
      // a phase's own ordering only pays when the whole process is long
      if (steps.length >= 8 && inPhase.length >= 3) {
        const prompt = t.phaseSteps(title, p);
        g.add({ kind: "ordering", topic: [...s.path, p], line: phaseLine(p), prompt, answer: numbered(inPhase), steps: inPhase, generatedBy: "notes:phase-steps-order" }, prompt);
      }
    }
    const askedPhases = new Set<string>();
    for (const step of steps) {
      if (!step.phase || askedPhases.has(step.phase) || askedPhases.size >= MAX_PHASE_QUESTIONS) continue;
      const giveaway = giveawayWords(step.phase, phases, g.glossary);
      if (mentions(step.text, giveaway)) continue;
      askedPhases.add(step.phase);
      const prompt = t.phaseOf(title, step.md);
      const options = phases.map((n) => ({ text: md(n), correct: n === step.phase }));
      // the topic names the phase, which is the answer: the study screen hides that level (see leaks.ts)
      g.add({ kind: "choice", topic: phaseTopic(step.phase), line: step.line, prompt, answer: `- ${md(step.phase)}`, options, multiple: false, generatedBy: "notes:phase-of-step" }, prompt);
    }
  }
}
