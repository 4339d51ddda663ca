/**
 * Keyboard-only card actions in a real browser: undo restores the card and removes the
 * review, `?` lists the shortcuts, `-` buries and `@` suspends the shown card.
 */
import { test, expect } from "@playwright/test";
import { testServer, withDb } from "./fixtures/server";

const server = testServer(["tests/fixtures/e2e-content"]);

const one = <T>(sql: string, ...params: unknown[]): T => withDb(server, (db) => db.prepare(sql).get(...params) as T);

test("undo, shortcuts, bury and suspend by keyboard alone", async ({ page }) => {
  await page.goto(`${server.url}/study/e2e-deck`);
  const prompt = page.getByTestId("prompt");
  const card = page.getByTestId("card");
  await expect(card).toHaveAttribute("data-card-id", /.+/);
  const firstId = await card.getAttribute("data-card-id");

  // rate Good, then undo with u: the same card is back, unrevealed, and the review is gone
  await page.keyboard.press("Space");
  await page.keyboard.press("3");
  await expect(card).not.toHaveAttribute("data-card-id", firstId!);
  expect(one<{ n: number }>("SELECT COUNT(*) n FROM Review").n).toBe(1);
  await page.keyboard.press("u");
  await expect(card).toHaveAttribute("data-card-id", firstId!);
  await expect(page.getByTestId("show-answer")).toBeVisible();
  await expect(page.getByTestId("session-status")).toContainText("Rating undone");
  expect(one<{ n: number }>("SELECT COUNT(*) n FROM Review").n).toBe(0);
  expect(one<{ state: number; reps: number }>("SELECT state, reps FROM Card WHERE id = ?", firstId)).toEqual({ state: 0, reps: 0 });
  await expect(prompt).toContainText("DHCP");

  // ? shows the shortcut list, Escape closes it
  await page.keyboard.press("?");
  await expect(page.getByTestId("shortcut-help")).toBeVisible();
  await expect(page.getByTestId("shortcut-help")).toContainText("Undo the last rating");
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("shortcut-help")).toBeHidden();

  // - buries the card until the next study day: another card is shown
  await page.keyboard.press("-");
  await expect(card).not.toHaveAttribute("data-card-id", firstId!);
  const buried = one<{ buriedUntil: number | null }>("SELECT buriedUntil FROM Card WHERE id = ?", firstId);
  expect(buried.buriedUntil).toBeGreaterThan(Date.now());

  // @ suspends the next one
  const secondId = await card.getAttribute("data-card-id");
  await page.keyboard.press("@");
  await expect(card).not.toHaveAttribute("data-card-id", secondId!);
  expect(one<{ suspended: number }>("SELECT suspended FROM Card WHERE id = ?", secondId).suspended).toBe(1);

  // the deck list no longer counts the buried and suspended cards as new
  await page.goto(server.url);
  await expect(page.locator('[data-deck-id="e2e-deck"] [data-testid=deck-new]')).toHaveText("6");
});
