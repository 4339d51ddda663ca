import { describe, expect, it } from "vitest";
import { default_w, forgetting_curve } from "ts-fsrs";
import { createScheduler, newCardState } from "@/lib/scheduling";
import { readiness, recallAt } from "@/lib/planning/readiness";
import { at, reviewCard } from "./fixtures";

const scheduler = createScheduler();

describe("readiness at the interview", () => {
  it("is FSRS's forgetting curve from the card's last review to the interview; a new card is 0", () => {
    // stability 10, last review 2 days before day 0, interview day 6 at 10:00: 8 whole days
    expect(recallAt(scheduler, reviewCard(10, 2), at(6, 2))).toBe(forgetting_curve(default_w, 8, 10));
    expect(recallAt(scheduler, reviewCard(10, 2), at(6, 2))).toBeCloseTo(0.91458592, 8);
    expect(recallAt(scheduler, newCardState(at(0)), at(6, 2))).toBe(0);
  });

  it("averages per topic, per deck and overall, every card weighing the same", () => {
    const r8 = forgetting_curve(default_w, 8, 10);
    const r3 = forgetting_curve(default_w, 3, 10);
    const cards = [
      { id: "a", deckId: "net", topic: "tcp", state: reviewCard(10, 2) },
      { id: "b", deckId: "net", topic: "dns", state: reviewCard(10, -3) },
      { id: "c", deckId: "os", topic: "tcp", state: newCardState(at(0)) },
    ];
    const r = readiness(scheduler, cards, at(6, 2));
    expect(r.cards).toBe(3);
    expect(r.recall).toBeCloseTo((r8 + r3 + 0) / 3, 10);
    expect(r.byDeck.net).toEqual({ recall: (r8 + r3) / 2, cards: 2 });
    expect(r.byDeck.os).toEqual({ recall: 0, cards: 1 });
    expect(r.byTopic.tcp).toEqual({ recall: r8 / 2, cards: 2 });
    expect(r.byTopic.dns).toEqual({ recall: r3, cards: 1 });
    expect(r.byCard).toEqual({ a: r8, b: r3, c: 0 });
  });

  it("an empty scope is 0, not NaN", () => {
    expect(readiness(scheduler, [], at(6)).recall).toBe(0);
  });
});
