import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createInterviewDateSchema, updateInterviewDateSchema } from "../../lib/planning/schemas";
import { NotFoundError, ValidationError } from "../../server/errors";
import { importContent } from "../../server/use-cases/import-content";
import { getReadiness } from "../../server/use-cases/planning/get-readiness";
import { listInterviewDates } from "../../server/use-cases/planning/list-interview-dates";
import { removeInterviewDate } from "../../server/use-cases/planning/remove-interview-date";
import { setInterviewDate } from "../../server/use-cases/planning/set-interview-date";
import { updateInterviewDate } from "../../server/use-cases/planning/update-interview-date";
import { recordReview } from "../../server/use-cases/study/record-review";
import { count, freshDb, writeContent } from "./helpers";

const T0 = new Date("2026-12-01T02:00:00Z"); // 10:00 in Shanghai
const DAY = 86_400_000;
let db: ReturnType<typeof freshDb>;

beforeEach(async () => {
  db = freshDb();
  const root = writeContent(db.dir, {
    "net.md": "# Net\n\n## DHCP\n\nQ1 :: A1\n\nQ2 :: A2\n\n## Router\n\n### SNAT\n\nQ3 :: A3\n",
    "os.md": "# OS\n\nQ4 :: A4\n",
  });
  await importContent({ db, paths: [root], contentRoot: root, now: T0 });
});
afterEach(async () => {
  await db.close();
});

const cardId = (prompt: string) => (db.sqlite.prepare("SELECT id FROM Card WHERE prompt = ?").get(prompt) as { id: string }).id;
const fields = (body: unknown) => createInterviewDateSchema.parse(body);

describe("interview dates", () => {
  it("stores the instant and the zone, defaults target 0.9 and scope all, lists soonest first", async () => {
    const later = await setInterviewDate({ db, now: T0, fields: fields({ at: "2026-12-20T09:30:00+08:00", timeZone: "Asia/Shanghai" }) });
    const sooner = await setInterviewDate({
      db,
      now: T0,
      fields: fields({ label: "Onsite", at: "2026-12-11T14:00:00-05:00", timeZone: "America/New_York", scope: [{ deckId: "net", topics: [["DHCP"]] }], targetRecall: 0.95, dailyBudget: 40 }),
    });
    expect(later).toMatchObject({ at: "2026-12-20T01:30:00.000Z", timeZone: "Asia/Shanghai", scope: "all", targetRecall: 0.9, dailyBudget: null, past: false, daysLeft: 19 });
    expect(sooner).toMatchObject({ label: "Onsite", scope: [{ deckId: "net", topics: [["DHCP"]] }], targetRecall: 0.95, dailyBudget: 40 });
    const { interviewDates } = await listInterviewDates({ db, now: T0 });
    expect(interviewDates.map((d) => d.id)).toEqual([sooner.id, later.id]);
    // after the date it is listed as past
    expect((await listInterviewDates({ db, now: new Date("2026-12-21T00:00:00Z") })).interviewDates.every((d) => d.past)).toBe(true);
  });

  it("updates only the fields given, refuses an unknown deck (400) and an unknown id (404); removal deletes the row", async () => {
    const d = await setInterviewDate({ db, now: T0, fields: fields({ at: "2026-12-20T09:30:00+08:00", timeZone: "Asia/Shanghai" }) });
    const changed = await updateInterviewDate({ db, id: d.id, now: T0, changes: updateInterviewDateSchema.parse({ targetRecall: 0.85, dailyBudget: 30 }) });
    expect(changed).toMatchObject({ at: d.at, timeZone: "Asia/Shanghai", targetRecall: 0.85, dailyBudget: 30 });
    await expect(updateInterviewDate({ db, id: d.id, now: T0, changes: { scope: [{ deckId: "nope", topics: [] }] } })).rejects.toBeInstanceOf(ValidationError);
    await expect(setInterviewDate({ db, now: T0, fields: fields({ at: "2026-12-20T09:30:00Z", timeZone: "UTC", scope: [{ deckId: "nope" }] }) })).rejects.toBeInstanceOf(ValidationError);
    await expect(updateInterviewDate({ db, id: "0".repeat(20), now: T0, changes: { label: "x" } })).rejects.toBeInstanceOf(NotFoundError);
    await removeInterviewDate({ db, id: d.id });
    expect(count(db, "SELECT COUNT(*) n FROM InterviewDate")).toBe(0);
    await expect(removeInterviewDate({ db, id: d.id })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("readiness: new cards count 0; a studied card's recall at the instant, per deck and per topic with sub-topics", async () => {
    const all = await setInterviewDate({ db, now: T0, fields: fields({ at: new Date(T0.getTime() + 10 * DAY).toISOString(), timeZone: "Asia/Shanghai" }) });
    const dhcp = await setInterviewDate({
      db,
      now: T0,
      fields: fields({ at: new Date(T0.getTime() + 10 * DAY).toISOString(), timeZone: "Asia/Shanghai", scope: [{ deckId: "net", topics: [["Router"]] }] }),
    });
    expect(await getReadiness({ db, id: all.id, now: T0 })).toMatchObject({ recall: 0, cards: 4, onTarget: false });

    // Q3 (Net › Router › SNAT) studied to review state: Good, then Good at its 10-minute step
    const q3 = cardId("Q3");
    await recordReview({ db, cardId: q3, rating: 3, now: T0 });
    const r2 = await recordReview({ db, cardId: q3, rating: 3, now: new Date(T0.getTime() + 10 * 60_000) });
    expect(r2.state).toBe("review");

    const scoped = await getReadiness({ db, id: dhcp.id, now: T0 });
    expect(scoped.cards).toBe(1);
    expect(scoped.recall).toBeGreaterThan(0);
    expect(scoped.recall).toBeLessThan(1);
    expect(scoped.byTopic).toEqual([{ deckId: "net", topic: ["Router", "SNAT"], recall: scoped.recall, cards: 1 }]);

    const overall = await getReadiness({ db, id: all.id, now: T0 });
    expect(overall.cards).toBe(4);
    expect(overall.recall).toBeCloseTo(scoped.recall / 4, 12);
    expect(overall.byDeck).toEqual([
      { deckId: "net", title: "Net", recall: scoped.recall / 3, cards: 3 },
      { deckId: "os", title: "OS", recall: 0, cards: 1 },
    ]);
    // weakest topic first
    expect(overall.byTopic.at(-1)).toMatchObject({ topic: ["Router", "SNAT"] });
    await expect(getReadiness({ db, id: "0".repeat(20), now: T0 })).rejects.toBeInstanceOf(NotFoundError);
  });
});
