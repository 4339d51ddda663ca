/**
 * Parses one markdown file into a deck. Never throws: every problem becomes a
 * `{ file, line, message }` error, and a file with errors yields no deck.
 */
import YAML from "yaml";
import { z } from "zod";
import type { Root, Nodes, Paragraph, List, ListItem, Blockquote, Heading, Code } from "mdast";
import type { CardDraft, ContentError, ParsedCard, ParseResult, DeckMeta, RubricPoint, ChoiceOption, ClozeTerm } from "./types";
import { parseMarkdown, sourceOf, sourceOfRange, startLine, startOffset, endOffset, plainText } from "./markdown";
import { cardId, contentHash } from "./ids";
import { cjkShare, stripEnumeration, tidySpaces } from "../text";
import { generateNotes, type NotesNotice } from "./notes";
import { makeGlossary } from "../glossary";
import { checkSourceLimits, checkTreeLimits, MAX_CARDS, MAX_CARD_TEXT } from "./limits";

export const MAX_FILE_BYTES = 2 * 1024 * 1024;

export interface ParseOptions {
  /** how errors name the file, e.g. "content/openstack/dhcp.md" */
  file: string;
  /** deck id: the path under the content root without ".md" */
  deckId: string;
}

const frontMatterSchema = z
  .object({
    title: z.string().trim().min(1, "must not be empty").optional(),
    description: z.string().optional(),
    tags: z.array(z.union([z.string(), z.number()]).transform(String)).optional(),
    language: z
      .string()
      .regex(/^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$/, "must be a BCP 47 tag such as zh, en or zh-CN")
      .optional(),
    // words that mean the same in an answer, added to the shipped glossary for this deck:
    // `glossary: {L3 agent: [三层代理, l3代理]}` or `glossary: [[L3 agent, 三层代理]]`
    glossary: z
      .union([
        z.record(z.string().trim().min(1), z.union([z.string().trim().min(1), z.array(z.string().trim().min(1)).min(1)])),
        z.array(z.array(z.union([z.string(), z.number()]).transform(String)).min(2, "each entry needs at least two words that mean the same")),
      ])
      .optional(),
  })
  .strict();

/** The deck's glossary entries from its front matter, as lists of words that mean the same. */
function glossaryEntries(value: z.infer<typeof frontMatterSchema>["glossary"]): string[][] {
  if (!value) return [];
  if (Array.isArray(value)) return value.map((e) => e.map((w) => w.trim()).filter((w) => w !== ""));
  return Object.entries(value).map(([term, aliases]) => [term, ...(Array.isArray(aliases) ? aliases : [aliases])]);
}

type Ctx = {
  file: string;
  deckId: string;
  src: string;
  errors: ContentError[];
  cards: ParsedCard[];
};

function err(ctx: { file: string; errors: ContentError[] }, line: number, message: string) {
  ctx.errors.push({ file: ctx.file, line, message });
}

/** Decodes bytes as UTF-8 text or reports why the file is not text. */
function decode(file: string, input: string | Uint8Array, errors: ContentError[]): string | null {
  if (typeof input === "string") return input;
  if (input.byteLength > MAX_FILE_BYTES) {
    const mb = (input.byteLength / 1024 / 1024).toFixed(1);
    errors.push({ file, line: 1, message: `file is ${mb} MB, larger than the 2 MB limit for a deck` });
    return null;
  }
  const nul = input.indexOf(0);
  if (nul >= 0) {
    const line = countLines(input.subarray(0, nul));
    errors.push({ file, line, message: "binary file: it contains NUL bytes, a deck must be UTF-8 markdown text" });
    return null;
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(input);
  } catch {
    const lossy = new TextDecoder("utf-8").decode(input);
    const at = lossy.indexOf("\ufffd");
    const line = at < 0 ? 1 : lossy.slice(0, at).split("\n").length;
    errors.push({ file, line, message: "invalid UTF-8: the file must be UTF-8 encoded text" });
    return null;
  }
}

function countLines(bytes: Uint8Array): number {
  let n = 1;
  for (const b of bytes) if (b === 10) n++;
  return n;
}

export function parseDeck(input: string | Uint8Array, options: ParseOptions): ParseResult {
  const errors: ContentError[] = [];
  try {
    return parseUnsafe(input, options, errors);
  } catch (e) {
    // the parser must never throw; a bug here is reported as an error of the file
    errors.push({ file: options.file, line: 1, message: `internal parser error: ${(e as Error).message}` });
    return { deck: null, errors };
  }
}

function parseUnsafe(input: string | Uint8Array, options: ParseOptions, errors: ContentError[]): ParseResult {
  const { file, deckId } = options;
  let text = decode(file, input, errors);
  if (text === null) return { deck: null, errors };
  if (typeof input === "string" && Buffer.byteLength(text) > MAX_FILE_BYTES) {
    const mb = (Buffer.byteLength(text) / 1024 / 1024).toFixed(1);
    errors.push({ file, line: 1, message: `file is ${mb} MB, larger than the 2 MB limit for a deck` });
    return { deck: null, errors };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes("\u0000")) {
    errors.push({ file, line: text.slice(0, text.indexOf("\u0000")).split("\n").length, message: "binary file: it contains NUL characters" });
    return { deck: null, errors };
  }
  if (text.trim() === "") {
    errors.push({ file, line: 1, message: "empty file: a deck needs at least one card or note" });
    return { deck: null, errors };
  }
  const src = text.replace(/\r\n?/g, "\n");
  // shapes of input that would take the markdown parser minutes, or overflow the stack
  const tooBig = checkSourceLimits(src);
  if (tooBig.length > 0) {
    for (const e of tooBig) errors.push({ file, ...e });
    return { deck: null, errors };
  }
  const tree = parseMarkdown(src);
  const tooDeep = checkTreeLimits(tree);
  if (tooDeep.length > 0) {
    for (const e of tooDeep) errors.push({ file, ...e });
    return { deck: null, errors };
  }
  const ctx: Ctx = { file, deckId, src, errors, cards: [] };

  const fm = readFrontMatter(tree, ctx);
  checkFences(tree, ctx);

  const firstHeading = tree.children.find((n): n is Heading => n.type === "heading");
  const titleFromHeading = !fm.title && firstHeading !== undefined;
  const title = fm.title ?? (firstHeading ? tidySpaces(plainText(firstHeading)) : undefined) ?? fallbackTitle(deckId);
  const language = fm.language ?? (cjkShare(plainText(tree)) >= 0.2 ? "zh" : "en");
  const meta: DeckMeta = { title, description: fm.description ?? "", tags: fm.tags ?? [], language, glossary: glossaryEntries(fm.glossary) };
  const skipHeading = titleFromHeading ? firstHeading : undefined;

  const explicit = hasExplicitCards(tree, src);
  const notices: NotesNotice[] = [];
  if (explicit) {
    parseExplicit(tree, ctx, skipHeading);
  } else {
    // notes exported as "1.RBD 按…" (no space after the number) are a list to a reader, not to
    // CommonMark: read them with the space (same lines, so every line number stays right)
    const spaced = src.replace(/^([ \t]*)(\d{1,3})\.(?=[^\s\d.])/gm, "$1$2. ");
    const notesTree = spaced === src ? tree : parseMarkdown(spaced);
    const notesSkip = spaced === src || !skipHeading ? skipHeading : notesTree.children.find((n): n is Heading => n.type === "heading");
    const notes = generateNotes({ tree: notesTree, src: spaced, deckId, language, skipHeading: notesSkip, title, glossary: meta.glossary.length > 0 ? makeGlossary(meta.glossary) : undefined });
    const generated = notes.cards;
    notices.push(...notes.notices);
    ctx.cards.push(...generated);
    if (generated.length === 0 && ctx.errors.length === 0) {
      // a question marker without its list reads as prose: name it rather than the whole file
      const miss = firstNearMiss(tree);
      if (miss) err(ctx, miss.line, miss.message);
      else err(ctx, 1, "no cards: the file has no card syntax, and no numbered steps, bullet points or bold terms that notes mode could use");
    }
  }

  const textSize = ctx.cards.reduce((n, c) => n + c.prompt.length + c.answer.length, 0);
  if (ctx.cards.length > MAX_CARDS) {
    err(ctx, 1, `too many cards: the file makes ${ctx.cards.length} cards, at most ${MAX_CARDS} are allowed in one deck; split it into several files`);
  } else if (textSize > MAX_CARD_TEXT) {
    // e.g. a huge paragraph with hundreds of cloze numbers: every card repeats the whole paragraph
    const mb = (textSize / 1024 / 1024).toFixed(0);
    err(ctx, 1, `cards too large: the questions and answers of this file add up to ${mb} million characters, at most ${MAX_CARD_TEXT / 1024 / 1024} million; split long paragraphs and the file`);
  } else checkDuplicates(ctx);
  // in reading order, whichever check found them
  if (ctx.errors.length > 0) return { deck: null, errors: ctx.errors.sort((a, b) => a.line - b.line) };
  const slash = deckId.lastIndexOf("/");
  return {
    deck: {
      id: deckId,
      source: file,
      group: slash < 0 ? "" : deckId.slice(0, slash),
      notesMode: !explicit,
      contentHash: contentHash(typeof input === "string" ? input : input),
      ...meta,
      cards: ctx.cards,
      notices,
    },
    errors: [],
  };
}

function fallbackTitle(deckId: string): string {
  return deckId.split("/").pop() ?? deckId;
}

function readFrontMatter(tree: Root, ctx: Ctx): z.infer<typeof frontMatterSchema> {
  const first = tree.children[0];
  if (!first || first.type !== "yaml") {
    // a "---" first line that did not close is a thematic break: the front matter is broken
    if (first?.type === "thematicBreak" && startLine(first) === 1 && /^\s*[a-zA-Z_]+\s*:/m.test(ctx.src.split("\n").slice(1, 4).join("\n"))) {
      err(ctx, 1, "front matter is not closed: add a line with --- after it");
    }
    return {};
  }
  const baseLine = startLine(first); // the opening --- line
  const doc = YAML.parseDocument(first.value, { prettyErrors: true });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const line = baseLine + (e.linePos?.[0]?.line ?? 1);
      err(ctx, line, `front matter is not valid YAML: ${e.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "")}`);
    }
    return {};
  }
  /** the line of a top-level key (quoted or not), else the first line of the front matter */
  const lineOfKey = (key: unknown): number => {
    const contents = doc.contents;
    if (typeof key === "string" && YAML.isMap(contents)) {
      for (const pair of contents.items) {
        if (YAML.isScalar(pair.key) && String(pair.key.value) === key && pair.key.range) {
          return baseLine + 1 + first.value.slice(0, pair.key.range[0]).split("\n").length - 1;
        }
      }
    }
    return baseLine + (first.value.trim() === "" ? 0 : 1);
  };
  let value: unknown;
  try {
    // aliases (*name) expand on reading: a few nested ones can make billions of values
    value = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (e) {
    const message = (e as Error).message;
    err(ctx, baseLine + 1, /alias/i.test(message) ? "front matter uses too many YAML aliases (*name): write the values out" : `front matter could not be read: ${message}`);
    return {};
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    err(ctx, lineOfKey(undefined), `front matter must be "key: value" lines (${FRONT_MATTER_KEYS.join(", ")}), not ${describeValue(value)}`);
    return {};
  }
  const parsed = frontMatterSchema.safeParse(value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys) err(ctx, lineOfKey(key), `front matter: unknown key "${key}" (the keys are ${FRONT_MATTER_KEYS.join(", ")})`);
        continue;
      }
      const key = issue.path[0];
      const line = lineOfKey(key);
      const got = (value as Record<string, unknown>)[String(key)];
      if (issue.code === "invalid_type" && issue.path.length === 1 && typeof key === "string") {
        const wanted = key === "tags" ? "a list such as [openstack, nova]" : "text";
        const quote = typeof got === "number" || typeof got === "boolean" ? `; put it in quotes: ${key}: "${String(got)}"` : "";
        err(ctx, line, `front matter ${key} must be ${wanted}, not ${describeValue(got)}${quote}`);
        continue;
      }
      const where = issue.path.length > 0 ? `front matter ${issue.path.join(".")}: ` : "front matter: ";
      const shown = issue.path.length === 1 && typeof got === "string" && got.trim() !== "" ? `, not "${got}"` : "";
      err(ctx, line, where + issue.message + shown);
    }
    return {};
  }
  return parsed.data;
}

const FRONT_MATTER_KEYS = ["title", "description", "tags", "language", "glossary"];

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return "empty";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") return `the text "${value.length > 40 ? value.slice(0, 40) + "…" : value}"`;
  if (typeof value === "object") return value instanceof Date ? "a date" : "a mapping";
  return `the ${typeof value} ${String(value)}`;
}

/** An opened code fence that is never closed swallows the rest of the file: report it. */
function checkFences(tree: Root, ctx: Ctx) {
  const visit = (node: Nodes) => {
    if (node.type === "code") {
      const raw = sourceOf(ctx.src, node);
      // an indented code block (4+ spaces) is not a fence, whatever it contains
      const open = /^ {0,3}(`{3,}|~{3,})/.exec(raw);
      if (open) {
        const fence = open[1]!;
        const lines = raw.split("\n");
        // inside a blockquote every line carries its "> " markers
        const last = (lines[lines.length - 1] ?? "").replace(/^[\s>]*/, "").trim();
        const closed = lines.length > 1 && last.startsWith(fence[0]!.repeat(fence.length)) && /^[`~]+$/.test(last);
        if (!closed) err(ctx, startLine(node), `code fence ${fence} opened here is never closed`);
      }
    }
    if ("children" in node) for (const c of node.children) visit(c as Nodes);
  };
  visit(tree);
}

// ---------- explicit syntax ----------

const ORDER_MARKER = /^\s*(?:order|排序)\s*[:：]\s*/i;
const OPEN_MARKER = /^\s*(?:interview|面试题?)\s*[:：]\s*/i;
const CLOZE_ANKI = /\{\{c(\d+)::([\s\S]*?)(?:::([\s\S]*?))?\}\}/g;
const CLOZE_MARK = /==(?!=)([^\n]*?[^=\s\n]|[^=\s\n])==/g;
// ":: answer" at the start of a line is a card with an empty question (an error), not prose
const BASIC_SEP = /(?:^|[ \t])::(?:[ \t]|$)/m;
const CLOZE_OPEN = /\{\{c(\d+)::/g;
/** at most this cloze number (Anki numbers from c1) */
const MAX_CLOZE_GROUP = 999;

/** Empty for a reader: white space, also non-breaking, full-width and zero-width spaces. */
function isBlank(text: string): boolean {
  return /^[\s\u200b-\u200d\u2060\ufeff]*$/u.test(text);
}

/** A list that was meant as choice options but is not a task list: an item without - [ ]. */
function brokenChoiceItem(list: Nodes | undefined): ListItem | undefined {
  if (list?.type !== "list" || isChoiceList(list)) return undefined;
  const looksEmpty = (i: ListItem) => i.checked === null && /^\[[ xX]?\]$/.test(plainText(i).trim());
  if (!list.children.some((i) => typeof i.checked === "boolean" || looksEmpty(i))) return undefined;
  return list.children.find((i) => typeof i.checked !== "boolean");
}

/** Why a paragraph that starts like an ordering or interview question makes no card. */
function markerProblem(text: string, next: Nodes | undefined): string | null {
  if (ORDER_MARKER.test(text) && !(next?.type === "list" && next.ordered)) {
    return "ordering question needs a numbered list of its steps (1. 2. 3.) right after it";
  }
  if (OPEN_MARKER.test(text) && !(next?.type === "list" && !next.ordered)) {
    return "interview question needs a bullet list of key points (- point) right after it";
  }
  return null;
}

function isTaskList(node: Nodes | undefined): node is List {
  return node?.type === "list" && node.children.length > 0 && node.children.every((i) => i.checked === true || i.checked === false);
}

/** isTaskList without narrowing the type (so the other branches keep List). */
function isChoiceList(node: Nodes | undefined): boolean {
  return isTaskList(node);
}

/** Source ranges of inline code inside a node, which markers must not be read from. */
function codeRanges(node: Nodes): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const walk = (n: Nodes) => {
    if (n.type === "inlineCode" || n.type === "code") ranges.push([startOffset(n), endOffset(n)]);
    else if ("children" in n) for (const c of n.children) walk(c as Nodes);
  };
  walk(node);
  return ranges;
}

/** Whether pos falls in one of the ranges (sorted by start, not overlapping): a binary search. */
function inRanges(pos: number, ranges: Array<[number, number]>): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = ranges[mid]!;
    if (pos < a) hi = mid - 1;
    else if (pos >= b) lo = mid + 1;
    else return true;
  }
  return false;
}

interface ClozeMarker {
  start: number; // absolute offsets in src
  end: number;
  group: number;
  text: string;
  hint?: string;
  aliases: string[];
}

/** `term|alias|alias`: the first is shown, all are accepted when typed (not inside code). */
function splitAlternatives(term: string): { text: string; aliases: string[] } {
  if (term.includes("`")) return { text: term, aliases: [] };
  const [first = "", ...rest] = term.split("|").map((t) => t.trim());
  return { text: first, aliases: rest.filter((t) => t !== "") };
}

/** `{{cN::` markers that do not make a proper cloze: never closed (or only after another opens), numbered c0 or too high. */
function clozeProblems(src: string, node: Nodes, clozes: ClozeMarker[]): Array<{ offset: number; message: string }> {
  const base = startOffset(node);
  const text = sourceOf(src, node);
  const ranges = codeRanges(node);
  const out: Array<{ offset: number; message: string }> = [];
  const byStart = new Map(clozes.map((c) => [c.start, c]));
  for (const m of text.matchAll(CLOZE_OPEN)) {
    const at = base + m.index;
    if (inRanges(at, ranges)) continue;
    const own = byStart.get(at);
    const swallows = own !== undefined && src.slice(at + m[0].length, own.end).includes("{{c");
    if (own && !swallows) {
      if (own.group < 1 || own.group > MAX_CLOZE_GROUP) out.push({ offset: at, message: `cloze number c${m[1]} is not allowed: number clozes from c1 to c${MAX_CLOZE_GROUP}` });
      continue;
    }
    out.push({ offset: at, message: `cloze {{c${m[1]}:: is not closed: end it with }}` });
    break; // the markers after an unclosed one cannot be told apart
  }
  return out;
}

function lineAt(src: string, offset: number): number {
  let n = 1;
  for (let i = src.indexOf("\n"); i >= 0 && i < offset; i = src.indexOf("\n", i + 1)) n++;
  return n;
}

function findClozes(src: string, node: Nodes): ClozeMarker[] {
  const base = startOffset(node);
  const text = sourceOf(src, node);
  const ranges = codeRanges(node);
  const out: ClozeMarker[] = [];
  for (const m of text.matchAll(CLOZE_ANKI)) {
    if (inRanges(base + m.index, ranges)) continue;
    out.push({ start: base + m.index, end: base + m.index + m[0].length, group: Number(m[1]), ...splitAlternatives(m[2] ?? ""), hint: m[3] });
  }
  const maxGroup = out.reduce((a, c) => Math.max(a, c.group), 0);
  let next = maxGroup + 1;
  const anki: Array<[number, number]> = out.map((o) => [o.start, o.end]);
  const overlapsAnki = (start: number, end: number) => {
    // anki markers are sorted and disjoint: find the last one starting before end
    let lo = 0;
    let hi = anki.length - 1;
    let last = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (anki[mid]![0] < end) {
        last = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return last >= 0 && anki[last]![1] > start;
  };
  for (const m of text.matchAll(CLOZE_MARK)) {
    const start = base + m.index;
    if (inRanges(start, ranges) || overlapsAnki(start, start + m[0].length)) continue;
    out.push({ start, end: start + m[0].length, group: next++, ...splitAlternatives(m[1] ?? "") });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Text of a paragraph split at its first ` :: ` separator outside inline code. */
function splitBasic(src: string, p: Paragraph): { question: string; answer: string } | null {
  const base = startOffset(p);
  const text = sourceOf(src, p);
  const ranges = codeRanges(p);
  const clozes = findClozes(src, p);
  const re = new RegExp(BASIC_SEP.source, "gm");
  for (const m of text.matchAll(re)) {
    const pos = base + m.index;
    if (inRanges(pos, ranges) || clozes.some((c) => pos >= c.start && pos < c.end)) continue;
    return { question: text.slice(0, m.index).trim(), answer: text.slice(m.index + m[0].length).trim() };
  }
  return null;
}

/** Lines of a paragraph's source; a line that is only "?" separates question and answer. */
function questionMarkSplit(src: string, p: Paragraph): { before: string; after: string } | null {
  const lines = sourceOf(src, p).split("\n");
  const at = lines.findIndex((l) => l.trim() === "?");
  if (at < 0) return null;
  return { before: lines.slice(0, at).join("\n").trim(), after: lines.slice(at + 1).join("\n").trim() };
}

function paragraphHasExplicit(src: string, p: Paragraph, next: Nodes | undefined): boolean {
  const text = plainText(p);
  if (ORDER_MARKER.test(text) && next?.type === "list" && next.ordered) return true;
  if (OPEN_MARKER.test(text) && next?.type === "list" && !next.ordered) return true;
  if (isTaskList(next)) return true;
  if (questionMarkSplit(src, p)) return true;
  if (splitBasic(src, p)) return true;
  if (brokenChoiceItem(next)) return true;
  const clozes = findClozes(src, p);
  return clozes.length > 0 || clozeProblems(src, p, clozes).length > 0;
}

/** The first Order:/Interview: paragraph without its list, or task list without a question. */
function firstNearMiss(tree: Root): { line: number; message: string } | null {
  let found: { line: number; message: string } | null = null;
  const walk = (nodes: Nodes[]) => {
    for (let i = 0; i < nodes.length && !found; i++) {
      const n = nodes[i]!;
      const problem = n.type === "paragraph" ? markerProblem(plainText(n), nodes[i + 1]) : null;
      if (problem) found = { line: startLine(n), message: problem };
      else if (isChoiceList(n) && nodes[i - 1]?.type !== "paragraph") found = { line: startLine(n), message: ORPHAN_OPTIONS };
      else if (n.type === "list" || n.type === "listItem" || n.type === "blockquote") walk(n.children as Nodes[]);
    }
  };
  walk(tree.children as Nodes[]);
  return found;
}

const ORPHAN_OPTIONS = "choice options without a question: write the question in a paragraph right before the - [ ] list";

function hasExplicitCards(tree: Root, src: string): boolean {
  let found = false;
  const walk = (nodes: Nodes[]) => {
    for (let i = 0; i < nodes.length && !found; i++) {
      const n = nodes[i]!;
      if (n.type === "paragraph" && paragraphHasExplicit(src, n, nodes[i + 1])) found = true;
      else if (n.type === "list" || n.type === "listItem" || n.type === "blockquote") walk(n.children as Nodes[]);
    }
  };
  walk(tree.children as Nodes[]);
  return found;
}

function topicOf(stack: Array<{ depth: number; text: string }>): string[] {
  return stack.map((h) => h.text);
}

function itemSource(src: string, item: ListItem): string {
  const first = item.children[0];
  const last = item.children[item.children.length - 1];
  if (!first || !last) return "";
  return tidyMarkdownInline(sourceOfRange(src, first, last));
}

/** Joins the lines of an inline markdown snippet (list item continuation lines). */
function tidyMarkdownInline(md: string): string {
  return md
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "")
    .join(" ");
}

function parseKeywords(point: string): RubricPoint {
  const trimmed = point.trim();
  if (trimmed.endsWith("}")) {
    const open = trimmed.lastIndexOf("{");
    if (open > 0) {
      const groups = trimmed
        .slice(open + 1, -1)
        .split(/[;；,，]/)
        .map((g) =>
          g
            .split("|")
            .map((a) => a.trim())
            .filter((a) => a !== ""),
        )
        .filter((g) => g.length > 0);
      return { text: trimmed.slice(0, open).trim(), keywords: groups };
    }
  }
  return { text: trimmed, keywords: [] };
}

function isBoundary(n: Nodes | undefined): boolean {
  return n === undefined || n.type === "heading" || n.type === "thematicBreak";
}

function parseExplicit(tree: Root, ctx: Ctx, skipHeading: Heading | undefined) {
  const { src } = ctx;
  const stack: Array<{ depth: number; text: string }> = [];
  const blocks = tree.children as Nodes[];
  const consumed = new Set<Nodes>();

  const add = (card: CardDraft, question: string) => {
    const id = cardId(ctx.deckId, card.topic, card.kind, question);
    ctx.cards.push({ ...card, id } as ParsedCard);
  };

  /** Blocks from index i up to the next boundary or block that starts another card. */
  const answerRun = (list: Nodes[], i: number): number => {
    let j = i;
    while (j < list.length && !isBoundary(list[j]) && !(list[j]!.type === "paragraph" && paragraphHasExplicit(src, list[j] as Paragraph, list[j + 1]))) j++;
    return j; // exclusive
  };

  const handleParagraph = (list: Nodes[], i: number, topic: string[]): number => {
    const p = list[i] as Paragraph;
    const next = list[i + 1];
    const line = startLine(p);
    const text = plainText(p);
    const afterQuote = (k: number) => (list[k]?.type === "blockquote" ? (list[k] as Blockquote) : undefined);

    if (ORDER_MARKER.test(text) && next?.type === "list" && next.ordered) {
      const prompt = sourceOf(src, p).replace(ORDER_MARKER, "").trim();
      const steps = next.children.map((it) => itemSource(src, it));
      const quote = afterQuote(i + 2);
      const emptyStep = steps.findIndex(isBlank);
      if (isBlank(prompt)) err(ctx, line, "ordering question has no question text after the marker");
      else if (emptyStep >= 0) err(ctx, startLine(next.children[emptyStep]!), `ordering step ${emptyStep + 1} is empty`);
      else if (steps.length < 2) err(ctx, line, "ordering question needs at least two steps");
      else {
        const explanation = quote ? quoteText(src, quote) : undefined;
        const answer = steps.map((s, k) => `${k + 1}. ${s}`).join("\n") + (explanation ? `\n\n${explanation}` : "");
        add({ kind: "ordering", topic, line, prompt, answer, steps, explanation }, prompt);
      }
      consumed.add(next);
      if (quote) consumed.add(quote);
      return quote ? i + 3 : i + 2;
    }
    if (OPEN_MARKER.test(text) && next?.type === "list" && !next.ordered) {
      const prompt = sourceOf(src, p).replace(OPEN_MARKER, "").trim();
      const points = next.children.map((it) => parseKeywords(itemSource(src, it)));
      const quote = afterQuote(i + 2);
      const emptyPoint = points.findIndex((pt) => isBlank(pt.text));
      if (isBlank(prompt)) err(ctx, line, "interview question has no question text after the marker");
      else if (emptyPoint >= 0) err(ctx, startLine(next.children[emptyPoint]!), `interview key point ${emptyPoint + 1} is empty`);
      else if (points.length === 0) err(ctx, line, "interview question needs at least one key point");
      else {
        const modelAnswer = quote ? quoteText(src, quote) : undefined;
        const answer = points.map((pt) => `- ${pt.text}`).join("\n") + (modelAnswer ? `\n\n${modelAnswer}` : "");
        add({ kind: "open", topic, line, prompt, answer, points, modelAnswer }, prompt);
      }
      consumed.add(next);
      if (quote) consumed.add(quote);
      return quote ? i + 3 : i + 2;
    }
    if (isTaskList(next)) {
      const prompt = sourceOf(src, p).trim();
      const options: ChoiceOption[] = next.children.map((it) => ({ text: itemSource(src, it), correct: it.checked === true }));
      const quote = afterQuote(i + 2);
      const empty = options.findIndex((o) => isBlank(o.text));
      if (isBlank(prompt)) err(ctx, line, "choice question is empty");
      else if (empty >= 0) err(ctx, startLine(next.children[empty]!), "choice option is empty");
      else if (options.length < 2) err(ctx, line, "choice question needs at least two options");
      else if (!options.some((o) => o.correct)) err(ctx, line, "choice question has no correct option: mark one with - [x]");
      else if (new Set(options.map((o) => o.text)).size !== options.length) err(ctx, line, "choice question has the same option twice");
      else {
        const explanation = quote ? quoteText(src, quote) : undefined;
        const multiple = options.filter((o) => o.correct).length > 1;
        const answer = options.filter((o) => o.correct).map((o) => `- ${o.text}`).join("\n") + (explanation ? `\n\n${explanation}` : "");
        add({ kind: "choice", topic, line, prompt, answer, options, multiple, explanation }, prompt);
      }
      consumed.add(next);
      if (quote) consumed.add(quote);
      return quote ? i + 3 : i + 2;
    }
    const qm = questionMarkSplit(src, p);
    if (qm) {
      let question = qm.before;
      let qLine = line;
      if (question === "") {
        const prev = list[i - 1];
        if (prev && !consumed.has(prev) && !isBoundary(prev)) {
          question = sourceOf(src, prev).trim();
          qLine = startLine(prev);
          consumed.add(prev);
        }
      }
      // the answer: the rest of this paragraph, then every block up to the next boundary or card
      const end = answerRun(list, i + 1);
      const first = list[i + 1];
      const last = list[end - 1];
      const following = end > i + 1 && first && last ? sourceOfRange(src, first, last).trim() : "";
      for (let k = i + 1; k < end; k++) consumed.add(list[k]!);
      const answer = [qm.after, following].filter((part) => part !== "").join("\n\n");
      if (isBlank(question)) err(ctx, line, "question is empty: put the question right before the ? line");
      else if (isBlank(answer)) err(ctx, line, "question has no answer after the ? line");
      else add({ kind: "basic", topic, line: qLine, prompt: question, answer }, question);
      return end;
    }
    const basic = splitBasic(src, p);
    if (basic) {
      if (isBlank(basic.question)) err(ctx, line, "question is empty before ::");
      else if (isBlank(basic.answer)) err(ctx, line, "question has no answer after ::");
      else add({ kind: "basic", topic, line, prompt: basic.question, answer: basic.answer }, basic.question);
      return i + 1;
    }
    const broken = brokenChoiceItem(next);
    if (broken) {
      // e.g. "- [ ]" with no text, or an option written without its box
      const message = /^\[[ xX]?\]$/.test(plainText(broken).trim()) ? "choice option is empty" : "choice option needs - [ ] or - [x] in front of it";
      err(ctx, startLine(broken), message);
      consumed.add(next!);
      return i + 2;
    }
    const clozes = findClozes(src, p);
    const problems = clozeProblems(src, p, clozes);
    for (const pr of problems) err(ctx, lineAt(src, pr.offset), pr.message);
    if (problems.length === 0 && clozes.length > 0) addClozes(p, clozes, topic);
    const marker = markerProblem(text, next);
    if (marker && clozes.length === 0 && problems.length === 0) err(ctx, line, marker);
    return i + 1;
  };

  const addClozes = (p: Paragraph, clozes: ClozeMarker[], topic: string[]) => {
    const base = startOffset(p);
    const text = sourceOf(src, p);
    const line = startLine(p);
    const empty = clozes.find((c) => isBlank(c.text));
    if (empty) {
      err(ctx, line, "cloze has an empty term");
      return;
    }
    const render = (fn: (c: ClozeMarker) => string) => {
      let out = "";
      let pos = 0;
      for (const c of clozes) {
        out += text.slice(pos, c.start - base) + fn(c);
        pos = c.end - base;
      }
      return tidyMarkdownInline(out + text.slice(pos));
    };
    const groups = [...new Set(clozes.map((c) => c.group))].sort((a, b) => a - b);
    if (groups.length * text.length > MAX_CARD_TEXT / 4) {
      // every group is a card repeating the whole paragraph: refuse before building them
      err(ctx, line, `too many clozes in one long paragraph: ${groups.length} cloze cards would each repeat its ${text.length} characters; split the paragraph`);
      return;
    }
    const key = render((c) => `[c${c.group}]`);
    for (const g of groups) {
      const prompt = render((c) => (c.group === g ? `\\[${c.hint ? c.hint : "…"}\\]` : c.text));
      const answer = render((c) => (c.group === g ? `**${c.text}**` : c.text));
      const cloze: ClozeTerm[] = clozes
        .filter((c) => c.group === g)
        .map((c) => ({ text: c.text, ...(c.hint ? { hint: c.hint } : {}), ...(c.aliases.length ? { aliases: c.aliases } : {}) }));
      add({ kind: "cloze", topic, line, prompt, answer, group: g, cloze }, `${key}\u0000${g}`);
    }
  };

  /** A task list with no question paragraph right before it would be dropped without a word. */
  const orphanOptions = (list: Nodes) => {
    err(ctx, startLine(list), ORPHAN_OPTIONS);
  };

  /** Cards written inside list items and blockquotes (e.g. `- q :: a`). */
  const walkContainer = (children: Nodes[], topic: string[]) => {
    for (let i = 0; i < children.length; ) {
      const n = children[i]!;
      if (consumed.has(n)) {
        i++;
        continue;
      }
      if (n.type === "paragraph") i = handleParagraph(children, i, topic);
      else if (isChoiceList(n)) {
        orphanOptions(n);
        i++;
      } else {
        if (n.type === "list" || n.type === "listItem" || n.type === "blockquote") walkContainer(n.children as Nodes[], topic);
        i++;
      }
    }
  };

  for (let i = 0; i < blocks.length; ) {
    const n = blocks[i]!;
    if (n.type === "heading") {
      if (n !== skipHeading) {
        while (stack.length > 0 && stack[stack.length - 1]!.depth >= n.depth) stack.pop();
        stack.push({ depth: n.depth, text: stripEnumeration(tidySpaces(plainText(n))) });
      }
      i++;
      continue;
    }
    if (consumed.has(n)) {
      i++;
      continue;
    }
    const topic = topicOf(stack);
    if (n.type === "paragraph") i = handleParagraph(blocks, i, topic);
    else if (isChoiceList(n)) {
      orphanOptions(n);
      i++;
    } else {
      if (n.type === "list" || n.type === "blockquote") walkContainer(n.children as Nodes[], topic);
      i++;
    }
  }
}

function quoteText(src: string, quote: Blockquote): string {
  const first = quote.children[0];
  const last = quote.children[quote.children.length - 1];
  if (!first || !last) return "";
  // the blockquote's content without its "> " markers, re-read from the inner blocks
  return quote.children.map((c) => stripQuoteMarkers(sourceOf(src, c))).join("\n\n").trim();
}

function stripQuoteMarkers(md: string): string {
  return md
    .split("\n")
    .map((l) => l.replace(/^\s*>\s?/, ""))
    .join("\n");
}

function checkDuplicates(ctx: Ctx) {
  const seen = new Map<string, number>();
  for (const c of ctx.cards) {
    const at = seen.get(c.id);
    if (at !== undefined) err(ctx, c.line, `duplicate card: the same ${c.kind} question under the same topic is already at line ${at}`);
    else seen.set(c.id, c.line);
  }
}

export type { Code };
