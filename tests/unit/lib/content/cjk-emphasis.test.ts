/**
 * Regression (issue 12, finding 13): a closing `**` after full-width punctuation and before a
 * Chinese character never closed under CommonMark's flanking rules, so a card showed
 * `**固定 IP（私有 IP）**` with literal asterisks and notes lost their bold terms. Parsing and
 * rendering both use remark-cjk-friendly.
 */
import { describe, expect, it } from "vitest";
import { parseMarkdown, plainText } from "@/lib/content/markdown";
import { renderMarkdown } from "@/lib/content/render";
import { parseDeck } from "@/lib/content/parse";

const SHAPES = ["虚拟机通过**固定 IP（私有 IP）**访问内网", "普通的 select 是**快照读（snapshot read）**走 MVCC", "消息只有在**HW（高水位）**之前才对消费者可见"];

describe("Chinese emphasis closes after full-width punctuation", () => {
  it.each(SHAPES)("%s is bold when parsed", (text) => {
    const p = parseMarkdown(text).children[0];
    expect(p?.type).toBe("paragraph");
    const strong = p?.type === "paragraph" ? p.children.find((c) => c.type === "strong") : undefined;
    expect(strong).toBeDefined();
    expect(plainText(p!)).not.toContain("**");
  });

  it.each(SHAPES)("%s renders as <strong>, with no asterisks left", (text) => {
    const html = renderMarkdown(text, { deckFolder: "" });
    expect(html).toMatch(/<strong>[^<]*（[^<]*）<\/strong>/);
    expect(html).not.toContain("**");
  });

  it("a notes file written that way keeps its bold terms as clozes", () => {
    const r = parseDeck(`# 笔记\n\n# 一、网络\n\n${SHAPES[0]}，回程也一样。\n`, { file: "n.md", deckId: "t/n" });
    const cloze = r.deck!.cards.find((c) => c.kind === "cloze");
    expect(cloze).toBeDefined();
    expect(cloze!.kind === "cloze" && cloze!.cloze[0]!.aliases).toEqual(expect.arrayContaining(["固定 IP", "私有 IP"]));
  });
});
