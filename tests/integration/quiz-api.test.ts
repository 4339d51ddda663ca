/** The quiz JSON API over HTTP route handlers: status codes, the error shape and zod messages. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "../../server/db";
import { importContent } from "../../server/use-cases/import-content";
import { GET as listRoute, POST as createRoute } from "../../app/api/v1/quizzes/route";
import { GET as getRoute } from "../../app/api/v1/quizzes/[id]/route";
import { POST as answerRoute } from "../../app/api/v1/quizzes/[id]/answers/route";
import { POST as finishRoute } from "../../app/api/v1/quizzes/[id]/finish/route";
import { GET as resultRoute } from "../../app/api/v1/quizzes/[id]/result/route";
import { POST as retakeRoute } from "../../app/api/v1/quizzes/[id]/retake/route";
import { freshDb, writeContent } from "./helpers";

beforeAll(async () => {
  const db = freshDb();
  await db.prisma.$disconnect();
  db.sqlite.close();
  process.env.DATABASE_URL = `file:${db.file}`;
  const root = writeContent(db.dir, {
    "net.md": "# DHCP\n\nWhich process answers DHCP? :: **dnsmasq**\n\n# Router\n\nWhich agent runs the router? :: **neutron-l3-agent**\n",
  });
  await importContent({ paths: [root], contentRoot: root });
});
afterAll(async () => {
  await closeDb();
});

const json = (method: string, body?: unknown) =>
  new Request("http://localhost/x", { method, ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }), headers: { "content-type": "application/json" } });
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });

describe("quiz API", () => {
  it("creates, serves, answers, refuses a second answer, finishes, reports and retakes", async () => {
    const created = await createRoute(json("POST", { scope: [{ deckId: "net" }], count: 2, kinds: ["typed"], seed: "api" }));
    expect(created.status).toBe(201);
    const { id, seed, questionCount } = (await created.json()) as { id: string; seed: string; questionCount: number };
    expect({ seed, questionCount }).toEqual({ seed: "api", questionCount: 2 });

    const view = await getRoute(json("GET"), ctx(id));
    expect(view.status).toBe(200);
    const body = (await view.json()) as { current: { position: number; question: Record<string, unknown> } };
    expect(body.current.position).toBe(0);
    expect(Object.keys(body.current.question).sort()).toEqual(["kind", "promptHtml", "source"]);

    const first = await answerRoute(json("POST", { position: 0, answer: { text: "DNSMASQ" } }), ctx(id));
    const answered = (await first.json()) as { score: number; rating: number };
    // whichever question came first, only one of the two answers is "dnsmasq"
    expect(first.status).toBe(200);
    expect([0, 1]).toContain(answered.score);
    const again = await answerRoute(json("POST", { position: 0, answer: { text: "x" } }), ctx(id));
    expect(again.status).toBe(409);
    expect(await again.json()).toEqual({ error: { code: "conflict", message: "question 0 was already answered: the second answer was not counted" } });

    const early = await resultRoute(json("GET"), ctx(id));
    expect(early.status).toBe(409);
    expect((await finishRoute(json("POST"), ctx(id))).status).toBe(200);
    const result = await resultRoute(json("GET"), ctx(id));
    expect(result.status).toBe(200);
    expect(await result.json()).toMatchObject({ id, questionCount: 2, wrong: expect.any(Number) });

    const retake = await retakeRoute(json("POST", {}), ctx(id));
    expect(retake.status).toBe(201);
    const list = (await (await listRoute(json("GET"))).json()) as { quizzes: Array<{ id: string }> };
    expect(list.quizzes.map((q) => q.id)).toContain(id);
  });

  it.each([
    ["no decks", { scope: [], count: 2, kinds: ["typed"] }, "choose at least one deck"],
    ["a count of 0", { scope: [{ deckId: "net" }], count: 0, kinds: ["typed"] }, "count must be from 1 to 100"],
    ["an unknown kind", { scope: [{ deckId: "net" }], count: 2, kinds: ["essay"] }, "kinds must be among choice, generated, typed, ordering"],
    ["an unknown field", { scope: [{ deckId: "net" }], count: 2, kinds: ["typed"], extra: 1 }, "extra"],
    ["a time limit of 5 s", { scope: [{ deckId: "net" }], count: 2, kinds: ["typed"], timeLimitSec: 5 }, "a time limit must be at least 30 seconds"],
    ["not JSON", "{", "request body must be valid JSON"],
  ])("a quiz with %s is a 400 with the reason", async (_, body, message) => {
    const res = await createRoute(json("POST", body));
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe("invalid_request");
    expect(error.message).toContain(message);
  });

  it("a malformed quiz id is a 400, an unknown one a 404, an answer in the wrong shape a 400", async () => {
    expect((await getRoute(json("GET"), ctx("../../etc"))).status).toBe(400);
    expect((await getRoute(json("GET"), ctx("0123456789abcdef0123"))).status).toBe(404);
    const { id } = (await (await createRoute(json("POST", { scope: [{ deckId: "net" }], count: 1, kinds: ["typed"] }))).json()) as { id: string };
    const res = await answerRoute(json("POST", { position: 0, answer: { selected: [0] } }), ctx(id));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe("this is a typed question: send { text }");
    const missing = await answerRoute(json("POST", { position: 0 }), ctx(id));
    expect(missing.status).toBe(400);
  });
});
