import { describe, expect, it } from "vitest";
import { buildFixedQuiz, buildQuiz, type QuizCandidate } from "@/lib/quiz/build";
import { pickDistractors, termClass, type Term } from "@/lib/quiz/distractors";
import { publicQuestion, type QuizKind } from "@/lib/quiz/types";

const term = (cardId: string, text: string, topic: string[] = ["t"], aliases: string[] = []): Term => ({ cardId, text, aliases, topic });

describe("termClass", () => {
  it.each([
    ["nova-scheduler", "latin"],
    ["dnsmasq", "latin"],
    ["4789", "number"],
    ["67/68", "number"],
    ["路由器", "cjk"],
    ["host 文件", "mixed"],
    ["19 步", "number"],
    ["ｎｏｖａ", "latin"],
  ])("%s is %s", (text, kind) => expect(termClass(text)).toBe(kind));
});

describe("pickDistractors", () => {
  const answer = term("a", "nova-scheduler", ["nova", "调度"]);
  const pool = [
    answer,
    term("b", "nova-conductor", ["nova"]),
    term("c", "glance-api", ["glance"]),
    term("d", "neutron-server", ["neutron"]),
    term("e", "Nova Scheduler"), // the right answer written differently
    term("f", "scheduler"), // contained in the right answer
    term("g", "调度器"), // another script
    term("h", "keystone"),
    term("i", "glance-api"), // a duplicate of c
    term("j", "x"), // far too short
    term("k", "rabbitmq", [], ["nova-scheduler"]), // its alias is the right answer
  ];

  it("never offers the right answer, its aliases, overlapping terms, duplicates or other kinds", () => {
    const r = pickDistractors({ answer, pool, seed: "s1", needed: 4 });
    expect(r).toEqual({ ok: true, distractors: expect.any(Array) });
    if (!r.ok) return;
    expect(new Set(r.distractors)).toEqual(new Set(["nova-conductor", "glance-api", "neutron-server", "keystone"]));
  });

  it("puts terms from the same topic first", () => {
    const r = pickDistractors({ answer, pool, seed: "s1", needed: 1 });
    expect(r).toEqual({ ok: true, distractors: ["nova-conductor"] });
  });

  it("is deterministic for a seed and varies with it", () => {
    const wide = Array.from({ length: 30 }, (_, i) => term(`p${i}`, `service-${String.fromCharCode(97 + i)}x`, []));
    const a = pickDistractors({ answer, pool: wide, seed: "one" });
    expect(pickDistractors({ answer, pool: wide, seed: "one" })).toEqual(a);
    const seeds = ["two", "three", "four", "five"].map((seed) => JSON.stringify(pickDistractors({ answer, pool: wide, seed })));
    expect(new Set([JSON.stringify(a), ...seeds]).size).toBeGreaterThan(1);
  });

  it("says why when the deck has too few terms of the same kind", () => {
    const r = pickDistractors({ answer, pool: [answer, term("b", "nova-conductor"), term("g", "调度器")], seed: "s" });
    expect(r).toEqual({ ok: false, found: 1, needed: 3, termClass: "latin", reason: 'only 1 of the 3 wrong options needed: the deck has too few other latin terms like "nova-scheduler"' });
  });

  it("matches Chinese terms with Chinese terms", () => {
    const zh = term("a", "路由器");
    const r = pickDistractors({ answer: zh, pool: [zh, term("b", "交换机"), term("c", "网关"), term("d", "防火墙"), term("e", "router")], seed: "s" });
    expect(r.ok && new Set(r.distractors)).toEqual(new Set(["交换机", "网关", "防火墙"]));
  });
});

const source = (id: string, topic = ["t"]) => ({ cardId: id, deckId: "d", deckTitle: "Deck", topic, sourceLine: 1 });
const typedCard = (id: string, expected: string, kind = "basic"): QuizCandidate => ({
  source: source(id),
  cardKind: kind,
  promptHtml: `<p>${id}?</p>`,
  answerHtml: `<p>${expected}</p>`,
  data: kind === "cloze" ? { cloze: [{ text: expected }], typeAnswer: { expected, aliases: [] } } : { typeAnswer: { expected, aliases: [] } },
});
const choiceCard = (id: string): QuizCandidate => ({
  source: source(id),
  cardKind: "choice",
  promptHtml: "<p>which?</p>",
  answerHtml: "",
  data: { options: [{ text: "a", correct: true }, { text: "b", correct: false }, { text: "c", correct: false }], optionsHtml: ["<p>a</p>", "<p>b</p>", "<p>c</p>"], explanationHtml: "<p>why</p>" },
});
const orderingCard = (id: string): QuizCandidate => ({
  source: source(id),
  cardKind: "ordering",
  promptHtml: "<p>order</p>",
  answerHtml: "",
  data: { steps: ["one", "two", "three", "four"], stepsHtml: ["<p>one</p>", "<p>two</p>", "<p>three</p>", "<p>four</p>"] },
});

const terms = ["keystone", "glance-api", "neutron-server", "nova-conductor", "cinder-api", "dnsmasq", "rabbitmq", "libvirt"];
const typedCards = terms.map((t, i) => typedCard(`t${i}`, t, i % 2 ? "cloze" : "basic"));
const pools = { d: typedCards.map((c) => term(c.source.cardId, (c.data.typeAnswer as { expected: string }).expected)) };
const buckets = {
  choice: [choiceCard("c1"), choiceCard("c2")],
  ordering: [orderingCard("o1"), orderingCard("o2")],
  typed: typedCards,
  generated: [...typedCards].reverse(),
};
const KINDS: QuizKind[] = ["choice", "generated", "typed", "ordering"];

describe("buildQuiz", () => {
  it("the same seed and settings give the same quiz; another seed another order", () => {
    const a = buildQuiz({ seed: "abc", count: 8, kinds: KINDS, buckets, pools });
    expect(buildQuiz({ seed: "abc", count: 8, kinds: [...KINDS].reverse(), buckets, pools })).toEqual(a);
    const b = buildQuiz({ seed: "xyz", count: 8, kinds: KINDS, buckets, pools });
    expect(b.questions.map((q) => q.source.cardId)).not.toEqual(a.questions.map((q) => q.source.cardId));
  });

  it("mixes every kind and asks each card once", () => {
    const { questions } = buildQuiz({ seed: "abc", count: 8, kinds: KINDS, buckets, pools });
    expect(questions).toHaveLength(8);
    expect(new Set(questions.map((q) => q.kind))).toEqual(new Set(KINDS));
    expect(new Set(questions.map((q) => q.source.cardId)).size).toBe(8);
  });

  it("stops when the candidates run out", () => {
    const { questions } = buildQuiz({ seed: "abc", count: 50, kinds: ["choice", "ordering"], buckets, pools });
    expect(questions).toHaveLength(4);
  });

  it("skips a generated question without enough distractors, with the reason, and takes the next card", () => {
    const lonely = typedCard("z", "某个很长的中文答案");
    const { questions, skipped } = buildQuiz({ seed: "abc", count: 1, kinds: ["generated"], buckets: { generated: [lonely, ...typedCards] }, pools });
    expect(skipped).toEqual([
      { cardId: "z", kind: "generated", reason: expect.stringContaining("the deck has too few other cjk terms"), why: { code: "too_few_options", found: expect.any(Number), needed: 3, termClass: "cjk", answer: "某个很长的中文答案" } },
    ]);
    expect(questions).toHaveLength(1);
    expect(questions[0]!.source.cardId).not.toBe("z");
  });

  it("a generated question has four distinct options, the right one among them", () => {
    const { questions } = buildQuiz({ seed: "g", count: 3, kinds: ["generated"], buckets, pools });
    for (const q of questions) {
      if (q.kind !== "generated") throw new Error("expected generated");
      expect(q.options).toHaveLength(4);
      expect(new Set(q.options).size).toBe(4);
      const right = typedCards.find((c) => c.source.cardId === q.source.cardId)!.data.typeAnswer as { expected: string };
      expect(q.options[q.correctIndex]).toBe(right.expected);
    }
  });

  it("an ordering question never shows the steps already in order, and its ranks put them right", () => {
    const { questions } = buildQuiz({ seed: "o", count: 2, kinds: ["ordering"], buckets, pools });
    for (const q of questions) {
      if (q.kind !== "ordering") throw new Error("expected ordering");
      expect(q.stepsHtml).not.toEqual(q.rightOrderHtml);
      const sorted = q.stepsHtml.map((s, i) => [q.ranks[i]!, s] as const).sort((x, y) => x[0] - y[0]).map(([, s]) => s);
      expect(sorted).toEqual(q.rightOrderHtml);
    }
  });

  it("the public question carries no key", () => {
    const { questions } = buildQuiz({ seed: "abc", count: 8, kinds: KINDS, buckets, pools });
    for (const q of questions) {
      const shown = JSON.stringify(publicQuestion(q));
      expect(shown).not.toMatch(/"correct|"ranks|"expected|"aliases|"explanationHtml|"rightOrderHtml/);
    }
  });

  it("buildFixedQuiz asks the given cards the given way", () => {
    const { questions } = buildFixedQuiz({ seed: "r", items: [{ kind: "typed", candidate: typedCards[0]! }, { kind: "ordering", candidate: orderingCard("o9") }], pools });
    expect(questions.map((q) => [q.kind, q.source.cardId]).sort()).toEqual([
      ["ordering", "o9"],
      ["typed", "t0"],
    ]);
  });
});
