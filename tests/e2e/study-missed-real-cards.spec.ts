/**
 * Verification of issue 12.6 on the shipped content (the OpenStack VM creation interview): the
 * "study what I missed" button said "（1 张卡片）" (the number of missed questions) and queued 11
 * cards, every card under the question's heading 总览, none of those that teach the missed
 * points. Now the button says how many cards it queues, the study screen gets exactly those,
 * and they are the stages' cards ("nova-api 把请求写入 nova 数据库…"), not the overview's.
 * Chinese on a desktop, English on a 375 px phone.
 */
import { test, expect } from "@playwright/test";
import { testServer, withDb } from "./fixtures/server";

const server = testServer(["content"]);
const DECK = "openstack/01-vm-creation";

const topicOf = (cardId: string) => withDb(server, (db) => (JSON.parse((db.prepare("SELECT topic FROM Card WHERE id = ?").get(cardId) as { topic: string }).topic) as string[])[0]);
const byPrompt = (fragment: string) => withDb(server, (db) => (db.prepare("SELECT id FROM Card WHERE deckId = ? AND prompt LIKE ?").get(DECK, `%${fragment}%`) as { id: string }).id);

const CASES = [
  { name: "Chinese, desktop", locale: "zh-CN", viewport: { width: 1280, height: 800 }, seed: "real-zh", label: /复习没答到的内容（(\d+) 张卡片）/ },
  { name: "English, 375 px phone", locale: "en-US", viewport: { width: 375, height: 667 }, seed: "real-en", label: /Study what I missed \((\d+) cards\)/ },
] as const;

for (const c of CASES) {
  test.describe(c.name, () => {
    test.use({ locale: c.locale, viewport: c.viewport });

    test(`the study-what-I-missed button counts the cards it queues, and they teach the missed points (${c.name})`, async ({ page, request }) => {
      const created = await request.post(`${server.url}/api/v1/interviews`, { data: { scope: [{ deckId: DECK }], count: 1, secondsPerQuestion: 300, seed: c.seed } });
      expect(created.status()).toBe(201);
      const { id } = (await created.json()) as { id: string };

      // the answer covers the first point (authentication with keystone) only
      await page.goto(`${server.url}/interview/${id}`);
      await page.getByTestId("interview-start-question").click();
      await page.getByTestId("interview-answer").fill("用户先通过 dashboard 用用户名和密码向 keystone 认证，拿到 token。");
      await page.getByTestId("interview-submit").click();
      await page.getByTestId("interview-confirm").click();
      await expect(page).toHaveURL(new RegExp(`/interview/${id}/report$`));
      await expect(page.locator("[data-testid=report-point][data-covered=false]")).toHaveCount(8);

      const button = page.getByTestId("study-missed");
      await expect(button).toHaveText(c.label);
      const shown = Number(c.label.exec((await button.textContent()) ?? "")![1]);
      // one missed question, but many cards: the old button said 1
      expect(shown).toBeGreaterThan(8);
      expect(shown).toBeLessThanOrEqual(30);

      await button.click();
      await expect(page).toHaveURL(new RegExp(`/study/${encodeURIComponent(DECK)}\\?cards=`));
      const queued = new URL(page.url()).searchParams.get("cards")!.split(",");
      expect(queued).toHaveLength(shown);
      await expect(page.getByTestId("missed-banner")).toContainText(String(shown));

      const topics = queued.map(topicOf);
      expect(topics.filter((t) => t === "nova 准备创建虚拟机阶段").length).toBeGreaterThanOrEqual(8);
      expect(topics.filter((t) => t === "总览").length).toBeLessThan(shown / 3);
      expect(queued).toContain(byPrompt("nova-api 把请求写入 nova 数据库后，向 RabbitMQ 发消息让"));
      // the first card asked is one that teaches a missed point, from the stage after authentication
      await expect(page.getByTestId("card")).toHaveAttribute("data-card-id", queued[0]!);
      expect(topics[0]).toBe("nova 准备创建虚拟机阶段");
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    });
  });
}
