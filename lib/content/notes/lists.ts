/**
 * Cards of lists that are not processes: reasons are recalled as "why" (the intro's own
 * question when it asks one), alternatives and differences are compared, "name：description"
 * items are asked as "which one is this", conditions as "what happens if", facts recalled.
 */
import type { Section } from "./read";
import type { Classified } from "./classify";
import type { Generator } from "./generator";
import { conditionOf, md, numbered } from "./text";
import { normalizeAnswer } from "../../answer/normalize";
import { ANSWERED_QUESTION, DRILL_HEADING, QA_MARKER } from "./classify";

const QUESTION = /为什么|为何|怎么|如何|是否|吗|\?|？|^why\b|^how\b|^what\b|^when\b/i;
const DIFFERENCES = /区别|不同|差异|对比|比较|\bvs\.?(?=\s|$)|versus|differences?|compared/i;

/** The intro or heading as the words of a prompt: without its closing colon. */
/** "Q：", "问：", "面试题 3：" before a question the notes ask themselves. */
export const QUESTION_LABEL = /^(?:Q|问|问题|面试题)\s*\d*\s*[：:]\s*/iu;

/** An intro as a title: without its closing colon, or the "Q：" of a question. */
export function label(text: string): string {
  return text
    .replace(/[：:]\s*$/u, "")
    .replace(QUESTION_LABEL, "")
    // "为什么用 pull（面试会问，记几个理由）": an aside about the interview, not about the list
    .replace(/\s*[（(][^（）()]*(?:面试|记住|记几个|背下来|interview|remember)[^（）()]*[）)]\s*$/iu, "")
    // "（症状，不是步骤）", "（列一下，不是流程）", "(not a process)": what the list is not, said to oneself (round 9)
    .replace(/\s*[（(][^（）()]*(?:不是(?:步骤|流程|过程|顺序)|列一下|not (?:a |in )?(?:process|steps|sequence|order))[^（）()]*[）)]/giu, "")
    .trim();
}

const COUNT_WORDS: Record<string, number> = { 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8 };
/** How many the list's own line says it has: "热迁移又分两种：", "三种取值", "(4 points)", "three modes". */
export function statedCount(intro: string | undefined): number | null {
  if (!intro) return null;
  const m = /([两二三四五六七八九十]|\d{1,2})\s*(?:种|个|类|点|条|步|项|大类)/u.exec(intro) ?? /\b(two|three|four|five|six|seven|eight|\d{1,2})\s+(?:kinds|types|modes|ways|points|options|values|reasons|steps|rules|levels|states)\b/iu.exec(intro);
  if (!m) return null;
  const word = m[1]!.toLowerCase();
  const n = COUNT_WORDS[word] ?? Number(word);
  return Number.isInteger(n) && n >= 2 ? n : null;
}

/**
 * An intro that is a short label, a colon, then a statement of its own ("write amplification：写到磁盘
 * 的总字节数 / 用户写入的字节数", "做法：从 Ln 挑一个文件…"); null for a label alone or a statement
 * alone. A label is short (a name, not a clause); a statement has something to say (a clause, not a name: "write stall" stays the label's).
 */
function statement(intro: string): { label: string; text: string } | null {
  const m = /^([^：:，,。；;]{1,24}?)\s*[：:]\s*(.+)$/su.exec(intro);
  if (!m) return null;
  const head = m[1]!.trim();
  const text = m[2]!.trim();
  const size = (x: string) => (x.match(/\p{Script=Han}/gu)?.length ?? 0) + (x.match(/[A-Za-z0-9][A-Za-z0-9_.'-]*/g)?.length ?? 0) * 2.5;
  if (size(head) > 12 || size(text) < 6) return null;
  return { label: head, text };
}

/** An item that asks and answers: "Q？→ A" on one line, or "Q？" with its answer nested under it. */
function answeredQuestion(text: string, details: readonly string[]): { question: string; answer: string } | null {
  const bare = (x: string) => x.trim().replace(QA_MARKER, "");
  const m = ANSWERED_QUESTION.exec(text.trim());
  const nested = details.length === 1 ? md(bare(details[0]!)) : numbered(details.map((d) => md(bare(d))));
  if (m) return { question: md(bare(m[1]!)), answer: details.length > 0 ? `${md(bare(m[2]!))}\n\n${nested}` : md(bare(m[2]!)) };
  if (/[？?]$/u.test(text.trim()) && [...text.trim()].length <= 120 && details.length > 0) return { question: md(bare(text)), answer: nested };
  return null;
}

export function listCards(g: Generator, s: Section, run: Classified, title: string, context: string | undefined, line: number) {
  const { t } = g;
  // "热迁移又分两种：" over three bullets: the two it names, then a remark ("API 2.25 开始…可以传 auto")
  const stated = statedCount(context);
  const listed = stated !== null && run.items.length > stated ? run.items.slice(0, stated) : run.items;
  const items = listed.map((x) => md(x.text));
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
  // the notes' own drill ("加一块盘之后发生了什么？→ ring-builder add + rebalance…", "blob vs tree? -> …"):
  // each question is a card with its answer; a card of all of them ("有哪 7 点？") asks nothing
  // (round 8: seven Swift and ten git questions were a process, or nothing)
  const answered = run.items.flatMap((item) => {
    const qa = answeredQuestion(item.text, item.details);
    return qa ? [{ item, ...qa }] : [];
  });
  // under "面试常问" / "Interview Qs" the heading tells nothing about the question: it is asked as written
  const drill = DRILL_HEADING.test(s.path[s.path.length - 1] ?? "");
  const where = drill ? "" : s.path.length > 0 ? s.path.join(" › ") : title;
  for (const { item, question, answer: said } of answered) {
    const prompt = t.question(where, question);
    g.add({ kind: "basic", topic, line: item.line, prompt, answer: said, generatedBy: "notes:question" }, prompt);
  }
  if (answered.length * 2 >= run.items.length) return;
  // the list's own line is its subject, in full; without one, the heading it stands under
  const intro = md(label(context ?? s.path[s.path.length - 1] ?? title));
  // a list under its heading with no line of its own is about the heading: the heading is said
  // once ("“HTTP/1.1 and why it ran out of steam”: HTTP/1.1 and why it ran out of steam — …" said it twice)
  const heading = s.path[s.path.length - 1];
  const aboutHeading = heading !== undefined && normalizeAnswer(intro) === normalizeAnswer(md(label(heading)));
  const sectionTitle = aboutHeading ? s.path.slice(0, -1).join(" › ") : s.path.length > 0 ? s.path.join(" › ") : title;
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
    // "脑裂（split brain）：ha network 断了但外网还通 → 两边都当 master" over two bullets: the label
    // names what is asked, the statement after it is part of the answer. As the question, the whole
    // line said neither what to recall nor kept its own statement back (round 7: 5 of 13 facts cards)
    const said = statement(intro);
    if (said) {
      prompt = t.facts(sectionTitle, said.label, n);
      g.add({ kind: "basic", topic, line, prompt, answer: `${said.text}\n\n${answer}`, generatedBy: "notes:facts" }, prompt);
      return;
    }
    prompt = t.facts(sectionTitle, intro, n);
    rule = "notes:facts";
  }
  g.add({ kind: "basic", topic, line, prompt, answer, generatedBy: rule }, prompt);
  // no "which one is described?" choices on "name：description" items: 25 of 31 were answered by
  // the description's own wording or its translation ("每次写都 fsync" → always), which no
  // word list catches; the compare card above asks the same knowledge
}
