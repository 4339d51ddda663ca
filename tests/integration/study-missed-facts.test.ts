/**
 * Issue 12.6: "study what I missed" queues the cards behind each missed key point (the deck's
 * cards in the question's topic whose text shares the point's terms), not only the interview
 * question's own card.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importContent } from "../../server/use-cases/import-content";
import { startInterview } from "../../server/use-cases/interview/start-interview";
import { startQuestion } from "../../server/use-cases/interview/start-question";
import { submitAnswer } from "../../server/use-cases/interview/submit-answer";
import { gradeAnswer } from "../../server/use-cases/interview/grade-answer";
import { finishInterview } from "../../server/use-cases/interview/finish-interview";
import { studyMissed } from "../../server/use-cases/interview/study-missed";
import { count, freshDb, writeContent } from "./helpers";

const NOW = new Date("2026-11-26T08:00:00Z");
const at = (s: number) => new Date(NOW.getTime() + s * 1000);
const DECK = "missed/dhcp-missed";

let db: ReturnType<typeof freshDb>;
beforeEach(async () => {
  db = freshDb();
  const text = fs.readFileSync(path.resolve(__dirname, "../fixtures/interview-missed-content/dhcp-missed.md"), "utf8");
  const root = writeContent(db.dir, { "missed/dhcp-missed.md": text });
  expect((await importContent({ db, paths: [root], contentRoot: root, now: new Date(NOW.getTime() - 60_000) })).errors).toEqual([]);
});
afterEach(async () => {
  await db.close();
});

const cardByPrompt = (fragment: string) => (db.sqlite.prepare("SELECT id FROM Card WHERE prompt LIKE ?").get(`%${fragment}%`) as { id: string }).id;

async function interviewMissingPoints2And3(ticks?: boolean[]) {
  const { id } = await startInterview({ settings: { scope: [{ deckId: DECK }], count: 1, secondsPerQuestion: 120, seed: "f1" }, now: NOW, db });
  await startQuestion({ interviewId: id, position: 0, now: NOW, db });
  // covers the first point only (dnsmasq in the qdhcp namespace)
  await submitAnswer({ interviewId: id, position: 0, answer: { text: "DHCP agent 在 qdhcp 命名空间里启动 dnsmasq。" }, now: at(10), db });
  if (ticks) await gradeAnswer({ interviewId: id, position: 0, ticks, db });
  await finishInterview({ interviewId: id, now: at(20), db });
  return id;
}

describe("study what I missed: the cards behind the missed points", () => {
  it("queues the interface-file and host-file cards, then the question; not the covered point's card, another topic's or an unrelated one", async () => {
    const id = await interviewMissingPoints2And3();
    const result = await studyMissed({ interviewId: id, now: at(30), db });
    const interfaceCard = cardByPrompt("interface 文件里记的");
    const hostCard = cardByPrompt("MAC 与 IP 的对应");
    const question = cardByPrompt("怎么给虚拟机分配 IP");
    expect(result.study).toEqual([{ deckId: DECK, cardIds: [interfaceCard, hostCard, question] }]);
    expect(result).toMatchObject({ recorded: 3, cards: 3 });
    const reviewed = (db.sqlite.prepare("SELECT cardId, rating, source FROM Review ORDER BY id").all() as Array<{ cardId: string; rating: number; source: string }>);
    expect(reviewed).toEqual([interfaceCard, hostCard, question].map((cardId) => ({ cardId, rating: 1, source: "interview" })));
    // not queued: the namespace card (its point was covered), the port card, the router's tap card (another topic)
    for (const other of ["哪个命名空间里启动 dnsmasq", "UDP 端口", "虚拟路由器的 tap"]) expect(reviewed.map((r) => r.cardId)).not.toContain(cardByPrompt(other));
    // due within a minute (the first learning step)
    expect(Date.parse(result.dueAt!) - at(30).getTime()).toBeLessThanOrEqual(60_000);

    // again: nothing recorded, the same cards to study
    const again = await studyMissed({ interviewId: id, now: at(40), db });
    expect(again).toMatchObject({ recorded: 0, cards: 3, study: result.study });
    expect(count(db, "SELECT COUNT(*) n FROM Review")).toBe(3);
  });

  it("follows the confirmed ticks: a point ticked by hand is not missed", async () => {
    const id = await interviewMissingPoints2And3([true, true, false]);
    const result = await studyMissed({ interviewId: id, now: at(30), db });
    expect(result.study[0]!.cardIds).toEqual([cardByPrompt("MAC 与 IP 的对应"), cardByPrompt("怎么给虚拟机分配 IP")]);
  });
});
