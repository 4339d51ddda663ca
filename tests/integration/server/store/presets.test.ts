/**
 * server/store/presets.ts on a real database: presets and a deck's preset read back as written
 * (checked with plain SQL), the workload sum agrees with the same sum in plain SQL, and options
 * that are not JSON, or not valid, read as the defaults (as the study queue reads them), never as
 * a wrong value.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_DECK_OPTIONS, intervalPerStability } from "@/lib/deck-options";
import {
  deckPresetId,
  findDeckPreset,
  insertPreset,
  listPresets,
  parseOptions,
  presetExists,
  presetNamed,
  reviewsPerDay,
  setDeckPreset,
  updatePresetOptions,
} from "../../../../server/store/presets";
import { optionsForDeck } from "../../../../server/deck-settings";
import { importContent } from "../../../../server/use-cases/import-content";
import { recordReview } from "../../../../server/use-cases/study/record-review";
import { freshDb, writeContent } from "../../helpers";

const T0 = new Date("2026-11-01T10:00:00Z");
let db: ReturnType<typeof freshDb>;

beforeEach(async () => {
  db = freshDb();
  const root = writeContent(db.dir, { "a.md": "---\ntitle: A\n---\n\nq1 :: a\n\nq2 :: b\n\nq3 :: c\n", "b.md": "---\ntitle: B\n---\n\nq4 :: d\n" });
  await importContent({ db, paths: [root], contentRoot: root, now: T0 });
});
afterEach(async () => {
  await db.close();
});

describe("Preset rows", () => {
  it("a new preset, its options and the decks using it read back as written", () => {
    const fast = { ...DEFAULT_DECK_OPTIONS, newPerDay: 7, desiredRetention: 0.85 };
    const id = insertPreset(db.sqlite, "Fast", fast, T0);
    expect(db.sqlite.prepare("SELECT name, options, updatedAt FROM Preset WHERE id = ?").get(id)).toEqual({ name: "Fast", options: JSON.stringify(fast), updatedAt: T0.getTime() });
    expect(presetExists(db.sqlite, id)).toBe(true);
    expect(presetExists(db.sqlite, 99)).toBe(false);
    expect(presetNamed(db.sqlite, "Fast")).toBe(true);
    expect(presetNamed(db.sqlite, "fast")).toBe(false);
    setDeckPreset(db.sqlite, "b", id);
    expect(deckPresetId(db.sqlite, "b")).toBe(id);
    expect(deckPresetId(db.sqlite, "nope")).toBeNull();
    expect(findDeckPreset(db.sqlite, "b")).toEqual({ deckId: "b", deckTitle: "B", presetId: id, presetName: "Fast", options: fast });
    expect(findDeckPreset(db.sqlite, "nope")).toBeNull();
    expect(listPresets(db.sqlite)).toEqual([
      { id: 1, name: "Default", deckCount: 1 },
      { id, name: "Fast", deckCount: 1 },
    ]);
    const later = new Date(T0.getTime() + 1000);
    updatePresetOptions(db.sqlite, id, { ...fast, newPerDay: 3 }, later);
    expect(findDeckPreset(db.sqlite, "b")!.options.newPerDay).toBe(3);
    expect((db.sqlite.prepare("SELECT updatedAt FROM Preset WHERE id = ?").get(id) as { updatedAt: number }).updatedAt).toBe(later.getTime());
  });

  it("the workload is the sum of 1 / max(1, S·k) over the preset's review cards, not suspended", async () => {
    const ids = (db.sqlite.prepare("SELECT id FROM Card WHERE deckId = 'a'").all() as Array<{ id: string }>).map((r) => r.id);
    for (const id of ids) await recordReview({ db, cardId: id, rating: 4, now: T0 });
    db.sqlite.prepare("UPDATE Card SET suspended = 1 WHERE id = ?").run(ids[2]);
    const k = intervalPerStability(0.9);
    const plain = (db.sqlite.prepare("SELECT SUM(1.0 / MAX(1.0, stability * ?)) AS s FROM Card WHERE deckId = 'a' AND state = 2 AND suspended = 0").get(k) as { s: number }).s;
    expect(plain).toBeGreaterThan(0);
    expect(reviewsPerDay(db.sqlite, 1, k)).toBeCloseTo(plain, 12);
    expect(reviewsPerDay(db.sqlite, 42, k)).toBe(0);
  });

  it("options that are not JSON, or not valid, read as the defaults, here and on the study path", () => {
    for (const bad of ["not json", '{"newPerDay": -1}', "[]"]) {
      db.sqlite.prepare("UPDATE Preset SET options = ?, updatedAt = updatedAt + 1 WHERE id = 1").run(bad);
      expect(parseOptions(bad)).toEqual(DEFAULT_DECK_OPTIONS);
      expect(findDeckPreset(db.sqlite, "a")!.options).toEqual(DEFAULT_DECK_OPTIONS);
      expect(optionsForDeck(db.sqlite, "a")!.options).toEqual(DEFAULT_DECK_OPTIONS);
    }
  });
});
