/**
 * Parses one markdown file into a deck. Never throws: every problem becomes a
 * `{ file, line, message }` error, and a file with errors yields no deck. This module reads the
 * file as a whole (its encoding, size, front matter, code fences, the limits of a deck); the
 * cards come from the explicit syntax (./explicit, one module per card kind) or, in a file
 * without any, from notes mode (./notes).
 */
import YAML from "yaml";
import { z } from "zod";
import type { Root, Nodes, Heading, Code } from "mdast";
import type { ContentError, ParseResult, DeckMeta } from "./types";
import { escapeDunders, parseMarkdown, sourceOf, startLine, plainText } from "./markdown";
import { contentHash } from "./ids";
import { err, firstNearMiss, hasExplicitCards, parseExplicit, type Ctx } from "./explicit";
import { cjkShare, tidySpaces } from "../text";
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

/**
 * The heading that titles the file: its first one, unless that heading is the first of several
 * sections of the same level with content of their own ("# Basics & roles" then a list, then
 * "# Authorization code flow": notes whose sections are all # lost the first one to the title).
 * A first heading followed only by prose, quotes or a rule ("# Cinder卷创建和挂载面试整理" over
 * "> 来源: …", then "---") is the title, as before.
 */
function titleHeading(tree: Root): Heading | undefined {
  const at = tree.children.findIndex((n) => n.type === "heading");
  const first = tree.children[at] as Heading | undefined;
  if (!first) return undefined;
  const sameLevel = tree.children.some((n, k) => k > at && n.type === "heading" && n.depth === first.depth);
  if (!sameLevel) return first;
  for (let k = at + 1; k < tree.children.length; k++) {
    const n = tree.children[k]!;
    if (n.type === "heading") break;
    if (n.type === "list" || n.type === "table" || n.type === "code") return undefined;
  }
  return first;
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
  const src = escapeDunders(text.replace(/\r\n?/g, "\n"));
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

  const firstHeading = titleHeading(tree);
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

function checkDuplicates(ctx: Ctx) {
  const seen = new Map<string, number>();
  for (const c of ctx.cards) {
    const at = seen.get(c.id);
    if (at !== undefined) err(ctx, c.line, `duplicate card: the same ${c.kind} question under the same topic is already at line ${at}`);
    else seen.set(c.id, c.line);
  }
}

export type { Code };
