/**
 * Verification of the new-user issue: the quiz result listed the reasons of skipped cards in
 * English in the Chinese UI. A skipped card now carries why as data, which the result page says
 * in the reader's language; an older quiz's English reason is read back into the same data.
 */
import { describe, expect, it } from "vitest";
import { makeQuestion, skipWhy, type QuizCandidate } from "../../lib/quiz/build";

const candidate = (cardKind: string, data: Record<string, unknown>): QuizCandidate =>
  ({ source: { cardId: "c1", deckId: "d", deckTitle: "D", topic: ["T"] }, cardKind, promptHtml: "<p>?</p>", answerHtml: "<p>qg</p>", data }) as unknown as QuizCandidate;

describe("why a card was skipped", () => {
  it("is data: too few wrong options, with the numbers, the term's class and the answer", () => {
    const q = makeQuestion("generated", candidate("basic", { typeAnswer: { expected: "qg", aliases: [] } }), [{ cardId: "c2", text: "qr", aliases: [], topic: ["T"] }], "s");
    expect(q).toMatchObject({ why: { code: "too_few_options", found: 1, needed: 3, termClass: "latin", answer: "qg" } });
    expect((q as { reason: string }).reason).toBe('only 1 of the 3 wrong options needed: the deck has too few other latin terms like "qg"');
  });

  it("an older quiz's English reason is read back; one it cannot read stays as it is", () => {
    expect(skipWhy({ reason: 'only 1 of the 3 wrong options needed: the deck has too few other cjk terms like "命名空间"' })).toEqual({ code: "too_few_options", found: 1, needed: 3, termClass: "cjk", answer: "命名空间" });
    expect(skipWhy({ reason: "a open card cannot be asked as a typed question" })).toEqual({ code: "cannot_ask", cardKind: "open" });
    expect(skipWhy({ reason: "the choice card has no right option" })).toEqual({ code: "no_right_option" });
    expect(skipWhy({ reason: "something else" })).toBeNull();
    expect(skipWhy({ reason: "ignored", why: { code: "no_right_option" } })).toEqual({ code: "no_right_option" });
  });
});
