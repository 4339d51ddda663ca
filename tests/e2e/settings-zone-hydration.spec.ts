/**
 * /settings threw React's hydration error #418 on every visit: the server rendered "Follow the
 * browser (UTC)" (its own zone) while the browser rendered "Follow the browser (Asia/Shanghai)".
 * Now the server renders the zone the browser told it (the `tz` cookie), the browser's own zone
 * replaces it once mounted, and the page loads without an error, on the first visit too.
 */
import { test, expect } from "@playwright/test";
import { testServer } from "./fixtures/server";

const server = testServer(["tests/fixtures/e2e-content"]);

test.use({ locale: "zh-CN", timezoneId: "Asia/Shanghai" });

test("settings renders the browser's time zone without a hydration error, first visit and after", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error" && !m.text().includes("404")) errors.push(m.text());
  });
  // first visit: no tz cookie yet
  await page.goto(`${server.url}/settings`);
  await expect(page.getByTestId("time-zone").locator("option").first()).toHaveText("跟随浏览器（Asia/Shanghai）");
  await page.waitForLoadState("networkidle");
  // again, with the cookie the page wrote
  await page.goto(`${server.url}/settings`);
  await expect(page.getByTestId("time-zone").locator("option").first()).toHaveText("跟随浏览器（Asia/Shanghai）");
  await page.waitForLoadState("networkidle");
  expect(errors).toEqual([]);
});
