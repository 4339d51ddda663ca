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

/** Outcomes that are two branches of one check ("TLB 命中：…" / "TLB 未命中：…"), not two steps. */
const POSITIVE = /命中|成功|找到|存在|满足|通过|可见|\bhits?\b|\bsucceed(?:s|ed)?\b|\bsuccess(?:ful)?\b|\bfound\b/iu;
const NEGATIVE = /未命中|没命中|不命中|失败|找不到|没找到|没有找到|不存在|不满足|不通过|没通过|不可见|\bmiss(?:es|ed)?\b|\bfail(?:s|ed|ure)?\b|\bnot found\b/iu;
/** "否则 …", "或者 revert …", "Otherwise …", "Or …": a step that is the alternative to the one before it. */
const ALTERNATIVE_STEP = /^(?:否则|不然|要不然|或者|或是|反之|otherwise\b|else\b|or\b|alternatively\b)/iu;
/** A step's lead: what it says before its first colon or comma, asides removed. */
const lead = (text: string) => {
  const plain = text.replace(/（[^）]*）|\([^)]*\)/gu, "");
  const first = (plain.split(/[：:，,]/u)[0] ?? "").trim();
  // "otherwise, fall back to HTTP/1.1": the connective alone says nothing; its clause is the lead
  if (ALTERNATIVE_STEP.test(first) && first.replace(ALTERNATIVE_STEP, "").trim() === "") {
    return `${first} ${(plain.split(/[：:，,]/u)[1] ?? "").trim()}`.trim();
  }
  return first;
};
/** The subject of an outcome ("TLB 未命中" → "tlb"), or null when the lead states no outcome or is long. */
function outcome(text: string): { subject: string; positive: boolean } | null {
  const l = lead(text);
  if ([...l].length > 24) return null;
  const negative = NEGATIVE.test(l);
  if (!negative && !POSITIVE.test(l)) return null;
  return { subject: l.replace(negative ? NEGATIVE : POSITIVE, "").replace(/\s+/gu, "").toLowerCase(), positive: !negative };
}
/** `b` is the other branch of `a`: the same check, the opposite outcome; or an "otherwise" after a condition or a choice. */
export function isOtherBranch(a: string, b: string): boolean {
  if (ALTERNATIVE_STEP.test(b.trim())) return true;
  const x = outcome(a);
  const y = outcome(b);
  return !!x && !!y && x.positive !== y.positive && x.subject === y.subject;
}

/** Characters of a step with its details inline, at most, in an ordering. */
const ORDER_STEP_MAX = 80;
/** Phases that make their own ordering: three in a row read as self-evident (6 of 8 were thrown away: 找到要改的行 → 写新版本 → 提交). */
const PHASE_ORDER_MIN = 4;

export function processCards(g: Generator, s: Section, run: Classified, title: string) {
  const { t } = g;
  // a step whose details were merged into its text shows its own line, the details listed under it
  // in an answer (they were printed twice, inline and as the list)
  const steps = run.items.map((x) => ({ ...x, md: md(x.text), shown: md(x.head ?? x.text) }));
  // in an ordering a step keeps short details inline ("先做检查：quota；applied index"), long ones
  // would make the list unreadable: the step's own line then
  const inOrder = (x: (typeof steps)[number]) => ([...x.text].length <= ORDER_STEP_MAX ? x.md : x.shown);
  const withDetails = (x: (typeof steps)[number]) => x.shown + (x.details.length ? "\n\n" + x.details.map((d) => `- ${md(d)}`).join("\n") : "");
  const phases = [...new Set(steps.map((x) => x.phase).filter((p): p is string => !!p))];
  const phaseLine = (p: string) => s.phases.find((x) => x.name === p)?.line ?? s.line;
  const phaseTopic = (p: string | undefined) => (p && phases.length >= 2 ? [...s.path, p] : s.path);

  // "TLB 命中：…" then "TLB 未命中：…": one of them happens, not both in turn. The second is asked
  // with the first ("what happens next" answers with both), is no step after the first, and the
  // two are one place in the order
  const otherBranch = steps.map((x, k) => k > 0 && isOtherBranch(steps[k - 1]!.text, x.text));
  const ordered: string[] = [];
  steps.forEach((x, k) => {
    // the two leads, markdown-escaped as every other step of the order ("^~ ->" was shown raw)
    if (otherBranch[k]) ordered[ordered.length - 1] = `${md(lead(steps[k - 1]!.text))} / ${md(lead(x.text))}`;
    else ordered.push(inOrder(x));
  });
  if (ordered.length >= 3) {
    const prompt = t.order(title);
    g.add({ kind: "ordering", topic: s.path, line: steps[0]!.line, prompt, answer: numbered(ordered), steps: ordered, generatedBy: "notes:process-order" }, prompt);
  }
  if (steps.length >= 5) {
    const prompt = t.first(title);
    g.add({ kind: "basic", topic: s.path, line: steps[0]!.line, prompt, answer: withDetails(steps[0]!), generatedBy: "notes:first-step" }, prompt);
  }
  if (steps.length >= 2) {
    const asked = new Set<string>();
    for (let k = 0; k + 1 < steps.length; k++) {
      const step = steps[k]!;
      const next = steps[k + 1]!;
      // after the other branch ("otherwise carry on as HTTP/1.1") the next step may belong to the
      // first one only (the server's SETTINGS follows h2): no "what comes next" from a second branch
      if (isDefinition(next.text) || otherBranch[k + 1] || otherBranch[k]) continue;
      // "X-api 通过 keystone 校验 token" for each of three services is one question, asked once
      const shape = skeleton(step.text);
      if (asked.has(shape) && shape.length > 0) continue;
      asked.add(shape);
      const prompt = t.next(title, step.shown);
      const answer = otherBranch[k + 2] ? `${withDetails(next)}\n\n${withDetails(steps[k + 2]!)}` : withDetails(next);
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
    if (phases.length >= PHASE_ORDER_MIN) {
      const prompt = t.phaseOrder(title);
      g.add({ kind: "ordering", topic: s.path, line: phaseLine(phases[0]!), prompt, answer: numbered(phases.map(md)), steps: phases.map(md), generatedBy: "notes:phase-order" }, prompt);
    }
    for (const p of phases) {
      const inPhase = steps.filter((x) => x.phase === p).map(inOrder);
      // a phase's own ordering only pays when the whole process is long
      if (steps.length >= 8 && inPhase.length >= 3) {
        const prompt = t.phaseSteps(title, p);
        g.add({ kind: "ordering", topic: [...s.path, p], line: phaseLine(p), prompt, answer: numbered(inPhase), steps: inPhase, generatedBy: "notes:phase-steps-order" }, prompt);
      }
    }
  }
}
