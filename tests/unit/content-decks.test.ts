import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseDeck } from "../../lib/content/parse";
import { CARD_KINDS, type ParsedDeck } from "../../lib/content/types";

const DIR = path.resolve(import.meta.dirname, "../../content/openstack");
const files = fs.readdirSync(DIR).filter((f) => f.endsWith(".md") && f.toLowerCase() !== "readme.md").sort();
const decks: ParsedDeck[] = files.map((f) => {
  const r = parseDeck(fs.readFileSync(path.join(DIR, f)), { file: f, deckId: `openstack/${f.replace(/\.md$/, "")}` });
  expect(r.errors).toEqual([]);
  return r.deck!;
});

describe("the shipped OpenStack decks", () => {
  it("cover the eight sections of the notes, one file each", () => {
    expect(files).toHaveLength(8);
  });

  it("have at least 120 cards, at least 8 per section, and every card kind", () => {
    const all = decks.flatMap((d) => d.cards);
    expect(all.length).toBeGreaterThanOrEqual(120);
    for (const d of decks) expect(d.cards.length, d.source).toBeGreaterThanOrEqual(8);
    expect(new Set(all.map((c) => c.kind))).toEqual(new Set(CARD_KINDS));
  });

  it("are explicit decks in Chinese with titles, topics and an interview question each", () => {
    for (const d of decks) {
      expect(d.notesMode, d.source).toBe(false);
      expect(d.language).toBe("zh");
      expect(d.title.length).toBeGreaterThan(0);
      expect(d.cards.filter((c) => c.kind === "open").length, d.source).toBeGreaterThanOrEqual(1);
      expect(d.cards.every((c) => c.topic.length >= 1), d.source).toBe(true);
    }
  });

  it("use the corrected terms, not the typos of the notes", () => {
    const text = decks.flatMap((d) => d.cards.map((c) => `${c.prompt}\n${c.answer}`)).join("\n");
    expect(text).toContain("L3 agent");
    expect(text).not.toMatch(/\bI3 agent|\bnava\b|Hypersior/);
  });

  it("ask all 19 steps and the 5 phases of the VM creation flow", () => {
    const vm = decks.find((d) => d.id === "openstack/01-vm-creation")!;
    const orderings = vm.cards.filter((c) => c.kind === "ordering");
    const phaseOrder = orderings.find((c) => c.steps.length === 5);
    expect(phaseOrder, "an ordering card of the 5 phases").toBeDefined();
    const stepsInPhaseOrderings = orderings.filter((c) => c !== phaseOrder).reduce((n, c) => n + c.steps.length, 0);
    expect(stepsInPhaseOrderings).toBeGreaterThanOrEqual(19);
  });
});
