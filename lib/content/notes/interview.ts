/**
 * One open interview question per top-level section. Its rubric is what the section says:
 * the steps of its processes (a step holding a sub-process counts as its parts), the items
 * of its other lists, and, for a section of prose only, its sentences. Keywords come from
 * the meaning of each point (lib/interview/keywords.ts).
 */
import type { RubricPoint } from "../types";
import type { Section } from "./read";
import { ANSWERED_QUESTION, DRILL_HEADING, QA_MARKER, type Classified } from "./classify";
import type { Generator } from "./generator";
import { definitionOf, md, sentences, subSteps } from "./text";
import { label, QUESTION_LABEL } from "./lists";
import { rowText, tableRows } from "./tables";
import { deckRubricKeywords, notesTypos } from "../../interview/keywords";
import { notesContext } from "../../glossary";

export interface ReadSection {
  section: Section;
  runs: Array<{ run: Classified; intro?: string }>;
}

interface Point {
  text: string;
  section: Section;
  heading?: string;
}

/** A line that asks rather than says: "Q：…？", or a short line ending in a question mark. */
function isQuestionLine(text: string): boolean {
  const t = text.trim();
  return QUESTION_LABEL.test(t) || (/[？?]$/u.test(t) && [...t].length <= 60);
}
/** A drill section: its heading says so and most of its items are questions, answered or not. */
function isDrill(s: Section): boolean {
  const items = s.runs.flatMap((r) => r.items);
  const asked = items.filter((i) => isQuestionLine(i.text) || ANSWERED_QUESTION.test(i.text.trim()) || (/[？?]$/u.test(i.text.trim()) && i.details.length > 0));
  return DRILL_HEADING.test(s.path[s.path.length - 1] ?? "") && items.length > 0 && asked.length * 2 >= items.length;
}
/** How the notes say an interview goes ("面试一般先问…，按下面顺序讲"): about the answer, not in it. */
const META_LINE = /^(?:面试(?:官)?(?:一般|通常|经常|常)?(?:会)?(?:先)?问|interviewers? (?:usually |often )?(?:ask|start))/iu;

/** Prose sentences used as points when a section has no list at all. */
const MAX_PROSE_POINTS = 10;

function pointsOf(subtree: ReadSection[], zh: boolean): Point[] {
  const out: Point[] = [];
  for (const { section, runs } of subtree) {
    // what the section's prose defines is part of the answer ("MVCC 是多版本并发控制…")
    for (const p of section.prose) for (const sentence of sentences(p.text)) if (definitionOf(sentence)) out.push({ text: sentence, section });
    for (const { run, intro } of runs) {
      const heading = run.kind === "process" ? undefined : intro ? label(intro) : undefined;
      if (run.precondition) out.push({ text: run.precondition.item.text, section, heading });
      // a question the notes ask themselves ("Q：热迁移为什么一直不结束？") heads the points that
      // answer it; it is no point of its own (any answer naming its topic covered it)
      let asked: string | undefined;
      for (const item of run.items) {
        // "Q：AFTER_SYNC 一定不丢数据吗？ A：前提是没退化成异步": its answer is the point, under its question
        // (round 9: the whole line was one point, graded on the question's words)
        const qa = ANSWERED_QUESTION.exec(item.text.trim());
        if (qa) {
          out.push({ text: qa[2]!.trim().replace(QA_MARKER, ""), section, heading: qa[1]!.trim().replace(QA_MARKER, "") });
          continue;
        }
        if (isQuestionLine(item.text)) {
          asked = item.text.replace(QUESTION_LABEL, "").trim();
          continue;
        }
        if (META_LINE.test(item.text)) continue;
        // "plumbing to poke:", "判断机器是v1还是v2：": a label whose content is a code block, nothing to say
        // (round 8: such headings were points any answer missed, or any answer covered by one word)
        if (/[：:]$/u.test(item.text.trim())) continue;
        const parts = run.kind === "process" ? subSteps(item.text) : [];
        const phase = run.kind === "process" ? item.phase : (asked ?? heading);
        if (parts.length >= 3) for (const p of parts) out.push({ text: p, section, heading: phase });
        else out.push({ text: item.text, section, heading: phase });
      }
      for (const f of run.fallbacks) if (!f.inSequence) out.push({ text: f.item.text, section, heading });
    }
    // a comparison or reference table: each row is a point ("虚机是否停机：热迁移 不停…；冷迁移 关机…")
    for (const table of section.tables) for (const row of tableRows(table)) out.push({ text: rowText(row, zh), section, heading: table.header[0] || undefined });
  }
  if (out.length > 0) return out;
  for (const { section } of subtree) {
    for (const p of section.prose) for (const s of sentences(p.text)) if (s.length >= 8 && out.length < MAX_PROSE_POINTS) out.push({ text: s, section });
  }
  return out;
}

/** The model answer: the points numbered, under subsection and list headings. */
function modelAnswer(points: Point[], top: Section): string {
  const out: string[] = [];
  let section: Section | null = top;
  let heading: string | undefined;
  points.forEach((p, k) => {
    if (p.section !== section) {
      section = p.section;
      heading = undefined;
      const name = p.section.path.slice(top.path.length).join(" › ");
      if (name) out.push(`\n**${md(name)}**\n`);
    }
    if (p.heading && p.heading !== heading) out.push(`\n*${md(p.heading)}*\n`);
    heading = p.heading;
    out.push(`${k + 1}. ${md(p.text)}`);
  });
  return out.join("\n").trim();
}

/** `deckTitle`: what every question of the deck is about (its words tell no point apart). */
export function interviewCards(g: Generator, read: ReadSection[], deckTitle: string) {
  const depths = read.filter((r) => r.section.depth > 0).map((r) => r.section.depth);
  if (depths.length === 0) return;
  const topDepth = Math.min(...depths);
  // the notes' own misspellings, found across the whole file (a typo in one section, the right spelling in another)
  const texts = read.flatMap((r) => [...r.section.prose.map((p) => p.text), ...r.section.runs.flatMap((run) => run.items.map((i) => i.text))]);
  const typos = notesTypos(texts);
  // and the sense they give words the glossary reads two ways (horizon: a dashboard, or xmin's)
  const context = notesContext([...texts, ...read.map((r) => r.section.path.join(" "))]);
  const questions = read
    .filter((r) => r.section.depth === topDepth)
    .map((r) => {
      const s = r.section;
      const subtree = read.filter((x) => x.section.path.length >= s.path.length && s.path.every((p, k) => x.section.path[k] === p));
      return { s, subtree, all: pointsOf(subtree, g.zh) };
    })
    // the notes' own drill is asked question by question (notes:question); "the key points of
    // 'Interview Qs'" is no question anyone asks, and its rubric mixed a dozen unrelated answers (round 9)
    .filter((q) => q.all.length > 0 && !isDrill(q.s));
  // keywords for the whole deck at once: the words most of its questions share tell no point apart
  const keywords = deckRubricKeywords(questions.map((q) => q.all.map((p) => p.text)), { glossary: g.glossary, english: !g.zh, typos, context, topic: [deckTitle] });
  questions.forEach(({ s, subtree, all }, n) => {
    const scored = keywords[n]!;
    // a point with one general word to listen for is covered by any answer on the topic (round 5:
    // [迁移], [容器], [中断] alone); it is left out when the rubric keeps enough others
    const strong = all.map((_, k) => !scored[k]!.weak);
    const keep = strong.filter(Boolean).length >= Math.min(3, all.length) ? strong : all.map(() => true);
    const points = all.filter((_, k) => keep[k]);
    const generated = scored.filter((_, k) => keep[k]);
    const rubric: RubricPoint[] = points.map((p, k) => ({ text: md(p.text), keywords: generated[k]!.keywords, need: generated[k]!.need, anchor: generated[k]!.anchor }));
    const answer = modelAnswer(points, s);
    const isProcess = subtree.some((x) => x.runs.some((y) => y.run.kind === "process" && y.run.items.length >= 2));
    const title = s.path[s.path.length - 1]!;
    const prompt = isProcess ? g.t.open(title) : g.t.openPoints(title);
    g.add({ kind: "open", topic: s.path, line: s.line, prompt, answer, points: rubric, modelAnswer: answer, generatedBy: "notes:section-interview" }, prompt);
  });
}
