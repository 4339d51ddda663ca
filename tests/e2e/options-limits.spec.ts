/**
 * Deck options in a real browser: a daily new-card limit saved on the options page is what
 * the study screen enforces, with the counts left today shown above the card; then
 * Playwright's clock (which the test server trusts) moves the session across 4 am in the
 * browser's time zone, Asia/Shanghai, and a new study day brings new cards again.
 */
import { test, expect } from "@playwright/test";
import { testServer } from "./fixtures/server";

const server = testServer(["tests/fixtures/e2e-content"]);

test.use({ timezoneId: "Asia/Shanghai" });

test("a daily limit of 2 new cards set on the options page ends the session after two cards, until 4 am", async ({ page }) => {
  // after the content was imported (new cards are due from their import time)
  await page.clock.install({ time: new Date("2027-01-05T10:00:00+08:00") });
  await page.goto(`${server.url}/study/e2e-deck`);
  await expect(page.getByTestId("count-new")).toHaveText(/8$/);
  await page.getByTestId("options-link").click();

  await expect(page.getByRole("heading", { name: /Deck options/ })).toBeVisible();
  await page.getByTestId("new-per-day").fill("2");
  await page.getByTestId("retention").fill("0.95");
  await expect(page.getByTestId("retention-value")).toHaveText("0.95");
  await expect(page.getByTestId("workload")).toContainText("plus 2 new cards a day");
  await page.getByTestId("save-options").click();
  await expect(page.getByTestId("options-status")).toContainText("Saved to preset “Default”");

  // a bad step is refused with the validation message, nothing saved
  await page.getByTestId("learning-steps").fill("1x");
  await page.getByTestId("save-options").click();
  await expect(page.getByTestId("options-status")).toContainText("a step is a number with m, h or d");

  await page.goto(`${server.url}/study/e2e-deck`);
  await expect(page.getByTestId("count-new")).toHaveText(/2$/);
  for (const left of ["1", "0"]) {
    await page.keyboard.press("Space");
    await page.keyboard.press("4");
    if (left !== "0") await expect(page.getByTestId("count-new")).toHaveText(new RegExp(`${left}$`));
  }
  await expect(page.getByTestId("no-cards")).toBeVisible();
  await expect(page.getByTestId("next-due")).toBeVisible();
  // undo gives one back, and rating again spends it
  await page.keyboard.press("u");
  await expect(page.getByTestId("count-new")).toHaveText(/1$/);
  await page.keyboard.press("Space");
  await page.keyboard.press("4");
  await expect(page.getByTestId("no-cards")).toBeVisible();

  // 03:59 the next morning is still the same study day
  await page.clock.setSystemTime(new Date("2027-01-06T03:59:00+08:00"));
  await page.reload();
  await expect(page.getByTestId("no-cards")).toBeVisible();
  // from 04:00 it is a new day: two new cards again; the two cards rated Easy are days away
  await page.clock.setSystemTime(new Date("2027-01-06T04:00:00+08:00"));
  await page.reload();
  await expect(page.getByTestId("count-new")).toHaveText(/2$/);
  await expect(page.getByTestId("count-review")).toHaveText(/0$/);
  await expect(page.getByTestId("card-kind")).toBeVisible();
});
