/** The wording of generated cards, in the deck's language (Chinese or English). */

export interface Templates {
  order(t: string): string;
  phaseOrder(t: string): string;
  phaseSteps(t: string, p: string): string;
  differences(t: string, intro: string, n: number): string;
  next(t: string, step: string): string;
  first(t: string): string;
  precondition(t: string): string;
  condition(t: string, condition: string): string;
  otherwise(t: string, step: string): string;
  reasons(t: string, intro: string, n: number): string;
  why(t: string, question: string, n: number): string;
  alternatives(t: string, intro: string, n: number): string;
  facts(t: string, intro: string, n: number): string;
  define(t: string, term: string): string;
  /** a row of a table: its first cell, and the columns the answer fills in */
  tableRow(t: string, row: string, columns: string[]): string;
  /** a line of the notes that sums something up behind a label ("一句话区分：…") */
  summary(t: string, label: string): string;
  /** a question the notes ask and answer themselves ("加一块盘之后发生了什么？→ …") */
  question(t: string, question: string): string;
  open(t: string): string;
  openPoints(t: string): string;
}

/** The title before a list's own subject, or nothing when the subject is the title itself (see lists.ts). */
const zhTitle = (t: string) => (t ? `「${t}」：` : "");
const enTitle = (t: string) => (t ? `“${t}”: ` : "");

export const TEMPLATES: { zh: Templates; en: Templates } = {
  zh: {
    order: (t) => `把「${t}」的步骤按顺序排好`,
    phaseOrder: (t) => `把「${t}」的各个阶段按顺序排好`,
    phaseSteps: (t, p) => `「${t}」中，把「${p}」这一阶段的步骤按顺序排好`,
    differences: (t, intro, n) => `${zhTitle(t)}${intro}有哪 ${n} 点？`,
    next: (t, step) => `「${t}」中，下面这一步之后紧接着发生什么？\n\n> ${step}`,
    first: (t) => `「${t}」的第一步是什么？`,
    precondition: (t) => `「${t}」开始之前要满足什么前提？`,
    condition: (t, c) => `「${t}」中，如果${c}，会怎样？`,
    otherwise: (t, step) => `「${t}」中，下面这一步不成立时会怎样？\n\n> ${step}`,
    reasons: (t, intro, n) => `${zhTitle(t)}${intro}——有哪 ${n} 点？`,
    why: (t, q, n) => `${zhTitle(t)}${q}（${n} 点）`,
    alternatives: (t, intro, n) => `${zhTitle(t)}${intro}——是哪 ${n} 种？各有什么不同？`,
    facts: (t, intro, n) => `${zhTitle(t)}${intro}——有哪 ${n} 点？`,
    define: (t, term) => `「${t}」中，${term} 是什么？`,
    summary: (t, label) => `「${t}」：${label}？`,
    question: (t, q) => `${zhTitle(t)}${q}`,
    tableRow: (t, row, columns) => (columns.length > 0 ? `「${t}」：${row}——${columns.join("、")}各是怎样？` : `「${t}」：${row}？`),
    open: (t) => `面试题：请完整讲一讲「${t}」。`,
    openPoints: (t) => `面试题：说说「${t}」的要点。`,
  },
  en: {
    order: (t) => `Put the steps of “${t}” in order`,
    phaseOrder: (t) => `Put the phases of “${t}” in order`,
    phaseSteps: (t, p) => `In “${t}”, put the steps of the phase “${p}” in order`,
    differences: (t, intro, n) => `${enTitle(t)}${intro} — what are the ${n} points?`,
    next: (t, step) => `In “${t}”, what happens right after this step?\n\n> ${step}`,
    first: (t) => `What is the first step of “${t}”?`,
    precondition: (t) => `What must hold before “${t}” starts?`,
    condition: (t, c) => `In “${t}”, what happens if ${c}?`,
    otherwise: (t, step) => `In “${t}”, what happens when this does not hold?\n\n> ${step}`,
    reasons: (t, intro, n) => `${enTitle(t)}${intro} — what are the ${n} points?`,
    why: (t, q, n) => `${enTitle(t)}${q} (${n} points)`,
    alternatives: (t, intro, n) => `${enTitle(t)}${intro} — which ${n}, and how do they differ?`,
    facts: (t, intro, n) => `${enTitle(t)}${intro} — what are the ${n} points?`,
    define: (t, term) => `In “${t}”, what is ${term}?`,
    summary: (t, label) => `“${t}”: ${label}?`,
    question: (t, q) => `${enTitle(t)}${q}`,
    tableRow: (t, row, columns) => (columns.length > 0 ? `“${t}”: ${row} — ${columns.join(" / ")}?` : `“${t}”: ${row}?`),
    open: (t) => `Interview question: walk me through “${t}”.`,
    openPoints: (t) => `Interview question: what are the key points of “${t}”?`,
  },
};
