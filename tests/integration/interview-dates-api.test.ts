/** The interview dates JSON API over its route handlers: status codes, zod messages, response schemas. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { interviewDateListSchema, interviewDateSchema, readinessSchema } from "../../lib/planning/schemas";
import { closeDb } from "../../server/db";
import { importContent } from "../../server/use-cases/import-content";
import { GET as listRoute, POST as createRoute } from "../../app/api/v1/interview-dates/route";
import { DELETE as deleteRoute, PATCH as patchRoute } from "../../app/api/v1/interview-dates/[id]/route";
import { GET as readinessRoute } from "../../app/api/v1/interview-dates/[id]/readiness/route";
import { freshDb, writeContent } from "./helpers";

beforeAll(async () => {
  const db = freshDb();
  await db.prisma.$disconnect();
  db.sqlite.close();
  process.env.DATABASE_URL = `file:${db.file}`;
  const root = writeContent(db.dir, { "net.md": "# Net\n\n## DHCP\n\nQ1 :: A1\n\n## Router\n\nQ2 :: A2\n" });
  await importContent({ paths: [root], contentRoot: root });
});
afterAll(async () => {
  await closeDb();
});

const json = (method: string, body?: unknown) =>
  new Request("http://localhost/x", { method, ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }), headers: { "content-type": "application/json" } });
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

describe("interview dates API", () => {
  it("creates, lists, changes, reads readiness and removes", async () => {
    const created = await createRoute(json("POST", { at: inDays(10), timeZone: "Europe/Berlin", scope: [{ deckId: "net", topics: [["DHCP"]] }] }));
    expect(created.status).toBe(201);
    const date = interviewDateSchema.parse(await created.json());
    expect(date).toMatchObject({ timeZone: "Europe/Berlin", targetRecall: 0.9, dailyBudget: null, past: false });

    const list = interviewDateListSchema.parse(await (await listRoute(json("GET"))).json());
    expect(list.interviewDates.map((d) => d.id)).toContain(date.id);

    const patched = await patchRoute(json("PATCH", { targetRecall: 0.95, dailyBudget: 25 }), ctx(date.id));
    expect(patched.status).toBe(200);
    expect(interviewDateSchema.parse(await patched.json())).toMatchObject({ id: date.id, targetRecall: 0.95, dailyBudget: 25, at: date.at });

    const ready = await readinessRoute(json("GET"), ctx(date.id));
    expect(ready.status).toBe(200);
    expect(readinessSchema.parse(await ready.json())).toMatchObject({ recall: 0, cards: 1, onTarget: false, byTopic: [{ deckId: "net", topic: ["DHCP"], recall: 0, cards: 1 }] });

    const removed = await deleteRoute(json("DELETE"), ctx(date.id));
    expect(await removed.json()).toEqual({ id: date.id, removed: true });
    expect((await deleteRoute(json("DELETE"), ctx(date.id))).status).toBe(404);
    expect((await readinessRoute(json("GET"), ctx(date.id))).status).toBe(404);
  });

  it("answers invalid input with a 400 and the zod message", async () => {
    const noZone = await createRoute(json("POST", { at: inDays(3), timeZone: "Mars/Olympus" }));
    expect(noZone.status).toBe(400);
    expect(await errorOf(noZone)).toEqual({ code: "invalid_request", message: expect.stringContaining("timeZone must be an IANA time zone") });

    const noOffset = await createRoute(json("POST", { at: "2027-01-15 09:30", timeZone: "Asia/Shanghai" }));
    expect(noOffset.status).toBe(400);
    expect((await errorOf(noOffset)).message).toContain("at must be a date and time in ISO 8601 with its offset");

    const target = await createRoute(json("POST", { at: inDays(3), timeZone: "Asia/Shanghai", targetRecall: 1.5 }));
    expect(target.status).toBe(400);
    expect((await errorOf(target)).message).toContain("targetRecall must be from 0.5 to 0.99");

    const unknownDeck = await createRoute(json("POST", { at: inDays(3), timeZone: "Asia/Shanghai", scope: [{ deckId: "nope" }] }));
    expect(unknownDeck.status).toBe(400);
    expect((await errorOf(unknownDeck)).message).toBe("no deck with id nope");

    const extra = await createRoute(json("POST", { at: inDays(3), timeZone: "Asia/Shanghai", when: "soon" }));
    expect(extra.status).toBe(400);

    expect((await patchRoute(json("PATCH", {}), ctx("0".repeat(20)))).status).toBe(400);
    expect((await patchRoute(json("PATCH", { label: "x" }), ctx("not-an-id"))).status).toBe(400);
    expect((await patchRoute(json("PATCH", { label: "x" }), ctx("0".repeat(20)))).status).toBe(404);

    const unit = await createRoute(json("POST", { at: inDays(3), timeZone: "Asia/Shanghai", dailyBudget: 30, budgetUnit: "hours" }));
    expect(unit.status).toBe(400);
    expect((await errorOf(unit)).message).toContain('budgetUnit must be "reviews" or "minutes"');
    const tooLong = await createRoute(json("POST", { at: inDays(3), timeZone: "Asia/Shanghai", dailyBudget: 1500, budgetUnit: "minutes" }));
    expect(tooLong.status).toBe(400);
    expect((await errorOf(tooLong)).message).toContain("dailyBudget in minutes must be at most 1440");
    // 2000 reviews is a budget; switched alone to minutes it is more than a day
    const reviews = interviewDateSchema.parse(await (await createRoute(json("POST", { at: inDays(3), timeZone: "Asia/Shanghai", dailyBudget: 2000 }))).json());
    const switched = await patchRoute(json("PATCH", { budgetUnit: "minutes" }), ctx(reviews.id));
    expect(switched.status).toBe(400);
    expect((await errorOf(switched)).message).toBe("dailyBudget in minutes must be at most 1440");
    await deleteRoute(json("DELETE"), ctx(reviews.id));
  });

  it("a budget in minutes is reviews at the learner's pace: the default 10 s a review until 20 of their own are timed", async () => {
    const created = await createRoute(json("POST", { at: inDays(5), timeZone: "Asia/Shanghai", dailyBudget: 20, budgetUnit: "minutes" }));
    expect(created.status).toBe(201);
    const date = interviewDateSchema.parse(await created.json());
    expect(date).toMatchObject({ dailyBudget: 20, budgetUnit: "minutes", secondsPerReview: 10, budgetReviews: 120 });
    const inReviews = interviewDateSchema.parse(await (await patchRoute(json("PATCH", { budgetUnit: "reviews" }), ctx(date.id))).json());
    expect(inReviews).toMatchObject({ dailyBudget: 20, budgetUnit: "reviews", budgetReviews: 20 });
    await deleteRoute(json("DELETE"), ctx(date.id));
  });
});
