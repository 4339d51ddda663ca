/**
 * server/store/settings.ts on a real database: settings and weights read back as saved, a key
 * removed reads as its default, and a stored value that is not JSON, or not of its key's shape,
 * reads as absent (the default) rather than as a wrong value or an error.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_ROLLOVER_HOUR } from "@/lib/study-day";
import { deleteSetting, FSRS_PARAMETERS_KEY, parseWeights, readSettings, saveSetting, storedWeights } from "../../../../server/store/settings";
import { optionsForDeck } from "../../../../server/deck-settings";
import { freshDb } from "../../helpers";

let db: ReturnType<typeof freshDb>;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  await db.close();
});

const W = Array.from({ length: 21 }, (_, i) => 0.1 + i / 10);
const stored = (key: string) => (db.sqlite.prepare("SELECT value FROM Setting WHERE key = ?").get(key) as { value: string } | undefined)?.value;
const put = (key: string, value: string) => db.sqlite.prepare("INSERT OR REPLACE INTO Setting (key, value) VALUES (?, ?)").run(key, value);

describe("Setting rows", () => {
  it("read back as saved, as JSON text; saving again replaces; deleting brings the default back", () => {
    expect(readSettings(db.sqlite)).toEqual({ rolloverHour: DEFAULT_ROLLOVER_HOUR, timeZone: null });
    saveSetting(db.sqlite, "rolloverHour", 6);
    saveSetting(db.sqlite, "timeZone", "Asia/Shanghai");
    saveSetting(db.sqlite, FSRS_PARAMETERS_KEY, W);
    expect(stored("timeZone")).toBe('"Asia/Shanghai"');
    expect(readSettings(db.sqlite)).toEqual({ rolloverHour: 6, timeZone: "Asia/Shanghai" });
    expect(storedWeights(db.sqlite)).toEqual(W);
    saveSetting(db.sqlite, "rolloverHour", 0);
    expect(readSettings(db.sqlite).rolloverHour).toBe(0);
    expect((db.sqlite.prepare("SELECT COUNT(*) AS n FROM Setting WHERE key = 'rolloverHour'").get() as { n: number }).n).toBe(1);
    deleteSetting(db.sqlite, "timeZone");
    deleteSetting(db.sqlite, FSRS_PARAMETERS_KEY);
    expect(readSettings(db.sqlite)).toEqual({ rolloverHour: 0, timeZone: null });
    expect(storedWeights(db.sqlite)).toBeNull();
  });

  it("a value that is not JSON, or not of its key's shape, reads as its default", () => {
    for (const [hour, tz] of [["not json", "{"], ["24", "3"], ["1.5", "null"], ['"6"', "[]"]]) {
      put("rolloverHour", hour!);
      put("timeZone", tz!);
      expect(readSettings(db.sqlite)).toEqual({ rolloverHour: DEFAULT_ROLLOVER_HOUR, timeZone: null });
    }
    for (const w of ["[1,2", "[1,2,3]", JSON.stringify([...W.slice(1), "x"]), "{}"]) {
      put(FSRS_PARAMETERS_KEY, w);
      expect(storedWeights(db.sqlite)).toBeNull();
      expect(parseWeights(w)).toBeUndefined();
    }
    expect(parseWeights(null)).toBeUndefined();
    expect(parseWeights(JSON.stringify(W))).toEqual(W);
  });

  it("the deck options read the same weights with their preset", () => {
    saveSetting(db.sqlite, FSRS_PARAMETERS_KEY, W);
    db.sqlite.prepare("INSERT INTO Deck (id, source, title, contentHash, importedAt) VALUES ('d', 'd.md', 'D', 'h', 0)").run();
    const resolved = optionsForDeck(db.sqlite, "d")!;
    expect(resolved.scheduler).toBe(optionsForDeck(db.sqlite, "d")!.scheduler);
    deleteSetting(db.sqlite, FSRS_PARAMETERS_KEY);
    expect(optionsForDeck(db.sqlite, "d")!.scheduler).not.toBe(resolved.scheduler);
  });
});
