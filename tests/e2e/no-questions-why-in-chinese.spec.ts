/**
 * Issue 12.7 (re-checked): a quiz or interview set-up that cannot make a question said so in
 * Chinese, then gave the reason as the server's English detail ("（no interview question can be
 * made from the chosen decks and topics: they have no open questions (Interview: cards) to
 * ask）"), so a Chinese user was told why only in English. Now the why is in the UI's language:
 * an interview without open questions, and a quiz without cards for the chosen kinds. English
 * keeps the server's detail.
 */
import { test, expect, type Page } from "@playwright/test";
import { testServer } from "./fixtures/server";

const server = testServer(["tests/fixtures/e2e-content"]);
/** the deck of one basic card: no open question, no choice, no ordering */
const ONE_CARD = "extra/one-card";

async function onlyDeck(page: Page, root: string) {
  const boxes = page.getByTestId(root).getByTestId("quiz-deck");
  await expect(boxes.first()).toBeVisible();
  for (const box of await boxes.all()) {
    if ((await box.getAttribute("data-deck-id")) === ONE_CARD) await box.check();
    else await box.uncheck();
  }
}

const LATIN = /[A-Za-z]{4,}/;

test.describe("Chinese", () => {
  test.use({ locale: "zh-CN" });

  test("an interview set-up without open questions says why in Chinese, without the server's English", async ({ page }) => {
    await page.goto(`${server.url}/interview`);
    await onlyDeck(page, "interview-setup");
    await page.getByTestId("interview-allow-choice").uncheck();
    await page.getByTestId("interview-allow-ordering").uncheck();
    await page.getByTestId("interview-begin").click();
    const alert = page.getByTestId("interview-error");
    await expect(alert).toContainText("没有开放问题");
    await expect(alert).toContainText("允许选择题、排序题");
    // "Interview:" is the syntax a card is written in; nothing else in Latin letters
    expect((await alert.textContent())!.replace("Interview:", "")).not.toMatch(LATIN);
    await expect(page).toHaveURL(/\/interview$/);
  });

  test("a quiz set-up without cards for the chosen kinds says why in Chinese, without the server's English", async ({ page }) => {
    await page.goto(`${server.url}/quiz`);
    await onlyDeck(page, "quiz-builder");
    for (const box of await page.getByTestId("quiz-builder").getByTestId("quiz-kind").all()) {
      if ((await box.getAttribute("data-kind")) === "ordering") await box.check();
      else await box.uncheck();
    }
    await page.getByTestId("quiz-builder").getByRole("button", { name: "开始测验" }).click();
    const alert = page.getByTestId("quiz-error");
    await expect(alert).toContainText("出不了题");
    await expect(alert).toContainText("排序题只来自排序卡片");
    expect(await alert.textContent()).not.toMatch(LATIN);
  });
});

test.describe("English", () => {
  test.use({ locale: "en-US" });

  test("the interview set-up says why in English", async ({ page }) => {
    await page.goto(`${server.url}/interview`);
    await onlyDeck(page, "interview-setup");
    await page.getByTestId("interview-allow-choice").uncheck();
    await page.getByTestId("interview-allow-ordering").uncheck();
    await page.getByTestId("interview-begin").click();
    await expect(page.getByTestId("interview-error")).toContainText("no open questions");
  });
});
