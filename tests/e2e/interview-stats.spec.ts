/**
 * Issue 16 on /stats in a real browser, in Chinese and in English: with an interview 10 days
 * ahead, the readiness-by-topic table and the projection chart's text alternatives (its summary
 * in words and the table behind it), the workload forecast and, over a budget, the cards left
 * below target; "weakest for the day first" offered in the mock-interview set-up; the load
 * balancer and "Help me decide" on the deck options page. axe on each page.
 */
import { test, expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { testServer } from "./fixtures/server";

const server = testServer(["tests/fixtures/e2e-content"]);

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(" ")) }));
}

test.describe.serial("an interview on /stats", () => {
  test.describe("in Chinese", () => {
    test.use({ locale: "zh-CN", timezoneId: "Asia/Shanghai" });

    test("the readiness table and the projection's summary and table, axe clean; weakest for the day in the set-up", async ({ page }) => {
      const at = new Date(Date.now() + 10 * 86_400_000).toISOString();
      const created = await page.request.post(`${server.url}/api/v1/interview-dates`, { data: { label: "字节一面", at, timeZone: "Asia/Shanghai" } });
      expect(created.status()).toBe(201);
      // one card studied: readiness above 0 for its topic
      const found = (await (await page.request.get(`${server.url}/api/v1/cards?text=DHCP`)).json()) as { cards: { id: string }[] };
      expect((await page.request.post(`${server.url}/api/v1/reviews`, { data: { cardId: found.cards[0]!.id, rating: 3 } })).status()).toBe(200);

      await page.goto(`${server.url}/stats`);
      const plan = page.getByTestId("interview-plan");
      await expect(plan.getByRole("heading", { level: 2 })).toContainText("字节一面");
      const table = page.getByTestId("readiness-table");
      await expect(table.locator("caption")).toHaveText("各主题的准备度：按你现在的掌握情况预测到面试时的记忆率，最弱的在前。");
      await expect(table.getByRole("columnheader")).toHaveText(["主题", "卡片", "当前准备度", "目标"]);
      const basics = table.locator('[data-topic="E2E deck › Basics"]');
      await expect(basics.getByRole("rowheader")).toHaveText("E2E deck › Basics");
      await expect(basics.getByRole("cell").nth(2)).toHaveText("90%");
      await expect(basics.getByRole("cell").nth(1)).toContainText(/[1-9]\d*%/);

      // the chart is for the eye; its summary and its table say the same
      await expect(page.getByTestId("projection-chart")).toHaveAttribute("aria-hidden", "true");
      await expect(page.getByTestId("projection-summary")).toHaveText(/：按计划学习为 \d+%，现在停止学习为 \d+%；目标 90%。$/);
      await plan.locator("figure.projection summary").click();
      const rows = page.getByTestId("projection-row");
      await expect(rows.first().getByRole("rowheader")).toHaveText("现在");
      await expect(rows.last().getByRole("rowheader")).toHaveText("面试");
      expect(await rows.count()).toBeGreaterThanOrEqual(11);
      await expect(page.getByTestId("workload-summary")).toHaveText(/^按计划学习：\d+ 天共复习 \d+ 次，每天最多 \d+ 次。$/);
      await expect(page.getByTestId("new-pace")).toHaveText(/^新卡片：面试前每天 \d+ 张（还剩 \d+ 张）。$/);
      // two rehearsals, the last two days before the interview's day
      await expect(page.getByTestId("mock-interviews-summary")).toHaveText("面试前安排 2 次模拟面试，间隔拉开，最后一次在面试前两天（面试更近时就在今天）；每次都勾选“先问最弱的”。");
      await expect(page.getByTestId("mock-interview-day")).toHaveCount(2);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: "test-results/interview-stats-zh.png", fullPage: true });

      await page.goto(`${server.url}/interview`);
      await expect(page.getByText(/^先问字节一面（.+）时最弱的：按面试当天预测记忆率从低到高$/)).toBeVisible();
      await page.getByTestId("interview-weakest-for-day").check();
      expect(await seriousViolations(page)).toEqual([]);
    });
  });

  test.describe("in English", () => {
    test.use({ locale: "en-US", timezoneId: "America/New_York" });

    test("over a budget of 1 review a day: the forecast and the cards left below target; the deck options' load balancer and simulator", async ({ page }) => {
      const list = (await (await page.request.get(`${server.url}/api/v1/interview-dates`)).json()) as { interviewDates: { id: string }[] };
      const id = list.interviewDates[0]!.id;
      expect((await page.request.patch(`${server.url}/api/v1/interview-dates/${id}`, { data: { dailyBudget: 1 } })).status()).toBe(200);

      await page.goto(`${server.url}/stats`);
      const table = page.getByTestId("readiness-table");
      await expect(table.getByRole("columnheader")).toHaveText(["Topic", "Cards", "Readiness now", "Target"]);
      await expect(page.getByTestId("projection-summary")).toHaveText(/: \d+% if you follow the plan, \d+% if you stop studying now; target 90%\.$/);
      await expect(page.getByTestId("workload-summary")).toHaveText(/; your budget is 1 a day\.$/);
      await expect(page.getByTestId("over-budget")).toContainText("The plan needs more than your budget of 1 review a day");
      await page.getByTestId("interview-plan").locator("figure.workload summary").click();
      await expect(page.getByTestId("workload-table").getByRole("columnheader")).toHaveText(["Day", "Reviews", "New cards", "Held back by the budget"]);
      expect(await page.locator('[data-testid="workload-row"][data-over-budget="1"]').count()).toBeGreaterThan(0);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: "test-results/interview-stats-en.png", fullPage: true });

      // a budget in minutes is said in minutes, with the reviews it allows at the learner's pace (the default 10 s: one timed review)
      expect((await page.request.patch(`${server.url}/api/v1/interview-dates/${id}`, { data: { dailyBudget: 15, budgetUnit: "minutes" } })).status()).toBe(200);
      await page.goto(`${server.url}/stats`);
      await expect(page.getByTestId("workload-summary")).toHaveText(/; your budget is 15 minutes a day, about 90 reviews at your pace\.$/);

      await page.goto(`${server.url}/decks/e2e-deck/options`);
      await expect(page.getByTestId("load-balancer")).toBeChecked();
      await expect(page.getByTestId("easy-day-6")).toHaveValue("normal");
      const decide = page.getByTestId("help-me-decide");
      await decide.getByTestId("simulate-days").fill("10");
      await decide.getByTestId("simulate").click();
      await expect(page.getByTestId("simulate-summary")).toHaveText(/^Over 10 days at 90% with 20 new a day: \d+ reviews, about \d+ a day \(at most \d+\); about \d+ of \d+ cards known at the end\.$/);
      // Enter in its fields runs the simulation again rather than saving the options
      await decide.getByTestId("simulate-new").fill("5");
      await decide.getByTestId("simulate-new").press("Enter");
      await expect(page.getByTestId("simulate-summary")).toHaveText(/^Over 10 days at 90% with 5 new a day/);
      await expect(page.getByTestId("options-status")).toHaveCount(0);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: "test-results/deck-options-simulate-en.png", fullPage: true });

      // an interview two days ahead: today is its mock-interview day, and the link leads to the set-up
      const soon = new Date(Date.now() + 2 * 86_400_000).toISOString();
      expect((await page.request.post(`${server.url}/api/v1/interview-dates`, { data: { label: "Phone screen", at: soon, timeZone: "America/New_York" } })).status()).toBe(201);
      await page.goto(`${server.url}/stats`);
      const mocks = page.getByTestId("mock-interviews");
      await expect(mocks.getByTestId("mock-interview-day")).toHaveCount(1);
      await expect(mocks).toContainText("Today: a mock interview.");
      await mocks.getByRole("link", { name: "Set one up" }).click();
      await expect(page).toHaveURL(/\/interview$/);
      await expect(page.getByTestId("interview-weakest-for-day")).toBeVisible();
    });
  });
});
