/** The one markdown parser of the content pipeline (unified + remark, mdast), and mdast helpers. */
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import remarkFrontmatter from "remark-frontmatter";
import remarkCjkFriendly from "remark-cjk-friendly";
import type { Root, RootContent, Paragraph, PhrasingContent, Nodes } from "mdast";
import { toString } from "mdast-util-to-string";

/**
 * remark-cjk-friendly: CommonMark's flanking rules never close `**固定 IP（私有 IP）**走` (a
 * closing `**` after full-width punctuation and before a Chinese character); the plugin fixes
 * that for parsing here and for rendering in render.ts, so bold terms of Chinese notes count.
 */
// singleTilde off: notes write ranges as "1~3 … 4~8", which GFM would read as strikethrough and drop
const processor = unified().use(remarkParse).use(remarkGfm, { singleTilde: false }).use(remarkCjkFriendly).use(remarkFrontmatter, ["yaml"]);

export function parseMarkdown(source: string): Root {
  return processor.parse(source);
}

export function startOffset(node: Nodes): number {
  return node.position?.start.offset ?? 0;
}
export function endOffset(node: Nodes): number {
  return node.position?.end.offset ?? 0;
}
export function startLine(node: Nodes): number {
  return node.position?.start.line ?? 1;
}

/** The markdown source of a node. */
export function sourceOf(src: string, node: Nodes): string {
  return src.slice(startOffset(node), endOffset(node));
}

/** The markdown source spanning a run of sibling blocks. */
export function sourceOfRange(src: string, first: Nodes, last: Nodes): string {
  return src.slice(startOffset(first), endOffset(last));
}

export function plainText(node: Nodes): string {
  return toString(node);
}

/** A paragraph made only of images (and white space): exported notes put these between steps. */
export function isImageOnly(node: Paragraph): boolean {
  return node.children.every(
    (c) => c.type === "image" || c.type === "imageReference" || (c.type === "text" && c.value.trim() === ""),
  );
}

/** A paragraph whose text is all bold, e.g. `**认证阶段**`: a phase line in notes. */
export function isAllStrong(node: Paragraph): boolean {
  const meaningful = node.children.filter((c) => !(c.type === "text" && c.value.trim() === ""));
  return meaningful.length > 0 && meaningful.every((c) => c.type === "strong");
}

/** Text of phrasing content where node boundaries become spaces (adjacent bold runs in exports). */
export function joinedText(children: PhrasingContent[]): string {
  const parts: string[] = [];
  const walk = (nodes: PhrasingContent[]) => {
    for (const n of nodes) {
      if (n.type === "text" || n.type === "inlineCode") parts.push(n.value);
      else if ("children" in n) walk(n.children as PhrasingContent[]);
    }
  };
  walk(children);
  return parts.join(" ");
}

export type Block = RootContent;

/** A dunder name outside code: `__address__`, `__meta_*`, `__consumer_offsets`, `__init__`. */
const DUNDER = /(?<![\w\\])__(?=[a-z][a-z0-9_]*(?:__|[_*]|\b))/g;

/**
 * The source with the underscores that open a dunder name escaped, so `__address__` is the
 * label Prometheus has and not the word "address" in bold (GFM reads `__x__` as strong, and
 * nothing in remark turns that off for one shape of word). Code (fenced blocks, inline spans)
 * and the front matter are left as they are; line numbers do not change. Hand-written: no
 * remark plugin does this.
 */
export function escapeDunders(source: string): string {
  if (!source.includes("__")) return source;
  const lines = source.split("\n");
  let fence: string | null = null;
  let frontMatter = lines[0] === "---";
  return lines
    .map((line, k) => {
      if (frontMatter) {
        if (k > 0 && /^(?:---|\.\.\.)\s*$/.test(line)) frontMatter = false;
        return line;
      }
      const f = /^\s*(`{3,}|~{3,})/.exec(line);
      if (fence !== null) {
        if (f && f[1]![0] === fence[0] && f[1]!.length >= fence.length) fence = null;
        return line;
      }
      if (f) {
        fence = f[1]!;
        return line;
      }
      if (!line.includes("__")) return line;
      // outside inline code spans only: split on backtick runs, keep the code parts
      return line
        .split(/(`+[^`]*`+)/)
        .map((part) => (part.startsWith("`") ? part : part.replace(DUNDER, "\\_\\_")))
        .join("");
    })
    .join("\n");
}

