/**
 * Notes mode: cards generated from plain notes that have no card syntax.
 *
 * read.ts recovers what a reader sees (sections, runs of numbered items with their intro,
 * bullets, phases, prose); classify.ts decides what each list is (a process, reasons,
 * alternatives, conditions, facts); each kind has its own cards (process.ts, lists.ts); prose
 * and list items that define a term make definition cards (prose.ts); bold terms make clozes
 * (cloze.ts); every top-level section makes an interview question (interview.ts). What made
 * no card is reported as a notice, for the checker.
 */
import type { Heading, Root } from "mdast";
import type { ParsedCard } from "../types";
import { baseGlossary, type Glossary } from "../../glossary";
import { readSections } from "./read";
import { classifyRun } from "./classify";
import { makeGenerator } from "./generator";
import { TEMPLATES } from "./templates";
import { processCards } from "./process";
import { label, listCards } from "./lists";
import { definitionCards } from "./prose";
import { boldClozes } from "./cloze";
import { tableCards } from "./tables";
import { interviewCards, type ReadSection } from "./interview";
import { asLeakCard, leaksOf } from "../leaks";

export interface NotesInput {
  tree: Root;
  src: string;
  deckId: string;
  language: string;
  skipHeading: Heading | undefined;
  title: string;
  glossary?: Glossary;
}

export interface NotesNotice {
  line: number;
  message: string;
}

export interface NotesResult {
  cards: ParsedCard[];
  /** sections that made no card and prose no card used, for `content check --audit` */
  notices: NotesNotice[];
}

/** A run's title in prompts: the section, and for a later list of a section its intro in full ("三种取值"). */
function runTitle(sectionTitle: string, intro: string | undefined, later: boolean): string {
  return intro && later ? `${sectionTitle} › ${shortLabel(intro)}` : sectionTitle;
}

/**
 * An intro as a title in every question of its list: the words before a colon that opens what
 * it says ("先捋调用链（contianer 是怎么起来的）：dockerd → containerd → …" is "先捋调用链"; round 7
 * repeated the whole chain in eleven questions), without asides in brackets.
 */
function shortLabel(intro: string): string {
  const whole = label(intro);
  // not the colon of a URL ("访问 http://web 时的解析过程") or of a port
  const colon = /：|:(?![/\d])/u.exec(whole);
  const head = colon && colon.index > 0 && whole.length - colon.index > 10 ? whole.slice(0, colon.index) : whole;
  const bare = head.replace(/\s*[（(][^（）()]*[）)]\s*/gu, " ").trim();
  return bare.length > 0 && head.length > 12 ? bare : head.trim();
}

export function generateNotes(input: NotesInput): NotesResult {
  const zh = input.language.toLowerCase().startsWith("zh");
  const g = makeGenerator(input.deckId, zh ? TEMPLATES.zh : TEMPLATES.en, zh, input.glossary ?? baseGlossary);
  const sections = readSections(input);
  const notices: NotesNotice[] = [];
  const read: ReadSection[] = [];

  for (const s of sections) {
    const title = s.path.length > 0 ? s.path.join(" › ") : input.title;
    const heading = s.path[s.path.length - 1];
    const before = g.cards.length;
    const runs = s.runs.map((run, r) => {
      const classified = classifyRun(run, r === 0 && !run.intro ? heading : undefined, heading);
      return { run: classified, raw: run, intro: run.intro?.text };
    });
    for (const { run, raw, intro } of runs) {
      const t = runTitle(title, intro, raw !== s.runs[0]);
      if (run.kind === "process") processCards(g, s, run, t);
      else listCards(g, s, run, t, intro ?? (raw === s.runs[0] ? heading : undefined), raw.intro?.line ?? raw.line);
      // one side of a comparison ("redo log 是物理日志；binlog 是逻辑日志") is not a definition
      const comparing = /区别|不同|差异|对比|比较|\bvs\.?\b|versus|differences?|compared/i.test(intro ?? "");
      for (const item of raw.items) {
        if (!comparing && (run.kind !== "process" || !run.items.includes(item))) definitionCards(g, s.path, title, item.text, item.line);
        // a step's cloze is filed under its phase, as its other cards are
        const phases = new Set(raw.items.map((x) => x.phase).filter(Boolean));
        boldClozes(g, item.children, run.kind === "process" && item.phase && phases.size >= 2 ? [...s.path, item.phase] : s.path, title, item.line);
      }
    }
    for (const table of s.tables) tableCards(g, s.path, title, table);
    for (const p of s.prose) {
      const made = g.cards.length;
      const isIntro = s.runs.some((r) => r.intro?.line === p.line);
      definitionCards(g, s.path, title, p.text, p.line);
      // a line that only introduces a list ("A 和 B 的区别：") has nothing to recall by itself
      if (!(isIntro && /[：:]$/u.test(p.text))) boldClozes(g, p.children, s.path, title, p.line);
      if (g.cards.length === made && !isIntro && p.text.length >= 20) notices.push({ line: p.line, message: `prose makes no card (no definition, no bold term): "${p.text.slice(0, 40)}${p.text.length > 40 ? "…" : ""}"` });
    }
    read.push({ section: s, runs: runs.map(({ run, intro }) => ({ run, intro })) });
    if (s.depth > 0 && g.cards.length === before && (s.runs.length > 0 || s.prose.length > 0 || s.tables.length > 0)) {
      // the section interview question comes later; a section with nothing of its own is noted
      notices.push({ line: s.line, message: `section "${s.path.join(" › ")}" makes no card besides its interview question` });
    }
  }
  interviewCards(g, read, input.title);
  // the invariant, enforced: nothing shown before the reveal gives the answer. A topic level that
  // names it is hidden at study time (shownTopic); a card whose question or deck title shows it
  // ("etcd 用 [Raft] 协议" in the deck "etcd与Raft面试问题") is not made
  const cards = g.cards.filter((c) => {
    const leak = leaksOf(asLeakCard(c), input.title, g.glossary).find((l) => l.where !== "topic");
    if (leak) notices.push({ line: c.line, message: `no ${c.kind} card: its answer "${leak.answer}" shows in the ${leak.where === "deck" ? "deck title" : "question"}` });
    return !leak;
  });
  return { cards, notices };
}

/** The cards of a notes file (see generateNotes for the notices). */
export function generateNotesCards(input: NotesInput): ParsedCard[] {
  return generateNotes(input).cards;
}
