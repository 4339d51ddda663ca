/**
 * The dashboard's numbers agree with plain SQL counted here independently, on josh's real
 * history (12,580 reviews) and on a small deck studied at known times; retrievability matches
 * ts-fsrs's own. Then the new user's issue item 10: the mastery table's order, the heatmap's
 * year, practice quizzes told apart, and too few reviews for true retention to mean anything.
 */
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createScheduler, stateFromRow, type SchedRow } from "@/lib/scheduling";
import { dashboard } from "../../server/use-cases/progress/get-dashboard";
import { importContent } from "../../server/use-cases/import-content";
import { importHistory } from "../../server/use-cases/import-history";
import { recordReview } from "../../server/use-cases/study/record-review";
import { saveSettings } from "../../server/use-cases/settings/save-settings";
import { GET as dashboardRoute } from "../../app/api/v1/dashboard/route";
import { listDecks } from "../../server/use-cases/study/list-decks";
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

  it("item 10: topic rows come after their deck row, decks in home's order, topics in the notes' order (parent before children)", async () => {
    const root = writeContent(db.dir, {
      // home lists a-compute first (by folder, then id): its title sorts last
      "a-compute.md": "---\ntitle: Virtual machines\n---\n\n# Scheduler\n\nq1 :: a\n\n## Filters\n\nq2 :: b\n\n# API\n\nq3 :: c\n\n# Conductor\n\nq4 :: d\n",
      "b-network.md": "---\ntitle: Networking\n---\n\n# Routers\n\nq5 :: e\n\n# DHCP\n\nq6 :: f\n",
    });
    await importContent({ db, paths: [root], contentRoot: root, now: new Date("2026-11-01T10:00:00Z") });
    const d = await dashboard({ db, now: new Date("2026-11-05T10:00:00Z"), timeZone: "UTC" });
    expect(d.mastery.map((m) => [m.deckTitle, ...m.topic].join(" › "))).toEqual([
      "Virtual machines",
      "Virtual machines › Scheduler",
      "Virtual machines › Scheduler › Filters",
      "Virtual machines › API",
      "Virtual machines › Conductor",
      "Networking",
      "Networking › Routers",
      "Networking › DHCP",
    ]);
    const home = (await listDecks({ db, now: new Date("2026-11-05T10:00:00Z") })).map((deck) => deck.id);
    expect([...new Set(d.mastery.map((m) => m.deckId))]).toEqual(home);
  });

  it("item 10: the heatmap shows a chosen year of an imported history, and lists the years with reviews", async () => {
    await importHistory({ db, file: JOSH, now: new Date("2024-10-07T00:00:00Z") });
    await saveSettings({ db, settings: { timeZone: "Asia/Shanghai", rolloverHour: 4 } });
    const now = new Date("2026-12-02T11:00:00Z");
    const last365 = await dashboard({ db, now });
    expect(last365.years).toEqual([2024]);
    expect(last365.calendar.year).toBeNull();
    expect(last365.calendar.days.every((x) => x.count === 0)).toBe(true);
    const y = await dashboard({ db, now, year: 2024 });
    expect(y.calendar.year).toBe(2024);
    // a leap year, from 1 January at 4 am in Shanghai (20:00 UTC the day before)
    expect(y.calendar.days).toHaveLength(366);
    expect(y.calendar.days[0]!.start).toBe("2023-12-31T20:00:00.000Z");
    expect(y.calendar.days.at(-1)!.start).toBe("2024-12-30T20:00:00.000Z");
    const total = count(db, "SELECT COUNT(*) n FROM Review WHERE reviewedAt >= ? AND reviewedAt < ?", Date.parse("2023-12-31T20:00:00Z"), Date.parse("2024-12-31T20:00:00Z"));
    expect(total).toBeGreaterThan(10_000);
    expect(y.calendar.days.reduce((s, x) => s + x.count, 0)).toBe(total);
    // the current year stops today
    const current = await dashboard({ db, now, year: 2026 });
    expect(current.calendar.days.at(-1)!.start).toBe("2026-12-01T20:00:00.000Z");
    // the streak and retention stay on the last 365 days
    expect(y.streak).toBe(last365.streak);
  });

  it("item 10: ?year is validated by zod: anything but a calendar year is a 400 with the zod message", async () => {
    for (const year of ["abc", "24", "2024.5", "3000"]) {
      const res = await dashboardRoute(new Request(`http://localhost/api/v1/dashboard?year=${year}`));
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.message).toMatch(year === "3000" ? /year must be between 1970 and 2100/ : /year must be a calendar year of four digits, like 2024/);
      expect(body.error.message).toContain("year");
    }
  });

  it("item 10: practice quizzes are told apart from scored ones; few reviews say so", async () => {
    const root = writeContent(db.dir, { "n.md": "---\ntitle: N\n---\n\n# A\n\nq1 :: a\n" });
    const t0 = new Date("2026-11-01T10:00:00Z");
    await importContent({ db, paths: [root], contentRoot: root, now: t0 });
    const id = (db.sqlite.prepare("SELECT id FROM Card").get() as { id: string }).id;
    await recordReview({ db, cardId: id, rating: 4, now: t0 });
    await recordReview({ db, cardId: id, rating: 3, now: new Date("2026-11-20T10:00:00Z") });
    const insert = db.sqlite.prepare("INSERT INTO Quiz (id, seed, settings, practice, skipped, createdAt, finishedAt, questionCount, score) VALUES (?, 's', '{}', ?, '[]', ?, ?, 10, ?)");
    insert.run("scored", 0, Date.parse("2026-11-20T09:00:00Z"), Date.parse("2026-11-20T09:10:00Z"), 8);
    insert.run("practice", 1, Date.parse("2026-11-20T11:00:00Z"), Date.parse("2026-11-20T11:10:00Z"), 0);
    const d = await dashboard({ db, now: new Date("2026-11-21T10:00:00Z"), timeZone: "UTC" });
    expect(d.quizzes.map((q) => [q.id, q.practice, q.share])).toEqual([
      ["scored", false, 0.8],
      ["practice", true, 0],
    ]);
    const week = d.retention.find((w) => w.days === 7)!;
    expect(week).toMatchObject({ reviews: 1, passed: 1, rate: 1, enough: false });
  });
});
