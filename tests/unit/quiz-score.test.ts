import { describe, expect, it } from "vitest";
import { ratingForAnswer, ranksOf, scoreAnswer, scoreChoice, scoreOrdering, slowAfterMs, validateAnswer } from "@/lib/quiz/score";
import type { ChoiceQuestion, GeneratedQuestion, OrderingQuestion, TypedQuestion } from "@/lib/quiz/types";

const source = { cardId: "c1", deckId: "d", deckTitle: "D", topic: ["t"], sourceLine: 1 };
const choice = (correct: boolean[], multiple = correct.filter(Boolean).length > 1): ChoiceQuestion => ({
  kind: "choice",
  source,
  promptHtml: "<p>q</p>",
  explanationHtml: "",
  optionsHtml: correct.map((_, i) => `<p>${i}</p>`),
  correct,
  multiple,
});
const ordering = (n: number): OrderingQuestion => ({
  kind: "ordering",
  source,
  promptHtml: "",
  explanationHtml: "",
  stepsHtml: Array.from({ length: n }, (_, i) => `s${i}`),
  ranks: Array.from({ length: n }, (_, i) => i),
  rightOrderHtml: [],
});
const typed: TypedQuestion = { kind: "typed", source, promptHtml: "", explanationHtml: "", expected: "nova-scheduler", aliases: ["调度器"] };
const generated: GeneratedQuestion = { kind: "generated", source, promptHtml: "", explanationHtml: "", options: ["a", "b", "c", "d"], correctIndex: 2 };

describe("scoreChoice", () => {
  it.each([
    // correct flags, ticked, score
    ["single right", [false, true, false, false], [1], 1],
    ["single wrong", [false, true, false, false], [0], 0],
    ["single nothing ticked", [false, true, false, false], [], 0],
    ["multiple all right", [true, true, false, false], [0, 1], 1],
    ["multiple half right", [true, true, false, false], [0], 0.5],
    ["multiple one right one wrong", [true, true, false, false], [0, 2], 0],
    ["multiple everything ticked", [true, true, false, false], [0, 1, 2, 3], 0],
    ["multiple all right plus one wrong", [true, true, true, false], [0, 1, 2, 3], 2 / 3],
    ["multiple only wrong never below 0", [true, true, false, false], [2, 3], 0],
    ["three right of four, two ticked", [true, true, true, false], [1, 2], 2 / 3],
  ] as const)("%s", (_, correct, ticked, score) => {
    expect(scoreChoice(correct, ticked).score).toBeCloseTo(score, 10);
  });

  it("counts right ticks, wrong ticks and missed options", () => {
    expect(scoreChoice([true, true, false], [0, 2])).toEqual({ score: 0, rightTicks: 1, wrongTicks: 1, missed: 1 });
  });
});

describe("scoreOrdering (1 − moves / (n − 1), moves = n − longest run in right relative order)", () => {
  const ranks5 = [0, 1, 2, 3, 4];
  it.each([
    ["all right", ranks5, [0, 1, 2, 3, 4], 1, 0],
    ["reversed", ranks5, [4, 3, 2, 1, 0], 0, 4],
    ["one adjacent swap", ranks5, [1, 0, 2, 3, 4], 0.75, 1],
    ["first step moved to the end", ranks5, [1, 2, 3, 4, 0], 0.75, 1],
    ["two swaps", ranks5, [1, 0, 3, 2, 4], 0.5, 2],
    ["two steps, swapped", [0, 1], [1, 0], 0, 1],
    ["two steps, right", [0, 1], [0, 1], 1, 0],
    // shown order differs from the right order: ranks say where each shown step belongs
    ["shown shuffled, put right", [2, 0, 1], [1, 2, 0], 1, 0],
    ["shown shuffled, left as shown", [2, 0, 1], [0, 1, 2], 0.5, 1],
    // steps with the same text share a place and may come in either order
    ["duplicate steps either way", [0, 1, 1, 3], [0, 2, 1, 3], 1, 0],
  ] as const)("%s", (_, ranks, order, score, moves) => {
    const r = scoreOrdering(ranks, order);
    expect(r.score).toBeCloseTo(score, 10);
    expect(r.moves).toBe(moves);
    expect(r.inOrder).toBe(ranks.length - moves);
  });

  it("a single step is trivially right", () => {
    expect(scoreOrdering([0], [0]).score).toBe(1);
  });

  it("ranksOf gives steps with the same text the first one's place", () => {
    const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
    expect(ranksOf(["a", "B", "b", "c"], [3, 2, 1, 0], same)).toEqual([3, 1, 1, 0]);
  });
});

describe("validateAnswer", () => {
  it.each([
    ["ordering with a duplicate index", ordering(3), { order: [0, 0, 1] }, "order must not repeat an option"],
    ["ordering missing a step", ordering(3), { order: [0, 1] }, "order must list all 3 steps once"],
    ["ordering out of range", ordering(3), { order: [0, 1, 5] }, "order must be numbers from 0 to 2"],
    ["ordering sent as text", ordering(3), { text: "x" }, "this is an ordering question: send { order: [step indexes in your order] }"],
    ["single choice with two ticks", choice([true, false, false]), { selected: [0, 1] }, "this question has one right answer: select one option"],
    ["choice repeating an option", choice([true, true, false]), { selected: [0, 0] }, "selected must not repeat an option"],
    ["choice out of range", choice([true, false]), { selected: [2] }, "selected must be numbers from 0 to 1"],
    ["generated with a negative index", generated, { selected: [-1] }, "selected must be numbers from 0 to 3"],
    ["typed sent as a selection", typed, { selected: [0] }, "this is a typed question: send { text }"],
  ] as const)("%s", (_, q, answer, message) => {
    expect(validateAnswer(q, answer)).toBe(message);
  });

  it("accepts well-formed answers, including an empty selection or text", () => {
    expect(validateAnswer(ordering(3), { order: [2, 0, 1] })).toBeNull();
    expect(validateAnswer(choice([true, true, false]), { selected: [0, 1] })).toBeNull();
    expect(validateAnswer(choice([true, false]), { selected: [] })).toBeNull();
    expect(validateAnswer(typed, { text: "" })).toBeNull();
  });
});

describe("scoreAnswer", () => {
  it("typed: aliases and full-width forms are right; a near miss is shown but scores 0", () => {
    expect(scoreAnswer(typed, { text: "Nova Scheduler" }).score).toBe(1);
    expect(scoreAnswer(typed, { text: "ｎｏｖａ－ｓｃｈｅｄｕｌｅｒ" }).score).toBe(1);
    expect(scoreAnswer(typed, { text: "调度器" }).score).toBe(1);
    const near = scoreAnswer(typed, { text: "nova-schedular" });
    expect(near).toMatchObject({ kind: "typed", score: 0, nearMiss: true });
    expect(scoreAnswer(typed, { text: "glance" })).toMatchObject({ score: 0, nearMiss: false });
  });

  it("generated: only the right term scores", () => {
    expect(scoreAnswer(generated, { selected: [2] }).score).toBe(1);
    expect(scoreAnswer(generated, { selected: [1] }).score).toBe(0);
  });
});

describe("ratingForAnswer: wrong → Again, partly right or slow → Hard, right → Good", () => {
  it.each([
    ["right and quick", choice([true, false]), 1, 5_000, 3],
    ["right, exactly at the limit", choice([true, false]), 1, 20_000, 3],
    ["right but slow", choice([true, false]), 1, 20_001, 2],
    ["partly right", choice([true, true, false]), 0.5, 1_000, 2],
    ["mostly wrong", ordering(5), 0.25, 1_000, 1],
    ["wrong", typed, 0, 1_000, 1],
    ["ordering of 5 right within 35 s", ordering(5), 1, 35_000, 3],
    ["ordering of 5 right after 36 s", ordering(5), 1, 36_000, 2],
  ] as const)("%s", (_, q, score, ms, rating) => {
    expect(ratingForAnswer(q, score, ms)).toBe(rating);
  });

  it("documents the slow limits", () => {
    expect([slowAfterMs(choice([true, false])), slowAfterMs(choice([true, true, false])), slowAfterMs(generated), slowAfterMs(typed), slowAfterMs(ordering(4))]).toEqual([
      20_000, 30_000, 20_000, 30_000, 30_000,
    ]);
  });
});
