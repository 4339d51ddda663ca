/**
 * Verification of the new-user issue: every page logged a console error, a 404 for
 * /favicon.ico. The app has an icon now (app/icon.svg, linked by every page; /favicon.ico
 * leads to it), and loading the main pages logs no console error, in Chinese and English, on a
 * desktop and a 375 px phone.
 */
import { test, expect, type Page } from "@playwright/test";
import { testServer } from "./fixtures/server";

const server = testServer(["tests/fixtures/e2e-content"]);

const PAGES = ["/", "/browse", "/stats", "/settings", "/quiz", "/interview", "/study/e2e-deck"];

/** Console errors and failed responses (a 404 logs "Failed to load resource") while `path` loads. */
async function errorsOf(page: Page, path: string): Promise<string[]> {
  const errors: string[] = [];
  const onConsole = (m: import("@playwright/test").ConsoleMessage) => {
    if (m.type() === "error") errors.push(`${m.text()} (${m.location().url})`);
  };
  const onResponse = (r: import("@playwright/test").Response) => {
    if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
  };
  page.on("console", onConsole);
  page.on("response", onResponse);
  await page.goto(`${server.url}${path}`);
  await page.waitForLoadState("networkidle");
  page.off("console", onConsole);
  page.off("response", onResponse);
  return errors;
}

const CASES = [
  { name: "Chinese, desktop", locale: "zh-CN", viewport: { width: 1280, height: 800 } },
  { name: "English, 375 px phone", locale: "en-US", viewport: { width: 375, height: 667 } },
] as const;

for (const c of CASES) {
  test.describe(c.name, () => {
    test.use({ locale: c.locale, viewport: c.viewport });

    test(`a page load logs no console error, no 404 for /favicon.ico among them (${c.name})`, async ({ page }) => {
      const found: Record<string, string[]> = {};
      for (const path of PAGES) {
        const errors = await errorsOf(page, path);
        if (errors.length > 0) found[path] = errors;
      }
      expect(found).toEqual({});
      // the page links the app's icon, and it is served
      const href = await page.locator('link[rel="icon"]').first().getAttribute("href");
      expect(href).toMatch(/^\/icon\.svg/);
      const icon = await page.request.get(`${server.url}${href}`);
      expect(icon.status()).toBe(200);
      expect(icon.headers()["content-type"]).toContain("image/svg+xml");
      const favicon = await page.request.get(`${server.url}/favicon.ico`);
      expect(favicon.status()).toBe(200);
      expect(favicon.headers()["content-type"]).toContain("image/svg+xml");
    });
  });
}
