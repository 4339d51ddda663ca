/** Random request bodies never make the API answer 5xx (fast-check, fixed seed). */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "../../server/db";
import { importContent } from "../../server/use-cases/import-content";
import { POST as postReview } from "../../app/api/v1/reviews/route";
import { POST as postAction } from "../../app/api/v1/cards/[id]/actions/route";
import { PUT as putOptions } from "../../app/api/v1/decks/[id]/options/route";
import { PUT as putSettings } from "../../app/api/v1/settings/route";
import { POST as postQuiz } from "../../app/api/v1/quizzes/route";
import { POST as postAnswer } from "../../app/api/v1/quizzes/[id]/answers/route";
import { POST as postRetake } from "../../app/api/v1/quizzes/[id]/retake/route";
import { createQuiz } from "../../server/use-cases/quiz/create-quiz";
import { POST as postInterview } from "../../app/api/v1/interviews/route";
import { PUT as putDraft } from "../../app/api/v1/interviews/[id]/draft/route";
import { POST as postInterviewAnswer } from "../../app/api/v1/interviews/[id]/answers/route";
import { POST as postGrades } from "../../app/api/v1/interviews/[id]/grades/route";
import { POST as postStart } from "../../app/api/v1/interviews/[id]/start/route";
import { startInterview } from "../../server/use-cases/interview/start-interview";
import { freshDb, writeContent } from "./helpers";

let quizId = "";
let interviewId = "";

beforeAll(async () => {
  const db = freshDb();
  await db.prisma.$disconnect();
  db.sqlite.close();
  process.env.DATABASE_URL = `file:${db.file}`;
  const root = writeContent(db.dir, { "f.md": "# F\n\nQ :: A\n\nInterview: Explain F\n\n- a point {f|eff}\n- another point\n" });
  await importContent({ paths: [root], contentRoot: root });
  interviewId = (await startInterview({ settings: { scope: [{ deckId: "f" }], count: 1 } })).id;
  quizId = (await createQuiz({ settings: { scope: [{ deckId: "f" }], count: 1, kinds: ["typed"] } })).id;
});
afterAll(async () => {
  await closeDb();
});

/** Bodies: any JSON, near-valid objects with wrong types, and raw garbage. */
const body = fc.oneof(
  fc.json().map((j) => j),
  fc.record({ cardId: fc.oneof(fc.string(), fc.integer(), fc.constant(null)), rating: fc.oneof(fc.integer(), fc.string(), fc.double()), idempotencyKey: fc.option(fc.string()) }).map((o) => JSON.stringify(o)),
  fc.record({ options: fc.dictionary(fc.string(), fc.jsonValue()), presetId: fc.option(fc.integer()), newPresetName: fc.option(fc.string()) }).map((o) => JSON.stringify(o)),
  fc.record({ action: fc.constantFrom("suspend", "bury", "flag", "reset", "x"), flag: fc.jsonValue(), timeZone: fc.string() }).map((o) => JSON.stringify(o)),
  fc.record({ rolloverHour: fc.jsonValue(), timeZone: fc.oneof(fc.string(), fc.constant(null)) }).map((o) => JSON.stringify(o)),
  fc
    .record({
      scope: fc.oneof(fc.jsonValue(), fc.array(fc.record({ deckId: fc.oneof(fc.constant("f"), fc.string()), topics: fc.jsonValue() }))),
      count: fc.oneof(fc.integer(), fc.double(), fc.string()),
      kinds: fc.oneof(fc.array(fc.constantFrom("choice", "generated", "typed", "ordering", "open")), fc.jsonValue()),
      timeLimitSec: fc.jsonValue(),
      practice: fc.jsonValue(),
      seed: fc.option(fc.string()),
    })
    .map((o) => JSON.stringify(o)),
  fc
    .record({
      position: fc.oneof(fc.integer({ min: -2, max: 3 }), fc.double(), fc.string()),
      text: fc.option(fc.string()),
      ticks: fc.option(fc.array(fc.boolean())),
      answer: fc.oneof(fc.record({ selected: fc.array(fc.integer()) }), fc.record({ text: fc.string() }), fc.record({ order: fc.array(fc.integer()) }), fc.jsonValue()),
    })
    .map((o) => JSON.stringify(o)),
  fc.string(),
);

const req = (method: string, text: string) => new Request("http://localhost/x", { method, body: text, headers: { "content-type": "application/json" } });

describe("the JSON API under random bodies", () => {
  it("never answers 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(body, fc.constantFrom("f", "nope", "%2e%2e", "quiz", "interview"), async (text, given) => {
        const id = given === "quiz" ? quizId : given === "interview" ? interviewId : given;
        const params = { params: Promise.resolve({ id }) };
        const responses = await Promise.all([
          postReview(req("POST", text)),
          postAction(req("POST", text), params),
          putOptions(req("PUT", text), params),
          putSettings(req("PUT", text)),
          postQuiz(req("POST", text)),
          postAnswer(req("POST", text), params),
          postRetake(req("POST", text), params),
          postInterview(req("POST", text)),
          postStart(req("POST", text), params),
          putDraft(req("PUT", text), params),
          postInterviewAnswer(req("POST", text), params),
          postGrades(req("POST", text), params),
        ]);
        for (const r of responses) {
          expect(r.status).toBeLessThan(500);
          const json = (await r.json()) as { error?: { code: string; message: string } };
          if (r.status >= 400) expect(json.error?.message).toEqual(expect.any(String));
        }
      }),
      { seed: 20261126, numRuns: 150 },
    );
  });
});
