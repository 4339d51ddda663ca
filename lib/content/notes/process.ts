/**
 * Cards of a process: the whole order, the first step, what comes right after each step,
 * the phases (their order, the steps of each), the precondition, each fallback as the
 * condition it is. A step that holds a sub-process in one line is asked by its interview
 * points (its sentences), not as an ordering of them: 12 of 12 such orderings were thrown away
 * by a careful reader (a caveat or a glued paragraph became a "step", a connective gave the order).
 *
 * No "which phase does this step belong to?" choice: read by a careful reader, 31 of 36 such
 * cards answered themselves (the step names its phase's things: "RDB 生成后发给从节点" → 全量同步)
 * or drilled the author's grouping; the phases' order and the steps of each phase stay.
 */
import type { Section } from "./read";
import type { Classified } from "./classify";
import type { Generator } from "./generator";
import { isDefinition, md, numbered } from "./text";
import { normalizeAnswer } from "../../answer/normalize";

/** A step's wording without its names ("glance-api 向 keystone 校验token" → "向校验"): steps alike but for the service repeat one card. */
function skeleton(text: string): string {
  return normalizeAnswer(text.replace(/[A-Za-z][A-Za-z0-9]*(?:[-_./][A-Za-z0-9]+)*/g, ""));
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
  }
}
