/**
 * With nothing due: study ahead and review a topic, by keyboard, without touching the
 * schedule; and the settings page, which stores when the study day starts.
 */
import { test, expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { testServer, withDb } from "./fixtures/server";

const server = testServer(["tests/fixtures/e2e-content"]);

const reviews = () => withDb(server, (db) => (db.prepare("SELECT COUNT(*) n FROM Review").get() as { n: number }).n);

async function noSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
}

test("study ahead and review a topic change nothing in the schedule", async ({ page, request }) => {
  const put = await request.put(`${server.url}/api/v1/decks/e2e-deck/options`, {
    data: { options: { newPerDay: 1, reviewsPerDay: 200, newOrder: "content", learningSteps: ["1m", "10m"], relearningSteps: ["10m"], desiredRetention: 0.9, maximumInterval: 36500, typedAnswers: false } },
  });
  expect(put.ok()).toBe(true);

  await page.goto(`${server.url}/study/e2e-deck`);
  await expect(page.getByTestId("prompt")).toContainText("What does DHCP stand for?");
  await page.keyboard.press("Space");
  await page.keyboard.press("4");
  await expect(page.getByTestId("no-cards")).toBeVisible();
  await expect(page.getByTestId("practice-offer")).toBeVisible();
  await noSeriousViolations(page);
  expect(reviews()).toBe(1);

  // study ahead: the one studied card, by keyboard
  await page.getByTestId("study-ahead").click();
  await expect(page.getByTestId("practice-banner")).toBeVisible();
  await expect(page.getByTestId("prompt")).toContainText("What does DHCP stand for?");
  await page.keyboard.press("Space");
  await expect(page.getByTestId("practice-next")).toBeVisible();
  await noSeriousViolations(page);
  await page.keyboard.press("Space");
  await expect(page.getByTestId("practice-done")).toContainText("1 card");

  // review the topic "Kinds": its five cards in content order, none of them new-card limited
  await page.goto(`${server.url}/study/e2e-deck`);
  await page.getByTestId("practice-topic").selectOption("Kinds");
  await page.getByTestId("review-topic").click();
  await expect(page).toHaveURL(/mode=topic&topic=Kinds/);
  const kinds: string[] = [];
  let previous = "";
  for (let i = 0; i < 5; i++) {
    // wait for the next card to replace the previous one before reading it
    const card = page.locator(`[data-testid=card]:not([data-card-id="${previous}"])`);
    await expect(card).toBeVisible();
    previous = (await card.getAttribute("data-card-id")) ?? "";
    kinds.push((await card.getAttribute("data-kind")) ?? "");
    await page.keyboard.press("Space");
    await expect(page.getByTestId("practice-next")).toBeVisible();
    await page.keyboard.press("Enter");
  }
  await expect(page.getByTestId("practice-done")).toContainText("5 cards");
  expect(kinds).toEqual(["cloze", "choice", "ordering", "open", "basic"]);
  expect(reviews()).toBe(1);
});

test("settings: the study day's start hour is stored", async ({ page }) => {
  await page.goto(server.url);
  await page.getByTestId("settings-link").click();
  await expect(page.getByTestId("settings-form")).toBeVisible();
  await noSeriousViolations(page);
  await page.getByTestId("rollover-hour").selectOption("6");
  await page.getByTestId("time-zone").selectOption("Asia/Shanghai");
  await page.getByTestId("save-settings").click();
  await expect(page.getByTestId("settings-status")).toHaveText("Saved.");
  await page.reload();
  await expect(page.getByTestId("rollover-hour")).toHaveValue("6");
  await expect(page.getByTestId("time-zone")).toHaveValue("Asia/Shanghai");
  const settings = await (await page.request.get(`${server.url}/api/v1/settings`)).json();
  expect(settings).toEqual({ rolloverHour: 6, timeZone: "Asia/Shanghai" });
  // regression (new-user issue, item 12): /settings had no way back home
  await page.locator(".topbar .brand").click();
  await expect(page).toHaveURL(`${server.url}/`);
});
