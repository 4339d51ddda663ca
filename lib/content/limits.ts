/**
 * Limits that keep a hostile or accidental file from hanging or crashing the parser.
 *
 * The markdown parser (micromark) is slow on some shapes of input: its time grows with the
 * square of the emphasis and link markers in one paragraph (a 2 MB line of `**x** ` would take
 * hours; code spans too), with the depth of nested lists and quotes times the number of lines, and its tree
 * walkers (ours, mdast-util-to-string, the HTML renderer) recurse, so thousands of nested
 * levels overflow the stack. These checks run before parsing, on the raw lines, and after it on
 * the tree, and report the line of the problem like every other content error.
 */
import type { Nodes, Root } from "mdast";
import { startLine } from "./markdown";

/** Lists and blockquotes nested deeper than this are an error. */
export const MAX_NESTING = 32;
/** Leading white space, `>` and list markers of one line may not reach past this column. */
export const MAX_PREFIX_COLUMNS = 100;
/** Any element (inline ones too: emphasis, links) nested deeper than this is an error. */
export const MAX_TREE_DEPTH = 120;
/** Characters that open or close emphasis, strikethrough, links and code spans in one paragraph. */
export const MAX_INLINE_MARKERS = 5000;
/** Cards one file may make. */
export const MAX_CARDS = 5000;
/** Characters of all questions and answers of one file together (each is rendered at import). */
export const MAX_CARD_TEXT = 16 * 1024 * 1024;

export interface LimitError {
  line: number;
  message: string;
}

const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/;

/** Width of the structure at the start of a line: white space, `>` and list markers (tabs count 4). */
function prefixColumns(line: string): number {
  let col = 0;
  let i = 0;
  for (;;) {
    const c = line[i];
    if (c === " ") {
      col++;
      i++;
    } else if (c === "\t") {
      col += 4 - (col % 4);
      i++;
    } else if (c === ">") {
      col++;
      i++;
    } else {
      const m = LIST_MARKER.exec(line.slice(i, i + 12));
      if (!m) return col;
      col += m[0].length;
      i += m[0].length;
    }
  }
}

const INLINE_MARKERS = new Set(["*", "_", "~", "[", "]", "`"]);

/** Checks the raw text before it is parsed; at most one error per kind, at its first line. */
export function checkSourceLimits(src: string): LimitError[] {
  const errors: LimitError[] = [];
  const lines = src.split("\n");
  let deepLine = 0;
  let blockStart = 1;
  let markers = 0;
  let crowdedLine = 0;
  let crowdedCount = 0;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    // a paragraph never spans a blank line (nor a line of only quote markers)
    if (/^[ \t>]*$/.test(line)) {
      markers = 0;
      blockStart = n + 2;
      continue;
    }
    if (deepLine === 0 && prefixColumns(line) > MAX_PREFIX_COLUMNS) deepLine = n + 1;
    if (crowdedLine === 0) {
      for (let i = 0; i < line.length; i++) if (INLINE_MARKERS.has(line[i]!)) markers++;
      if (markers > MAX_INLINE_MARKERS) {
        crowdedLine = blockStart;
        crowdedCount = markers;
        // count the rest of this block for the message
        for (let k = n + 1; k < lines.length && !/^[ \t>]*$/.test(lines[k]!); k++) {
          for (const ch of lines[k]!) if (INLINE_MARKERS.has(ch)) crowdedCount++;
        }
      }
    }
    if (deepLine > 0 && crowdedLine > 0) break;
  }
  if (deepLine > 0) {
    errors.push({
      line: deepLine,
      message: `nested too deeply: the indentation, > and list markers at the start of this line reach past column ${MAX_PREFIX_COLUMNS}; lists and quotes may be nested ${MAX_NESTING} levels at most`,
    });
  }
  if (crowdedLine > 0) {
    errors.push({
      line: crowdedLine,
      message: `too much inline markup in one paragraph: ${crowdedCount} of the characters * _ ~ [ ] \` (at most ${MAX_INLINE_MARKERS}); split it into several paragraphs with blank lines`,
    });
  }
  return errors.sort((a, b) => a.line - b.line);
}

/** Checks the parsed tree without recursion (the tree may be too deep to recurse into). */
export function checkTreeLimits(tree: Root): LimitError[] {
  const stack: Array<{ node: Nodes; depth: number; nesting: number }> = [{ node: tree, depth: 0, nesting: 0 }];
  while (stack.length > 0) {
    const { node, depth, nesting } = stack.pop()!;
    const container = node.type === "list" || node.type === "blockquote";
    const level = nesting + (container ? 1 : 0);
    if (level > MAX_NESTING) {
      return [{ line: startLine(node), message: `nested too deeply: lists and quotes are nested more than ${MAX_NESTING} levels here` }];
    }
    if (depth > MAX_TREE_DEPTH) {
      return [{ line: startLine(node), message: `nested too deeply: emphasis, links and other markup are nested more than ${MAX_TREE_DEPTH} levels here` }];
    }
    if ("children" in node) {
      // pushed in reverse so the first problem in reading order is found first
      for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i] as Nodes, depth: depth + 1, nesting: level });
    }
  }
  return [];
}
