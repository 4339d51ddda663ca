/** Properties that must hold for any input (fast-check, fixed seed so runs repeat). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDeck } from "../../lib/content/parse";
import { answerMatches, containsKeyword, normalizeAnswer } from "../../lib/answer/normalize";

const SEED = 20261126;
const opts = { file: "p.md", deckId: "p" };

/** Markdown-ish lines: headings, cards of every syntax, lists, fences, HTML, CJK. */
const line = fc.oneof(
  fc.constantFrom("# 标题", "## Sub", "---", "?", "```", "~~~js", "> 引用", "- [x] 对", "- [ ] 错", "1. 步骤", "Order: 排序", "Interview: 面试", "<script>x</script>", "+ ![](https://x/y.png)", "    1. 缩进", "**粗体**", "==mark==", "{{c1::x}}", "{{c2::}}", ""),
  fc.string({ maxLength: 40 }),
  fc.tuple(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 })).map(([q, a]) => `${q} :: ${a}`),
);
const markdownish = fc.array(line, { maxLength: 40 }).map((l) => l.join("\n"));

describe("the parser", () => {
  it("never throws, on markdown-like text", () => {
    fc.assert(
      fc.property(markdownish, (md) => {
        const r = parseDeck(md, opts);
        expect(r.deck === null || r.errors.length === 0).toBe(true);
        for (const e of r.errors) expect(e.line).toBeGreaterThanOrEqual(1);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it("never throws, on arbitrary bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        parseDeck(bytes, opts);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  const word = fc.constantFrom("nova", "keystone", "token", "校验", "调度", "dnsmasq", "租户网络", "veth", "pair", "命名空间", "SNAT");
  const sentence = fc.array(word, { minLength: 1, maxLength: 6 }).map((w) => w.join(" "));
  const card = fc.record({ q: sentence, a: sentence });
  const deck = fc.uniqueArray(card, { minLength: 1, maxLength: 8, selector: (c) => c.q });
  const spaces = fc.constantFrom(" ", "  ", "   ");

  it("keeps card ids under white-space-only edits", () => {
    fc.assert(
      fc.property(deck, fc.array(spaces, { minLength: 64, maxLength: 64 }), fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 8, maxLength: 8 }), (cards, pads, blanks) => {
        const plain = "# T\n\n" + cards.map((c) => `${c.q} :: ${c.a}`).join("\n\n") + "\n";
        let i = 0;
        const pad = () => pads[i++ % pads.length]!;
        const messy =
          "# T\n" +
          cards
            .map((c, k) => "\n".repeat(blanks[k % blanks.length]! + 1) + pad().slice(0, 3) + c.q.split(" ").join(pad()) + pad() + "::" + pad() + c.a)
            .join("") +
          "\n\n";
        const a = parseDeck(plain, opts);
        const b = parseDeck(messy, opts);
        expect(b.errors).toEqual([]);
        expect(b.deck!.cards.map((c) => c.id)).toEqual(a.deck!.cards.map((c) => c.id));
      }),
      { seed: SEED, numRuns: 200 },
    );
  });
});

describe("the answer normaliser", () => {
  it("is idempotent", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 30 }), (s) => {
        expect(normalizeAnswer(normalizeAnswer(s))).toBe(normalizeAnswer(s));
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });

  it("an answer always matches itself with other spacing, case and width", () => {
    const text = fc.array(fc.constantFrom("nova", "Compute", "校验", "token", "L3", "agent", "命名空间", "ＡＰＩ"), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(text, fc.constantFrom(" ", "-", "_", "  ", "　", ""), (words, sep) => {
        expect(answerMatches(words.join(sep).toUpperCase(), words.join(" "))).toBe(true);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it("finds a keyword put inside any text, between separators", () => {
    const kw = fc.constantFrom("keystone", "nova-compute", "认证", "source nat", "DHCPACK");
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), kw, fc.string({ maxLength: 12 }), (before, k, after) => {
        expect(containsKeyword(`${before} ${k}，${after}`, k)).toBe(true);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
