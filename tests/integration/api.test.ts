import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, db as appDb } from "../../server/db";
import { importContent } from "../../server/use-cases/import-content";
import { GET as listDecksRoute } from "../../app/api/v1/decks/route";
import { GET as nextRoute } from "../../app/api/v1/decks/[id]/next/route";
import { POST as reviewRoute } from "../../app/api/v1/reviews/route";
import { count, freshDb, writeContent } from "./helpers";

let dir: string;

beforeAll(async () => {
  // route handlers use the process-wide database: point it at a fresh copy
  const db = freshDb();
  dir = db.dir;
  await db.prisma.$disconnect();
  db.sqlite.close();
  process.env.DATABASE_URL = `file:${db.file}`;
  const root = writeContent(dir, {
    "ops/basics.md": "# Ops\n\nnova-api 收到请求后先做什么？ :: 向 keystone 校验 token\n\nWhich agent runs dnsmasq? :: the DHCP agent\n",
  });
  await importContent({ paths: [root], contentRoot: root, now: new Date(Date.now() - 60_000) });
});
afterAll(async () => {
  await closeDb();
});

const post = (body: unknown, raw = false) =>
  reviewRoute(new Request("http://localhost/api/v1/reviews", { method: "POST", body: raw ? (body as string) : JSON.stringify(body), headers: { "content-type": "application/json" } }));
// Next.js hands the route the segment decoded once, as here
const next = (id: string) => nextRoute(new Request(`http://localhost/api/v1/decks/${encodeURIComponent(id)}/next`), { params: Promise.resolve({ id }) });

describe("JSON API", () => {
  it("GET /api/v1/decks lists decks with counts", async () => {
    const res = await listDecksRoute();
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.decks).toEqual([expect.objectContaining({ id: "ops/basics", title: "Ops", cardCount: 2, dueCount: 0, newCount: 2 })]);
  });

  it("GET next returns the first new card in content order, with interval labels", async () => {
    const res = await next("ops/basics");
    expect(res.status).toBe(200);
    const { card } = await res.json();
    expect(card).toMatchObject({ kind: "basic", prompt: "nova-api 收到请求后先做什么？", state: "new", topic: [] });
    expect(card.intervals).toEqual({ "1": "1m", "2": "6m", "3": "10m", "4": expect.stringMatching(/^\d+d$/) });
    expect(card.answerHtml).toContain("keystone");
  });

  it("GET next of an unknown deck is a 404 with the error shape", async () => {
    const res = await next("nope/none");
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: "not_found", message: "no deck with id nope/none" } });
  });

  it.each([
    [{ cardId: "x", rating: 5 }, /rating must be 1/],
    [{ cardId: "x", rating: "3" }, /rating must be 1/],
    [{ rating: 3 }, /cardId/],
    [{ cardId: "", rating: 3 }, /cardId is required/],
    [{ cardId: "x", rating: 3, extra: true }, /extra/],
    [[1, 2], /object/],
    [null, /object/],
  ])("POST /reviews with %j is a 400 with the zod message", async (body, message) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    const json = await res.json();
    expect(json.error.code).toBe("invalid_request");
    expect(json.error.message).toMatch(message);
  });

  it("POST /reviews with a body that is not JSON is a 400", async () => {
    const res = await post("{not json", true);
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toBe("request body must be valid JSON");
  });

  it("POST /reviews for an unknown card is a 404", async () => {
    const res = await post({ cardId: "does-not-exist", rating: 3 });
    expect(res.status).toBe(404);
  });

  it("two POSTs with one idempotency key record one review, and the key cannot be reused for another card", async () => {
    const { card } = await (await next("ops/basics")).json();
    const [a, b] = await Promise.all([post({ cardId: card.id, rating: 3, idempotencyKey: "tab-1" }), post({ cardId: card.id, rating: 3, idempotencyKey: "tab-1" })]);
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    const [ja, jb] = [await a.json(), await b.json()];
    expect(ja.due).toBe(jb.due);
    expect([ja.recorded, jb.recorded].sort()).toEqual([false, true]);
    expect(count(appDb(), "SELECT COUNT(*) n FROM Review WHERE cardId = ?", card.id)).toBe(1);
    expect(ja).toMatchObject({ state: "learning", reps: 1 });
    const other = await post({ cardId: "does-not-exist", rating: 3, idempotencyKey: "tab-1" });
    expect(other.status).toBe(409);
  });

  it("after rating Good, the next card is the other new card", async () => {
    const { card } = await (await next("ops/basics")).json();
    expect(card.prompt).toBe("Which agent runs dnsmasq?");
  });
});

describe("JSON API: undo and card actions", () => {
  const del = (id: string) => import("../../app/api/v1/reviews/[id]/route").then((m) => m.DELETE(new Request(`http://localhost/api/v1/reviews/${id}`, { method: "DELETE" }), { params: Promise.resolve({ id }) }));
  const act = (id: string, body: unknown) =>
    import("../../app/api/v1/cards/[id]/actions/route").then((m) =>
      m.POST(new Request(`http://localhost/api/v1/cards/${id}/actions`, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } }), { params: Promise.resolve({ id }) }),
    );

  it("DELETE /reviews/:id undoes a rating; a bad id is a 400, an unknown one a 404", async () => {
    const { card } = await (await next("ops/basics")).json();
    const rated = await (await post({ cardId: card.id, rating: 4 })).json();
    const undone = await del(String(rated.reviewId));
    expect(undone.status).toBe(200);
    expect(await undone.json()).toMatchObject({ cardId: card.id, reviewId: rated.reviewId });
    expect((await del(String(rated.reviewId))).status).toBe(404);
    expect((await del("abc")).status).toBe(400);
  });

  it("POST /cards/:id/actions validates the action with zod", async () => {
    const { card } = await (await next("ops/basics")).json();
    expect((await act(card.id, { action: "explode" })).status).toBe(400);
    const badTz = await act(card.id, { action: "bury", timeZone: "Mars/Olympus" });
    expect(badTz.status).toBe(400);
    expect((await badTz.json()).error.message).toMatch(/IANA time zone/);
    expect((await act(card.id, { action: "flag", flag: 9 })).status).toBe(400);
    expect((await act("nope", { action: "suspend" })).status).toBe(404);
    const ok = await act(card.id, { action: "flag", flag: 3 });
    expect(ok.status).toBe(200);
    expect((await ok.json()).flag).toBe(3);
  });
});
