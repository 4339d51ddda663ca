/**
 * Issue 12.5: the ordering keyboard trap. After arranging the steps with the ↑ buttons by
 * keyboard, Enter ("Check Enter") moved the focused step again (and the order submitted later
 * was not the one on screen). Now Enter on a move button or handle submits the order shown;
 * Space moves; the focus stays on the moved step. Chinese and English, desktop and a 375 px
 * phone, keyboard only.
 */
import { test, expect, type Page } from "@playwright/test";
import type { QuizQuestion } from "@/lib/quiz/types";
import { testServer, withDb } from "./fixtures/server";

const server = testServer(["tests/fixtures/quiz-content"]);

type Ordering = Extract<QuizQuestion, { kind: "ordering" }>;

const CASES = [
  { name: "Chinese, desktop", locale: "zh-CN", viewport: { width: 1280, height: 800 }, right: "正确", seed: "order-zh" },
  { name: "English, 375 px phone", locale: "en-US", viewport: { width: 375, height: 740 }, right: "Right", seed: "order-en" },
] as const;

const stepTexts = async (page: Page) => (await page.getByTestId("ordering-step").locator(".step-text").allTextContents()).map((t) => t.trim());

for (const c of CASES) {
  test.describe(c.name, () => {
    test.use({ locale: c.locale, viewport: c.viewport });

    test(`ordering: after arranging with the up buttons, Enter submits the order shown and never moves a step (${c.name})`, async ({ page, request }) => {
      const { decks } = (await (await request.get(`${server.url}/api/v1/decks`)).json()) as { decks: Array<{ id: string }> };
      const created = await request.post(`${server.url}/api/v1/quizzes`, {
        data: { scope: [{ deckId: decks[0]!.id }], count: 1, kinds: ["ordering"], seed: c.seed, practice: true },
      });
      expect(created.status()).toBe(201);
      const { id } = (await created.json()) as { id: string };
      const q = withDb(server, (db) => JSON.parse((db.prepare("SELECT question FROM QuizQuestion WHERE quizId = ? AND position = 0").get(id) as { question: string }).question) as Ordering);
      const text = (i: number) => q.stepsHtml[i]!.replace(/<[^>]+>/g, "").trim();
      const rightOrder = q.ranks.map((_, i) => i).sort((a, b) => q.ranks[a]! - q.ranks[b]!);
      expect(rightOrder).not.toEqual(q.ranks.map((_, i) => i)); // shown shuffled

      await page.goto(`${server.url}/quiz/${id}`);
      await expect(page.getByTestId("ordering-steps")).toBeVisible();
      // by keyboard: focus a step's ↑ and press Space until it is in place; the focus follows the step
      for (let place = 0; place < rightOrder.length; place++) {
        const want = text(rightOrder[place]!);
        let from = (await stepTexts(page)).indexOf(want);
        if (from > place) await page.getByTestId("ordering-step").nth(from).getByTestId("move-up").focus();
        while (from > place) {
          await page.keyboard.press("Space");
          from--;
          await expect(page.getByTestId("ordering-step").nth(from).locator(".step-text")).toHaveText(want);
          await expect(page.getByTestId("ordering-step").nth(from).locator("button:focus")).toHaveCount(1);
        }
      }
      const shown = await stepTexts(page);
      expect(shown).toEqual(rightOrder.map(text));

      // the focus is on a move button of the last step moved: Enter submits, and moves nothing
      await expect(page.locator("[data-testid=ordering-steps] button:focus")).toHaveCount(1);
      if (c.locale === "en-US") await page.screenshot({ path: "docs/screenshots/quiz-ordering-phone-after.png", fullPage: true });
      await page.keyboard.press("Enter");
      await expect(page.getByTestId("verdict")).toHaveText(c.right);
      if (c.locale === "en-US") await page.screenshot({ path: "docs/screenshots/quiz-ordering-checked-phone-after.png", fullPage: true });
      const answer = withDb(server, (db) => JSON.parse((db.prepare("SELECT answer FROM QuizQuestion WHERE quizId = ? AND position = 0").get(id) as { answer: string }).answer) as { order: number[] });
      expect(answer.order.map(text)).toEqual(shown);
    });
  });
}
