/**
 * Regression (content-quality issue, finding 1): a "which phase does this step belong to" card
 * is filed under that phase, and the study screen showed the topic path above the question,
 * so the answer was on screen before the reveal. The card served for study keeps the levels
 * that do not name the answer; scores by topic still count it under its phase.
 */
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importContent } from "../../../server/use-cases/import-content";
import { getStudyCard } from "../../../server/use-cases/study";
import { freshDb } from "../helpers";

const NOW = new Date("2026-12-01T08:00:00Z");
const NOTES = path.resolve(__dirname, "../../fixtures/seeds/openstack-interview-notes.md");

let db: ReturnType<typeof freshDb>;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  await db.close();
});

describe("the study card shows no topic level that names its answer", () => {
  it("a 'which phase' card is served without its phase in the topic path", async () => {
    await importContent({ db, paths: [NOTES], contentRoot: path.dirname(NOTES), now: NOW });
    const rows = db.sqlite
      .prepare("SELECT id, topic, json_extract(data, '$.generatedBy') AS rule FROM Card WHERE json_extract(data, '$.generatedBy') = 'notes:phase-of-step'")
      .all() as Array<{ id: string; topic: string }>;
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      const stored = JSON.parse(r.topic) as string[];
      expect(stored).toHaveLength(2);
      const card = await getStudyCard({ cardId: r.id, now: NOW, db });
      // the section stays, the phase (the answer) is gone; the stored topic is unchanged
      expect(card.topic).toEqual([stored[0]]);
      const right = (card.data.options as Array<{ text: string; correct: boolean }>).find((o) => o.correct)!.text;
      expect(right).toBe(stored[1]);
    }
    // a next-step card keeps its whole path: its phase is the one of the step it shows
    const next = db.sqlite.prepare("SELECT id, topic FROM Card WHERE json_extract(data, '$.generatedBy') = 'notes:next-step' LIMIT 1").get() as { id: string; topic: string };
    expect((await getStudyCard({ cardId: next.id, now: NOW, db })).topic).toEqual(JSON.parse(next.topic));
  });
});
