/**
 * Regression tests, each named after a bug found in lib/content (and fixed).
 */
import { describe, it, expect } from "vitest";
import { parseDeck } from "../../lib/content/parse";
import { renderMarkdown } from "../../lib/content/render";
import { stripEnumeration } from "../../lib/text";

const OPTS = { file: "content/test/bug.md", deckId: "test/bug" };

describe("parser regressions", () => {
  it("bug: YAML syntax errors in front matter are always reported on line 2 instead of the broken line", () => {
    // line 4 holds the broken mapping; parse.ts reads e.linePos, which yaml only sets with prettyErrors: true
    const r = parseDeck("---\ntitle: ok\ndescription: fine\nfoo: : bar: baz\n---\n\nq :: a\n", OPTS);
    expect(r.deck).toBeNull();
    expect(r.errors.length).toBeGreaterThanOrEqual(1);
    expect(r.errors.map((e) => e.line)).toEqual(r.errors.map(() => 4));
  });

  it("bug: a duplicate front matter key is reported on line 2 instead of the duplicate's line", () => {
    const r = parseDeck("---\ntitle: ok\ndescription: a\ndescription: b\n---\n\nq :: a\n", OPTS);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.message).toMatch(/unique|duplicate/i);
    expect(r.errors[0]!.line).toBe(4);
  });

  it("bug: an unknown front matter key is reported on line 1 instead of the key's line", () => {
    // zod 4 reports unrecognized keys with an empty path (keys in issue.keys), so the key's line is never looked up
    const r = parseDeck("---\ntitle: ok\ntitel: typo\n---\n\nq :: a\n", OPTS);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.message).toMatch(/titel/);
    expect(r.errors[0]!.line).toBe(3);
  });

  it("bug: a closed code fence inside a blockquote is reported as never closed", () => {
    // the fence's source ends with "> ```", which checkFences does not recognise as a closing fence
    const r = parseDeck("# T\n\nq :: a\n\n> ```js\n> code\n> ```\n", OPTS);
    expect(r.errors).toEqual([]);
    expect(r.deck?.cards).toHaveLength(1);
  });

  it("bug: an indented code block whose text starts with ``` is reported as an unclosed fence", () => {
    // four-space indented text is an indented code block, not a fence (same style as exported notes)
    const r = parseDeck("# T\n\nq :: a\n\n    ```\n    literal backticks\n", OPTS);
    expect(r.errors).toEqual([]);
    expect(r.deck?.cards).toHaveLength(1);
  });

  it("bug: notes-mode bold clozes lose the bold on the answer and get a stray space before punctuation", () => {
    // cleanText() turns the "**" the answer renderer just added into spaces
    const r = parseDeck("# Notes\n\n## S\n\n- The resolver asks a **root server**, which refers it on.\n- Another point\n", OPTS);
    expect(r.errors).toEqual([]);
    const cloze = r.deck!.cards.find((c) => c.kind === "cloze")!;
    expect(cloze.prompt).toBe("The resolver asks a \\[…\\], which refers it on.");
    expect(cloze.answer).toBe("The resolver asks a **root server**, which refers it on.");
  });

  it("bug: notes-mode bold clozes in Chinese answers lose the bold on the hidden term", () => {
    const r = parseDeck("# 笔记\n\n## 一、启动\n\n- 内核启动第一个进程 **systemd**（PID 1）。\n- 另一点\n", OPTS);
    const cloze = r.deck!.cards.find((c) => c.kind === "cloze")!;
    expect(cloze.answer).toContain("**systemd**");
  });

  it("bug: stripEnumeration does not drop 第三步： although its doc comment says it does", () => {
    expect(stripEnumeration("第三步：Other")).toBe("Other");
    const r = parseDeck("# Deck\n\n## 第三步：调度\n\nq :: a\n", OPTS);
    expect(r.deck!.cards[0]!.topic).toEqual(["调度"]);
  });

  it("bug (round 8): '### 1）ZooKeeper是啥' kept its '1）' in every topic path, as '1)' and '一、' did not", () => {
    expect(stripEnumeration("1）ZooKeeper是啥")).toBe("ZooKeeper是啥");
    expect(stripEnumeration("12）watch机制")).toBe("watch机制");
    expect(stripEnumeration("1）")).toBe("1）");
  });

  it("bug (rounds 4-5): '## 2.1 acks三种取值' became '1 acks三种取值' in every question under it, and '## 1.2 vs 1.3' became '2 vs 1.3'", () => {
    expect(stripEnumeration("2.1 acks三种取值")).toBe("acks三种取值");
    expect(stripEnumeration("5.1.2 细节")).toBe("细节");
    expect(stripEnumeration("1.2 vs 1.3")).toBe("1.2 vs 1.3");
    expect(stripEnumeration("1.2")).toBe("1.2");
    const r = parseDeck("# Deck\n\n## 4.4 TCP层\n\nq :: a\n", OPTS);
    expect(r.deck!.cards[0]!.topic).toEqual(["TCP层"]);
  });
});

describe("renderer bugs", () => {
  it("bug: a reference-style remote image is loaded (<img src=https://...>)", () => {
    // remarkContentPolicy only rewrites `image` nodes, not `imageReference` + definition
    const html = renderMarkdown("![x][r]\n\n[r]: https://example.com/a.png", { deckFolder: "openstack" });
    expect(html).not.toMatch(/<img/);
    expect(html).not.toContain("example.com");
  });

  it("bug: a malformed percent-escape in a local image path makes renderMarkdown throw URIError", () => {
    // resolveAssetPath calls decodeURI without a try/catch
    let html = "";
    expect(() => {
      html = renderMarkdown("![a](img/%zz.png)", { deckFolder: "openstack" });
    }).not.toThrow();
    expect(html).not.toMatch(/<img/);
  });
  it("bug (round 7): notes whose sections are all '#' lost the first section to the deck title ('# Basics & roles' over a list had no interview question)", () => {
    const src = "oauth notes, still messy\n\n# Basics & roles\n\n- **OAuth 2.0** is delegated authorization for an API\n- the client asks the user for access\n- the resource server accepts access tokens\n\n# Flow\n\n1. the client redirects to /authorize\n2. the user logs in and consents\n3. the client swaps the code at /token\n";
    const deck = parseDeck(src, OPTS).deck!;
    expect(deck.title).not.toBe("Basics & roles");
    expect(deck.cards.filter((c) => c.kind === "open").map((c) => c.topic)).toEqual([["Basics & roles"], ["Flow"]]);
    // a first heading over prose, quotes or a rule only titles the file, as before
    const titled = parseDeck("# Cinder 面试整理\n\n> 来源: OpenStack\n\n---\n\n# 一、创建\n\n1. 请求到 cinder-api\n2. 调度选后端\n3. cinder-volume 建卷\n", OPTS).deck!;
    expect(titled.title).toBe("Cinder 面试整理");
    expect(titled.cards.filter((c) => c.kind === "open").map((c) => c.topic)).toEqual([["创建"]]);
  });
});
