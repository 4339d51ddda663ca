import { describe, expect, it } from "vitest";
import { gradeTypedAnswer } from "@/lib/answer/grade";
import { typedAnswerOf } from "@/lib/answer/typed-answer";
import { parseDeck } from "@/lib/content/parse";

const cards = (md: string) => {
  const r = parseDeck(md, { file: "t.md", deckId: "t" });
  expect(r.errors).toEqual([]);
  return r.deck!.cards;
};

describe("typedAnswerOf", () => {
  it("a cloze expects its hidden term and accepts its | alternatives and glossary translations", () => {
    const [c] = cards("# T\n\n路由器的 namespace 由 {{c1::L3 agent|L3 代理|neutron-l3-agent}} 创建。\n");
    expect(c!.answer).toBe("路由器的 namespace 由 **L3 agent** 创建。");
    expect(c!.prompt).not.toContain("|");
    const t = typedAnswerOf(c!)!;
    expect(t.expected).toBe("L3 agent");
    expect(t.aliases).toEqual(expect.arrayContaining(["L3 代理", "neutron-l3-agent", "三层代理"]));
    expect(t.term).toBe(true);
  });

  it("a basic card that opens with its bold term expects the term, and accepts the whole short answer", () => {
    const [a, b] = cards("# T\n\ndnsmasq 从哪个文件查 IP？ :: **host 文件**，每行一个 MAC 与 IP\n\nSSH 的默认端口？ :: 22\n");
    expect(typedAnswerOf(a!)).toMatchObject({ expected: "host 文件", term: true });
    expect(typedAnswerOf(a!)!.aliases).toEqual(expect.arrayContaining(["host file", "host 文件，每行一个 MAC 与 IP"]));
    expect(typedAnswerOf(b!)).toEqual({ expected: "22", aliases: [], term: true });
  });

  it("regression: the complete answer 'REST API 和 RabbitMQ' was marked wrong against one bold term of it", () => {
    const [c] = cards("# T\n\nnova 的组件之间靠什么通信？ :: REST API 和 **RabbitMQ**\n");
    const t = typedAnswerOf(c!)!;
    expect(t.expected).toBe("REST API 和 RabbitMQ");
    expect(gradeTypedAnswer("REST API 和 RabbitMQ", t).correct).toBe(true);
    // a list is no option among terms in a "which term" question
    expect(t.term).toBe(false);
  });

  it("regression: 令牌 for token was marked wrong and Again proposed", () => {
    const [c] = cards("# T\n\nkeystone 认证通过后签发什么？ :: token\n");
    const t = typedAnswerOf(c!)!;
    expect(gradeTypedAnswer("令牌", t)).toMatchObject({ correct: true, proposedRating: 3 });
    const [d] = cards("# T\n\nnova-compute 从 glance 下载什么？ :: 虚拟机的 image\n");
    expect(gradeTypedAnswer("虚拟机的镜像", typedAnswerOf(d!)!).correct).toBe(true);
  });

  it("either side of an 'A 或 B' answer is right", () => {
    const [c] = cards("# T\n\nnova-compute 通过什么调用 hypervisor？ :: libvirt 或 api\n");
    const t = typedAnswerOf(c!)!;
    expect(gradeTypedAnswer("libvirt", t).correct).toBe(true);
    expect(gradeTypedAnswer("api", t).correct).toBe(true);
  });

  it("regression: a 'which term' question was made from a 有什么不同 question; explanations are never typed", () => {
    const [a, b, c] = cards(
      "# T\n\nSNAT 和 DNAT 有什么不同？ :: 一个改源地址\n\n为什么要校验 token？ :: 因为要确认用户\n\nWhy does Kafka need ISR? :: durability\n",
    );
    expect(typedAnswerOf(a!)).toBeNull();
    expect(typedAnswerOf(b!)).toBeNull();
    expect(typedAnswerOf(c!)).toBeNull();
  });

  it("a sentence is not typed-checked against one bold term from its middle", () => {
    const [c] = cards("# T\n\nnova-compute 拿到 volume 之后做什么？ :: 调用 cinder 的 API，**把 volume 挂接到实例**，再由 libvirt 把它作为块设备交给虚拟机使用\n");
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
  it("regression (new-user pass): '用户名/API token' for '用户名/API key' was a near miss (Hard), though token and API key are different things; a slip of a letter still is one", () => {
    const key = { expected: "用户名/API key", aliases: [] };
    expect(gradeTypedAnswer("用户名/API token", key)).toMatchObject({ correct: false, nearMiss: false, proposedRating: 1 });
    expect(gradeTypedAnswer("用户名/API kye", key)).toMatchObject({ correct: false, nearMiss: true, proposedRating: 2 });
    expect(gradeTypedAnswer("nova-schedular", { expected: "nova-scheduler", aliases: [] }).nearMiss).toBe(true);
  });
});
