import { describe, expect, it } from "vitest";
import { cardInScope } from "../../../../lib/planning/scope";

describe("cardInScope", () => {
  const card = { deckId: "net", topic: ["Router", "SNAT"] };
  it("all decks; a whole deck; a topic and its sub-topics, within its deck only", () => {
    expect(cardInScope("all", card)).toBe(true);
    expect(cardInScope([{ deckId: "net", topics: [] }], card)).toBe(true);
    expect(cardInScope([{ deckId: "os", topics: [] }], card)).toBe(false);
    expect(cardInScope([{ deckId: "net", topics: [["Router"]] }], card)).toBe(true);
    expect(cardInScope([{ deckId: "net", topics: [["Router", "SNAT"]] }], card)).toBe(true);
    expect(cardInScope([{ deckId: "net", topics: [["Router", "SNAT", "Deeper"]] }], card)).toBe(false);
    expect(cardInScope([{ deckId: "net", topics: [["DHCP"]] }], card)).toBe(false);
    expect(cardInScope([{ deckId: "os", topics: [["Router"]] }], card)).toBe(false);
  });
});
