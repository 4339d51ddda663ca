import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createScheduler, newCardState, type RatingValue, type SchedState } from "../../lib/scheduling";
import { importHistory, importKey, IMPORTED_HISTORY_DECK_ID } from "../../server/use-cases/import-history";
import { importContent } from "../../server/use-cases/import-content";
import { recordReview } from "../../server/use-cases/study/record-review";
import { undoReview } from "../../server/use-cases/study/undo-review";
import { applyParameters } from "../../server/use-cases/parameters/apply-parameters";
import { cancelOptimizeJob } from "../../server/use-cases/parameters/cancel-optimize-job";
import { currentParameters } from "../../server/use-cases/parameters/current-parameters";
import { getOptimizeJob } from "../../server/use-cases/parameters/get-optimize-job";
import { optimizeParameters } from "../../server/use-cases/parameters/optimize-parameters";
import { startOptimizeJob } from "../../server/use-cases/parameters/start-optimize-job";
import { count, freshDb, writeContent } from "./helpers";

const JOSH = path.resolve(import.meta.dirname, "../fixtures/history/review-logs-josh.csv");
const joshText = fs.readFileSync(JOSH, "utf8");
const NOW = new Date("2026-11-26T08:00:00Z");

/** The file's rows, read with a plain split (independent of the parser under test). */
function plainRows(text: string) {
  return text
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => {
      const [cardId, rating, time, duration] = line.split(",") as [string, string, string, string];
      return { cardId, rating: Number(rating), reviewedAt: new Date(time).getTime(), duration: Number(duration) };
    });
}

let db: ReturnType<typeof freshDb>;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  await db.close();
});

describe("importing Josh's Anki history", () => {
  it("gives 1,205 placeholder cards and 12,580 reviews, fast; importing it again adds nothing", async () => {
    // the file itself: 12,580 rows of 1,205 cards, all rated 1-4 (no manual rating-0 rows to leave out)
    const rows = plainRows(joshText);
    expect(rows).toHaveLength(12580);
    expect(new Set(rows.map((r) => r.cardId)).size).toBe(1205);
    expect(rows.every((r) => r.rating >= 1 && r.rating <= 4)).toBe(true);

    const start = performance.now();
    const result = await importHistory({ db, file: JOSH, now: NOW });
    const ms = performance.now() - start;
    console.log(`imported 12,580 reviews of 1,205 cards in ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(10_000);
    expect(result).toMatchObject({ ok: true, rows: 12580, reviewsAdded: 12580, reviewsAlreadyPresent: 0, cardsCreated: 1205, cardsRecomputed: 1205, skipped: [] });
    expect(count(db, `SELECT COUNT(*) AS n FROM Card WHERE deckId = ?`, IMPORTED_HISTORY_DECK_ID)).toBe(1205);
    expect(count(db, `SELECT COUNT(*) AS n FROM Review WHERE source = 'import'`)).toBe(12580);
    // placeholders (an Anki id for text) stay out of study
    expect(count(db, `SELECT COUNT(*) AS n FROM Card WHERE deckId = ? AND suspended = 1`, IMPORTED_HISTORY_DECK_ID)).toBe(1205);
    expect(count(db, `SELECT COUNT(*) AS n FROM Deck WHERE id = ? AND title = 'Imported history'`, IMPORTED_HISTORY_DECK_ID)).toBe(1);
    const card = db.sqlite.prepare(`SELECT kind, prompt, retired FROM Card WHERE id = '1711684180217'`).get() as { kind: string; prompt: string; retired: number };
    expect(card).toEqual({ kind: "basic", prompt: "Imported Anki card 1711684180217", retired: 0 });
    // durations and keys come from the rows
    const first = rows[0]!;
    expect(db.sqlite.prepare(`SELECT durationMs, idempotencyKey FROM Review WHERE cardId = ? AND reviewedAt = ?`).get(first.cardId, first.reviewedAt)).toEqual({
      durationMs: first.duration,
      idempotencyKey: importKey(first.cardId, first.reviewedAt),
    });

    const snapshot = () => db.sqlite.prepare(`SELECT * FROM Card ORDER BY id`).all();
    const before = snapshot();
    const again = await importHistory({ db, csvText: joshText, now: new Date(NOW.getTime() + 3600_000) });
    expect(again).toMatchObject({ ok: true, reviewsAdded: 0, reviewsAlreadyPresent: 12580, cardsCreated: 0, cardsRecomputed: 0 });
    expect(count(db, `SELECT COUNT(*) AS n FROM Review`)).toBe(12580);
    expect(count(db, `SELECT COUNT(*) AS n FROM Card`)).toBe(1205);
    expect(snapshot()).toEqual(before);
  });

  it("leaves each card and each review as a replay of its history through FSRS gives them", async () => {
    await importHistory({ db, csvText: joshText, now: NOW });
    const scheduler = createScheduler(); // the default preset's options, no fuzz (MIANSHI_FSRS_FUZZ=0 in tests)
    const byCard = new Map<string, ReturnType<typeof plainRows>>();
    for (const r of plainRows(joshText)) byCard.set(r.cardId, [...(byCard.get(r.cardId) ?? []), r]);
    const cardRow = db.sqlite.prepare(`SELECT due, stability, difficulty, state, reps, lapses, lastReview, scheduledDays FROM Card WHERE id = ?`);
    const reviewRows = db.sqlite.prepare(`SELECT rating, reviewedAt, prevState, state, due, stability, difficulty, before FROM Review WHERE cardId = ? ORDER BY reviewedAt, id`);
    let checked = 0;
    for (const [cardId, rows] of byCard) {
      rows.sort((a, b) => a.reviewedAt - b.reviewedAt);
      let s: SchedState = newCardState(new Date(rows[0]!.reviewedAt));
      const stored = reviewRows.all(cardId) as Array<{ rating: number; reviewedAt: number; prevState: number; state: number; due: number; stability: number; difficulty: number; before: string }>;
      expect(stored).toHaveLength(rows.length);
      for (const [k, r] of rows.entries()) {
        const after = scheduler.rate(s, r.rating as RatingValue, new Date(r.reviewedAt));
        expect(stored[k]).toMatchObject({ rating: r.rating, reviewedAt: r.reviewedAt, prevState: s.state, state: after.state, due: after.due.getTime(), stability: after.stability, difficulty: after.difficulty });
        expect(JSON.parse(stored[k]!.before)).toEqual(JSON.parse(JSON.stringify(s)));
        s = after;
      }
      expect(cardRow.get(cardId)).toEqual({
        due: s.due.getTime(),
        stability: s.stability,
        difficulty: s.difficulty,
        state: s.state,
        reps: s.reps,
        lapses: s.lapses,
        lastReview: s.lastReview!.getTime(),
        scheduledDays: s.scheduledDays,
      });
      checked++;
    }
    expect(checked).toBe(1205);
    // the schedule is not the new-card one: cards were studied, so most are in review
    expect(count(db, `SELECT COUNT(*) AS n FROM Card WHERE state = 2`)).toBeGreaterThan(1000);
  });

  it("imports nothing from a file with a malformed row, and names its line", async () => {
    const lines = joshText.split("\n");
    lines[4999] = lines[4999]!.replace(/,\d,/, ",7,"); // line 5000 of the file: rating 7
    const result = await importHistory({ db, csvText: lines.join("\n"), now: NOW });
    expect(result).toEqual({ ok: false, errors: [{ line: 5000, message: "review_rating must be 0, 1, 2, 3 or 4" }] });
    expect(count(db, `SELECT COUNT(*) AS n FROM Review`)).toBe(0);
    expect(count(db, `SELECT COUNT(*) AS n FROM Card`)).toBe(0);
    expect(count(db, `SELECT COUNT(*) AS n FROM Deck WHERE id = ?`, IMPORTED_HISTORY_DECK_ID)).toBe(0);
  });

  it("rolls back everything when a write fails part-way", async () => {
    // the insert of the file's last row fails, late (a trigger on this connection refuses it)
    const rows = plainRows(joshText);
    const last = rows[rows.length - 1]!;
    await importHistory({ db, csvText: "card_id,review_rating,review_time\nother,3,2024-01-01T00:00:00Z\n", now: NOW });
    db.sqlite.exec(
      `CREATE TEMP TRIGGER fail_late BEFORE INSERT ON Review WHEN NEW.cardId = '${last.cardId}' AND NEW.reviewedAt = ${last.reviewedAt} BEGIN SELECT RAISE(ABORT, 'injected failure'); END`,
    );
    await expect(importHistory({ db, csvText: joshText, now: NOW })).rejects.toThrow(/injected failure/);
    db.sqlite.exec(`DROP TRIGGER fail_late`);
    expect(count(db, `SELECT COUNT(*) AS n FROM Review`)).toBe(1);
    expect(count(db, `SELECT COUNT(*) AS n FROM Card`)).toBe(1);
  });

  it("skips rating-0 (manual) rows and repeated rows, reporting their lines", async () => {
    const csv = ["card_id,review_rating,review_time,review_duration", "a1,3,2024-05-01T10:00:00Z,5000", "a1,0,2024-05-02T10:00:00Z,0", "a1,3,2024-05-01T10:00:00.000+00:00,5000", "a1,1,2024-05-04T10:00:00Z,"].join("\n");
    const result = await importHistory({ db, csvText: csv, now: NOW });
    expect(result).toEqual({
      ok: true,
      rows: 2,
      reviewsAdded: 2,
      reviewsAlreadyPresent: 0,
      cardsCreated: 1,
      cardsRecomputed: 1,
      skipped: [
        { line: 3, message: "rating 0 (a manual entry, not a review)" },
        { line: 4, message: "same card and time as line 2" },
      ],
    });
    expect(db.sqlite.prepare(`SELECT rating, durationMs FROM Review ORDER BY reviewedAt`).all()).toEqual([
      { rating: 3, durationMs: 5000 },
      { rating: 1, durationMs: null },
    ]);
  });
});

const DECK = `---
title: Nova
---

# 创建虚拟机

nova-scheduler 做什么？ :: 选出计算节点

nova-conductor 做什么？ :: 代替计算节点访问数据库
`;

describe("imported history and the app's own cards", () => {
  it("a content import leaves the imported deck alone, and no content file can take its name", async () => {
    await importHistory({ db, csvText: joshText, now: NOW });
    const root = writeContent(db.dir, { "openstack/nova.md": DECK, [`${IMPORTED_HISTORY_DECK_ID}.md`]: DECK });
    const result = await importContent({ db, contentRoot: root, paths: [root], now: NOW });
    expect(result.decks.find((d) => d.deckId === "openstack/nova")).toMatchObject({ status: "imported", added: 2 });
    expect(result.decks.find((d) => d.deckId === IMPORTED_HISTORY_DECK_ID)).toMatchObject({ status: "failed" });
    expect(result.errors).toEqual([expect.objectContaining({ line: 1, message: expect.stringContaining("kept for imported review histories") })]);
    expect(count(db, `SELECT COUNT(*) AS n FROM Card WHERE deckId = ? AND retired = 0`, IMPORTED_HISTORY_DECK_ID)).toBe(1205);
    expect(count(db, `SELECT COUNT(*) AS n FROM Deck WHERE id = ? AND title = 'Imported history'`, IMPORTED_HISTORY_DECK_ID)).toBe(1);
    expect(count(db, `SELECT COUNT(*) AS n FROM Review`)).toBe(12580);
  });

  it("an imported review of a known card joins its own reviews, replayed in time order; undo still restores", async () => {
    const root = writeContent(db.dir, { "openstack/nova.md": DECK });
    await importContent({ db, contentRoot: root, paths: [root], now: new Date("2026-11-01T08:00:00Z") });
    const cardId = (db.sqlite.prepare(`SELECT id FROM Card ORDER BY position LIMIT 1`).get() as { id: string }).id;
    const t1 = new Date("2026-11-10T08:00:00Z");
    const t3 = new Date("2026-11-20T08:00:00Z");
    await recordReview({ db, cardId, rating: 3, now: t1 });
    const study = await recordReview({ db, cardId, rating: 3, now: t3 });
    // an older review from elsewhere lands between the two
    const t2 = new Date("2026-11-12T08:00:00Z");
    const result = await importHistory({ db, csvText: `card_id,review_rating,review_time,review_duration\n${cardId},1,${t2.toISOString()},9000\n`, now: NOW });
    expect(result).toMatchObject({ ok: true, reviewsAdded: 1, cardsCreated: 0, cardsRecomputed: 1 });
    expect(count(db, `SELECT COUNT(*) AS n FROM Card WHERE deckId = ?`, IMPORTED_HISTORY_DECK_ID)).toBe(0);

    const scheduler = createScheduler();
    const s0 = newCardState(new Date("2026-11-01T08:00:00Z"));
    const s1 = scheduler.rate(s0, 3, t1);
    const s2 = scheduler.rate(s1, 1, t2);
    const s3 = scheduler.rate(s2, 3, t3);
    const card = db.sqlite.prepare(`SELECT due, stability, lapses FROM Card WHERE id = ?`).get(cardId);
    expect(card).toEqual({ due: s3.due.getTime(), stability: s3.stability, lapses: s3.lapses });
    const reviews = db.sqlite.prepare(`SELECT source, rating, deckId, stability FROM Review WHERE cardId = ? ORDER BY reviewedAt`).all(cardId);
    expect(reviews).toEqual([
      { source: "study", rating: 3, deckId: "openstack/nova", stability: s1.stability },
      { source: "import", rating: 1, deckId: "openstack/nova", stability: s2.stability },
      { source: "study", rating: 3, deckId: "openstack/nova", stability: s3.stability },
    ]);
    // undoing the latest study review gives the replayed state before it (after the imported lapse)
    await undoReview({ db, reviewId: study.reviewId });
    expect(db.sqlite.prepare(`SELECT due, stability, lapses FROM Card WHERE id = ?`).get(cardId)).toEqual({ due: s2.due.getTime(), stability: s2.stability, lapses: s2.lapses });
  });
});

describe("personal parameters", () => {
  it("fits on the older 80% of the history, reports both on the newest 20%, and stores only when applied", async () => {
    await importHistory({ db, csvText: joshText, now: NOW });
    const progress: string[] = [];
    const start = performance.now();
    const result = await optimizeParameters({ db, now: NOW, onProgress: (p) => progress.push(p.stage) });
    console.log(`optimized on 12,580 reviews in ${(performance.now() - start).toFixed(0)} ms (fit ${result.fitMs.toFixed(0)} ms)`, result.metrics);
    expect(result).toMatchObject({ reviewCount: 12580, trainCount: 10064, testFrom: "2024-09-25T16:39:39.570Z" });
    expect(result.current).toEqual(await currentParameters({ db }));
    expect(result.proposed).toHaveLength(21);
    expect(result.proposed).not.toEqual(result.current);
    // the default parameters on the newest 20% (UTC study days: no time zone is set)
    expect(result.metrics.current.count).toBe(1461);
    expect(result.metrics.current.logLoss).toBeCloseTo(0.4517, 4);
    expect(result.metrics.current.rmseBins).toBeCloseTo(0.0645, 4);
    // the fitted ones do better on reviews they never saw
    expect(result.metrics.proposed.count).toBe(1461);
    expect(result.metrics.proposed.logLoss).toBeLessThan(result.metrics.current.logLoss);
    expect(result.metrics.proposed.rmseBins).toBeLessThan(result.metrics.current.rmseBins);
    expect(progress).toEqual(expect.arrayContaining(["reading", "fitting", "evaluating"]));
    expect(progress[progress.length - 1]).toBe("done");
    // nothing stored until applied
    expect(count(db, `SELECT COUNT(*) AS n FROM Setting WHERE key = 'fsrsParameters'`)).toBe(0);
    await applyParameters({ db, parameters: result.proposed });
    expect(await currentParameters({ db })).toEqual(result.proposed);
    await expect(applyParameters({ db, parameters: [1, 2, 3] })).rejects.toThrow(/21/);
    await expect(applyParameters({ db, parameters: [...result.proposed.slice(1), Number.NaN] })).rejects.toThrow(/finite/);
    await expect(applyParameters({ db, parameters: [...result.proposed.slice(1), Number.POSITIVE_INFINITY] })).rejects.toThrow(/finite/);
    expect(await currentParameters({ db })).toEqual(result.proposed);
  });

  it("can be stopped, runs as a background job, and refuses a history too short to learn from", async () => {
    await importHistory({ db, csvText: joshText, now: NOW });
    const controller = new AbortController();
    const run = optimizeParameters({ db, signal: controller.signal, onProgress: (p) => p.stage === "fitting" && controller.abort(new Error("stopped by the user")) });
    await expect(run).rejects.toThrow("stopped by the user");

    // as a background job: one at a time, polled, cancellable
    const { job, finished } = startOptimizeJob({ db, now: NOW });
    expect(job).toMatchObject({ status: "running", result: null });
    expect(startOptimizeJob({ db, now: NOW }).job.id).toBe(job.id);
    expect(getOptimizeJob(job.id)?.status).toBe("running");
    const done = await finished;
    expect(done).toMatchObject({ id: job.id, status: "done", progress: { stage: "done", fraction: 1 }, error: null });
    expect(done.result?.proposed).toHaveLength(21);
    expect(getOptimizeJob()).toEqual(done);
    expect(cancelOptimizeJob(job.id)).toBe(false);
    const second = startOptimizeJob({ db, now: NOW });
    expect(second.job.id).not.toBe(job.id);
    expect(cancelOptimizeJob(second.job.id)).toBe(true);
    expect(await second.finished).toMatchObject({ status: "cancelled", result: null });
    expect(getOptimizeJob(job.id)).toBeNull();

    const small = freshDb();
    try {
      await importHistory({ db: small, csvText: joshText.split("\n").slice(0, 30).join("\n"), now: NOW });
      await expect(optimizeParameters({ db: small })).rejects.toThrow(/not enough review history/);
    } finally {
      await small.close();
    }
  });
});
