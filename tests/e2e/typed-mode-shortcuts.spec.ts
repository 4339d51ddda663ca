/**
 * Issue 12.2: typed mode ate the shortcuts. After a rating the focus goes into the next card's
 * answer box (as in Anki); there the keys type, Enter checks, and Esc leaves the box, after
 * which U, - and @ work again; the hint under the box says so and the card no longer claims
 * "Space/Enter shows the answer" while you type. By keyboard, in Chinese and English, on a
 * desktop and on a 375 px phone.
 */
import { test, expect, type Page } from "@playwright/test";
import { seriousViolations } from "./fixtures/axe";
import { testServer, withDb } from "./fixtures/server";

const server = testServer(["tests/fixtures/e2e-content"]);

const reviews = () => withDb(server, (db) => (db.prepare("SELECT COUNT(*) AS n FROM Review").get() as { n: number }).n);
const resetDb = () =>
  withDb(
    server,
    (db) => {
      db.prepare("DELETE FROM Review").run();
      db.prepare("UPDATE Card SET state = 0, due = 0, reps = 0, lapses = 0, stability = 0, difficulty = 0, lastReview = NULL, suspended = 0, buriedUntil = NULL").run();
    },
    { readonly: false },
  );

const CASES = [
  { name: "Chinese, desktop", locale: "zh-CN", viewport: { width: 1280, height: 800 }, esc: "Esc", leave: "离开输入框", buried: "已搁置", suspended: "已暂停", reveal: "Space / Enter 显示答案" },
  { name: "English, 375 px phone", locale: "en-US", viewport: { width: 375, height: 740 }, esc: "Esc", leave: "leave the box", buried: "buried", suspended: "suspended", reveal: "Space / Enter to reveal" },
] as const;

async function noSideways(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
}

for (const c of CASES) {
  test.describe(c.name, () => {
    test.use({ locale: c.locale, viewport: c.viewport });

    test(`typed mode: Enter checks, Esc leaves the box, then U - @ work (${c.name})`, async ({ page }) => {
      resetDb();
      await page.goto(`${server.url}/study/e2e-deck`);
      await page.getByTestId("type-toggle").check();
      const input = page.getByTestId("typed-input");
      const card = page.getByTestId("card");
      await expect(input).toBeFocused();
      // in the box: not "Space/Enter shows the answer" (there Space types a space), but its own hint
      await expect(card).not.toContainText(c.reveal);
      await expect(page.getByTestId("typed-hint")).toContainText("Enter");
      await expect(page.getByTestId("leave-box")).toContainText(c.esc);
      await expect(page.getByTestId("leave-box")).toContainText(c.leave);
      await expect(page.getByTestId("leave-box")).toBeInViewport();
      await expect(page.getByTestId("reveal-hint")).toHaveCount(0);
      await noSideways(page);
      expect(await seriousViolations(page)).toEqual([]);

      // Enter checks; the keys then work again: 3 rates
      const first = await card.getAttribute("data-card-id");
      await page.keyboard.type("Dynamic Host Configuration Protocol");
      await page.keyboard.press("Enter");
      await expect(page.getByTestId("typed-verdict")).toBeVisible();
      await expect(input).not.toBeFocused();
      await page.keyboard.press("3");
      await expect(card).not.toHaveAttribute("data-card-id", first!);
      expect(reviews()).toBe(1);

      // the next card's box has the focus; Esc leaves it, and u undoes instead of typing "u"
      await expect(input).toBeFocused();
      await page.keyboard.press("Escape");
      await expect(input).not.toBeFocused();
      await expect(page.getByTestId("reveal-hint")).toBeVisible();
      await expect(page.getByTestId("reveal-hint")).not.toContainText(c.reveal.split(" ").at(-1)!);
      await page.keyboard.press("u");
      await expect(card).toHaveAttribute("data-card-id", first!);
      expect(reviews()).toBe(0);
      await expect(input).toHaveValue("");

      // in the box, "-" is text; out of it (Esc), "-" buries the card
      await expect(input).toBeFocused();
      await page.keyboard.type("-");
      await expect(input).toHaveValue("-");
      await page.keyboard.press("Escape");
      await page.keyboard.press("-");
      await expect(page.getByTestId("session-status")).toContainText(c.buried);
      await expect(card).not.toHaveAttribute("data-card-id", first!);
      const buried = withDb(server, (db) => (db.prepare("SELECT buriedUntil FROM Card WHERE id = ?").get(first) as { buriedUntil: number | null }).buriedUntil);
      expect(buried).not.toBeNull();

      // the visible way out: the button leaves the box too; then @ suspends
      const second = await card.getAttribute("data-card-id");
      await expect(input).toBeFocused();
      await page.getByTestId("leave-box").click();
      await expect(input).not.toBeFocused();
      await page.keyboard.press("@");
      await expect(page.getByTestId("session-status")).toContainText(c.suspended);
      const suspended = withDb(server, (db) => (db.prepare("SELECT suspended FROM Card WHERE id = ?").get(second) as { suspended: number }).suspended);
      expect(suspended).toBe(1);

      // out of the box, Space checks what the box holds (nothing here), and the answer shows
      await expect(input).toBeFocused();
      await page.keyboard.press("Escape");
      await page.keyboard.press("Space");
      await expect(page.getByTestId("typed-verdict")).toBeVisible();
      await expect(page.getByTestId("proposed-rating")).toBeVisible();
    });
  });
}
