/**
 * Issue 12.6: "study what I missed" re-queued only the interview card, then greyed out with a
 * small note and no way to go and study. Now it queues the cards behind each missed key point
 * (here the interface-file and host-file cards) and the question's card, and takes you to the
 * study screen, which asks those cards first. Chinese on a desktop, English on a 375 px phone.
 */
import { test, expect } from "@playwright/test";
import { testServer, withDb } from "./fixtures/server";

const server = testServer(["tests/fixtures/interview-missed-content"]);

const cardByPrompt = (fragment: string) => withDb(server, (db) => (db.prepare("SELECT id FROM Card WHERE prompt LIKE ?").get(`%${fragment}%`) as { id: string }).id);
const interviewReviews = (cardId: string) => withDb(server, (db) => (db.prepare("SELECT COUNT(*) AS n FROM Review WHERE cardId = ? AND source = 'interview' AND rating = 1").get(cardId) as { n: number }).n);

const CASES = [
  { name: "Chinese, desktop", locale: "zh-CN", viewport: { width: 1280, height: 800 }, seed: "missed-zh", banner: "没答到" },
  { name: "English, 375 px phone", locale: "en-US", viewport: { width: 375, height: 740 }, seed: "missed-en", banner: "missed in the mock interview" },
] as const;

for (const c of CASES) {
  test.describe(c.name, () => {
    test.use({ locale: c.locale, viewport: c.viewport });

    test(`study what I missed queues the cards of the missed points and takes you to study them (${c.name})`, async ({ page, request }) => {
      const { decks } = (await (await request.get(`${server.url}/api/v1/decks`)).json()) as { decks: Array<{ id: string }> };
      const deckId = decks[0]!.id;
      const created = await request.post(`${server.url}/api/v1/interviews`, { data: { scope: [{ deckId }], count: 1, secondsPerQuestion: 300, seed: c.seed } });
      expect(created.status()).toBe(201);
      const { id } = (await created.json()) as { id: string };

      const interfaceCard = cardByPrompt("interface 文件里记的");
      const hostCard = cardByPrompt("MAC 与 IP 的对应");
      const question = cardByPrompt("怎么给虚拟机分配 IP");
      const notMissed = [cardByPrompt("哪个命名空间里启动 dnsmasq"), cardByPrompt("UDP 端口"), cardByPrompt("虚拟路由器的 tap")];
      const before = [interfaceCard, hostCard, question, ...notMissed].map(interviewReviews);

      // the answer covers the first point (dnsmasq in the qdhcp namespace) only
      await page.goto(`${server.url}/interview/${id}`);
      await page.getByTestId("interview-start-question").click();
      await page.getByTestId("interview-answer").fill("DHCP agent 在 qdhcp 命名空间里启动 dnsmasq。");
      await page.getByTestId("interview-submit").click();
      await page.getByTestId("interview-confirm").click();
      await expect(page).toHaveURL(new RegExp(`/interview/${id}/report$`));
      await expect(page.locator("[data-testid=report-point][data-covered=false]")).toHaveCount(2);

      await expect(page.getByTestId("study-missed")).toBeInViewport();
      await page.getByTestId("study-missed").click();
      // taken to the deck's study screen, the missed cards first
      await expect(page).toHaveURL(new RegExp(`/study/${encodeURIComponent(deckId)}\\?cards=`));
      expect([interfaceCard, hostCard, question].map(interviewReviews)).toEqual(before.slice(0, 3).map((n) => n + 1));
      expect(notMissed.map(interviewReviews)).toEqual(before.slice(3));

      const card = page.getByTestId("card");
      await expect(page.getByTestId("missed-banner")).toContainText(c.banner);
      await expect(page.getByTestId("missed-banner")).toContainText("3");
      for (const cardId of [interfaceCard, hostCard, question]) {
        await expect(card).toHaveAttribute("data-card-id", cardId);
        await page.keyboard.press("Space");
        await page.keyboard.press("3");
      }
      // then the ordinary queue, without the banner
      await expect(page.getByTestId("missed-banner")).toHaveCount(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);

      // back on the report, the links stay: the cards can be studied again from there
      await page.goto(`${server.url}/interview/${id}/report`);
      await page.getByTestId("study-missed").click();
      await expect(page).toHaveURL(/\?cards=/);
      await expect(card).toHaveAttribute("data-card-id", interfaceCard);
    });
  });
}
