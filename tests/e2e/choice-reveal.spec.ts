/**
 * Issue 12.3: choice cards. After clicking an option, Space reveals (it used to untick the
 * option); a keyboard user who tabbed to an option still ticks with Space, and digits tick
 * options. After the reveal your own picks are plain to see, a rating is proposed (Enter takes
 * it) and "partly right" says what you missed and what was wrong. In Chinese on a desktop with
 * the mouse, in English on a 375 px phone by keyboard.
 */
import { test, expect, type Page } from "@playwright/test";
import { seriousViolations } from "./fixtures/axe";
import { testServer, withDb } from "./fixtures/server";

const server = testServer(["tests/fixtures/e2e-content"]);

/** Only the deck's choice card is left to study, as new. */
const onlyTheChoiceCard = () =>
  withDb(
    server,
    (db) => {
      db.prepare("DELETE FROM Review").run();
      db.prepare("UPDATE Card SET state = 0, due = 0, reps = 0, lapses = 0, stability = 0, difficulty = 0, lastReview = NULL, suspended = CASE WHEN kind = 'choice' THEN 0 ELSE 1 END").run();
    },
    { readonly: false },
  );
const ratings = () => withDb(server, (db) => (db.prepare("SELECT rating FROM Review ORDER BY id").all() as Array<{ rating: number }>).map((r) => r.rating));

const option = (page: Page, text: string) => page.getByTestId("option").filter({ has: page.locator(".inline-html", { hasText: new RegExp(`^${text}$`) }) });
const pickColor = (page: Page, text: string) => option(page, text).locator(".pick").evaluate((el) => getComputedStyle(el).color);

test.describe("Chinese, desktop, mouse", () => {
  test.use({ locale: "zh-CN", viewport: { width: 1280, height: 800 } });

  test("after clicking an option Space reveals; your pick is clear, partly right names what you missed, Hard is proposed", async ({ page }) => {
    onlyTheChoiceCard();
    await page.goto(`${server.url}/study/e2e-deck`);
    await expect(page.getByTestId("card")).toHaveAttribute("data-kind", "choice");
    await option(page, "TCP").click();
    await expect(option(page, "TCP").locator("input")).toBeChecked();
    await page.keyboard.press("Space");

    // revealed, and the pick survived
    await expect(page.getByTestId("answer")).toBeVisible();
    await expect(option(page, "TCP")).toHaveAttribute("data-picked", "true");
    await expect(option(page, "TCP").getByTestId("option-mark")).toHaveText("✓ 正确 · 你选了");
    await expect(option(page, "UDP")).toHaveAttribute("data-picked", "false");
    await expect(option(page, "UDP").getByTestId("option-mark")).toHaveText("✓ 正确 · 你漏选了");
    await expect(option(page, "TCP").locator(".pick")).toHaveText("☑");
    // the pick is drawn in the answer's colour, not the grey of an option left alone
    expect(await pickColor(page, "TCP")).not.toBe(await pickColor(page, "IP"));

    // partly right: what was missed, and Hard proposed
    const verdict = page.getByTestId("verdict");
    await expect(verdict).toContainText("部分正确");
    await expect(page.getByTestId("choice-missed")).toContainText("漏选");
    await expect(page.getByTestId("choice-missed")).toContainText("UDP");
    await expect(page.getByTestId("choice-wrong-picks")).toHaveCount(0);
    await expect(page.getByTestId("proposed-rating")).toHaveText("困难");
    await expect(page.getByTestId("rate-2")).toHaveClass(/proposed/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press("Enter");
    await expect.poll(ratings).toEqual([2]);
  });
});

test.describe("English, 375 px phone, keyboard", () => {
  test.use({ locale: "en-US", viewport: { width: 375, height: 740 } });

  test("digits tick, Space on a tabbed-to option still ticks, Enter reveals; wrong picks and misses are named, Again proposed", async ({ page }) => {
    onlyTheChoiceCard();
    await page.goto(`${server.url}/study/e2e-deck`);
    await expect(page.getByTestId("card")).toHaveAttribute("data-kind", "choice");
    await page.keyboard.press("1");
    await page.keyboard.press("3");
    await expect(option(page, "TCP").locator("input")).toBeChecked();
    await expect(option(page, "HTTP").locator("input")).toBeChecked();
    await expect(page.getByTestId("reveal-hint")).toContainText("tick");
    // Tab to the first option: there Space is the checkbox's own
    await page.keyboard.press("Tab");
    await expect(option(page, "TCP").locator("input")).toBeFocused();
    await page.keyboard.press("Space");
    await expect(option(page, "TCP").locator("input")).not.toBeChecked();
    await page.keyboard.press("Space");
    await expect(option(page, "TCP").locator("input")).toBeChecked();
    await expect(page.getByTestId("answer")).toHaveCount(0);
    await page.keyboard.press("Enter");

    await expect(page.getByTestId("answer")).toBeVisible();
    await expect(option(page, "HTTP")).toHaveAttribute("data-picked", "true");
    await expect(option(page, "HTTP").getByTestId("option-mark")).toHaveText("✗ Wrong · your pick");
    await expect(option(page, "UDP").getByTestId("option-mark")).toHaveText("✓ Correct · you did not pick it");
    await expect(page.getByTestId("verdict")).toContainText("Not quite.");
    await expect(page.getByTestId("choice-missed")).toContainText("UDP");
    await expect(page.getByTestId("choice-wrong-picks")).toContainText("HTTP");
    await expect(page.getByTestId("proposed-rating")).toHaveText("Again");
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    // a digit overrides the proposal
    await page.keyboard.press("3");
    await expect.poll(ratings).toEqual([3]);
  });
});
