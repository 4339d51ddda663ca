/**
 * A full study session by keyboard alone: typed answers (the deck's option), an undo, the
 * daily new-card limit reached, then Playwright's clock moves to 4 am the next day in the
 * browser's time zone and the right cards are due. The same flow on a desktop in English,
 * on a 375 px phone, and in the Chinese UI.
 */
import { test, expect, type Page } from "@playwright/test";
import { testServer, withDb } from "./fixtures/server";

const flows = [
  { name: "desktop, English", viewport: { width: 1280, height: 800 }, locale: "en-US", reveal: "Show answer" },
  { name: "375 px phone, English", viewport: { width: 375, height: 740 }, locale: "en-US", reveal: "Show answer" },
  { name: "desktop, Chinese UI", viewport: { width: 1280, height: 800 }, locale: "zh-CN", reveal: "显示答案" },
];

for (const flow of flows) {
  test.describe(flow.name, () => {
    test.use({ viewport: flow.viewport, locale: flow.locale, timezoneId: "Asia/Shanghai" });
    const server = testServer(["tests/fixtures/e2e-content"]);
    const reviews = () =>
      withDb(server, (db) => (db.prepare("SELECT rating FROM Review ORDER BY id").all() as Array<{ rating: number }>).map((r) => r.rating));

    /** Types into the focused answer box and checks it with Enter. */
    async function answer(page: Page, prompt: string, typed: string) {
      await expect(page.getByTestId("prompt")).toContainText(prompt);
      await expect(page.getByTestId("typed-input")).toBeFocused();
      await page.keyboard.type(typed);
      await page.keyboard.press("Enter");
      await expect(page.getByTestId("typed-verdict")).toBeVisible();
    }

    test("typed answers, undo, the daily limit, and the next study day", async ({ page, request }) => {
      const options = { newPerDay: 3, reviewsPerDay: 200, newOrder: "content", learningSteps: ["1m", "10m"], relearningSteps: ["10m"], desiredRetention: 0.9, maximumInterval: 36500, typedAnswers: true };
      expect((await request.put(`${server.url}/api/v1/decks/e2e-deck/options`, { data: { options } })).ok()).toBe(true);
      // after the content was imported (new cards are due from their import time)
      await page.clock.install({ time: new Date("2027-03-01T20:00:00+08:00") });
      await page.goto(`${server.url}/study/e2e-deck`);
      await expect(page.getByTestId("show-answer")).toHaveText(flow.reveal);
      await expect(page.getByTestId("count-new")).toContainText("3");

      // 1: right; Enter accepts the proposed Good (a learning card, due in 10 minutes)
      await answer(page, "What does DHCP stand for?", "dynamic host configuration protocol");
      await page.keyboard.press("Enter");
      // 2: right; 4 overrides the proposal
      await answer(page, "Which port does SSH listen on", "Port 22");
      await page.keyboard.press("4");
      // 3: wrong and rated Again, then undone with u and answered again
      await answer(page, "What does DNS translate?", "MAC addresses");
      await page.keyboard.press("1");
      // due again in a minute: within the 20-minute learn-ahead limit, so it is shown again
      await expect(page.getByTestId("count-learning")).toContainText("2");
      // the answer box has the focus, so u would be typed: Ctrl+Z undoes from there
      await expect(page.getByTestId("typed-input")).toBeFocused();
      await page.keyboard.press("Control+z");
      await expect(page.getByTestId("count-learning")).toContainText("1");
      await answer(page, "What does DNS translate?", "host names into IP addresses");
      await page.keyboard.press("4");
      // the learning card comes back within the learn-ahead limit; Easy graduates it
      await answer(page, "What does DHCP stand for?", "Dynamic Host Configuration Protocol");
      await page.keyboard.press("4");

      // three new cards a day: the session ends here
      await expect(page.getByTestId("no-cards")).toBeVisible();
      await expect(page.getByTestId("next-due")).toBeVisible();
      expect(reviews()).toEqual([3, 4, 4, 4]);

      // 03:59 the next morning is still the same study day; 04:00 is a new one
      await page.clock.setSystemTime(new Date("2027-03-02T03:59:00+08:00"));
      await page.reload();
      await expect(page.getByTestId("no-cards")).toBeVisible();
      await page.clock.setSystemTime(new Date("2027-03-02T04:00:00+08:00"));
      await page.reload();
      await expect(page.getByTestId("count-new")).toContainText("3");
      await expect(page.getByTestId("count-review")).toContainText("0");
      // the next new card in content order; the three studied ones are days away
      await expect(page.getByTestId("prompt")).toContainText("schedules processes");
      if (flow.viewport.width <= 375) {
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      }
    });
  });
}
