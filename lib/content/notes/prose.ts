/**
 * Prose is content: a sentence that defines a term ("redo log 是 InnoDB 的物理日志", "A
 * Service is an abstraction …") becomes "what is X?", and one that says what a term is
 * responsible for ("kube-proxy 负责 …", "The sender thread handles …") becomes a cloze on the
 * term, so the learner recalls the name from its job.
 */
import type { Generator } from "./generator";
import { definitionOf, md, sentences } from "./text";
import { normalizeAnswer } from "../../answer/normalize";

export function definitionCards(g: Generator, topic: string[], title: string, text: string, line: number): number {
  let made = 0;
  for (const sentence of sentences(text)) {
    const d = definitionOf(sentence);
    if (!d) continue;
    const before = g.cards.length;
    if (d.relation === "is") {
      const prompt = g.t.define(title, md(d.term));
      g.add({ kind: "basic", topic, line, prompt, answer: md(sentence), generatedBy: "notes:definition" }, prompt);
    } else {
      // the term must not stand again in what is shown, or the blank gives nothing to recall
      const rest = sentence.slice(sentence.indexOf(d.term) + d.term.length);
      if (normalizeAnswer(rest).includes(normalizeAnswer(d.term))) continue;
      const prompt = `\\[…\\]${md(rest)}`;
      const answer = `**${md(d.term)}**${md(rest)}`;
      g.add({ kind: "cloze", topic, line, prompt, answer, group: 1, cloze: [{ text: d.term }], generatedBy: "notes:responsibility" }, `[c1]${rest}`);
    }
    if (g.cards.length > before) made++;
  }
  return made;
}
