/**
 * Verification of issue 12.6 on the shipped content (content/, the OpenStack VM creation
 * interview): "study what I missed" said "(1 card)" and queued 11, every card under the
 * question's own heading 总览, and never the cards that teach the missed points (about 11 under
 * "nova 准备创建虚拟机阶段"). Now the cards behind each missed point are found by what they teach
 * anywhere in the deck, ranked and capped (5 a point, 30 in all), and the report's button says
 * how many cards it queues.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MISSED_PER_POINT, MISSED_TOTAL } from "../../lib/interview/missed";
import { importContent } from "../../server/use-cases/import-content";
import { startInterview } from "../../server/use-cases/interview/start-interview";
import { startQuestion } from "../../server/use-cases/interview/start-question";
import { submitAnswer } from "../../server/use-cases/interview/submit-answer";
import { finishInterview } from "../../server/use-cases/interview/finish-interview";
import { interviewReport } from "../../server/use-cases/interview/interview-report";
import { studyMissed } from "../../server/use-cases/interview/study-missed";
import { freshDb } from "./helpers";

const NOW = new Date("2026-11-26T08:00:00Z");
const at = (s: number) => new Date(NOW.getTime() + s * 1000);
const DECK = "openstack/01-vm-creation";

let db: ReturnType<typeof freshDb>;
beforeAll(async () => {
  db = freshDb();
  const root = path.resolve(__dirname, "../../content");
  expect((await importContent({ db, paths: [root], contentRoot: root, now: at(-60) })).errors).toEqual([]);
});
afterAll(async () => {
  await db.close();
});

interface Row {
  id: string;
  kind: string;
  topic: string;
  prompt: string;
}
const card = (id: string) => db.sqlite.prepare("SELECT id, kind, topic, prompt FROM Card WHERE id = ?").get(id) as Row;
const byPrompt = (fragment: string) => (db.sqlite.prepare("SELECT id FROM Card WHERE deckId = ? AND prompt LIKE ?").get(DECK, `%${fragment}%`) as { id: string }).id;

describe("study what I missed on the shipped VM creation interview", () => {
  it("queues the cards that teach the missed points, from the sections after the overview, and the button's number is the number queued", async () => {
    const { id } = await startInterview({ settings: { scope: [{ deckId: DECK }], count: 1, secondsPerQuestion: 300, seed: "shipped" }, now: NOW, db });
    await startQuestion({ interviewId: id, position: 0, now: NOW, db });
    // the first point only: authentication with keystone
    await submitAnswer({ interviewId: id, position: 0, answer: { text: "用户先通过 dashboard 用用户名和密码向 keystone 认证，拿到 token。" }, now: at(10), db });
    await finishInterview({ interviewId: id, now: at(20), db });

    const before = await interviewReport({ interviewId: id, now: at(25), db });
    expect(before.questions).toHaveLength(1);
    expect(before.questions[0]!.points!.filter((p) => !p.covered)).toHaveLength(8);

    const result = await studyMissed({ interviewId: id, now: at(30), db });
    const ids = result.study.flatMap((s) => s.cardIds);
    const cards = ids.map(card);
    // the number on the button is the number of cards queued (it was the number of missed questions: 1)
    expect(before.missedCards).toBe(ids.length);
    expect(result.cards).toBe(ids.length);
    expect((await interviewReport({ interviewId: id, now: at(40), db })).missedCards).toBe(ids.length);
    // eight missed points: several cards each, capped
    expect(ids.length).toBeGreaterThan(8 * 2);
    expect(ids.length).toBeLessThanOrEqual(Math.min(MISSED_TOTAL, 8 * MISSED_PER_POINT + 1));
    expect(new Set(ids).size).toBe(ids.length);

    // the cards that teach "nova-api writes the request to the database and tells the scheduler through the queue"
    for (const teaches of ["keystone 返回 roles 和权限之后，nova-api 做了什么", "nova-api 把请求写入 nova 数据库后，向 RabbitMQ 发消息让", "nova-scheduler 从 Messaging 拿到 nova-api 的消息之后做什么"]) {
      expect(ids).toContain(byPrompt(teaches));
    }
    // ...and those of the later stages: glance, neutron, cinder
    for (const teaches of ["排好 nova 虚拟机使用 glance 镜像阶段的步骤", "排好 nova 虚拟机使用 neutron 网络阶段的步骤", "排好 nova 虚拟机使用 cinder 存储阶段的步骤"]) {
      expect(ids).toContain(byPrompt(teaches));
    }
    // the cards that teach "nova-api writes the request to the database and tells the scheduler through the queue"
    for (const teaches of ["keystone 返回 roles 和权限之后，nova-api 做了什么", "nova-api 把请求写入 nova 数据库后，向 RabbitMQ 发消息让", "nova-scheduler 从 Messaging 拿到 nova-api 的消息之后做什么"]) {
      expect(ids).toContain(byPrompt(teaches));
    }
    // ...and those of the later stages: glance, neutron, cinder
    for (const teaches of ["排好 nova 虚拟机使用 glance 镜像阶段的步骤", "排好 nova 虚拟机使用 neutron 网络阶段的步骤", "排好 nova 虚拟机使用 cinder 存储阶段的步骤"]) {
      expect(ids).toContain(byPrompt(teaches));
    }
    const topics = cards.map((c) => (JSON.parse(c.topic) as string[])[0]);
    expect(topics.filter((t) => t === "nova 准备创建虚拟机阶段").length).toBeGreaterThanOrEqual(8);
    // not every card under the question's heading: the overview's cards are a few among many
    expect(topics.filter((t) => t === "总览").length).toBeLessThan(ids.length / 3);
    expect(ids).not.toContain(byPrompt("把创建虚拟机流程的 5 个阶段按发生的先后排好"));
    // the covered point (authentication) queues nothing of its own stage
    expect(topics).not.toContain("用户登录认证阶段");
    // the question's own card is queued too, and every one got an Again review
    expect(ids).toContain(byPrompt("请完整讲一下在 OpenStack 中创建一台虚拟机的流程"));
    expect(result.recorded).toBe(ids.length);
  });
});
