/**
 * Deck options in a real browser: a daily new-card limit saved on the options page is what
 * the study screen enforces, with the counts left today shown above the card.
 */
import { test, expect } from "@playwright/test";
import { startServer, type TestServer } from "./fixtures/server";

let server: TestServer;

test.beforeAll(async ({}, testInfo) => {
  testInfo.setTimeout(120_000);
  server = await startServer({ content: ["tests/fixtures/e2e-content"] });
});
test.afterAll(async () => {
  await server?.stop();
});

test("a daily limit of 2 new cards set on the options page ends the session after two cards", async ({ page }) => {
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
  // undo gives one back
  await page.keyboard.press("u");
  await expect(page.getByTestId("count-new")).toHaveText(/1$/);
});
