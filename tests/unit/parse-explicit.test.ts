/**
 * Explicit card syntaxes of content/README.md: one test (or more) per syntax, asserting the
 * concrete card the parser produces.
 */
import { describe, it, expect } from "vitest";
import { parseDeck } from "../../lib/content/parse";
import type { ParsedCard, ParsedDeck, CardKind } from "../../lib/content/types";

const OPTS = { file: "content/test/deck.md", deckId: "test/deck" };

function parse(src: string, opts = OPTS): ParsedDeck {
  const r = parseDeck(src, opts);
  expect(r.errors).toEqual([]);
  expect(r.deck).not.toBeNull();
  return r.deck!;
}

function cardsOf<K extends CardKind>(deck: ParsedDeck, kind: K): Array<Extract<ParsedCard, { kind: K }>> {
  return deck.cards.filter((c): c is Extract<ParsedCard, { kind: K }> => c.kind === kind);
}

function single(src: string): ParsedCard {
  const deck = parse(src);
  expect(deck.cards).toHaveLength(1);
  return deck.cards[0]!;
}

describe("basic, one line (q :: a)", () => {
  it("splits a paragraph at ' :: ' into prompt and answer, keeping inline markdown", () => {
    const c = single("# T\n\nkeystone 在创建虚拟机时的作用是什么？ :: 校验用户凭证并签发 **token**。\n");
    expect(c.kind).toBe("basic");
    expect(c.prompt).toBe("keystone 在创建虚拟机时的作用是什么？");
    expect(c.answer).toBe("校验用户凭证并签发 **token**。");
    expect(c.line).toBe(3);
    expect(c.topic).toEqual([]);
  });

  it("reads a card written inside a list item, one card per item", () => {
    const deck = parse("# T\n\n- first question :: first answer\n- second question :: second answer\n");
    expect(deck.cards.map((c) => [c.kind, c.prompt, c.answer, c.line])).toEqual([
      ["basic", "first question", "first answer", 3],
      ["basic", "second question", "second answer", 4],
    ]);
  });

  it("does not split at a :: inside inline code", () => {
    const c = single("# T\n\nWhat does `f :: Int -> Int` declare? :: the type of f\n");
    expect(c.prompt).toBe("What does `f :: Int -> Int` declare?");
    expect(c.answer).toBe("the type of f");
  });

  it("a paragraph whose only :: is inside inline code is no card", () => {
    const deck = parse("# T\n\nHaskell writes `x :: Int` for a signature.\n\nreal question :: real answer\n");
    expect(deck.cards).toHaveLength(1);
    expect(deck.cards[0]!.prompt).toBe("real question");
    expect(deck.cards[0]!.line).toBe(5);
  });

  it("a :: without surrounding spaces (std::vector) is not a separator", () => {
    const deck = parse("# T\n\nstd::vector grows by doubling.\n\nq :: a\n");
    expect(deck.cards.map((c) => c.prompt)).toEqual(["q"]);
  });

  it("splits at the first separator only", () => {
    const c = single("# T\n\nq :: a :: b\n");
    expect(c.prompt).toBe("q");
    expect(c.answer).toBe("a :: b");
  });
});

describe("basic, several lines (?)", () => {
  it("Q / ? / A in one paragraph", () => {
    const c = single("# T\n\nWhy does nova use a conductor?\n?\nSo compute nodes never hold database credentials.\n");
    expect(c.kind).toBe("basic");
    expect(c.prompt).toBe("Why does nova use a conductor?");
    expect(c.answer).toBe("So compute nodes never hold database credentials.");
    expect(c.line).toBe(3);
  });

  it("a standalone ? paragraph takes the block before it as the question and every block up to --- as the answer", () => {
    const src = [
      "# T",
      "",
      "为什么 nova-scheduler 不直接访问数据库？",
      "",
      "?",
      "",
      "因为计算节点和调度器都不该持有数据库凭证：",
      "",
      "- 访问数据库统一经过 nova-conductor；",
      "- 这样也便于做版本兼容的对象序列化。",
      "",
      "---",
      "",
      "after the break :: separate card",
      "",
    ].join("\n");
    const deck = parse(src);
    expect(deck.cards).toHaveLength(2);
    const [q, other] = deck.cards;
    expect(q!.prompt).toBe("为什么 nova-scheduler 不直接访问数据库？");
    expect(q!.answer).toBe("因为计算节点和调度器都不该持有数据库凭证：\n\n- 访问数据库统一经过 nova-conductor；\n- 这样也便于做版本兼容的对象序列化。");
    expect(q!.line).toBe(3);
    expect(other!.prompt).toBe("after the break");
    expect(other!.answer).toBe("separate card");
    expect(other!.line).toBe(14);
  });

  it("the multi-block answer ends at the next heading", () => {
    const src = "# T\n\n## A\n\nQuestion here\n\n?\n\nAnswer part one.\n\nAnswer part two.\n\n## B\n\nx :: y\n";
    const deck = parse(src);
    expect(deck.cards).toHaveLength(2);
    expect(deck.cards[0]).toMatchObject({ kind: "basic", topic: ["A"], line: 5, prompt: "Question here", answer: "Answer part one.\n\nAnswer part two." });
    expect(deck.cards[1]).toMatchObject({ kind: "basic", topic: ["B"], line: 15, prompt: "x", answer: "y" });
  });

  it("the multi-block answer ends where another card starts", () => {
    const src = "# T\n\nQ1\n\n?\n\nA1 para\n\nnext q :: next a\n";
    const deck = parse(src);
    expect(deck.cards.map((c) => [c.prompt, c.answer])).toEqual([
      ["Q1", "A1 para"],
      ["next q", "next a"],
    ]);
  });
});

describe("cloze", () => {
  it("{{c1::x}} and {{c2::x::hint}} make one card per group", () => {
    const deck = parse("# T\n\nnova-compute 通过 {{c1::libvirt}} 调用 {{c2::hypervisor::虚拟化层}} 启动虚拟机。\n");
    const cards = cardsOf(deck, "cloze");
    expect(cards).toHaveLength(2);
    expect(cards[0]).toMatchObject({
      group: 1,
      cloze: [{ text: "libvirt" }],
      prompt: "nova-compute 通过 \\[…\\] 调用 hypervisor 启动虚拟机。",
      answer: "nova-compute 通过 **libvirt** 调用 hypervisor 启动虚拟机。",
      line: 3,
    });
    expect(cards[0]!.cloze[0]!.hint).toBeUndefined();
    expect(cards[1]).toMatchObject({
      group: 2,
      cloze: [{ text: "hypervisor", hint: "虚拟化层" }],
      prompt: "nova-compute 通过 libvirt 调用 \\[虚拟化层\\] 启动虚拟机。",
      answer: "nova-compute 通过 libvirt 调用 **hypervisor** 启动虚拟机。",
    });
  });

  it("terms sharing a group number are hidden together on one card", () => {
    const cards = cardsOf(parse("# T\n\n{{c1::DHCPDISCOVER}} then {{c2::DHCPOFFER}} then {{c1::DHCPREQUEST}}\n"), "cloze");
    expect(cards).toHaveLength(2);
    expect(cards[0]!.group).toBe(1);
    expect(cards[0]!.cloze).toEqual([{ text: "DHCPDISCOVER" }, { text: "DHCPREQUEST" }]);
    expect(cards[0]!.prompt).toBe("\\[…\\] then DHCPOFFER then \\[…\\]");
    expect(cards[1]!.group).toBe(2);
    expect(cards[1]!.cloze).toEqual([{ text: "DHCPOFFER" }]);
    expect(cards[1]!.prompt).toBe("DHCPDISCOVER then \\[…\\] then DHCPREQUEST");
  });

  it("each ==term== is its own group, numbered after the highest cN of the paragraph", () => {
    const cards = cardsOf(parse("# T\n\n{{c3::dnsmasq}} reads the ==host== file and the ==opts== file\n"), "cloze");
    expect(cards.map((c) => [c.group, c.cloze.map((t) => t.text)])).toEqual([
      [3, ["dnsmasq"]],
      [4, ["host"]],
      [5, ["opts"]],
    ]);
    expect(cards[1]!.prompt).toBe("dnsmasq reads the \\[…\\] file and the opts file");
    expect(cards[1]!.answer).toBe("dnsmasq reads the **host** file and the opts file");
  });

  it("==term== alone starts at group 1", () => {
    const cards = cardsOf(parse("# T\n\ndnsmasq 从 ==host== 文件里查 MAC 与 IP 的对应关系。\n"), "cloze");
    expect(cards).toHaveLength(1);
    expect(cards[0]!.group).toBe(1);
    expect(cards[0]!.cloze).toEqual([{ text: "host" }]);
  });

  it("markers inside inline code are left alone", () => {
    const cards = cardsOf(parse("# T\n\nAnki writes `{{c1::term}}` and mark writes `==term==`, but {{c1::this}} is real\n"), "cloze");
    expect(cards).toHaveLength(1);
    expect(cards[0]!.cloze).toEqual([{ text: "this" }]);
    expect(cards[0]!.prompt).toBe("Anki writes `{{c1::term}}` and mark writes `==term==`, but \\[…\\] is real");
  });

  it("a paragraph whose markers are all in inline code is no cloze", () => {
    const deck = parse("# T\n\nUse `{{c1::x}}` for clozes.\n\nq :: a\n");
    expect(deck.cards.map((c) => c.kind)).toEqual(["basic"]);
  });
});

describe("choice", () => {
  it("one correct option: multiple is false and the answer lists it", () => {
    const c = single("# T\n\nWhich service issues tokens?\n\n- [ ] nova\n- [x] keystone\n- [ ] glance\n");
    expect(c.kind).toBe("choice");
    if (c.kind !== "choice") return;
    expect(c.prompt).toBe("Which service issues tokens?");
    expect(c.options).toEqual([
      { text: "nova", correct: false },
      { text: "keystone", correct: true },
      { text: "glance", correct: false },
    ]);
    expect(c.multiple).toBe(false);
    expect(c.answer).toBe("- keystone");
    expect(c.explanation).toBeUndefined();
    expect(c.line).toBe(3);
  });

  it("several correct options and a blockquote explanation", () => {
    const src = [
      "# T",
      "",
      "哪些组件会向 keystone 校验 token？",
      "",
      "- [x] nova-api",
      "- [x] glance-api",
      "- [ ] nova-scheduler",
      "- [x] neutron-server",
      "",
      "> scheduler 只从消息队列取消息，不直接接收带 token 的用户请求。",
      "",
    ].join("\n");
    const c = single(src);
    if (c.kind !== "choice") throw new Error("expected a choice card");
    expect(c.multiple).toBe(true);
    expect(c.options.filter((o) => o.correct).map((o) => o.text)).toEqual(["nova-api", "glance-api", "neutron-server"]);
    expect(c.options.filter((o) => !o.correct).map((o) => o.text)).toEqual(["nova-scheduler"]);
    expect(c.explanation).toBe("scheduler 只从消息队列取消息，不直接接收带 token 的用户请求。");
    expect(c.answer).toBe("- nova-api\n- glance-api\n- neutron-server\n\nscheduler 只从消息队列取消息，不直接接收带 token 的用户请求。");
  });
});

describe("ordering", () => {
  it("Order: with a numbered list and an explanation", () => {
    const src = "# T\n\nOrder: 把 DHCP 获取地址的报文排好顺序\n\n1. DHCPDISCOVER\n2. DHCPOFFER\n3. DHCPREQUEST\n4. DHCPACK\n\n> 先广播发现，服务器提供地址。\n";
    const c = single(src);
    if (c.kind !== "ordering") throw new Error("expected an ordering card");
    expect(c.prompt).toBe("把 DHCP 获取地址的报文排好顺序");
    expect(c.steps).toEqual(["DHCPDISCOVER", "DHCPOFFER", "DHCPREQUEST", "DHCPACK"]);
    expect(c.explanation).toBe("先广播发现，服务器提供地址。");
    expect(c.answer).toBe("1. DHCPDISCOVER\n2. DHCPOFFER\n3. DHCPREQUEST\n4. DHCPACK\n\n先广播发现，服务器提供地址。");
    expect(c.line).toBe(3);
  });

  it("排序： works the same, and the list numbers themselves do not matter", () => {
    const c = single("# T\n\n排序：Linux 启动顺序\n\n3. BIOS\n1. GRUB\n7. kernel\n");
    if (c.kind !== "ordering") throw new Error("expected an ordering card");
    expect(c.prompt).toBe("Linux 启动顺序");
    expect(c.steps).toEqual(["BIOS", "GRUB", "kernel"]);
    expect(c.explanation).toBeUndefined();
  });
});

describe("open interview question", () => {
  it("Interview: with keyword groups and aliases, and a model answer", () => {
    const src = [
      "# T",
      "",
      "Interview: 讲一讲 nova 创建虚拟机时 keystone 参与了哪几次校验？",
      "",
      "- 用户登录时 keystone 校验凭证并签发 token {keystone; token|令牌; 认证|验证|authentication}",
      "- nova-api 收到请求后向 keystone 校验 token {nova-api, 校验|验证}",
      "- 没有关键词的一点",
      "",
      "> 参考回答：token 由 keystone 签发。",
      "",
    ].join("\n");
    const c = single(src);
    if (c.kind !== "open") throw new Error("expected an open card");
    expect(c.prompt).toBe("讲一讲 nova 创建虚拟机时 keystone 参与了哪几次校验？");
    expect(c.points).toEqual([
      { text: "用户登录时 keystone 校验凭证并签发 token", keywords: [["keystone"], ["token", "令牌"], ["认证", "验证", "authentication"]] },
      { text: "nova-api 收到请求后向 keystone 校验 token", keywords: [["nova-api"], ["校验", "验证"]] },
      { text: "没有关键词的一点", keywords: [] },
    ]);
    expect(c.modelAnswer).toBe("参考回答：token 由 keystone 签发。");
    expect(c.line).toBe(3);
  });

  it("{kw1|alias; kw2} parses into [[kw1, alias], [kw2]]", () => {
    const c = single("# T\n\nInterview: explain filters\n\n- filtering then weighing {kw1|alias; kw2}\n");
    if (c.kind !== "open") throw new Error("expected an open card");
    expect(c.points).toEqual([{ text: "filtering then weighing", keywords: [["kw1", "alias"], ["kw2"]] }]);
    expect(c.modelAnswer).toBeUndefined();
  });

  it("面试： works the same", () => {
    const c = single("# T\n\n面试：讲讲 nova-scheduler 的调度过程\n\n- 先过滤 {filter|过滤}\n- 再称重 {weigh|权重}\n");
    if (c.kind !== "open") throw new Error("expected an open card");
    expect(c.prompt).toBe("讲讲 nova-scheduler 的调度过程");
    expect(c.points.map((p) => p.keywords)).toEqual([[["filter", "过滤"]], [["weigh", "权重"]]]);
  });
});

describe("deck metadata", () => {
  it("reads title, description, tags and language from front matter", () => {
    const src = "---\ntitle: 创建虚拟机流程\ndescription: 从 keystone 认证到 hypervisor 启动\ntags: [openstack, nova]\nlanguage: zh\n---\n\n# 一、认证\n\nq :: a\n";
    const deck = parse(src);
    expect(deck.title).toBe("创建虚拟机流程");
    expect(deck.description).toBe("从 keystone 认证到 hypervisor 启动");
    expect(deck.tags).toEqual(["openstack", "nova"]);
    expect(deck.language).toBe("zh");
    expect(deck.id).toBe("test/deck");
    expect(deck.group).toBe("test");
    expect(deck.notesMode).toBe(false);
    // the title came from front matter, so the first heading is a topic (enumeration stripped)
    expect(deck.cards[0]!.topic).toEqual(["认证"]);
    expect(deck.cards[0]!.line).toBe(10);
  });

  it("front matter language overrides the guess", () => {
    const deck = parse("---\nlanguage: en\n---\n\n# 中文标题\n\n这是中文问题 :: 这是中文答案\n");
    expect(deck.language).toBe("en");
  });

  it("without front matter the title is the first heading, which is left out of topic paths", () => {
    const deck = parse("# OpenStack 面试问题\n\n## 一、认证\n\nq :: a\n");
    expect(deck.title).toBe("OpenStack 面试问题");
    expect(deck.description).toBe("");
    expect(deck.tags).toEqual([]);
    expect(deck.cards[0]!.topic).toEqual(["认证"]);
  });

  it("front matter without title also takes the first heading", () => {
    const deck = parse("---\ntags: [net]\n---\n\n# Heading One\n\n## 2. Sub\n\nq :: a\n");
    expect(deck.title).toBe("Heading One");
    expect(deck.tags).toEqual(["net"]);
    expect(deck.cards[0]!.topic).toEqual(["Sub"]);
  });

  it("without front matter or heading the title is the file name", () => {
    const deck = parse("q :: a\n", { file: "content/openstack/dhcp-basics.md", deckId: "openstack/dhcp-basics" });
    expect(deck.title).toBe("dhcp-basics");
    expect(deck.group).toBe("openstack");
    expect(deck.cards[0]!.topic).toEqual([]);
  });

  it("a deck at the content root has an empty group", () => {
    const deck = parse("q :: a\n", { file: "content/root.md", deckId: "root" });
    expect(deck.group).toBe("");
    expect(deck.title).toBe("root");
  });

  it("guesses the language: zh when at least a fifth of the letters are CJK, else en", () => {
    expect(parse("# 标题\n\n这是问题 :: 这是答案\n").language).toBe("zh");
    expect(parse("# Title\n\nWhat is a token? :: A credential issued by keystone.\n").language).toBe("en");
  });

  it("strips a UTF-8 BOM", () => {
    const deck = parse("\ufeff# T\n\nq :: a\n");
    expect(deck.title).toBe("T");
    expect(deck.cards[0]!.line).toBe(3);
  });
});

describe("topic paths", () => {
  it("come from headings, with leading enumerations dropped", () => {
    const src = [
      "# Deck Title", //            1 (title, not in paths)
      "",
      "## 一、认证阶段", //          3
      "",
      "### 3. 校验 token", //       5
      "",
      "a :: b", //                  7
      "",
      "## （2）调度", //             9
      "",
      "c :: d", //                 11
      "",
      "## (3) Scheduling", //      13
      "",
      "e :: f", //                 15
      "",
    ].join("\n");
    const deck = parse(src);
    expect(deck.cards.map((c) => [c.prompt, c.topic, c.line])).toEqual([
      ["a", ["认证阶段", "校验 token"], 7],
      ["c", ["调度"], 11],
      ["e", ["Scheduling"], 15],
    ]);
  });

  it("a shallower heading pops deeper ones off the path", () => {
    const deck = parse("# T\n\n## A\n\n### A1\n\nx :: 1\n\n## B\n\ny :: 2\n");
    expect(deck.cards.map((c) => c.topic)).toEqual([["A", "A1"], ["B"]]);
  });
});

describe("stable ids", () => {
  const base = "# T\n\n## 认证\n\nkeystone 的作用是什么？ :: 签发 token\n";

  it("ids are 24 hex characters and distinct within a deck", () => {
    const deck = parse("# T\n\nq1 :: a\n\nq2 :: a\n\n{{c1::x}} and {{c2::y}}\n");
    for (const c of deck.cards) expect(c.id).toMatch(/^[0-9a-f]{24}$/);
    expect(new Set(deck.cards.map((c) => c.id)).size).toBe(4);
  });

  it("parsing twice gives the same ids", () => {
    expect(parse(base).cards[0]!.id).toBe(parse(base).cards[0]!.id);
  });

  it("changing the answer keeps the id", () => {
    const a = parse(base).cards[0]!;
    const b = parse(base.replace("签发 token", "校验凭证并签发 **token**，后续服务都用它")).cards[0]!;
    expect(b.answer).not.toBe(a.answer);
    expect(b.id).toBe(a.id);
  });

  it("changing a multi-line answer, a choice's correctness or an explanation keeps the id", () => {
    const m1 = parse("# T\n\nWhy?\n?\nBecause A.\n").cards[0]!.id;
    const m2 = parse("# T\n\nWhy?\n?\nBecause B, and more.\n").cards[0]!.id;
    expect(m2).toBe(m1);
    const c1 = parse("# T\n\nWhich?\n\n- [x] a\n- [ ] b\n\n> because a\n").cards[0]!.id;
    const c2 = parse("# T\n\nWhich?\n\n- [ ] a\n- [x] b\n\n> because b\n").cards[0]!.id;
    expect(c2).toBe(c1);
  });

  it("white-space-only edits keep the id", () => {
    const a = parse(base).cards[0]!.id;
    const b = parse("# T\n\n##   认证  \n\n  keystone   的作用是什么？   ::    签发 token   \n").cards[0]!.id;
    const c = parse("# T\n\n## 认证\n\nkeystone\n的作用是什么？ :: 签发 token\n").cards[0]!.id;
    expect(b).toBe(a);
    expect(c).toBe(a);
  });

  it("changing the question changes the id", () => {
    const a = parse(base).cards[0]!.id;
    const b = parse(base.replace("keystone 的作用是什么？", "keystone 的主要作用是什么？")).cards[0]!.id;
    expect(b).not.toBe(a);
  });

  it("the same question under another topic, of another kind or in another deck has another id", () => {
    const deck = parse("# T\n\n## S\n\nsame q :: a1\n\n## R\n\nsame q :: a2\n");
    expect(deck.cards[0]!.id).not.toBe(deck.cards[1]!.id);
    const other = parseDeck(base, { file: "content/other/deck.md", deckId: "other/deck" }).deck!;
    expect(other.cards[0]!.id).not.toBe(parse(base).cards[0]!.id);
  });

  it("moving a section within the file keeps every id", () => {
    const sectionA = "## A 认证\n\nqa1 :: a1\n\nqa2\n?\nanswer a2\n\n";
    const sectionB = "## B 调度\n\n{{c1::filter}} then {{c2::weigh}}\n\nOrder: steps\n\n1. one\n2. two\n\n";
    const before = parse("# Title\n\n" + sectionA + sectionB);
    const after = parse("# Title\n\n" + sectionB + sectionA);
    const key = (d: ParsedDeck) => new Map(d.cards.map((c) => [`${c.kind}|${c.prompt}`, c.id]));
    expect(before.cards).toHaveLength(5);
    expect(key(after)).toEqual(key(before));
    // but the lines did move
    expect(after.cards.find((c) => c.prompt === "qa1")!.line).not.toBe(before.cards.find((c) => c.prompt === "qa1")!.line);
  });

  it("editing a cloze term (or its hint) keeps the card id", () => {
    const a = parse("# T\n\nnova-compute 通过 {{c1::libvirt}} 调用 {{c2::hypervisor::虚拟化层}}。\n");
    const b = parse("# T\n\nnova-compute 通过 {{c1::libvirtd}} 调用 {{c2::KVM hypervisor::虚拟化}}。\n");
    expect(b.cards.map((c) => c.id)).toEqual(a.cards.map((c) => c.id));
    const m1 = parse("# T\n\ndnsmasq 从 ==host== 文件里查\n").cards[0]!.id;
    const m2 = parse("# T\n\ndnsmasq 从 ==hosts== 文件里查\n").cards[0]!.id;
    expect(m2).toBe(m1);
  });

  it("editing the text around a cloze changes the id", () => {
    const a = parse("# T\n\nnova-compute 通过 {{c1::libvirt}} 启动虚拟机。\n").cards[0]!.id;
    const b = parse("# T\n\nnova-compute 借助 {{c1::libvirt}} 启动虚拟机。\n").cards[0]!.id;
    expect(b).not.toBe(a);
  });
});

describe("explicit mode", () => {
  it("a file with any explicit card is not read as notes (numbered lists make no cards)", () => {
    const deck = parse("# T\n\n1. step one\n1. step two\n\nq :: a\n");
    expect(deck.notesMode).toBe(false);
    expect(deck.cards.map((c) => c.prompt)).toEqual(["q"]);
  });

  it("cards inside a blockquote are read too", () => {
    const c = single("# T\n\n> quoted q :: quoted a\n");
    expect(c.prompt).toBe("quoted q");
    expect(c.answer).toBe("quoted a");
  });

  it("contentHash is 64 hex and changes with the bytes", () => {
    const a = parse("# T\n\nq :: a\n").contentHash;
    const b = parse("# T\n\nq :: b\n").contentHash;
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(b).not.toBe(a);
  });
});
