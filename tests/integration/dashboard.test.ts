/**
 * The dashboard's numbers agree with plain SQL counted here independently, on josh's real
 * history (12,580 reviews) and on a small deck studied at known times; retrievability matches
 * ts-fsrs's own.
 */
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createScheduler, stateFromRow, type SchedRow } from "@/lib/scheduling";
import { dashboard } from "../../server/use-cases/dashboard";
import { importContent } from "../../server/use-cases/import-content";
import { importHistory } from "../../server/use-cases/import-history";
import { recordReview } from "../../server/use-cases/study";
import { saveSettings } from "../../server/use-cases/settings";
import { count, freshDb, writeContent } from "./helpers";

const JOSH = path.resolve(__dirname, "../fixtures/history/review-logs-josh.csv");
let db: ReturnType<typeof freshDb>;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  await db.close();
});

describe("dashboard", () => {
  it("on josh's history: reviews per day, retention and time agree with SQL; days follow the time zone", async () => {
    const r = await importHistory({ db, file: JOSH, now: new Date("2024-10-07T00:00:00Z") });
    expect(r.ok).toBe(true);
    await saveSettings({ db, settings: { timeZone: "America/Los_Angeles", rolloverHour: 4 } });
    const now = new Date("2024-10-07T00:00:00Z");
    const d = await dashboard({ db, now });
    expect(d.reviewsByDay).toHaveLength(365);
    const first = Date.parse(d.reviewsByDay[0]!.start);
    expect(d.reviewsByDay.reduce((s, x) => s + x.count, 0)).toBe(count(db, "SELECT COUNT(*) n FROM Review WHERE reviewedAt >= ? AND reviewedAt < ?", first, now.getTime()));
    // the last day starts at 4 am in Los Angeles (11:00 UTC in October)
    expect(d.reviewsByDay.at(-1)!.start).toBe("2024-10-06T11:00:00.000Z");
    const last = d.reviewsByDay.at(-1)!;
    expect(last.count).toBe(count(db, "SELECT COUNT(*) n FROM Review WHERE reviewedAt >= ? AND reviewedAt < ?", Date.parse(last.start), now.getTime()));
    const month = d.retention.find((w) => w.days === 30)!;
    const since = Date.parse(d.reviewsByDay[365 - 30]!.start);
    expect(month.reviews).toBe(count(db, "SELECT COUNT(*) n FROM Review WHERE prevState = 2 AND reviewedAt >= ? AND reviewedAt <= ?", since, now.getTime()));
    expect(month.passed).toBe(count(db, "SELECT COUNT(*) n FROM Review WHERE prevState = 2 AND rating > 1 AND reviewedAt >= ? AND reviewedAt <= ?", since, now.getTime()));
    expect(month.timeMs).toBe(count(db, "SELECT COALESCE(SUM(durationMs), 0) n FROM Review WHERE reviewedAt >= ? AND reviewedAt <= ?", since, now.getTime()));
    expect(month.rate).toBeGreaterThan(0.5);
    expect(d.streak).toBeGreaterThan(0);
    // the imported placeholders are suspended: nothing due, but their mastery counts
    expect(d.dueToday).toBe(0);
    const deck = d.mastery.find((m) => m.deckId === "imported-history" && m.topic.length === 0)!;
    expect(deck).toMatchObject({ cards: 1205, studied: 1205 });
    expect(deck.mature).toBe(count(db, "SELECT COUNT(*) n FROM Card WHERE deckId = 'imported-history' AND state = 2 AND scheduledDays >= 21"));
  });

  it("on a small deck: due today, the forecast, mastery by topic and retrievability as ts-fsrs computes it", async () => {
    const root = writeContent(db.dir, { "n.md": "---\ntitle: N\n---\n\n# A\n\nq1 :: a\n\nq2 :: b\n\n# B\n\nq3 :: c\n\nq4 :: d\n" });
    const t0 = new Date("2026-11-01T10:00:00Z");
    await importContent({ db, paths: [root], contentRoot: root, now: t0 });
    const ids = (db.sqlite.prepare("SELECT id FROM Card ORDER BY position").all() as Array<{ id: string }>).map((r) => r.id);
    // two cards graduated (Easy), one lapsed, one left new
    await recordReview({ db, cardId: ids[0]!, rating: 4, now: t0 });
    await recordReview({ db, cardId: ids[1]!, rating: 4, now: t0 });
    await recordReview({ db, cardId: ids[2]!, rating: 1, now: t0 });
    const now = new Date("2026-11-05T10:00:00Z");
    const d = await dashboard({ db, now, timeZone: "UTC" });
    expect(d.newCards).toBe(1);
    expect(d.dueToday).toBe(count(db, "SELECT COUNT(*) n FROM Card WHERE state != 0 AND due < ?", Date.parse("2026-11-06T04:00:00Z")));
    expect(d.forecast).toHaveLength(30);
    expect(d.forecast.reduce((s, f) => s + f.count, 0)).toBe(count(db, "SELECT COUNT(*) n FROM Card WHERE state != 0 AND due < ?", Date.parse(d.forecast.at(-1)!.start) + 86_400_000));
    const scheduler = createScheduler();
    const rows = db.sqlite.prepare("SELECT * FROM Card WHERE state != 0").all() as Array<SchedRow & { topic: string }>;
    const r = (topic: string) => rows.filter((c) => c.topic === topic).map((c) => scheduler.retrievability(stateFromRow(c), now));
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const a = d.mastery.find((m) => m.topic.join() === "A")!;
    const b = d.mastery.find((m) => m.topic.join() === "B")!;
    expect(a).toMatchObject({ cards: 2, studied: 2 });
    expect(a.meanRetrievability).toBeCloseTo(mean(r('["A"]')), 6);
    expect(b).toMatchObject({ cards: 2, studied: 1 });
    expect(b.meanRetrievability).toBeCloseTo(mean(r('["B"]')), 6);
    expect(d.reviewsByDay.find((x) => x.start === "2026-11-01T04:00:00.000Z")?.count).toBe(3);
    expect(d.streak).toBe(0);
  });
});
