/**
 * Verification of the new-user issue, the card browser on a phone: at 375x667 the filter form
 * took about 85% of the first screen and only the "33 张卡片" line showed, no result; the "更多筛选"
 * toggle had no disclosure arrow; and topic counts mixed "(4)" with "（16 张卡片）" in Chinese.
 * Now the first two results are on the first screen, the toggle has an arrow that turns when it
 * opens, and every count is written the same way. Chinese and English, phone and desktop.
 */
import { test, expect, type Page } from "@playwright/test";
import { testServer } from "./fixtures/server";

const server = testServer(["content"]);

const CASES = [
  { name: "Chinese, 375 px phone", locale: "zh-CN", viewport: { width: 375, height: 667 }, more: "更多筛选", cards: /^（\d+ 张卡片）$/ },
  { name: "English, 375 px phone", locale: "en-US", viewport: { width: 375, height: 667 }, more: "More filters", cards: /^\(\d+ cards?\)$/ },
  { name: "Chinese, desktop", locale: "zh-CN", viewport: { width: 1280, height: 800 }, more: "更多筛选", cards: /^（\d+ 张卡片）$/ },
] as const;

async function firstRowsOnFirstScreen(page: Page, height: number, count = 2) {
  const rows = page.getByTestId("result-row");
  await expect(rows.nth(count - 1)).toBeVisible();
  for (const i of Array.from({ length: count }, (_, k) => k)) {
    const box = await rows.nth(i).boundingBox();
    expect(box, `result row ${i + 1} is laid out`).not.toBeNull();
    expect(box!.y + box!.height, `result row ${i + 1} ends on the first screen`).toBeLessThanOrEqual(height);
  }
}

for (const c of CASES) {
  test.describe(c.name, () => {
    test.use({ locale: c.locale, viewport: c.viewport });

    test(`the first two results are on the first screen, and the more-filters toggle has an arrow (${c.name})`, async ({ page }) => {
      await page.goto(`${server.url}/browse`);
      await firstRowsOnFirstScreen(page, c.viewport.height);
      await page.goto(`${server.url}/browse?deck=${encodeURIComponent("openstack/05-dhcp-exchange")}`);
      await firstRowsOnFirstScreen(page, c.viewport.height);
      // a search, whose rows carry the answer's words and whose heading the glossary's other words: its first result at least
      await page.goto(`${server.url}/browse?text=${encodeURIComponent("校验")}`);
      await firstRowsOnFirstScreen(page, c.viewport.height, 1);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(c.viewport.width);

      const more = page.getByTestId("more-filters");
      const summary = more.locator("summary");
      await expect(summary).toHaveText(c.more);
      const arrow = () => summary.evaluate((el) => ({ content: getComputedStyle(el, "::before").content, transform: getComputedStyle(el, "::before").transform }));
      const closed = await arrow();
      expect(closed.content).toBe('"▸"');
      await summary.click();
      await expect(more).toHaveAttribute("open");
      await expect(page.getByTestId("filter-topic")).toBeVisible();
      expect((await arrow()).transform).not.toBe(closed.transform);
    });

    test(`topic counts are written like deck counts in the quiz set-up (${c.name})`, async ({ page }) => {
      await page.goto(`${server.url}/quiz`);
      await page.getByTestId("quiz-deck").first().check();
      const deck = page.locator(".builder-deck").first();
      await deck.locator("summary").click();
      const counts = await deck.locator("label.check .hint").allTextContents();
      expect(counts.length).toBeGreaterThan(2);
      for (const text of counts) expect(text).toMatch(c.cards);
    });
  });
}
