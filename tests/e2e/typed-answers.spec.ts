/**
 * Typed answers by keyboard: the answer box gets focus, Enter checks it, a near miss shows
 * the difference and proposes Hard, Enter accepts the proposal, a digit overrides it.
 */
import { test, expect } from "@playwright/test";
import { testServer, withDb } from "./fixtures/server";

const server = testServer(["tests/fixtures/e2e-content"]);

const ratings = () => withDb(server, (db) => (db.prepare("SELECT rating FROM Review ORDER BY id").all() as Array<{ rating: number }>).map((r) => r.rating));

test("type an answer, see the difference, accept or change the proposed rating", async ({ page }) => {
  await page.goto(`${server.url}/study/e2e-deck`);
  await expect(page.getByTestId("prompt")).toContainText("What does DHCP stand for?");
  await page.getByTestId("type-toggle").check();
  const input = page.getByTestId("typed-input");
  await expect(input).toBeFocused();

  // a near miss (one letter dropped, another case): Hard is proposed and Enter accepts it
  await page.keyboard.type("dynamic host configuration protocl");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("typed-verdict")).toContainText("Almost");
  await expect(page.getByTestId("typed-diff").locator("ins")).toHaveText(["o"]);
  await expect(page.getByTestId("proposed-rating")).toHaveText("Hard");
  await expect(page.getByTestId("rate-2")).toHaveClass(/proposed/);
  await page.keyboard.press("Enter");

  // the next card: right (case and spacing do not matter), Good proposed, 4 overrides it
  await expect(page.getByTestId("prompt")).toContainText("Which port does SSH listen on");
  await expect(input).toBeFocused();
  await page.keyboard.type("port  22");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("typed-verdict")).toContainText("Right");
  await expect(page.getByTestId("proposed-rating")).toHaveText("Good");
  await page.keyboard.press("4");

  // a wrong answer proposes Again
  await expect(page.getByTestId("prompt")).toContainText("What does DNS translate?");
  await page.keyboard.type("MAC addresses");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("proposed-rating")).toHaveText("Again");
  await page.keyboard.press("Enter");

  await expect(page.getByTestId("prompt")).not.toContainText("What does DNS translate?");
  expect(ratings()).toEqual([2, 4, 1]);
});

test("regression (new-user issue, item 12): the typed-answer toggle reset on every reload", async ({ page }) => {
  await page.goto(`${server.url}/study/e2e-deck`);
  await expect(page.getByTestId("card")).toBeVisible();
  await page.getByTestId("type-toggle").check();
  await page.reload();
  await expect(page.getByTestId("type-toggle")).toBeChecked();
  await page.getByTestId("type-toggle").uncheck();
  await page.reload();
  await expect(page.getByTestId("card")).toBeVisible();
  await expect(page.getByTestId("type-toggle")).not.toBeChecked();
});
