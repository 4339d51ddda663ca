/**
 * server/store/practice.ts on a real database: the practice walks return the card rows the
 * import and the reviews wrote (compared with plain SQL), in their order; topic counts read the
 * topic paths from their JSON, and a topic that is not a JSON path is a StoredRowError naming
 * the column (a 500), not a wrong tree.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { errorResponse } from "../../../../server/http";
import { StoredRowError } from "../../../../server/store/json-column";
import { deckTopicCounts, nextCardAhead, nextCardOfTopic, type PracticeCard } from "../../../../server/store/practice";
import { getScheduledCard } from "../../../../server/store/study-queue";
import { importContent } from "../../../../server/use-cases/import-content";
import { deckTopics } from "../../../../server/use-cases/practice/list-deck-topics";
import { recordReview } from "../../../../server/use-cases/study/record-review";
import { freshDb, writeContent } from "../../helpers";

const T0 = new Date("2026-11-01T10:00:00Z");
let db: ReturnType<typeof freshDb>;
let ids: string[];

beforeEach(async () => {
  db = freshDb();
  const root = writeContent(db.dir, { "n.md": "---\ntitle: N\n---\n\n# A\n\n## a1\n\nq1 :: a\n\n# A_%\n\nq2 :: b\n\n# B\n\nq3 :: c\n\nq4 :: d\n" });
  await importContent({ db, paths: [root], contentRoot: root, now: T0 });
  ids = (db.sqlite.prepare("SELECT id FROM Card ORDER BY position").all() as Array<{ id: string }>).map((r) => r.id);
});
afterEach(async () => {
  await db.close();
});

function walk(next: (after: PracticeCard | undefined) => PracticeCard | undefined): PracticeCard[] {
  const out: PracticeCard[] = [];
  for (let c = next(undefined); c; c = next(c)) out.push(c);
  return out;
}

describe("practice rows", () => {
  it("a card reads as the study queue reads it, with its position", () => {
    const c = nextCardOfTopic(db.sqlite, { deckId: "n", topic: [], position: -1, id: "" })!;
    const position = (db.sqlite.prepare("SELECT position FROM Card WHERE id = ?").get(ids[0]) as { position: number }).position;
    expect(c).toEqual({ ...getScheduledCard(db.sqlite, ids[0]!)!, position });
  });

  it("topic walks in content order, sub-topics in and LIKE wildcards literal; suspended and retired cards left out", () => {
    const byTopic = (topic: string[]) => walk((after) => nextCardOfTopic(db.sqlite, { deckId: "n", topic, position: after?.position ?? -1, id: after?.id ?? "" })).map((c) => c.id);
    expect(byTopic([])).toEqual(ids);
    expect(byTopic(["A"])).toEqual([ids[0]]);
    expect(byTopic(["A_%"])).toEqual([ids[1]]);
    expect(byTopic(["B"])).toEqual([ids[2], ids[3]]);
    db.sqlite.prepare("UPDATE Card SET suspended = 1 WHERE id = ?").run(ids[2]);
    db.sqlite.prepare("UPDATE Card SET retired = 1 WHERE id = ?").run(ids[3]);
    expect(byTopic(["B"])).toEqual([]);
  });

  it("ahead: studied cards not due yet, soonest first, ties by id", async () => {
    for (const [i, h] of [[2, 0], [0, 1], [1, 2]] as const) await recordReview({ db, cardId: ids[i]!, rating: 4, now: new Date(T0.getTime() + h * 3600_000) });
    const ahead = walk((after) => nextCardAhead(db.sqlite, { deckId: "n", due: after?.schedule.due.getTime() ?? T0.getTime(), id: after?.id ?? "" }));
    const plain = db.sqlite.prepare("SELECT id FROM Card WHERE state != 0 AND due > ? ORDER BY due, id").all(T0.getTime()) as Array<{ id: string }>;
    expect(ahead.map((c) => c.id)).toEqual(plain.map((r) => r.id));
    expect(ahead).toHaveLength(3);
  });

  it("topic counts decode the paths; a path that is not JSON is a StoredRowError", async () => {
    expect(deckTopicCounts(db.sqlite, "n").map((r) => [r.topic, r.n])).toEqual([
      [["A", "a1"], 1],
      [["A_%"], 1],
      [["B"], 2],
    ]);
    db.sqlite.prepare("UPDATE Card SET topic = 'B' WHERE id = ?").run(ids[3]);
    expect(() => deckTopicCounts(db.sqlite, "n")).toThrow(StoredRowError);
    expect(() => deckTopicCounts(db.sqlite, "n")).toThrow(/cannot be read.*not JSON.*topic/s);
    const e = await deckTopics({ db, deckId: "n" }).catch((x: unknown) => x);
    expect(errorResponse(e).status).toBe(500);
  });
});
