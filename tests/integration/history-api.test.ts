/** The history import and parameters API over the route handlers. */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DEFAULT_PARAMETERS } from "@/lib/fsrs-metrics";
import { closeDb, db as appDb } from "../../server/db";
import { POST as importRoute } from "../../app/api/v1/history/route";
import { DELETE as resetRoute, GET as parametersRoute, PUT as applyRoute } from "../../app/api/v1/parameters/route";
import { GET as latestJobRoute, POST as optimizeRoute } from "../../app/api/v1/parameters/optimize/route";
import { GET as jobRoute } from "../../app/api/v1/parameters/optimize/[id]/route";
import { getOptimizeJob } from "../../server/use-cases/parameters/get-optimize-job";
import { freshDb } from "./helpers";

beforeAll(async () => {
  const db = freshDb();
  await db.prisma.$disconnect();
  db.sqlite.close();
  process.env.DATABASE_URL = `file:${db.file}`;
});
afterAll(async () => {
  await closeDb();
});

const csv = (text: string) => new Request("http://localhost/api/v1/history", { method: "POST", body: text, headers: { "content-type": "text/csv" } });
const json = (method: string, body?: unknown) => new Request("http://localhost/x", { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }), headers: { "content-type": "application/json" } });

const GOOD = `card_id,review_rating,review_time,review_duration
1001,3,2024-01-01T10:00:00.000Z,5000
1001,3,2024-01-05T10:00:00.000Z,4000
1002,1,2024-01-02T10:00:00.000Z,9000
`;

describe("history and parameters API", () => {
  it("imports a CSV, refuses a malformed one naming its line, and imports nothing twice", async () => {
    const ok = await importRoute(csv(GOOD));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ ok: true, rows: 3, reviewsAdded: 3, cardsCreated: 2 });
    const again = await importRoute(csv(GOOD));
    expect(await again.json()).toMatchObject({ reviewsAdded: 0, reviewsAlreadyPresent: 3 });
    const bad = await importRoute(csv(GOOD + "1003,7,2024-01-03T10:00:00.000Z,1000\n"));
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("invalid_request");
    expect(body.error.message).toMatch(/^nothing was imported: line 5: /);
    expect((appDb().sqlite.prepare("SELECT COUNT(*) AS n FROM Review").get() as { n: number }).n).toBe(3);
  });

  it("applies, reads and resets parameters; a wrong list is a 400", async () => {
    expect(((await (await parametersRoute()).json()) as { parameters: number[] }).parameters).toEqual([...DEFAULT_PARAMETERS]);
    const wrong = await applyRoute(json("PUT", { parameters: [1, 2, 3] }));
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { error: { message: string } }).error.message).toContain("FSRS-6 has 21 parameters");
    const mine = DEFAULT_PARAMETERS.map((w, i) => (i === 0 ? 0.5 : w));
    expect((await applyRoute(json("PUT", { parameters: mine }))).status).toBe(200);
    expect(((await (await parametersRoute()).json()) as { parameters: number[] }).parameters).toEqual(mine);
    expect(((await (await resetRoute()).json()) as { parameters: number[] }).parameters).toEqual([...DEFAULT_PARAMETERS]);
  });

  it("starts an optimization as a job (202) that fails clearly on a history too small to fit", async () => {
    const started = await optimizeRoute(json("POST"));
    expect(started.status).toBe(202);
    const job = (await started.json()) as { id: string; status: string };
    expect(job.status).toBe("running");
    // the fit runs in a worker: wait for the job to leave "running"
    const done = await vi.waitFor(() => {
      const now = getOptimizeJob(job.id);
      if (now?.status === "running") throw new Error("still running");
      return now;
    });
    expect(done).toMatchObject({ id: job.id, status: "failed", error: expect.stringMatching(/too few|at least/i) });
    const read = await jobRoute(json("GET"), { params: Promise.resolve({ id: job.id }) });
    expect(await read.json()).toMatchObject({ id: job.id, status: "failed" });
    expect(((await (await latestJobRoute()).json()) as { id: string }).id).toBe(job.id);
    expect((await jobRoute(json("GET"), { params: Promise.resolve({ id: "not-a-uuid" }) })).status).toBe(400);
  });
});
