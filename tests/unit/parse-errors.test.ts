/**
 * Malformed input: parseDeck never throws, yields no deck, and reports `{ file, line, message }`
 * with the line of the problem. Messages are matched loosely, lines exactly.
 */
import { describe, it, expect } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { parseDeck, MAX_FILE_BYTES } from "../../lib/content/parse";
import type { ContentError, ParseResult } from "../../lib/content/types";

const FILE = "content/test/broken.md";
const OPTS = { file: FILE, deckId: "test/broken" };
const enc = new TextEncoder();

function parse(input: string | Uint8Array): ParseResult {
  let r: ParseResult | undefined;
  expect(() => {
    r = parseDeck(input, OPTS);
  }).not.toThrow();
  return r!;
}

/** Exactly one error, on `line`, whose message matches every pattern. */
function expectError(input: string | Uint8Array, line: number, ...patterns: RegExp[]): ContentError {
  const r = parse(input);
  expect(r.deck).toBeNull();
  expect(r.errors).toHaveLength(1);
  const e = r.errors[0]!;
  expect(e.file).toBe(FILE);
  expect(e.line).toBe(line);
  for (const p of patterns) expect(e.message).toMatch(p);
  expect(e.message).not.toMatch(/internal parser error/);
  return e;
}

describe("front matter", () => {
  it("broken YAML on the first front matter line", () => {
    expectError("---\ntitle: [unclosed\n---\n\nq :: a\n", 2, /front matter/, /YAML/);
  });

  it("an unknown key is an error naming the key", () => {
    const r = parse("---\ntitel: typo\n---\n\nq :: a\n");
    expect(r.deck).toBeNull();
    expect(r.errors.length).toBeGreaterThanOrEqual(1);
    expect(r.errors[0]!.message).toMatch(/front matter/);
    expect(r.errors[0]!.message).toMatch(/titel/);
  });

  it("a value of the wrong type names the key and its line", () => {
    expectError("---\ntitle: ok\ntags: openstack\n---\n\nq :: a\n", 3, /front matter tags must be a list/, /openstack/);
  });

  it("a language that is no BCP 47 tag", () => {
    expectError("---\ntitle: ok\nlanguage: chinese!\n---\n\nq :: a\n", 3, /front matter language/, /BCP 47/);
  });

  it("an empty title", () => {
    expectError('---\ntitle: ""\n---\n\nq :: a\n', 2, /front matter title/, /empty/);
  });

  it("front matter that is a list, not a mapping", () => {
    expectError("---\n- a\n- b\n---\n\nq :: a\n", 2, /front matter must be "key: value" lines/, /not a list/);
  });

  it("unclosed front matter", () => {
    expectError("---\ntitle: ok\ndescription: no closing line\n\nq :: a\n", 1, /front matter/, /not closed/);
  });
});

describe("code fences", () => {
  it("an unclosed ``` fence is reported on the line of the opening fence", () => {
    expectError("# T\n\nq :: a\n\n```js\nconst x = 1;\n\nmore :: stuff\n", 5, /code fence/, /never closed/);
  });

  it("an unclosed ~~~ fence", () => {
    expectError("# T\n\nq :: a\n\ntext\n\n~~~~\ncode\n", 7, /code fence ~~~~/, /never closed/);
  });

  it("an unclosed fence inside a list item", () => {
    expectError("# T\n\nq :: a\n\n- item\n\n  ```\n  code\n", 7, /code fence/, /never closed/);
  });

  it("a closed fence, also in a list item, is fine", () => {
    const r = parse("# T\n\n- q :: a\n\n  ```js\n  code\n  ```\n\n```\nx\n```\n");
    expect(r.errors).toEqual([]);
    expect(r.deck!.cards).toHaveLength(1);
  });
});

describe("not a text deck", () => {
  it("an empty file", () => {
    expectError("", 1, /empty/);
    expectError(new Uint8Array(0), 1, /empty/);
  });

  it("a whitespace-only file", () => {
    expectError("  \n\n\t \n   ", 1, /empty/);
  });

  it("a file with only a BOM", () => {
    expectError("\ufeff\n", 1, /empty/);
  });

  it("a file with headings only makes no cards", () => {
    expectError("# Title\n\n## Section\n\n## Another\n", 1, /no cards/);
  });

  it("prose is content: a section of plain sentences makes an interview question", () => {
    const r = parse("# Title\n\n## Section\n\nJust a sentence.\n");
    expect(r.errors).toEqual([]);
    expect(r.deck!.cards.map((c) => c.generatedBy)).toEqual(["notes:section-interview"]);
  });

  it("a binary file (NUL bytes) names the line of the first NUL", () => {
    const bytes = new Uint8Array([...enc.encode("# T\n\nq :: a\n"), 0, 1, 2, 0xff, 10, 0]);
    expectError(bytes, 4, /binary/, /NUL/);
  });

  it("a binary file starting with NUL bytes (e.g. UTF-16)", () => {
    expectError(new Uint8Array([0xff, 0xfe, 0x23, 0x00, 0x20, 0x00]), 1, /binary/);
  });

  it("a string with a NUL character", () => {
    expectError("# T\n\nq :: a\n\u0000", 4, /binary/, /NUL/);
  });

  it("invalid UTF-8 names the line of the first bad byte", () => {
    const bytes = new Uint8Array([...enc.encode("# T\n\nq :: a\nline four "), 0xc3, 0x28, ...enc.encode("\nmore\n")]);
    expectError(bytes, 4, /UTF-8/);
  });

  it("Latin-1 text is invalid UTF-8", () => {
    // "café" in Latin-1 on line 1
    expectError(new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x3a, 0x3a, 0x20, 0x78]), 1, /invalid UTF-8/);
  });

  it("a valid UTF-8 byte array parses (with a BOM)", () => {
    const r = parse(new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode("# T\n\n问题 :: 答案\n")]));
    expect(r.errors).toEqual([]);
    expect(r.deck!.title).toBe("T");
    expect(r.deck!.cards[0]!.prompt).toBe("问题");
  });
});

describe("size limit", () => {
  const fiveMb = "q :: a\n".repeat(Math.ceil((5 * 1024 * 1024) / 7));

  it("a 5 MB byte array is rejected quickly", () => {
    const bytes = enc.encode(fiveMb);
    const t0 = performance.now();
    expectError(bytes, 1, /5\.0 MB/, /2 MB/);
    expect(performance.now() - t0).toBeLessThan(500);
  });

  it("a 5 MB string is rejected quickly", () => {
    const t0 = performance.now();
    expectError(fiveMb, 1, /5\.0 MB/, /2 MB/);
    expect(performance.now() - t0).toBeLessThan(500);
  });

  it("a string counts bytes, not characters (CJK text over 2 MB in UTF-8)", () => {
    const cjk = "问题 :: 答\n".repeat(Math.ceil((2.2 * 1024 * 1024) / 15));
    expect(cjk.length).toBeLessThan(MAX_FILE_BYTES);
    expectError(cjk, 1, /larger than the 2 MB limit/);
  });

  it("a file just under the limit is accepted", () => {
    // one card and a big fenced code block: 1.9 MB that markdown parses cheaply
    const src = "# T\n\nq :: a\n\n```\n" + ("x".repeat(99) + "\n").repeat(19000) + "```\n";
    expect(enc.encode(src).byteLength).toBeLessThan(MAX_FILE_BYTES);
    expect(enc.encode(src).byteLength).toBeGreaterThan(1.8 * 1024 * 1024);
    const r = parse(enc.encode(src));
    expect(r.errors).toEqual([]);
    expect(r.deck!.cards).toHaveLength(1);
  }, 30000);
});

describe("cards without an answer or with too little", () => {
  it("q :: with no answer", () => {
    expectError("# T\n\nok :: fine\n\nwhat is this ::\n", 5, /no answer/, /::/);
  });

  it("? with no answer (same paragraph)", () => {
    expectError("# T\n\nok :: fine\n\nWhy?\n?\n", 5, /no answer/, /\?/);
  });

  it("a standalone ? with no answer before a heading is reported on the ? line", () => {
    expectError("# T\n\nok :: fine\n\nWhy?\n\n?\n\n## Next\n\nx :: y\n", 7, /no answer/);
  });

  it("a ? with no question", () => {
    expectError("# T\n\n## S\n\n?\n\nanswer\n", 5, /question is empty/);
  });

  it("a choice with no correct option", () => {
    expectError("# T\n\nok :: fine\n\nWhich?\n\n- [ ] a\n- [ ] b\n", 5, /no correct option/, /\[x\]/);
  });

  it("a choice with one option", () => {
    expectError("# T\n\nok :: fine\n\nWhich?\n\n- [x] a\n", 5, /at least two options/);
  });

  it("a choice with the same option twice", () => {
    expectError("# T\n\nWhich?\n\n- [x] a\n- [ ] a\n", 3, /same option twice/);
  });

  it("an ordering with one step", () => {
    expectError("# T\n\nok :: fine\n\nOrder: what comes first\n\n1. only step\n", 5, /at least two steps/);
  });

  it("an ordering with no question text", () => {
    expectError("# T\n\nOrder:\n\n1. a\n2. b\n", 3, /no question text/);
  });

  it("an interview question with no question text", () => {
    expectError("# T\n\nInterview:\n\n- point\n", 3, /no question text/);
  });

  it("an empty cloze {{c1::}}", () => {
    expectError("# T\n\nok :: fine\n\nthis {{c1::}} is empty\n", 5, /cloze/, /empty/);
  });

  it("a cloze of white space only", () => {
    expectError("# T\n\nthis {{c2::   }} is empty\n", 3, /cloze/, /empty/);
  });
});

describe("duplicates", () => {
  it("the same question twice in one topic names the first line", () => {
    const e = expectError("# T\n\n## S\n\nsame   question :: a1\n\nother :: x\n\nsame question :: a2\n", 9, /duplicate/, /line 5/);
    expect(e.message).toMatch(/basic/);
  });

  it("the same cloze sentence twice (different terms) is a duplicate", () => {
    expectError("# T\n\nthe {{c1::x}} thing\n\nthe {{c1::y}} thing\n", 5, /duplicate/, /cloze/, /line 3/);
  });

  it("the same choice question twice is a duplicate", () => {
    expectError("# T\n\nWhich?\n\n- [x] a\n- [ ] b\n\nWhich?\n\n- [x] c\n- [ ] d\n", 8, /duplicate/, /choice/, /line 3/);
  });

  it("the same question under different topics is fine", () => {
    const r = parse("# T\n\n## S\n\nsame q :: a1\n\n## R\n\nsame q :: a2\n");
    expect(r.errors).toEqual([]);
    expect(r.deck!.cards).toHaveLength(2);
  });
});

describe("several problems and line endings", () => {
  it("reports every problem, each with its own line, in one pass", () => {
    const src = "# T\n\nq1 ::\n\nWhich?\n\n- [ ] a\n- [ ] b\n\nOrder: x\n\n1. one\n\n{{c1::}}\n";
    const r = parse(src);
    expect(r.deck).toBeNull();
    expect(r.errors.map((e) => e.line)).toEqual([3, 5, 10, 14]);
    expect(r.errors.every((e) => e.file === FILE)).toBe(true);
  });

  it("CRLF line endings give the same line numbers", () => {
    expectError("# T\r\n\r\nok :: fine\r\n\r\nwhat ::\r\n", 5, /no answer/);
  });

  it("lines are counted from the top of the file, front matter included", () => {
    expectError("---\ntitle: T\ntags: [a]\n---\n\n# H\n\nq ::\n", 8, /no answer/);
  });

  it("random garbage never throws", () => {
    // deterministic pseudo-random bytes (LCG), decoded leniently into a string
    let seed = 12345;
    for (let n = 0; n < 20; n++) {
      const bytes = new Uint8Array(400);
      for (let i = 0; i < bytes.length; i++) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        const pick = seed % 16;
        bytes[i] = pick < 10 ? "#-*[]{}:?=>`~ \n1x".charCodeAt(seed % 17) : 0x61 + (seed % 26);
      }
      const r = parse(new TextDecoder().decode(bytes));
      expect(r.deck !== null || r.errors.length > 0).toBe(true);
      for (const e of r.errors) expect(e.message).not.toMatch(/internal parser error/);
    }
  });
});

describe("bad fixture files (tests/fixtures/bad-content), read as bytes", () => {
  // the full table of fixtures and exact messages is expected.json, run by tests/integration/bad-content.test.ts
  const dir = path.resolve(__dirname, "../fixtures/bad-content");
  const cases: Array<[string, number, RegExp[]]> = [
    ["binary.md", 4, [/binary/, /NUL/]],
    ["latin1.md", 1, [/invalid UTF-8/]],
    ["unclosed-fence.md", 7, [/code fence ```/, /never closed/]],
    ["broken-front-matter.md", 2, [/front matter is not valid YAML/]],
    ["unclosed-front-matter.md", 1, [/front matter is not closed/]],
    ["choice-no-correct.md", 5, [/no correct option/]],
    ["duplicate.md", 9, [/duplicate/, /line 5/]],
    ["empty-cloze.md", 3, [/cloze has an empty term/]],
    ["empty.md", 1, [/empty file/]],
  ];
  for (const [name, line, patterns] of cases) {
    it(`${name}: line ${line}`, () => {
      const bytes = new Uint8Array(fs.readFileSync(path.join(dir, name)));
      expectError(bytes, line, ...patterns);
    });
  }

  it("every case names a file of the folder", () => {
    const files = fs.readdirSync(dir);
    for (const [name] of cases) expect(files).toContain(name);
  });
});
