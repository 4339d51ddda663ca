/**
 * The card browser in a real browser: a Chinese substring search, the kind filter, paging,
 * and a card's detail page with the review recorded through the API. Every filter is a
 * plain GET form, so the URL carries it.
 */
import { test, expect } from "@playwright/test";
import { testServer } from "./fixtures/server";

const server = testServer(["tests/fixtures/e2e-content", "tests/fixtures/browse-content"]);

test("the API searches, validates its query and shows a card's detail", async ({ request }) => {
  const found = await request.get(`${server.url}/api/v1/cards?text=${encodeURIComponent("校验")}`);
  expect(found.status()).toBe(200);
  const body = (await found.json()) as { cards: { prompt: string; deckId: string }[]; total: number; nextCursor: string | null };
  expect(body.total).toBe(2);
  expect(body.cards.every((c) => c.deckId === "browse-deck")).toBe(true);
  expect(body.nextCursor).toBeNull();

  const bad = await request.get(`${server.url}/api/v1/cards?kind=essay&limit=500`);
  expect(bad.status()).toBe(400);
  const error = (await bad.json()) as { error: { code: string; message: string } };
  expect(error.error.code).toBe("invalid_request");
  expect(error.error.message).toContain("kind must be one of");
  expect(error.error.message).toContain("limit must be 1 to 200");

  const missing = await request.get(`${server.url}/api/v1/cards/no-such-card/detail`);
  expect(missing.status()).toBe(404);
});

test("search in Chinese, filter by kind, page, open a card and see its history", async ({ page, request }) => {
  // study one card once through the API
  const search = (await (await request.get(`${server.url}/api/v1/cards?text=keystone`)).json()) as { cards: { id: string }[] };
  const studied = search.cards[0]!.id;
  const rated = await request.post(`${server.url}/api/v1/reviews`, { data: { cardId: studied, rating: 3, durationMs: 4200 } });
  expect(rated.status()).toBe(200);

  await page.goto(server.url);
  await page.getByTestId("browse-link").click();
  await expect(page).toHaveURL(/\/browse$/);
  await expect(page.getByTestId("result-count")).toHaveText("13 cards");

  // a Chinese substring, through the form: the URL carries the filter
  await page.getByLabel("Text", { exact: true }).fill("校验");
  await page.getByTestId("filter-submit").click();
  await expect(page).toHaveURL(/text=%E6%A0%A1%E9%AA%8C/);
  await expect(page.getByTestId("result-count")).toHaveText("2 cards");
  await expect(page.getByTestId("result-row")).toHaveCount(2);
  await expect(page.getByTestId("results")).toContainText("keystone 在创建虚拟机时的作用是什么？");
  await expect(page.getByTestId("results")).toContainText("浏览测试卡组");
  await expect(page.getByLabel("Text", { exact: true })).toHaveValue("校验");

  // regression (new-user issue, item 14): 令牌 finds the cards that say token, and says so
  await page.getByLabel("Text", { exact: true }).fill("令牌");
  await page.getByTestId("filter-submit").click();
  await expect(page.getByTestId("also-searched")).toContainText("token");
  // the two cards whose answers say token
  await expect(page.getByTestId("result-row")).toHaveCount(2);
  await expect(page.getByTestId("results")).toContainText("nova-api 收到请求后先做什么？");

  // kind alone: the clozes of both decks
  await page.getByLabel("Text", { exact: true }).fill("");
  await page.getByLabel("Kind", { exact: true }).selectOption("cloze");
  await page.getByTestId("filter-submit").click();
  await expect(page).toHaveURL(/kind=cloze/);
  await expect(page.getByTestId("result-row")).toHaveCount(2);
  for (const row of await page.getByTestId("result-row").all()) await expect(row).toHaveAttribute("data-kind", "cloze");

  // paging by cursor: one card a page
  await page.goto(`${server.url}/browse?kind=cloze&limit=1`);
  await expect(page.getByTestId("result-row")).toHaveCount(1);
  const firstId = await page.getByTestId("result-row").getAttribute("data-card-id");
  await page.getByTestId("next-page").click();
  await expect(page).toHaveURL(/cursor=/);
  await expect(page.getByTestId("result-row")).toHaveCount(1);
  await expect(page.getByTestId("result-row")).not.toHaveAttribute("data-card-id", firstId!);
  await expect(page.getByTestId("next-page")).toHaveCount(0);

  // a bad query is explained, not a crash
  await page.goto(`${server.url}/browse?flag=9`);
  await expect(page.getByTestId("browse-error")).toContainText("flag must be 0 to 4");

  // state filter, then open the studied card
  await page.goto(`${server.url}/browse`);
  await page.getByLabel("State", { exact: true }).selectOption("learning");
  await page.getByTestId("filter-submit").click();
  await expect(page.getByTestId("result-row")).toHaveCount(1);
  await page.getByTestId("card-link").click();
  await expect(page).toHaveURL(new RegExp(`/cards/${studied}$`));
  await expect(page.getByTestId("detail-prompt")).toContainText("keystone 在创建虚拟机时的作用是什么？");
  await expect(page.getByTestId("detail-answer").locator("strong")).toHaveText("token");
  await expect(page.getByTestId("schedule-state")).toHaveText("Learning");
  await expect(page.getByTestId("schedule-reps")).toHaveText("1");
  await expect(page.getByTestId("schedule-retrievability")).toHaveText(/^\d+(\.\d)?%$/);
  await expect(page.getByTestId("history-row")).toHaveCount(1);
  await expect(page.getByTestId("history-row")).toContainText("Good");
  await expect(page.getByTestId("history-row")).toContainText("4.2");
  await expect(page.getByRole("table", { name: /Review history/ })).toBeVisible();

  // and back to the browser
  await page.getByTestId("back-to-browse").click();
  await expect(page).toHaveURL(/\/browse$/);

  // 375px wide: the page itself never scrolls sideways (wide tables scroll in their box)
  await page.setViewportSize({ width: 375, height: 800 });
  for (const url of [`${server.url}/browse?text=${encodeURIComponent("校验")}`, `${server.url}/cards/${studied}`]) {
    await page.goto(url);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  }
});
