/**
 * Regression (content-quality issue, item 6): a typed quiz answer the checker marked wrong could
 * not be overridden, so a right answer in other words counted 0 and gave the card an Again.
 * "I was right" right after the answer, and on the result page.
 */
import { test, expect } from "@playwright/test";
import { testServer, withDb } from "./fixtures/server";

const server = testServer(["tests/fixtures/quiz-content"]);
const one = <T>(sql: string, ...params: unknown[]): T => withDb(server, (db) => db.prepare(sql).get(...params) as T);

test("I was right: after the answer, and on the result page", async ({ page }) => {
  await page.goto(`${server.url}/quiz?count=2&seed=override&kinds=typed`);
  await page.getByTestId("quiz-start").click();
  const quizId = (await page.getByTestId("quiz-runner").getAttribute("data-quiz-id"))!;

  // regression (new-user issue, item 12): the source link ("line 56") opened the card and its answer mid-quiz
  await expect(page.getByTestId("question-source").getByRole("link")).toHaveCount(0);
  // question 1: an answer the checker does not know; override it at once
  await expect(page.getByTestId("quiz-typed-input")).toBeFocused();
  await page.keyboard.type("我用自己的话说对了");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("verdict")).toHaveText("Wrong");
  await expect(page.getByTestId("question-source").getByRole("link")).toHaveCount(2);
  await expect(page.getByTestId("quiz-rating")).toContainText("Again");
  await page.getByTestId("quiz-override").click();
  await expect(page.getByTestId("verdict")).toHaveText("Right");
  await expect(page.getByTestId("overridden")).toContainText("You marked this answer right");
  await expect(page.getByTestId("quiz-override")).toHaveCount(0);
  const first = one<{ cardId: string; score: number; rating: number }>("SELECT cardId, score, rating FROM QuizQuestion WHERE quizId = ? AND position = 0", quizId);
  expect(first.score).toBe(1);
  expect(one<{ rating: number }>("SELECT rating FROM Review WHERE cardId = ? ORDER BY id DESC LIMIT 1", first.cardId).rating).toBe(first.rating);
  expect(first.rating).toBeGreaterThan(1);
  await page.screenshot({ path: "docs/screenshots/quiz-override.png", fullPage: true });
  await page.keyboard.press("Enter");

  // question 2: wrong too, overridden later on the result page
  await expect(page.getByTestId("quiz-typed-input")).toBeFocused();
  await page.keyboard.type("不知道");
  await page.keyboard.press("Enter");
  await page.getByTestId("quiz-next").click();
  await expect(page).toHaveURL(new RegExp(`/quiz/${quizId}/result$`));
  await expect(page.getByTestId("result-score")).toHaveText("1 / 2 (50%)");
  await page.getByTestId("quiz-override").click();
  await expect(page.getByTestId("result-score")).toHaveText("2 / 2 (100%)");
  expect(one<{ score: number }>("SELECT score FROM Quiz WHERE id = ?", quizId).score).toBe(2);
});
