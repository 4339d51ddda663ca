/**
 * Cards of lists that are not processes: reasons are recalled as "why" (the intro's own
 * question when it asks one), alternatives and differences are compared, "name：description"
 * items are asked as "which one is this", conditions as "what happens if", facts recalled.
 */
import type { Section } from "./read";
import type { Classified } from "./classify";
import type { Generator } from "./generator";
import { conditionOf, md, numbered } from "./text";

const QUESTION = /为什么|为何|怎么|如何|是否|吗|\?|？|^why\b|^how\b|^what\b|^when\b/i;
const DIFFERENCES = /区别|不同|差异|对比|比较|\bvs\.?(?=\s|$)|versus|differences?|compared/i;

/** The intro or heading as the words of a prompt: without its closing colon. */
export function label(text: string): string {
  return text.replace(/[：:]\s*$/u, "").trim();
}

export function listCards(g: Generator, s: Section, run: Classified, title: string, context: string | undefined, line: number) {
  const { t } = g;
  const items = run.items.map((x) => md(x.text));
  if (items.length < 2) return;
  const answer = numbered(items);
  const n = items.length;
  const topic = s.path;

  if (run.kind === "conditions") {
    for (const item of run.items) {
      const c = conditionOf(item.text);
      if (!c || !c.condition) continue;
      const prompt = t.condition(title, md(c.condition));
      g.add({ kind: "basic", topic, line: item.line, prompt, answer: md(c.then), generatedBy: "notes:condition" }, prompt);
    }
    return;
  }
  // the list's own line is its subject, in full; without one, the heading it stands under
  const intro = md(label(context ?? s.path[s.path.length - 1] ?? title));
  const sectionTitle = s.path.length > 0 ? s.path.join(" › ") : title;
  let prompt: string;
  let rule: string;
  if (run.kind === "reasons") {
    prompt = QUESTION.test(intro) ? t.why(sectionTitle, intro, n) : t.reasons(sectionTitle, intro, n);
    rule = "notes:reasons";
  } else if (run.kind === "alternatives") {
    const differences = DIFFERENCES.test(intro);
    prompt = differences ? t.differences(sectionTitle, intro, n) : t.alternatives(sectionTitle, intro, n);
    rule = differences ? "notes:differences" : "notes:alternatives";
  } else {
    // facts without a line of their own are what the section's interview question asks
    if (!context || context === s.path[s.path.length - 1]) return;
    prompt = t.facts(sectionTitle, intro, n);
    rule = "notes:facts";
  }
  g.add({ kind: "basic", topic, line, prompt, answer, generatedBy: rule }, prompt);
  // no "which one is described?" choices on "name：description" items: 25 of 31 were answered by
  // the description's own wording or its translation ("每次写都 fsync" → always), which no
  // word list catches; the compare card above asks the same knowledge
}
