// An edited card starts from the generated card's own fields: saved unchanged, it is the same card.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseDeck } from "../../../../lib/content/parse";
import { applyOverride, overrideOf, overrideSchema, sourceHashOf } from "../../../../lib/content/curation";
import { cardData, type ParsedCard } from "../../../../lib/content/types";

const FIXTURES = path.join(__dirname, "../../../fixtures");
const files = [...fs.readdirSync(path.join(FIXTURES, "notes")).map((f) => path.join(FIXTURES, "notes", f)), path.join(FIXTURES, "seeds/openstack-interview-notes.md")].filter((f) => f.endsWith(".md"));

function cards(file: string): ParsedCard[] {
  const r = parseDeck(fs.readFileSync(file), { file, deckId: "x" });
  if (!r.deck) throw new Error(JSON.stringify(r.errors));
  return r.deck.cards;
}

describe("overrideOf / applyOverride", () => {
  for (const file of files) {
    it(`every generated card of ${path.basename(file)} comes back the same from its edit form`, () => {
      for (const card of cards(file)) {
        // through JSON and the request schema, as the form's fields reach the server
        const fields = overrideSchema.parse(JSON.parse(JSON.stringify(overrideOf(card))));
        const made = applyOverride(fields, card);
        expect(made.ok).toBe(true);
        if (!made.ok) continue;
        expect({ kind: made.card.kind, prompt: made.card.prompt, answer: made.card.answer, data: cardData(made.card) }).toEqual({ kind: card.kind, prompt: card.prompt, answer: card.answer, data: cardData(card) });
      }
    });
  }

  it("an edited open question keeps the keywords of the points left as they were and grades a new point by its words", () => {
    const open = cards(files[0]!).find((c) => c.kind === "open");
    if (!open || open.kind !== "open") throw new Error("no open card");
    const made = applyOverride({ kind: "open", prompt: open.prompt, points: [open.points[0]!.text, "一个新的要点"] }, open);
    expect(made.ok && made.card.kind === "open" && made.card.points).toEqual([open.points[0], { text: "一个新的要点", keywords: [] }]);
  });

  it("a choice edit with no correct option is refused with the reason", () => {
    // notes mode makes no choice cards any more; the form still edits the kind
    const choice: ParsedCard = { id: "c", kind: "choice", topic: [], line: 1, prompt: "q", answer: "- a", options: [{ text: "a", correct: true }, { text: "b", correct: false }], multiple: false, generatedBy: "notes:which-option" };
    const made = applyOverride({ kind: "choice", prompt: "q", options: [{ text: "a", correct: false }, { text: "b", correct: false }] }, choice);
    expect(made).toEqual({ ok: false, message: "mark at least one option as correct" });
  });

  it("the source hash changes with any generated column", () => {
    const base = { kind: "basic", topic: "[]", prompt: "q", answer: "a", data: "{}" };
    expect(sourceHashOf(base)).toBe(sourceHashOf({ ...base }));
    for (const k of Object.keys(base) as Array<keyof typeof base>) expect(sourceHashOf({ ...base, [k]: base[k] + "x" })).not.toBe(sourceHashOf(base));
  });
});
