/**
 * Issue 16 in a real browser, in Chinese and in English: an interview 10 days ahead set in
 * settings (keyboard and mouse), its readiness line on the home page, a card studied and the
 * readiness going up; then the target changed and the date removed. axe on the settings page.
 */
import { test, expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { testServer } from "./fixtures/server";

const server = testServer(["tests/fixtures/e2e-content"]);

/** The calendar date `days` from now in a zone, as a date input holds it (yyyy-mm-dd). */
const dateIn = (days: number, timeZone: string) => new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(Date.now() + days * 86_400_000));

async function seriousViolations(page: Page) {
  // a save refreshes the page from the server (router.refresh), which streams the <title> again after the content
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(" ")) }));
}

const percentOf = async (page: Page) => Number(/(\d+)%/.exec((await page.getByTestId("interview-readiness").textContent()) ?? "")?.[1]);

test.describe.serial("an interview date", () => {
  test.describe("in Chinese", () => {
    test.use({ locale: "zh-CN", timezoneId: "Asia/Shanghai" });

    test("set 10 days ahead in settings, readiness on home, study a card, readiness goes up", async ({ page }) => {
      await page.goto(`${server.url}/`);
      await expect(page.getByTestId("interview-readiness")).toHaveCount(0);

      await page.goto(`${server.url}/settings`);
      const panel = page.getByTestId("interview-dates");
      await expect(panel.getByRole("heading", { name: "面试日期" })).toBeVisible();
      await expect(page.getByTestId("no-interview-dates")).toHaveText("尚未设置面试日期。");
      await expect(page.getByTestId("interview-zone").locator("option").first()).toHaveText("浏览器的时区（Asia/Shanghai）");

      // keyboard: the name, the date and the time typed in; mouse: the scope
      await page.getByTestId("interview-label").focus();
      await page.keyboard.type("字节一面");
      await page.getByTestId("interview-date-input").fill(dateIn(10, "Asia/Shanghai"));
      await page.getByTestId("interview-time-input").fill("09:30");
      await page.getByTestId("interview-all-decks").click();
      await panel.getByRole("checkbox", { name: "One-card deck" }).click();
      await expect(page.getByTestId("interview-target")).toHaveValue("90");
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByTestId("interview-target").focus();
      await page.keyboard.press("Enter");
      await expect(page.getByTestId("interview-date-status")).toHaveText("已保存。");
      await expect(page.getByTestId("interview-date")).toContainText("字节一面");
      await expect(page.getByTestId("interview-date")).toContainText("09:30");
      await expect(page.getByTestId("interview-date")).toContainText("One-card deck");
      await expect(page.getByTestId("interview-date")).toContainText("目标 90%");
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: "test-results/interview-date-settings-zh.png", fullPage: true });

      // home: 10 days left (11 before 04:00 in Shanghai, when today's study day began yesterday), nothing studied
      await page.goto(`${server.url}/`);
      const line = page.getByTestId("interview-readiness");
      await expect(line).toHaveText(/^距离面试还有 1[01] 天：准备度 0%，目标 90%$/);

      // study the deck's one card with the keyboard: Space shows the answer, 3 is Good
      await page.locator('[data-deck-id="extra/one-card"]').getByTestId("study-link").click();
      await expect(page.getByTestId("prompt")).toHaveText("What is 2 + 2?");
      await page.keyboard.press("Space");
      await expect(page.getByTestId("answer")).toContainText("4");
      await page.keyboard.press("3");
      // the card comes back at its 10-minute step (learning ahead): the session counts the review
      await expect(page.getByTestId("session-status")).toHaveText("本次已复习：1");

      await page.goto(`${server.url}/`);
      await expect(line).toHaveText(/^距离面试还有 1[01] 天：准备度 \d+%，目标 90%$/);
      expect(await percentOf(page)).toBeGreaterThan(0);
      await page.screenshot({ path: "test-results/interview-date-home-zh.png", fullPage: true });
    });
  });

  test.describe("in English", () => {
    test.use({ locale: "en-US", timezoneId: "America/New_York" });

    test("the line in English; the target changed and the date removed in settings", async ({ page }) => {
      await page.goto(`${server.url}/`);
      const line = page.getByTestId("interview-readiness");
      await expect(line).toHaveText(/^Interview in 1[01] days: readiness \d+%, target 90%$/);
      const before = await percentOf(page);
      expect(before).toBeGreaterThan(0);
      await line.getByRole("link").click();
      await expect(page).toHaveURL(/\/settings/);

      // the date keeps the zone it was given in: 09:30 in Shanghai
      const item = page.getByTestId("interview-date");
      await expect(item).toContainText("(Asia/Shanghai)");
      await item.getByRole("button", { name: "Edit 字节一面" }).click();
      await expect(page.getByTestId("interview-time-input")).toHaveValue("09:30");
      await expect(page.getByTestId("interview-zone")).toHaveValue("Asia/Shanghai");
      await page.getByTestId("interview-target").fill("95");
      // a budget in minutes, by keyboard: typed, then the unit chosen with the arrow keys
      await page.getByLabel("Budget a day").fill("20");
      await page.getByLabel("Unit").focus();
      await page.keyboard.press("ArrowDown");
      await expect(page.getByTestId("interview-budget-unit")).toHaveValue("minutes");
      await page.getByRole("button", { name: "Save changes" }).click();
      await expect(page.getByTestId("interview-date-status")).toHaveText("Saved.");
      await expect(item).toContainText("target 95%");
      // one review was studied in the Chinese test: too few timed reviews, the default 10 s a review
      await expect(item).toContainText("at most 20 min a day (about 120 reviews at your 10 s a review)");

      // the scope narrowed to a topic of a deck, with the mouse: the deck, then its topic
      await item.getByRole("button", { name: "Edit 字节一面" }).click();
      const panel = page.getByTestId("interview-dates");
      await panel.getByRole("checkbox", { name: /^E2E deck/ }).check();
      await panel.getByText("All topics").click();
      await panel.getByRole("checkbox", { name: /^Basics/ }).check();
      await page.getByRole("button", { name: "Save changes" }).click();
      await expect(page.getByTestId("interview-date-status")).toHaveText("Saved.");
      await expect(item).toContainText("One-card deck; E2E deck (Basics)");
      const listed = (await (await page.request.get(`${server.url}/api/v1/interview-dates`)).json()) as { interviewDates: { scope: unknown }[] };
      expect(listed.interviewDates[0]!.scope).toEqual([
        { deckId: "extra/one-card", topics: [] },
        { deckId: "e2e-deck", topics: [["Basics"]] },
      ]);
      expect(await seriousViolations(page)).toEqual([]);
      expect(await seriousViolations(page)).toEqual([]);

      await page.goto(`${server.url}/`);
      await expect(line).toHaveText(/^Interview in 1[01] days: readiness \d+%, target 95%$/);
      await page.screenshot({ path: "test-results/interview-date-home-en.png", fullPage: true });

      await page.goto(`${server.url}/settings`);
      await page.getByRole("button", { name: "Remove 字节一面" }).click();
      await expect(page.getByTestId("interview-date-status")).toHaveText("Removed.");
      await expect(page.getByTestId("no-interview-dates")).toBeVisible();
      await page.goto(`${server.url}/`);
      await expect(line).toHaveCount(0);
    });
  });
});
