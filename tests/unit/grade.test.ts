import { describe, expect, it } from "vitest";
import { gradeTypedAnswer, typedAnswerOf } from "../../lib/answer/grade";
import { parseDeck } from "../../lib/content/parse";

const cards = (md: string) => {
  const r = parseDeck(md, { file: "t.md", deckId: "t" });
  expect(r.errors).toEqual([]);
  return r.deck!.cards;
};

describe("typedAnswerOf", () => {
  it("a cloze expects its hidden term and accepts its | alternatives, showing only the first", () => {
    const [c] = cards("# T\n\n路由器的 namespace 由 {{c1::L3 agent|L3 代理|neutron-l3-agent}} 创建。\n");
    expect(c!.answer).toBe("路由器的 namespace 由 **L3 agent** 创建。");
    expect(c!.prompt).not.toContain("|");
    expect(typedAnswerOf(c!)).toEqual({ expected: "L3 agent", aliases: ["L3 代理", "neutron-l3-agent"] });
  });

  it("a basic card expects its first bold phrase, or its whole answer when short", () => {
    const [a, b, c] = cards(
      "# T\n\ndnsmasq 从哪个文件查 IP？ :: **host 文件**，每行一个 MAC 与 IP\n\nSSH 的默认端口？ :: 22\n\n为什么要校验 token？ :: 因为每个服务都必须确认请求来自一个已认证的用户，并且拥有相应的角色和权限，否则任何人都能调用 API。\n",
    );
    expect(typedAnswerOf(a!)).toEqual({ expected: "host 文件", aliases: [] });
    expect(typedAnswerOf(b!)).toEqual({ expected: "22", aliases: [] });
    expect(typedAnswerOf(c!)).toBeNull();
  });
});

describe("gradeTypedAnswer", () => {
  const l3 = { expected: "L3 agent", aliases: ["L3 代理"] };
  it.each([
    ["L3 agent", true, 3],
    ["l3-agent", true, 3],
    ["L3 代理", true, 3],
    ["L3 agnet", false, 2],
    ["L3 agen", false, 2],
    ["DHCP agent", false, 1],
    ["", false, 1],
  ])("%j → correct %s, proposes %d", (typed, correct, rating) => {
    const g = gradeTypedAnswer(typed, l3);
    expect(g.correct).toBe(correct);
    expect(g.proposedRating).toBe(rating);
  });

  it("shows what was missing and what was extra", () => {
    const g = gradeTypedAnswer("L3 agen", l3);
    expect(g.diff).toEqual([
      { text: "L3 agen", kind: "ok" },
      { text: "t", kind: "missing" },
    ]);
    const h = gradeTypedAnswer("命名空间x", { expected: "命名空间", aliases: [] });
    expect(h.diff).toEqual([
      { text: "命名空间", kind: "ok" },
      { text: "x", kind: "extra" },
    ]);
  });

  it("diffs against the alias closest to what was typed", () => {
    const g = gradeTypedAnswer("L3 代里", l3);
    expect(g.nearMiss).toBe(true); // one character of four off
    expect(g.diff).toEqual([
      { text: "L3 代", kind: "ok" },
      { text: "里", kind: "extra" },
      { text: "理", kind: "missing" },
    ]);
  });
});
