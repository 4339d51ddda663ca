/**
 * Limits that keep a hostile or accidental file from hanging or crashing the parser.
 *
 * The markdown parser (micromark) is slow on some shapes of input: its time grows with the
 * square of the emphasis and link markers in one paragraph (a 2 MB line of `**x** ` would take
 * hours; code spans too), with the depth of nested lists and quotes times the number of lines, and its tree
 * walkers (ours, mdast-util-to-string, the HTML renderer) recurse, so thousands of nested
 * levels overflow the stack. Two more shapes are super-linear: a GFM table (a 1.9 MB table took
 * 80 s to check, 140 s to import) and `<` starting HTML that never closes (`<a ` or `<!--`
 * repeated: each tries to find its end in the rest of the paragraph; 633,000 `<a ` took 54 s,
 * 20,000 `<!-- ` 45 s), so tables and HTML openers per paragraph are bounded too. These checks run before parsing, on the raw lines, and after it on
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
/** Cells of one table (every row, the header and the delimiter row included). */
export const MAX_TABLE_CELLS = 5000;
/** `<` followed by a letter, `/`, `!` or `?` (what may open HTML) in one paragraph, outside fenced code. */
export const MAX_HTML_OPENERS = 500;
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

/** A GFM delimiter row (`| --- | :-: |`), once the quote and indentation prefix is removed. */
const TABLE_DELIMITER = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const HTML_OPENER = /<[A-Za-z/!?]/g;
const FENCE = /^[ \t>]*(`{3,}|~{3,})/;

/** Cells of a table row: `| a | b |` and `a | b` both have 2. */
function cellsOf(line: string): number {
  const body = line.replace(/^[ \t>]*\|?/, "").replace(/\|[ \t]*$/, "");
  let n = 1;
  for (let i = 0; i < body.length; i++) if (body[i] === "|" && body[i - 1] !== "\\") n++;
  return n;
}

/** Checks the raw text before it is parsed; at most one error per kind, at its first line. */
export function checkSourceLimits(src: string): LimitError[] {
  const errors: LimitError[] = [];
  const lines = src.split("\n");
  let deepLine = 0;
  let blockStart = 1;
  let markers = 0;
  let crowdedLine = 0;
  let crowdedCount = 0;
  let tableLine = 0;
  let tableCells = 0;
  let tableStart = 0;
  let cells = 0;
  let openers = 0;
  let htmlLine = 0;
  let htmlCount = 0;
  let fence: string | null = null;
  const blank = (line: string) => /^[ \t>]*$/.test(line);
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    // a paragraph never spans a blank line (nor a line of only quote markers)
    if (blank(line)) {
      if (tableStart > 0 && tableLine === 0 && cells > MAX_TABLE_CELLS) [tableLine, tableCells] = [tableStart, cells];
      tableStart = 0;
      markers = 0;
      openers = 0;
      blockStart = n + 2;
      continue;
    }
    // fenced code is no HTML; its `<` never open anything
    const fenceMark = FENCE.exec(line)?.[1];
    if (fence !== null) {
      if (fenceMark && fenceMark[0] === fence[0] && fenceMark.length >= fence.length) fence = null;
    } else if (fenceMark) {
      fence = fenceMark;
    } else if (htmlLine === 0) {
      openers += line.match(HTML_OPENER)?.length ?? 0;
      if (openers > MAX_HTML_OPENERS) {
        htmlLine = blockStart;
        htmlCount = openers;
        for (let k = n + 1; k < lines.length && !blank(lines[k]!); k++) htmlCount += lines[k]!.match(HTML_OPENER)?.length ?? 0;
      }
    }
    if (tableLine === 0) {
      if (tableStart > 0) cells += cellsOf(line);
      else if (n > 0 && !blank(lines[n - 1]!) && line.includes("-") && TABLE_DELIMITER.test(line.replace(/^[ \t>]*/, "")) && (line.includes("|") || lines[n - 1]!.includes("|"))) {
        // a delimiter row under a header row: a table starts at the header
        tableStart = n;
        cells = cellsOf(lines[n - 1]!) + cellsOf(line);
      }
      if (tableStart > 0 && cells > MAX_TABLE_CELLS) {
        tableLine = tableStart;
        tableCells = cells;
        for (let k = n + 1; k < lines.length && !blank(lines[k]!); k++) tableCells += cellsOf(lines[k]!);
      }
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
    if (deepLine > 0 && crowdedLine > 0 && tableLine > 0 && htmlLine > 0) break;
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
  if (tableLine > 0) {
    errors.push({
      line: tableLine,
      message: `table too large: ${tableCells} cells, at most ${MAX_TABLE_CELLS} in one table; split it into several tables`,
    });
  }
  if (htmlLine > 0) {
    errors.push({
      line: htmlLine,
      message: `too much HTML in one paragraph: ${htmlCount} tags or comments opened with < (at most ${MAX_HTML_OPENERS}); write &lt; for a < that opens nothing, or split the paragraph with blank lines`,
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
