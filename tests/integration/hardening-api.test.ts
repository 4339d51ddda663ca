/**
 * Issue 13 items 11 and 13: the history import and the JSON API under hostile or clumsy input,
 * on a real SQLite file through the use cases and the route handlers. Each test is named after
 * the finding.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_PARAMETERS } from "@/lib/fsrs-metrics";
import { FSRS_PARAMETER_BOUNDS } from "@/lib/history/schemas";
import { parseHistoryCsv, parseReviewTime } from "@/lib/history/csv";
import { closeDb, db as appDb } from "../../server/db";
import { importContent } from "../../server/use-cases/import-content";
import { importHistory, importKey } from "../../server/use-cases/import-history";
import { recordReview } from "../../server/use-cases/study/record-review";
import { PUT as applyRoute } from "../../app/api/v1/parameters/route";
import { POST as reviewRoute } from "../../app/api/v1/reviews/route";
import { POST as settingsRoute } from "../../app/api/v1/cards/[id]/actions/route";
import { GET as nextRoute } from "../../app/api/v1/decks/[id]/next/route";
import { GET as dashboardRoute } from "../../app/api/v1/dashboard/route";
import { count, freshDb, writeContent } from "./helpers";

const NOW = new Date("2026-11-26T08:00:00Z");
const HEADER = "card_id,review_rating,review_time,review_duration\n";
let cardIds: string[];

beforeAll(async () => {
  const db = freshDb();
  await db.prisma.$disconnect();
  db.sqlite.close();
  process.env.DATABASE_URL = `file:${db.file}`;
  const root = writeContent(db.dir, { "ops/basics.md": "# Ops\n\nQ1 :: A1\n\nQ2 :: A2\n\nQ3 :: A3\n\nQ4 :: A4\n" });
  await importContent({ paths: [root], contentRoot: root, now: new Date(NOW.getTime() - 3600_000) });
  cardIds = (appDb().sqlite.prepare("SELECT id FROM Card ORDER BY position").all() as Array<{ id: string }>).map((r) => r.id);
});
afterAll(async () => {
  await closeDb();
});

/** A request; with no type, the body goes as bytes (a string body would get text/plain by default). */
const request = (url: string, method: string, body: string | undefined, type?: string) =>
  new Request(`http://localhost${url}`, { method, body: body === undefined || type ? body : new TextEncoder().encode(body), headers: type ? { "content-type": type } : {} });
const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;

describe("item 11: history import", () => {
  it("item 11: one card with 200,000 rows imports (Math.min(...spread) overflowed the stack: 500)", async () => {
    const start = Date.UTC(2020, 0, 1);
    const lines = Array.from({ length: 200_000 }, (_, i) => `big-card,${(i % 4) + 1},${new Date(start + i * 60_000).toISOString()},1000`);
    const r = await importHistory({ csvText: HEADER + lines.join("\n") + "\n", now: NOW });
    expect(r).toMatchObject({ ok: true, rows: 200_000, reviewsAdded: 200_000, cardsCreated: 1 });
    expect(appDb().sqlite.prepare("SELECT COUNT(*) AS n, MIN(reviewedAt) AS first FROM Review WHERE cardId = 'big-card'").get()).toEqual({ n: 200_000, first: start });
  }, 120_000);

  it("item 11: a study review whose idempotency key collides with an import key does not break the import (UNIQUE constraint: 500)", async () => {
    const cardId = cardIds[0]!;
    const reviewedAt = Date.UTC(2024, 2, 1, 10);
    // a client chose the key an import would give a review of this card at another instant
    await recordReview({ cardId, rating: 3, now: new Date(NOW.getTime() - 60_000), idempotencyKey: importKey(cardId, reviewedAt) });
    const csv = `${HEADER}${cardId},2,${new Date(reviewedAt).toISOString()},3000\n`;
    const first = await importHistory({ csvText: csv, now: NOW });
    expect(first).toMatchObject({ ok: true, reviewsAdded: 1, reviewsAlreadyPresent: 0 });
    expect(count(appDb(), "SELECT COUNT(*) AS n FROM Review WHERE cardId = ?", cardId)).toBe(2);
    // and importing it again still adds nothing
    expect(await importHistory({ csvText: csv, now: NOW })).toMatchObject({ ok: true, reviewsAdded: 0, reviewsAlreadyPresent: 1 });
  });

  it("item 11: year 0000 is not stored as 1900 (Date.UTC reads two-digit years as 19xx): it is refused", async () => {
    // the parser reads years below 100 as they are written
    expect(new Date(parseReviewTime("0099-06-01T00:00:00Z")!).getUTCFullYear()).toBe(99);
    expect(new Date(parseReviewTime("0000-01-01T00:00:00+00:00")!).getUTCFullYear()).toBe(0);
    const csv = `${HEADER}old-card,3,0000-01-01T00:00:00+00:00,1000\n`;
    expect(parseHistoryCsv(csv).errors).toEqual([{ line: 2, message: 'review_time "0000-01-01T00:00:00+00:00" is before 1970: not a real review time' }]);
    const r = await importHistory({ csvText: csv, now: NOW });
    expect(r.ok).toBe(false);
    expect(count(appDb(), "SELECT COUNT(*) AS n FROM Card WHERE id = 'old-card'")).toBe(0);
  });
});

describe("item 13: the JSON API", () => {
  it("item 13: PUT /api/v1/parameters refuses numbers outside FSRS-6's bounds (1e308, -5 were accepted)", async () => {
    const put = (parameters: number[]) => applyRoute(request("/api/v1/parameters", "PUT", JSON.stringify({ parameters }), "application/json"));
    const huge = [...DEFAULT_PARAMETERS];
    huge[0] = 1e308;
    huge[5] = -5;
    const res = await put(huge);
    expect(res.status).toBe(400);
    const { message } = await errorOf(res);
    expect(message).toContain("parameter w0 is 1e+308: FSRS-6 allows 0.001 to 100");
    expect(message).toContain("parameter w5 is -5: FSRS-6 allows 0.001 to 4");
    // the bounds are ts-fsrs's own clamps; the defaults and the bounds themselves are accepted
    expect((await put([...DEFAULT_PARAMETERS])).status).toBe(200);
    expect((await put(FSRS_PARAMETER_BOUNDS.map(([, hi]) => hi))).status).toBe(200);
    expect((await put(FSRS_PARAMETER_BOUNDS.map(([lo]) => lo))).status).toBe(200);
    expect((await put([...DEFAULT_PARAMETERS])).status).toBe(200);
  });

  it("item 13: JSON routes refuse text/plain and form bodies with 415 (they were accepted)", async () => {
    const body = JSON.stringify({ cardId: cardIds[1], rating: 3 });
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", undefined]) {
      const res = await reviewRoute(request("/api/v1/reviews", "POST", body, type));
      expect(res.status).toBe(415);
      expect(await errorOf(res)).toEqual({
        code: "unsupported_media_type",
        message: `the request body must be JSON, sent with Content-Type: application/json (got ${type ? JSON.stringify(type) : "no Content-Type"})`,
      });
    }
    const action = await settingsRoute(request(`/api/v1/cards/${cardIds[1]}/actions`, "POST", "action=suspend", "application/x-www-form-urlencoded"), { params: Promise.resolve({ id: cardIds[1]! }) });
    expect(action.status).toBe(415);
    expect(count(appDb(), "SELECT COUNT(*) AS n FROM Review WHERE cardId = ?", cardIds[1])).toBe(0);
    // JSON with a charset is JSON
    expect((await reviewRoute(request("/api/v1/reviews", "POST", body, "application/json; charset=utf-8"))).status).toBe(200);
  });

  it("item 13: an invalid tz is a 400 on /next as on /dashboard (it silently became UTC on /next)", async () => {
    const next = (tz: string) => nextRoute(request(`/api/v1/decks/ops%2Fbasics/next?tz=${encodeURIComponent(tz)}`, "GET", undefined), { params: Promise.resolve({ id: "ops/basics" }) });
    const dash = (tz: string) => dashboardRoute(request(`/api/v1/dashboard?tz=${encodeURIComponent(tz)}`, "GET", undefined));
    const bad = [await next("Mars/Olympus"), await dash("Mars/Olympus")];
    expect(bad.map((r) => r.status)).toEqual([400, 400]);
    const [a, b] = await Promise.all(bad.map(errorOf));
    expect(a).toEqual(b);
    expect(a!.message).toContain("timeZone must be an IANA time zone such as Asia/Shanghai");
    expect((await next("Asia/Shanghai")).status).toBe(200);
  });

  it("item 13: an idempotent replay returns the rating that was stored, not the one sent again", async () => {
    const post = (rating: number) => reviewRoute(request("/api/v1/reviews", "POST", JSON.stringify({ cardId: cardIds[2], rating, idempotencyKey: "replay-1" }), "application/json"));
    const first = (await (await post(1)).json()) as { rating: number; recorded: boolean; reviewId: number };
    const again = (await (await post(4)).json()) as { rating: number; recorded: boolean; reviewId: number };
    expect(first).toMatchObject({ rating: 1, recorded: true });
    expect(again).toMatchObject({ rating: 1, recorded: false, reviewId: first.reviewId });
    expect(appDb().sqlite.prepare("SELECT rating FROM Review WHERE idempotencyKey = 'replay-1'").all()).toEqual([{ rating: 1 }]);
  });
});
