/**
 * Reading exported notes: what a reader sees, recovered from remark's tree.
 *
 * Exported notes are messy markdown: steps indented four spaces right under a heading parse
 * as an (indented) code block; steps after an image bullet (`+ ![](...)`) parse as lists
 * nested in that bullet; every step is numbered `1.`; phases are bold bullets; an indented
 * `1.` right after a prose line is swallowed into that paragraph (CommonMark's lazy
 * continuation). This module walks the tree in reading order and recovers sections
 * (headings), runs of numbered items (a list a reader sees, however many lists markdown made
 * of it) with the prose line that introduces them, bullet runs, phases and prose. No library
 * does this recovery; it is written here on top of remark's tree.
 */
import type { Root, Nodes, Heading, Paragraph, PhrasingContent, ListItem } from "mdast";
import { parseMarkdown, isAllStrong, isImageOnly, joinedText, plainText, sourceOf, startLine } from "../markdown";
import { stripEnumeration } from "../../text";
import { cleanText } from "./text";

export interface Item {
  text: string;
  line: number;
  /** the bold phase line above the item, in numbered runs */
  phase?: string;
  /** what is nested under the item */
  details: string[];
  /** the item's own line when its details were merged into `text` ("先做检查：" + the checks) */
  head?: string;
  /** the item's own inline content, for bold clozes */
  children: PhrasingContent[];
}

export interface Run {
  ordered: boolean;
  items: Item[];
  /** the prose line right before the run ("三种取值：", "为什么需要两阶段提交"), if any */
  intro?: { text: string; line: number };
  line: number;
}

export interface Prose {
  text: string;
  line: number;
  children: PhrasingContent[];
}

/** A table of the notes: a comparison ("| 对比项 | 热迁移 | 冷迁移 |") or a reference ("| 参数 | 默认 | 作用 |"). */
export interface Table {
  /** the header cells; the first names the rows ("对比项", "参数"), the others the columns */
  header: string[];
  /** the body rows, as many cells as the header (missing cells are "") */
  rows: string[][];
  line: number;
}

export interface Section {
  /** heading path, enumerations stripped */
  path: string[];
  depth: number;
  line: number;
  runs: Run[];
  prose: Prose[];
  phases: Array<{ name: string; line: number }>;
  tables: Table[];
}

export interface NotesTree {
  tree: Root;
  src: string;
  skipHeading: Heading | undefined;
}

/** A paragraph whose reported line is moved by the offset of the block it was re-read from. */
function shift(p: Paragraph, lineOffset: number): Paragraph {
  if (lineOffset === 0 || !p.position) return p;
  return { ...p, position: { start: { ...p.position.start, line: p.position.start.line + lineOffset }, end: p.position.end } };
}

/** The lines of a paragraph as text, from its own nodes (line breaks inside text values). */
function plainLines(p: Paragraph): string[] {
  return plainText(p).split("\n");
}

/** "问：…？" / "Q: …?": a line that asks; "答：…" / "A: …": the line that answers it. */
const QUESTION_LINE = /^(?:Q|问|问题)\s*[：:].*[？?]\s*$/u;
const ANSWER_LINE = /^(?:A|答)\s*[：:]\s*\S/u;
/** A paragraph of a question on its line and its answer on the next. */
const QA_PARAGRAPH = /^\s*((?:Q|问|问题)\s*[：:][^\n]+?[？?])\s*\n\s*((?:A|答)\s*[：:][\s\S]+)$/u;

/** A list marker at the start of a line inside a paragraph: CommonMark made it a lazy continuation. */
const LAZY_ITEM = /\n[ \t]*(?:\d{1,3}[.)、]|[-+*])[ \t]+\S/;

/**
 * What is nested under a bullet is a list of its points: bullets with words, no phase line
 * ("- **调度阶段**") and no numbered steps, which go on with the reading as they always did.
 */
function nestsPoints(rest: ListItem["children"]): boolean {
  const lists = rest.filter((r) => r.type === "list");
  if (lists.length === 0 || lists.some((l) => l.ordered)) return false;
  return lists.every((l) =>
    l.children.every((li) => {
      const head = li.children[0];
      return head?.type === "paragraph" && !isAllStrong(head) && !isImageOnly(head) && !li.children.some((c) => c.type === "list" && c.ordered);
    }),
  );
}

export function readSections(input: NotesTree): Section[] {
  const { tree, src, skipHeading } = input;
  const root: Section = { path: [], depth: 0, line: 1, runs: [], prose: [], phases: [], tables: [] };
  const sections: Section[] = [root];
  const stack: Section[] = [root];
  let current = root;
  let phase: string | undefined;
  let numbered: Run | null = null;
  let bullets: Run | null = null;
  /** the prose paragraph that was the last thing read, a candidate intro of the next run */
  let lastProse: Prose | null = null;
  /** the item being read is the first of a numbered list that starts at 1 */
  let restarted = false;
  /** the list being read numbers its items 1. 2. 3. (not 1. 1. 1., which the user's exports write) */
  let counted = false;
  /** whether the numbered run being built was counted so */
  let runCounted = false;
  /** the markdown the nodes being walked were parsed from (indented text is parsed again on its own) */
  let text = src;
  const withText = (t: string, fn: () => void) => {
    const saved = text;
    text = t;
    fn();
    text = saved;
  };
  const numberOf = (li: ListItem): number | undefined => {
    const at = li.position?.start.offset;
    const m = at === undefined ? null : /^\s*(\d{1,4})[.)]/.exec(text.slice(at, at + 12));
    return m ? Number(m[1]) : undefined;
  };

  const closeRuns = () => {
    numbered = null;
    bullets = null;
  };
  const item = (p: Paragraph, details: string[]): Item => ({ text: cleanText(plainText(p)), line: startLine(p), phase, details, children: p.children });
  const introFor = () => (lastProse ? { text: lastProse.text, line: lastProse.line } : undefined);

  /**
   * "+ merged：联合挂载点\n读文件时先找 upper…": a line less indented than the item's text is
   * markdown's lazy continuation, but a reader sees a new paragraph. The item keeps its own
   * lines; the rest is read as prose after it.
   */
  const splitLazy = (p: Paragraph, lineOffset: number): { own: Paragraph; tail: Paragraph | null; blocks: Nodes[]; tailText: string; tailOffset: number } => {
    const none = { own: p, tail: null, blocks: [], tailText: "", tailOffset: 0 };
    if (lineOffset !== 0 || !p.position) return none;
    const column = p.position.start.column;
    const lines = sourceOf(src, p).split("\n");
    const cut = lines.findIndex((l, k) => k > 0 && l.length - l.trimStart().length < column - 1);
    if (cut <= 0) return none;
    const own = parseMarkdown(lines.slice(0, cut).join("\n")).children[0];
    const line = startLine(p);
    const tailText = lines.slice(cut).map((l) => l.trim()).join("\n");
    const blocks = parseMarkdown(tailText).children as Nodes[];
    const tail = blocks[0]?.type === "paragraph" ? shift(blocks[0], line + cut - 1) : null;
    // "+ 等待点 wait_point：" then a table at the margin (round 9): markdown read the table as
    // the item's lazy lines, a reader sees the table the item introduces
    const table = blocks.some((b) => b.type === "table");
    return {
      own: own?.type === "paragraph" ? shift(own, line - 1) : p,
      tail: table ? null : tail,
      blocks: table ? blocks : [],
      tailText,
      tailOffset: line + cut - 1,
    };
  };

  /**
   * "- **freshness check**\n  4. entry found…": a numbered line that does not start at 1 cannot
   * interrupt a paragraph, so markdown glued the steps to the bullet's own line (round 10: every
   * phase after the first lost its steps). The bullet keeps its line; the steps are read after it.
   */
  const splitGlued = (p: Paragraph): { own: Paragraph; blocks: Nodes[]; text: string; offset: number } | null => {
    if (!p.position) return null;
    const source = sourceOf(src, p);
    const m = /\n[ \t]*\d{1,3}[.)][ \t]+\S/u.exec(source);
    if (!m) return null;
    const head = parseMarkdown(source.slice(0, m.index)).children[0];
    if (head?.type !== "paragraph") return null;
    const lines = source.slice(m.index + 1).split("\n");
    const indent = Math.min(...lines.filter((l) => l.trim() !== "").map((l) => l.length - l.trimStart().length));
    const text = lines.map((l) => l.slice(Math.min(indent, l.length - l.trimStart().length))).join("\n");
    const line = startLine(p);
    return { own: shift(head, line - 1), blocks: parseMarkdown(text).children as Nodes[], text, offset: line + source.slice(0, m.index).split("\n").length - 1 };
  };

  const walkItem = (li: ListItem, ordered: boolean, lineOffset: number) => {
    const [firstBlock, ...rest] = li.children;
    const glued = firstBlock?.type === "paragraph" && lineOffset === 0 ? splitGlued(firstBlock) : null;
    if (glued) {
      walkItemParts(glued.own, [], ordered, lineOffset);
      withText(glued.text, () => walk(glued.blocks, glued.offset));
      walk(rest, lineOffset);
      return;
    }
    const lazy = firstBlock?.type === "paragraph" ? splitLazy(firstBlock, lineOffset) : null;
    const first = lazy ? lazy.own : firstBlock;
    if (lazy && lazy.blocks.length > 0) {
      walkItemParts(first, [], ordered, lineOffset);
      closeRuns();
      withText(lazy.tailText, () => walk(lazy.blocks, lazy.tailOffset));
      walk(rest, lineOffset);
      return;
    }
    if (!lazy?.tail || !/[\p{L}\p{N}]/u.test(plainText(lazy.tail))) {
      walkItemParts(first, rest, ordered, lineOffset);
      return;
    }
    // in reading order: the item's own lines, the prose line, then what is nested after it
    walkItemParts(first, [], ordered, lineOffset);
    closeRuns();
    addProse(lazy.tail, 0, false);
    walk(rest, lineOffset);
  };

  /** A list nested under `intro`, read as its own run; the bullets after it go on with the list `intro` stands in. */
  const walkIntroduced = (intro: Prose, rest: ListItem["children"], lineOffset: number) => {
    const outer = bullets;
    closeRuns();
    lastProse = intro;
    walk(rest, lineOffset);
    closeRuns();
    bullets = outer;
    lastProse = null;
  };

  const walkItemParts = (first: ListItem["children"][number] | undefined, rest: ListItem["children"], ordered: boolean, lineOffset: number) => {
    // an image bullet, or one with no words ("+" of an empty export bullet), continues the reading
    if (first?.type === "paragraph" && !isImageOnly(first) && /[\p{L}\p{N}]/u.test(plainText(first))) {
      if (isAllStrong(first)) {
        phase = cleanText(joinedText(first.children));
        if (phase !== "") current.phases.push({ name: phase, line: startLine(first) + lineOffset });
        walk(rest, lineOffset);
        return;
      }
      const p = shift(first, lineOffset);
      if (ordered) {
        // a step: what is nested under it are its details, not more steps
        const details = rest.flatMap((n): Nodes[] => (n.type === "list" ? n.children : [n])).map((n) => cleanText(plainText(n))).filter((t) => t !== "");
        const it = item(p, details);
        if (it.text === "") return;
        // "etcdserver 先做检查：" with its checks nested under it: the checks are what the step says
        if (/[：:]$/u.test(it.text) && details.length > 0) {
          it.head = it.text.replace(/[：:]$/u, "");
          it.text = `${it.text}${it.text.endsWith(":") ? " " : ""}${details.map((d) => d.replace(/[。；;.]$/u, "")).join(it.text.endsWith(":") ? "; " : "；")}`;
        }
        // "**proxy server**" 1. 2. 3., then "**account server**" 1. 2.: counting that starts again
        // under the next bold line makes lists of their own, each about its line (round 8: four
        // servers read as one process in four phases). Phases of one process number on (1-2, 3-9, 10-12).
        const previous: Run | null = numbered;
        const last = previous?.items[previous.items.length - 1];
        if (previous && restarted && counted && runCounted && phase !== undefined && last !== undefined && last.phase !== phase) {
          const phases = new Set(previous.items.map((x) => x.phase));
          if (phases.size === 1 && last.phase !== undefined && !previous.intro) previous.intro = { text: last.phase, line: previous.line };
          numbered = { ordered: true, items: [], intro: { text: phase, line: it.line }, line: it.line };
          bullets = null;
          current.runs.push(numbered);
          runCounted = counted;
        }
        if (!numbered) {
          bullets = null;
          numbered = { ordered: true, items: [], intro: introFor(), line: it.line };
          current.runs.push(numbered);
          runCounted = counted;
        }
        numbered.items.push(it);
      } else if (/[：:]$/u.test(cleanText(plainText(p))) && rest.some((r) => r.type === "list")) {
        // "判断是否可见：" with its list nested under it: an intro, not an item; the bullets after
        // it at its own level go on with the list it stands in (they are not more of its list)
        walkIntroduced({ text: cleanText(plainText(p)), line: startLine(p), children: p.children }, rest, lineOffset);
        return;
      } else {
        const it = item(p, []);
        it.phase = undefined;
        if (!bullets) {
          numbered = null;
          bullets = { ordered: false, items: [], intro: introFor(), line: it.line };
          current.runs.push(bullets);
        }
        // "+ 问：…？" then "+ 答：…" (round 10): the answer is the question's, one item as "问：…？ 答：…"
        const asked = bullets.items[bullets.items.length - 1];
        if (asked && ANSWER_LINE.test(it.text) && QUESTION_LINE.test(asked.text) && asked.details.length === 0 && rest.length === 0) {
          asked.text = `${asked.text} ${it.text}`;
          lastProse = null;
          return;
        }
        bullets.items.push(it);
        // "+ Q：为什么 nat 规则改了…？" with "- A：…" nested under it: the question's answer, not points
        // of a list it introduces (round 9: four of the notes' interview questions lost their answers)
        if (/[？?]$/u.test(it.text) && [...it.text].length <= 120 && rest.length > 0 && rest.every((r) => r.type === "list" && !r.ordered)) {
          it.details = rest.flatMap((n): Nodes[] => (n.type === "list" ? n.children : [n])).map((n) => cleanText(plainText(n))).filter((t) => t !== "");
          lastProse = null;
          return;
        }
        // bullets nested under a bullet are its points, a list of their own that it introduces;
        // read into its list, they were counted with its siblings ("有哪 14 点" for 7 and 7)
        if (nestsPoints(rest)) {
          walkIntroduced({ text: it.text, line: it.line, children: p.children }, rest, lineOffset);
          return;
        }
        walk(rest, lineOffset);
        // "- 为什么用 pull（…）：" then numbered lines at the left margin: the bullet introduces them
        if (/[：:]$/u.test(it.text) && rest.length === 0) {
          lastProse = { text: it.text, line: it.line, children: p.children };
          return;
        }
      }
      lastProse = null;
    } else {
      // an image bullet, or an empty one: what is nested in it continues the reading
      walk(first ? [first, ...rest] : [], lineOffset);
    }
  };

  /** A numbered list that goes on from an earlier one ("5." after "1."-"4."), not one that starts again. */
  const continuesNumbering = (next: Nodes | undefined): boolean => next?.type === "list" && next.ordered === true && (next.start ?? 1) > 1;

  const walk = (nodes: Nodes[], lineOffset: number) => {
    for (const [k, n] of nodes.entries()) {
      switch (n.type) {
        case "heading": {
          if (n === skipHeading) break;
          const name = stripEnumeration(cleanText(plainText(n)));
          while (stack.length > 1 && stack[stack.length - 1]!.depth >= n.depth) stack.pop();
          const parent = stack[stack.length - 1]!;
          current = { path: [...parent.path, name], depth: n.depth, line: startLine(n) + lineOffset, runs: [], prose: [], phases: [], tables: [] };
          stack.push(current);
          sections.push(current);
          phase = undefined;
          closeRuns();
          // a heading introduces the run right under it
          lastProse = null;
          break;
        }
        case "code": {
          // an indented code block in notes is indented text (usually steps): read it again as markdown
          const raw = sourceOf(src, n).trimStart();
          if (!n.lang && !/^(`{3,}|~{3,})/.test(raw)) {
            withText(n.value, () => walk(parseMarkdown(n.value).children as Nodes[], lineOffset + startLine(n) - 1));
          } else if (numbered && continuesNumbering(nodes[k + 1])) {
            // a fenced example under a step ("4. redirect browser to AS:" then ``` GET /authorize…```,
            // then "5. …" at the margin) belongs to that step: the steps go on after it (round 7:
            // the PKCE flow was cut in two there, and its first step became step 5)
          } else {
            closeRuns();
            lastProse = null;
          }
          break;
        }
        case "list":
          n.children.forEach((li, i) => {
            restarted = n.ordered === true && i === 0 && (n.start ?? 1) === 1;
            const [a, b] = [n.children[0], n.children[1]].map((x) => (x ? numberOf(x) : undefined));
            counted = n.ordered === true && a !== undefined && b !== undefined && b === a + 1;
            walkItem(li, n.ordered === true, lineOffset);
            restarted = false;
          });
          break;
        case "paragraph": {
          // images and wordless leftovers of export bullets ("+") do not interrupt what is read
          if (isImageOnly(n) || !/[\p{L}\p{N}]/u.test(plainText(n))) break;
          // "Q: no-cache vs no-store?" with "A: …" on the next line (round 10): a question the notes
          // answer, read as the item of a list of such questions, as bullets of them are
          const qa = QA_PARAGRAPH.exec(plainText(n));
          if (qa) {
            if (!bullets) {
              numbered = null;
              bullets = { ordered: false, items: [], line: startLine(n) + lineOffset };
              current.runs.push(bullets);
            }
            bullets.items.push({ text: cleanText(`${qa[1]!} ${qa[2]!}`), line: startLine(n) + lineOffset, details: [], children: n.children });
            lastProse = null;
            break;
          }
          if (isAllStrong(n)) {
            phase = cleanText(joinedText(n.children));
            if (phase !== "") current.phases.push({ name: phase, line: startLine(n) + lineOffset });
            break;
          }
          const source = sourceOf(src, n);
          const lazy = lineOffset === 0 ? LAZY_ITEM.exec(source) : null;
          if (lazy && n.position) {
            // "intro：\n    1. step": the first line is prose, the rest a list markdown swallowed
            const head = source.slice(0, lazy.index);
            const headTree = parseMarkdown(head).children[0];
            closeRuns();
            if (headTree?.type === "paragraph") addProse(shift(headTree, startLine(n) - 1), lineOffset, false);
            // the list's intro is the line right above it, not the whole paragraph
            const lines = head.split("\n");
            const last = cleanText(lines[lines.length - 1] ?? "");
            if (lastProse && last !== "") lastProse = { text: last, line: startLine(n) + lines.length - 1, children: [] };
            // dedent by the list's own indent, not every line to the margin: a step's nested
            // "- detail" lines stay nested under it instead of cutting the process in two
            const restLines = source.slice(lazy.index + 1).split("\n");
            const indentOf = (l: string) => l.length - l.trimStart().length;
            const base = Math.min(...restLines.filter((l) => l.trim() !== "").map(indentOf));
            // markdown's lazy lines come back at the margin: a line less indented than the list is its own
            const rest = restLines.map((l) => (indentOf(l) >= base ? l.slice(base) : l.trimStart())).join("\n");
            withText(rest, () => walk(parseMarkdown(rest).children as Nodes[], startLine(n) + head.split("\n").length - 1));
            break;
          }
          closeRuns();
          addProse(shift(n, lineOffset), 0, lineOffset === 0);
          break;
        }
        case "table": {
          closeRuns();
          lastProse = null;
          const cells = n.children.map((row) => row.children.map((cell) => cleanText(plainText(cell))));
          const [header, ...rows] = cells;
          if (header && header.length >= 2) current.tables.push({ header, rows: rows.map((r) => header.map((_, k) => r[k] ?? "")), line: startLine(n) + lineOffset });
          break;
        }
        default:
          // blockquotes (export metadata), html and thematic breaks end a run and make no cards
          closeRuns();
          lastProse = null;
          break;
      }
    }
  };
  /** `original`: the paragraph's offsets are offsets into `src` (not into a block read again) */
  const addProse = (p: Paragraph, lineOffset: number, original: boolean) => {
    const prose: Prose = { text: cleanText(plainText(p)), line: startLine(p) + lineOffset, children: p.children };
    if (prose.text === "") return;
    current.prose.push(prose);
    // a list's intro is the paragraph's last line ("里面有四个字段："), not all of it; a paragraph
    // read again from a code block has offsets into that block, not into the file
    const lines = original && p.position ? sourceOf(src, p).split("\n") : plainLines(p);
    if (lines.length > 1) {
      const lastTree = parseMarkdown(lines[lines.length - 1]!.trim()).children[0];
      const text = lastTree ? cleanText(plainText(lastTree)) : "";
      lastProse = text ? { text, line: prose.line + lines.length - 1, children: [] } : prose;
    } else lastProse = prose;
  };

  walk(tree.children as Nodes[], 0);
  return sections;
}
