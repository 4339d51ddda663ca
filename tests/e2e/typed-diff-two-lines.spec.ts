/**
 * Issue 12.4: the character diff was unreadable (typed and expected characters interleaved in
 * one line) and showed red and green even on an answer judged right. Now your answer and the
 * expected one are on separate lines, each reading as written, the differences marked on their
 * own line; an answer judged right shows no marks. Chinese on a desktop, English on a 375 px
 * phone (the lines wrap, nothing scrolls sideways).
 */
import { test, expect } from "@playwright/test";
import { seriousViolations } from "./fixtures/axe";
import { testServer, withDb } from "./fixtures/server";

const server = testServer(["tests/fixtures/e2e-content"]);

const fresh = () =>
  withDb(
    server,
    (db) => {
      db.prepare("DELETE FROM Review").run();
      db.prepare("UPDATE Card SET state = 0, due = 0, reps = 0, lapses = 0, stability = 0, difficulty = 0, lastReview = NULL, suspended = 0, buriedUntil = NULL").run();
    },
    { readonly: false },
  );

const CASES = [
  { name: "Chinese, desktop", locale: "zh-CN", viewport: { width: 1280, height: 800 }, right: "答对了", yours: "你的输入", answer: "答案" },
  { name: "English, 375 px phone", locale: "en-US", viewport: { width: 375, height: 740 }, right: "Right", yours: "You typed", answer: "Answer" },
] as const;

for (const c of CASES) {
  test.describe(c.name, () => {
    test.use({ locale: c.locale, viewport: c.viewport });

    test(`the diff shows your answer and the expected one on separate lines, no marks on a right answer (${c.name})`, async ({ page }) => {
      fresh();
      await page.goto(`${server.url}/study/e2e-deck`);
      await page.getByTestId("type-toggle").check();
      const diff = page.getByTestId("typed-diff");

      // judged right (separator and case differ): both lines plain, no red or green
      await page.keyboard.type("dynamic-host configuration protocol");
      await page.keyboard.press("Enter");
      await expect(page.getByTestId("typed-verdict")).toContainText(c.right);
      await expect(diff).toContainText(c.yours);
      await expect(diff.getByTestId("diff-typed")).toHaveText("dynamic-host configuration protocol");
      await expect(diff.getByTestId("diff-expected")).toHaveText("Dynamic Host Configuration Protocol");
      await expect(diff.locator("ins, del")).toHaveCount(0);
      await page.keyboard.press("3");

      // SSH: right again; then DNS, wrong: each line reads as written, the marks on their own line
      await page.getByTestId("typed-input").fill("22");
      await page.keyboard.press("Enter");
      await page.keyboard.press("3");
      await expect(page.getByTestId("prompt")).toContainText("DNS");
      await page.keyboard.type("hostname to ip adress");
      await page.keyboard.press("Enter");
      await expect(diff.getByTestId("diff-typed")).toHaveText("hostname to ip adress");
      await expect(diff.getByTestId("diff-expected")).toHaveText("Host names into IP addresses");
      // what the answer has and you did not type, marked on the answer's line only
      await expect(diff.getByTestId("diff-expected").locator("ins")).toHaveText([" ", "s", "in", "d", "es"]);
      await expect(diff.getByTestId("diff-typed").locator("del, ins")).toHaveCount(0);
      await expect(diff.getByTestId("diff-expected").locator("del")).toHaveCount(0);
      // two lines, one above the other
      const typedBox = (await diff.getByTestId("diff-typed").boundingBox())!;
      const expectedBox = (await diff.getByTestId("diff-expected").boundingBox())!;
      expect(expectedBox.y).toBeGreaterThanOrEqual(typedBox.y + typedBox.height - 1);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      await expect(diff).toContainText(c.answer);
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
}
