/**
 * A 10-question quiz with every kind, answered in real Chromium partly right and partly
 * wrong (the right answers are read from the server's database), with a reload in the
 * middle; it ends on the right score, reviews and topic breakdown. Ordering questions are
 * answered with the move buttons and with dnd-kit's keyboard dragging. Then a timed quiz runs
 * out on Playwright's clock and a retake asks only the wrong ones.
 */
import { test, expect, type Page } from "@playwright/test";
import type { QuizQuestion } from "@/lib/quiz/types";
import { testServer, withDb } from "./fixtures/server";

const server = testServer(["tests/fixtures/quiz-content"]);

const stored = (quizId: string, position: number): QuizQuestion =>
  withDb(server, (db) => JSON.parse((db.prepare("SELECT question FROM QuizQuestion WHERE quizId = ? AND position = ?").get(quizId, position) as { question: string }).question) as QuizQuestion);

const quizIdOf = (page: Page) => page.getByTestId("quiz-runner").getAttribute("data-quiz-id");

/** Puts the ordering question's steps into `target` (indexes of shown steps) with the move buttons. */
async function arrange(page: Page, q: Extract<QuizQuestion, { kind: "ordering" }>, target: number[]) {
  const text = (i: number) => q.stepsHtml[i]!.replace(/<[^>]+>/g, "");
  for (let place = 0; place < target.length; place++) {
    const want = text(target[place]!);
    const steps = page.getByTestId("ordering-step");
    const texts = await steps.allTextContents();
    let from = texts.findIndex((t) => t.includes(want));
    while (from > place) {
      await steps.nth(from).getByTestId("move-up").click();
      from--;
    }
  }
  const finalTexts = await page.getByTestId("ordering-step").allTextContents();
  target.forEach((shown, i) => expect(finalTexts[i]).toContain(text(shown)));
}

async function answer(page: Page, q: QuizQuestion, right: boolean) {
  switch (q.kind) {
    case "choice": {
      const picks = right ? q.correct.flatMap((c, i) => (c ? [i] : [])) : [q.correct.findIndex((c) => !c)];
      // keys 1–9 pick options
      for (const i of picks) await page.keyboard.press(String(i + 1));
      break;
    }
    case "generated": {
      const pick = right ? q.correctIndex : (q.correctIndex + 1) % q.options.length;
      await page.getByTestId("quiz-option").nth(pick).click();
      break;
    }
    case "typed":
      await expect(page.getByTestId("quiz-typed-input")).toBeFocused();
      // the right answer typed in capitals still counts
      await page.keyboard.type(right ? q.expected.toUpperCase() : "no idea");
      break;
    case "ordering": {
      const rightOrder = q.ranks.map((_, i) => i).sort((a, b) => q.ranks[a]! - q.ranks[b]!);
      await arrange(page, q, right ? rightOrder : [...rightOrder].reverse());
      break;
    }
  }
  await page.getByTestId("quiz-submit").click();
  await expect(page.getByTestId("verdict")).toHaveText(right ? "Right" : "Wrong");
}

test("a 10-question quiz of every kind, answered partly wrong, with a reload in the middle", async ({ page }) => {
  const start = Date.now() + 60_000;
  // installed a little before the moment it pauses at: on a busy machine the clock has already run on by the pause (pauseAt cannot go back)
  await page.clock.install({ time: new Date(start).getTime() - 10_000 });
  await page.clock.pauseAt(start);
  await page.goto(`${server.url}/quiz`);
  await expect(page.getByTestId("quiz-deck")).toBeChecked();
  await page.getByTestId("quiz-seed").fill("e2e-seed");
  await page.getByTestId("quiz-start").click();
  await expect(page.getByTestId("quiz-question")).toBeVisible();
  const quizId = (await quizIdOf(page))!;
  const kinds = withDb(server, (db) => (db.prepare("SELECT kind FROM QuizQuestion WHERE quizId = ? ORDER BY position").all(quizId) as Array<{ kind: string }>).map((r) => r.kind));
  expect(new Set(kinds)).toEqual(new Set(["choice", "generated", "typed", "ordering"]));
  expect(kinds).toHaveLength(10);

  // right on even positions, wrong on odd ones; each question takes 5 s on the clock
  const rightAt = (p: number) => p % 2 === 0;
  for (let position = 0; position < 10; position++) {
    await expect(page.getByTestId("quiz-progress-text")).toContainText(`Question ${position + 1} of 10`);
    const q = stored(quizId, position);
    expect(await page.getByTestId("quiz-question").getAttribute("data-kind")).toBe(q.kind);
    if (position === 5) {
      // a reload in the middle resumes at the same question; the browser's draft is gone
      await page.reload();
      await expect(page.getByTestId("quiz-progress-text")).toContainText("Question 6 of 10");
    }
    await page.clock.runFor(5_000);
    await answer(page, q, rightAt(position));
    await expect(page.getByTestId("quiz-rating")).toHaveText(rightAt(position) ? "Reviewed as Good" : "Reviewed as Again");
    await page.keyboard.press("Enter");
  }

  await expect(page).toHaveURL(new RegExp(`/quiz/${quizId}/result$`));
  await expect(page.getByTestId("result-score")).toHaveText("5 / 10 (50%)");
  const questions = Array.from({ length: 10 }, (_, p) => stored(quizId, p));
  // the breakdown: every topic's questions and points, counted here from the stored questions
  const expected = new Map<string, { n: number; points: number }>();
  questions.forEach((q, p) => {
    for (let depth = 0; depth <= q.source.topic.length; depth++) {
      const key = ["OpenStack quiz", ...q.source.topic.slice(0, depth)].join(" › ");
      const e = expected.get(key) ?? { n: 0, points: 0 };
      expected.set(key, { n: e.n + 1, points: e.points + (rightAt(p) ? 1 : 0) });
    }
  });
  const rows = page.getByTestId("topic-row");
  await expect(rows).toHaveCount(expected.size);
  for (const [topic, e] of expected) {
    const row = page.locator(`[data-testid=topic-row][data-topic="${topic}"]`);
    await expect(row.getByTestId("topic-score")).toHaveText(`${e.points} / ${e.n} (${Math.round((e.points / e.n) * 100)}%)`);
  }
  // every question is reviewed, timed at 5 s (the reload cost no time on the paused clock)
  await expect(page.getByTestId("review-question")).toHaveCount(10);
  await expect(page.getByTestId("review-time").first()).toHaveText("5 s");
  // the answers were reviews: right and quick → Good, wrong → Again
  const ratings = withDb(server, (db) => (db.prepare("SELECT rating FROM Review WHERE source = 'quiz' ORDER BY id").all() as Array<{ rating: number }>).map((r) => r.rating));
  expect(ratings).toEqual(Array.from({ length: 10 }, (_, p) => (rightAt(p) ? 3 : 1)));

  // retake the five wrong ones
  await page.getByTestId("quiz-retake").click();
  await expect(page.getByTestId("quiz-progress-text")).toContainText("Question 1 of 5");
  const retakeId = (await quizIdOf(page))!;
  const retaken = withDb(server, (db) => (db.prepare("SELECT cardId FROM QuizQuestion WHERE quizId = ?").all(retakeId) as Array<{ cardId: string }>).map((r) => r.cardId));
  expect(retaken.sort()).toEqual(questions.filter((_, p) => !rightAt(p)).map((q) => q.source.cardId).sort());

  // the history lists both
  await page.goto(`${server.url}/quiz`);
  await expect(page.getByTestId("quiz-history-row")).toHaveCount(2);
  await expect(page.getByTestId("quiz-history-score").nth(1)).toHaveText("5 / 10 (50%)");
});

test("ordering by keyboard dragging: Space picks a step up, arrows move it, Space drops it", async ({ page }) => {
  await page.goto(`${server.url}/quiz?kinds=ordering&count=1&seed=kbd&practice=1`);
  await page.getByTestId("quiz-start").click();
  const steps = page.locator("[data-testid=ordering-step] .step-text");
  await expect(steps).toHaveCount(4);
  const before = await steps.allTextContents();
  // each key waits for dnd-kit's screen reader announcement: it measures the list between keys
  const announced = (text: string) => expect(page.locator("[aria-live]").filter({ hasText: text })).toHaveCount(1);
  await page.getByTestId("drag-handle").first().focus();
  await page.keyboard.press("Space");
  await announced("Step moved to place 1.");
  await page.keyboard.press("ArrowDown");
  await announced("Step moved to place 2.");
  await page.keyboard.press("Space");
  await announced("Step dropped in place 2.");
  await expect.poll(() => steps.allTextContents()).toEqual([before[1], before[0], before[2], before[3]]);
  await page.getByTestId("quiz-submit").click();
  await expect(page.getByTestId("quiz-rating")).toHaveText("Practice: the schedule is unchanged.");
});

test("a timed quiz runs out on the clock: the result says so and unanswered questions score 0", async ({ page }) => {
  const start = Date.now() + 120_000;
  // installed a little before the moment it pauses at: on a busy machine the clock has already run on by the pause (pauseAt cannot go back)
  await page.clock.install({ time: new Date(start).getTime() - 10_000 });
  await page.clock.pauseAt(start);
  const reviewCount = () => withDb(server, (db) => db.prepare("SELECT COUNT(*) AS n FROM Review").get());
  const reviewsBefore = reviewCount();
  await page.goto(`${server.url}/quiz?count=3&minutes=1&seed=timed&practice=1&kinds=typed`);
  await page.getByTestId("quiz-start").click();
  await expect(page.getByTestId("quiz-countdown")).toHaveText("1:00");
  // regression (new-user issue, item 12): the clock was red from the first second of a short limit
  await expect(page.getByTestId("countdown")).not.toHaveClass(/urgent/);
  const quizId = (await quizIdOf(page))!;
  await page.clock.runFor(10_000);
  await expect(page.getByTestId("quiz-countdown")).toHaveText("0:50");
  await answer(page, stored(quizId, 0), true);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("quiz-progress-text")).toContainText("Question 2 of 3");
  await page.clock.runFor(30_000);
  await expect(page.getByTestId("quiz-countdown-announcement")).toHaveText("30 seconds left");
  await expect(page.getByTestId("countdown")).not.toHaveClass(/urgent/);
  await page.clock.runFor(11_000);
  // the last fifth of the minute is red
  await expect(page.getByTestId("countdown")).toHaveClass(/urgent/);
  await page.clock.runFor(10_000);
  await expect(page).toHaveURL(new RegExp(`/quiz/${quizId}/result$`));
  await expect(page.getByTestId("result-timed-out")).toBeVisible();
  await expect(page.getByTestId("result-score")).toHaveText("1 / 3 (33%)");
  // a practice quiz: no review written
  expect(reviewCount()).toEqual(reviewsBefore);
});
