/**
 * Verification of the new-user issue: the page of an imported history's placeholder card
 * offered "学习此卡组" (Study this deck), though its deck has nothing to study. The link is gone
 * there and stays on an ordinary card's page. Chinese on a desktop, English on a 375 px phone.
 */
import { test, expect } from "@playwright/test";
import { testServer, withDb } from "./fixtures/server";

const server = testServer(["tests/fixtures/e2e-content"]);
const PLACEHOLDER = "1711684180217";
const CSV = `card_id,review_rating,review_time,review_duration\n${PLACEHOLDER},3,2024-03-29T20:32:32.250000+00:00,25060\n`;

const CASES = [
  { name: "Chinese, desktop", locale: "zh-CN", viewport: { width: 1280, height: 800 }, study: "学习此卡组" },
  { name: "English, 375 px phone", locale: "en-US", viewport: { width: 375, height: 667 }, study: "Study this deck" },
] as const;

test.beforeAll(async ({ request }) => {
  expect((await request.post(`${server.url}/api/v1/history`, { data: CSV, headers: { "content-type": "text/csv" } })).ok()).toBe(true);
});

for (const c of CASES) {
  test.describe(c.name, () => {
    test.use({ locale: c.locale, viewport: c.viewport });

    test(`a placeholder card's page offers no deck to study (${c.name})`, async ({ page }) => {
      await page.goto(`${server.url}/cards/${PLACEHOLDER}`);
      await expect(page.getByTestId("card-detail")).toBeVisible();
      await expect(page.getByRole("link", { name: c.study })).toHaveCount(0);
      await expect(page.locator('a[href^="/study/"]')).toHaveCount(0);

      const ordinary = withDb(server, (db) => (db.prepare("SELECT id FROM Card WHERE deckId = 'e2e-deck' LIMIT 1").get() as { id: string }).id);
      await page.goto(`${server.url}/cards/${encodeURIComponent(ordinary)}`);
      await expect(page.getByRole("link", { name: c.study })).toHaveAttribute("href", "/study/e2e-deck");
    });
  });
}
