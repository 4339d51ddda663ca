/**
 * Languages and themes in a real browser: a browser that asks for Chinese gets the Chinese UI
 * (labels, counts, dates in Chinese format); the switch in the site header changes the language
 * and the theme, and both are remembered across reloads (cookies the server reads).
 */
import { test, expect } from "@playwright/test";
import { testServer } from "./fixtures/server";

const server = testServer(["tests/fixtures/e2e-content"]);

test.describe("a browser set to Chinese", () => {
  test.use({ locale: "zh-CN", timezoneId: "Asia/Shanghai" });

  test("gets the Chinese UI, and can switch to English for good", async ({ page, request }) => {
    await page.goto(`${server.url}/`);
    const html = page.locator("html");
    await expect(html).toHaveAttribute("lang", "zh-CN");
    const deck = page.locator('[data-deck-id="e2e-deck"]');
    await expect(deck).toContainText("张卡片");
    await expect(deck.getByTestId("study-link")).toHaveText("学习");
    await expect(page.getByTestId("locale-zh")).toHaveAttribute("aria-pressed", "true");

    // the study screen: reveal button, counts and rating buttons in Chinese
    await page.goto(`${server.url}/study/e2e-deck`);
    await expect(page.getByTestId("show-answer")).toHaveText("显示答案");
    await expect(page.getByTestId("count-new")).toHaveText("新卡 8");
    await expect(page.getByTestId("count-learning")).toHaveText("学习中 0");
    await expect(page.getByTestId("count-review")).toHaveText("复习 0");
    await expect(page.getByTestId("card-kind")).toHaveText("问答");
    await page.getByTestId("show-answer").click();
    await expect(page.getByTestId("rate-3")).toContainText("良好");
    await expect(page.getByTestId("interval-1")).toHaveText("1分钟");
    await expect(page.getByRole("button", { name: /^良好/ })).toBeVisible();
    await expect(page.getByTestId("session-status")).toHaveText("本次已复习：0");

    // a card's page: labels in Chinese, dates in Chinese format
    const cardId = await page.getByTestId("card").getAttribute("data-card-id");
    expect((await request.post(`${server.url}/api/v1/reviews`, { data: { cardId, rating: 3, durationMs: 1500 } })).status()).toBe(200);
    await page.goto(`${server.url}/cards/${encodeURIComponent(cardId!)}`);
    await expect(page.getByTestId("schedule-state")).toHaveText("学习中");
    await expect(page.getByTestId("schedule-due")).toHaveText(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
    await expect(page.getByTestId("history-row")).toContainText("良好");
    await expect(page.getByTestId("history-row")).toContainText("1.5秒");

    // switch to English: the page changes at once, and stays English after a reload
    await page.getByTestId("locale-en").click();
    await expect(html).toHaveAttribute("lang", "en");
    await expect(page.getByTestId("schedule-state")).toHaveText("Learning");
    await expect(page.getByTestId("schedule-due")).toHaveText(/^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{2}:\d{2}$/);
    await expect(page.getByTestId("locale-en")).toHaveAttribute("aria-pressed", "true");
    await page.goto(`${server.url}/study/e2e-deck`);
    await expect(page.getByTestId("show-answer")).toHaveText("Show answer");
    await expect(page.getByTestId("count-new")).toHaveText(/^New \d+$/);
    await page.reload();
    await expect(html).toHaveAttribute("lang", "en");
    await expect(page.getByTestId("show-answer")).toHaveText("Show answer");
    expect((await page.context().cookies()).find((c) => c.name === "locale")?.value).toBe("en");

    // and back to Chinese
    await page.getByTestId("locale-zh").click();
    await expect(page.getByTestId("show-answer")).toHaveText("显示答案");
  });
});

test("an English browser gets English; the theme switch is remembered", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto(`${server.url}/`);
  const html = page.locator("html");
  await expect(html).toHaveAttribute("lang", "en");
  await expect(html).toHaveAttribute("data-theme", "system");
  await expect(page.getByTestId("theme-system")).toHaveAttribute("aria-pressed", "true");
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const LIGHT = "rgb(246, 247, 249)";
  const DARK = "rgb(17, 20, 24)";
  expect(await background()).toBe(LIGHT);

  // dark, at once and after a reload
  await page.getByTestId("theme-dark").click();
  await expect(html).toHaveAttribute("data-theme", "dark");
  await expect(page.getByTestId("theme-dark")).toHaveAttribute("aria-pressed", "true");
  expect(await background()).toBe(DARK);
  await page.waitForFunction(() => document.cookie.includes("theme=dark"));
  await page.reload();
  await expect(html).toHaveAttribute("data-theme", "dark");
  await expect(page.getByTestId("theme-dark")).toHaveAttribute("aria-pressed", "true");
  expect(await background()).toBe(DARK);

  // light wins over a dark system setting
  await page.emulateMedia({ colorScheme: "dark" });
  await page.getByTestId("theme-light").click();
  await expect(html).toHaveAttribute("data-theme", "light");
  expect(await background()).toBe(LIGHT);
  await page.waitForFunction(() => document.cookie.includes("theme=light"));
  await page.reload();
  await expect(html).toHaveAttribute("data-theme", "light");
  expect(await background()).toBe(LIGHT);

  // system follows the media query again
  await page.getByTestId("theme-system").click();
  await expect(html).toHaveAttribute("data-theme", "system");
  expect(await background()).toBe(DARK);
  await page.waitForFunction(() => document.cookie.includes("theme=system"));
  await page.reload();
  expect(await background()).toBe(DARK);
  await page.emulateMedia({ colorScheme: "light" });
  expect(await background()).toBe(LIGHT);

  // the header fits a 375px phone
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto(`${server.url}/study/e2e-deck`);
  await expect(page.getByTestId("card")).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});
