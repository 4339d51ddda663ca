/**
 * A three-question mock interview in real Chromium on Playwright's clock (no real waiting):
 * one answer submitted, one that runs out of time and is submitted with what was typed, and
 * one answered after a reload mid-question. The report shows the points, the times and the
 * topic breakdown; "study what I missed" makes those cards due.
 */
import { test, expect } from "@playwright/test";
import { testServer, withDb } from "./fixtures/server";

const server = testServer(["tests/fixtures/interview-content"]);

/** Covers every point of every question in the fixture deck. */
const FULL = "用户先向 keystone 认证拿 token，nova-api 再回 keystone 校验。The DHCP agent runs dnsmasq in the qdhcp namespace and the VM broadcasts DHCPDISCOVER. 路由器做 DNAT，出去做 SNAT。";

test("one answer submitted, one timed out, one after a reload; the report and study what I missed", async ({ page }) => {
  const start = Date.now() + 60_000;
  await page.clock.install({ time: start - 10_000 });
  await page.clock.pauseAt(start);
  await page.goto(`${server.url}/interview`);
  await page.getByTestId("interview-seed").fill("e2e");
  await page.getByTestId("interview-begin").click();
  const runner = page.getByTestId("interview-runner");
  await expect(runner).toBeVisible();
  const id = (await runner.getAttribute("data-interview-id"))!;

  // 1: answered in 30 s, every point covered; the automatic ticks are confirmed
  await page.getByTestId("interview-start-question").click();
  await expect(page.getByTestId("quiz-countdown")).toHaveText("3:00");
  await expect(page.getByTestId("interview-answer")).toBeFocused();
  await page.getByTestId("interview-answer").fill(FULL);
  await page.clock.runFor(30_000);
  await page.getByTestId("interview-submit").click();
  await expect(page.getByTestId("interview-grading")).toBeVisible();
  const points1 = page.getByTestId("rubric-point");
  expect(await points1.count()).toBeGreaterThan(1);
  for (const covered of await points1.evaluateAll((els) => els.map((e) => e.getAttribute("data-covered")))) expect(covered).toBe("true");
  await page.getByTestId("interview-confirm").click();

  // 2: typed, saved as typed, then the three minutes run out: it is submitted by itself
  await expect(page.getByTestId("interview-progress-text")).toContainText("Question 2 of 3");
  await page.getByTestId("interview-start-question").click();
  await page.getByTestId("interview-answer").fill("nothing that matches any point");
  await page.clock.runFor(1_000);
  await expect(page.getByTestId("interview-saved")).toHaveText("Saved");
  await page.clock.runFor(60_000);
  await expect(page.getByTestId("quiz-countdown")).toHaveText("1:59");
  await page.clock.runFor(120_000);
  await expect(page.getByTestId("interview-grading")).toBeVisible();
  await expect(page.getByTestId("interview-auto-submitted")).toBeVisible();
  await expect(page.getByTestId("interview-your-answer")).toHaveText("nothing that matches any point");
  // self-grading: the user ticks the first point after all
  await page.getByTestId("rubric-point").first().click();
  await page.getByTestId("interview-confirm").click();

  // 3: started, typed, and the page reloads mid-question: same question, same clock, the draft kept
  await expect(page.getByTestId("interview-progress-text")).toContainText("Question 3 of 3");
  await page.getByTestId("interview-start-question").click();
  await page.getByTestId("interview-answer").fill(FULL);
  await page.clock.runFor(20_000);
  await expect(page.getByTestId("interview-saved")).toHaveText("Saved");
  await page.reload();
  await expect(page.getByTestId("interview-answer")).toHaveValue(FULL);
  await expect(page.getByTestId("quiz-countdown")).toHaveText("2:40");
  await page.clock.runFor(10_000);
  await page.getByTestId("interview-submit").click();
  await page.getByTestId("interview-confirm").click();

  // the report
  await expect(page).toHaveURL(new RegExp(`/interview/${id}/report$`));
  const questions = page.getByTestId("report-question");
  await expect(questions).toHaveCount(3);
  await expect(questions.nth(0).getByTestId("report-time")).toHaveText("30 s");
  await expect(questions.nth(1).getByTestId("report-time")).toHaveText("180 s");
  await expect(questions.nth(1)).toContainText("time ran out");
  await expect(questions.nth(2).getByTestId("report-time")).toHaveText("30 s");
  await expect(questions.nth(0).getByTestId("report-question-score")).toHaveText("100%");
  await expect(questions.nth(2).getByTestId("report-question-score")).toHaveText("100%");
  const second = withDb(server, (db) => db.prepare("SELECT json_array_length(question, '$.points') AS n, cardId FROM InterviewQuestion WHERE interviewId = ? AND position = 1").get(id) as { n: number; cardId: string });
  const share = Math.round((1 / second.n) * 100);
  await expect(questions.nth(1).getByTestId("report-question-score")).toHaveText(`${share}%`);
  await expect(questions.nth(1).locator("[data-testid=report-point][data-covered=true]")).toHaveCount(1);
  await expect(page.getByTestId("report-score")).toHaveText(`${Math.round(((2 + 1 / second.n) / 3) * 100)}%`);
  // by topic: the deck row has the three questions, each topic one
  await expect(page.locator("[data-testid=topic-row][data-topic='Mock interview'] [data-testid=topic-score]")).toHaveText(
    `${Number(((2 + 1 / second.n)).toFixed(2))} / 3 (${Math.round(((2 + 1 / second.n) / 3) * 100)}%)`,
  );
  await expect(page.getByTestId("topic-row")).toHaveCount(4);

  // study what I missed: the second question's card gets an Again review and is due within
  // minutes, and the study screen opens with it (study-missed-facts.spec.ts: the fact cards)
  await page.getByTestId("study-missed").click();
  await expect(page).toHaveURL(/\/study\/[^?]+\?cards=/);
  await expect(page.getByTestId("missed-banner")).toBeVisible();
  const review = withDb(server, (db) => db.prepare("SELECT rating, source, due FROM Review WHERE cardId = ?").get(second.cardId) as { rating: number; source: string; due: number });
  expect(review).toMatchObject({ rating: 1, source: "interview" });
  expect(review.due - Date.now()).toBeLessThan(15 * 60_000);
});

test("a bare list of terms, ticked in full, scores 25% and the report says why, in Chinese", async ({ page, context }) => {
  await context.addCookies([{ name: "locale", value: "zh", url: server.url }]);
  await page.goto(`${server.url}/interview`);
  await page.getByTestId("interview-seed").fill("terms");
  await page.getByTestId("interview-count").fill("1");
  await page.getByTestId("interview-begin").click();
  await expect(page.getByTestId("interview-runner")).toBeVisible();
  await page.getByTestId("interview-start-question").click();
  await page.getByTestId("interview-answer").fill("keystone, token, nova-api, dnsmasq, qdhcp, DHCPDISCOVER, DNAT, SNAT");
  await page.getByTestId("interview-submit").click();
  await expect(page.getByTestId("interview-grading")).toBeVisible();
  // said before the user ticks, not only in the report
  await expect(page.getByTestId("interview-term-list")).toContainText("只列了术语");
  // the user ticks every point: the list still earns at most 25%
  for (const point of await page.getByTestId("rubric-point").all()) if ((await point.getAttribute("data-covered")) !== "true") await point.click();
  await page.getByTestId("interview-confirm").click();
  const question = page.getByTestId("report-question").first();
  await expect(question.getByTestId("report-question-score")).toHaveText("25%");
  await expect(question.getByTestId("report-term-list")).toContainText("只列了术语");
  await page.screenshot({ path: "docs/screenshots/interview-report-term-list.png", fullPage: true });
});
