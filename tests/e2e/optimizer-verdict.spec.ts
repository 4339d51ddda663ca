/**
 * Regressions of the new user's issue item 11, on the settings page in real Chromium, in English
 * and Chinese: log loss got worse while RMSE improved and nothing said which to trust; the
 * parameters were never shown; after Apply the comparison was stale, Apply still the primary
 * button and "nothing changes until you apply" still there. One fit of josh's history serves
 * both languages (a second start while a fit runs joins it).
 */
import fs from "node:fs";
import path from "node:path";
import { test, expect, type Page } from "@playwright/test";
import { compareMetrics, DEFAULT_PARAMETERS } from "../../lib/fsrs-metrics";
import type { OptimizeJob } from "../../server/use-cases/parameters/optimize-job";
import { ROOT } from "../../scripts/lib/setup";
import { testServer, withDb } from "./fixtures/server";

const server = testServer(["tests/fixtures/e2e-content"]);

const n4 = (x: number) => x.toFixed(4);
const VERDICT = {
  en: {
    better: "The optimized parameters fit your history better",
    same: "The optimized parameters fit your history about as well as the ones in use",
    worse: "The optimized parameters fit your history worse than the ones in use",
  },
  zh: { better: "优化后的参数更符合你的复习记录", same: "优化后的参数与当前参数对你的复习记录拟合得差不多", worse: "优化后的参数对你的复习记录拟合得比当前参数差" },
} as const;

async function settingsIn(page: Page, locale: "en" | "zh") {
  await page.context().addCookies([{ name: "locale", value: locale, url: server.url }]);
  await page.goto(`${server.url}/settings`);
  await expect(page.getByTestId("history-panel")).toBeVisible();
}

const column = (page: Page, testId: string) => page.getByTestId("parameters-table").getByTestId(testId).allTextContents();

test("item 11: the optimizer says in plain words whether the new parameters are better, shows all 21, and after Apply shows what was applied", async ({ browser, request }) => {
  test.setTimeout(180_000);
  const josh = fs.readFileSync(path.resolve(ROOT, "tests/fixtures/history/review-logs-josh.csv"), "utf8");
  expect((await request.post(`${server.url}/api/v1/history`, { data: josh, headers: { "content-type": "text/csv" } })).ok()).toBe(true);
  const en = await (await browser.newContext()).newPage();
  const zh = await (await browser.newContext()).newPage();
  await settingsIn(en, "en");
  await settingsIn(zh, "zh");
  await en.getByTestId("optimize").click();
  await zh.getByTestId("optimize").click();
  for (const page of [en, zh]) await expect(page.getByTestId("optimize-result")).toBeVisible({ timeout: 120_000 });

  // the verdict is the one the metrics give, judged mainly on log loss
  const job = (await (await request.get(`${server.url}/api/v1/parameters/optimize`)).json()) as OptimizeJob;
  const result = job.result!;
  const { verdict } = compareMetrics(result.metrics.current, result.metrics.proposed);
  expect(result.comparison.verdict).toBe(verdict);
  const mixed = (result.metrics.proposed.logLoss - result.metrics.current.logLoss) * (result.metrics.proposed.rmseBins - result.metrics.current.rmseBins) < 0;
  for (const [page, locale] of [[en, "en"], [zh, "zh"]] as const) {
    const said = page.getByTestId("optimize-verdict");
    await expect(said).toHaveAttribute("data-verdict", verdict);
    await expect(said).toContainText(VERDICT[locale][verdict]);
    // when the two measures disagree, a line says which one the verdict follows
    await expect(page.getByTestId("optimize-mixed")).toHaveCount(mixed ? 1 : 0);
    if (mixed) await expect(page.getByTestId("optimize-mixed")).toContainText(locale === "en" ? "the verdict follows log loss" : "结论以更可靠的对数损失为准");
    await expect(page.getByTestId("current-log-loss")).toHaveText(n4(result.metrics.current.logLoss));
    await expect(page.getByTestId("proposed-log-loss")).toHaveText(n4(result.metrics.proposed.logLoss));
    // what each measure means, one line each, behind a details element
    const how = page.getByTestId("metrics-details");
    await how.locator("summary").click();
    await expect(how).toContainText(locale === "en" ? "Log loss: how surprised the model was" : "对数损失：模型对你每一次实际作答");
    await expect(how).toContainText(locale === "en" ? "RMSE (bins): how far the predicted chance of recall" : "RMSE（分箱）：把相似的复习分组后");
    // the 21 parameters, current (FSRS-6's defaults) against optimized
    await page.getByTestId("parameters-details").locator("summary").click();
    await expect(page.getByTestId("parameter-row")).toHaveCount(21);
    expect(await column(page, "parameter-current")).toEqual(DEFAULT_PARAMETERS.map(n4));
    expect(await column(page, "parameter-other")).toEqual(result.proposed.map(n4));
    await expect(page.getByTestId("until-applied")).toBeVisible();
    const apply = page.getByTestId("parameters-apply");
    await expect(apply).toBeEnabled();
    await expect(apply).toHaveClass(verdict === "worse" ? /^button$/ : /primary/);
  }
  await en.setViewportSize({ width: 1000, height: 1400 });
  await en.getByTestId("history-panel").screenshot({ path: "docs/screenshots/optimizer-after.png" });

  // apply, in Chinese: the table shows the applied parameters as current, Apply is done, the status says what it means
  await zh.getByTestId("parameters-apply").click();
  await expect(zh.getByTestId("parameters-applied")).toHaveText("已应用：之后复习的安排将使用这些参数（每张卡片复习时，下一次间隔都按它们计算）。");
  const stored = JSON.parse(withDb(server, (db) => (db.prepare("SELECT value FROM Setting WHERE key = 'fsrsParameters'").get() as { value: string }).value)) as number[];
  expect(stored).toEqual(result.proposed);
  expect(await column(zh, "parameter-current")).toEqual(stored.map(n4));
  expect(await column(zh, "parameter-other")).toEqual(DEFAULT_PARAMETERS.map(n4));
  await expect(zh.getByTestId("current-log-loss")).toHaveText(n4(result.metrics.proposed.logLoss));
  await expect(zh.getByTestId("previous-log-loss")).toHaveText(n4(result.metrics.current.logLoss));
  await expect(zh.getByTestId("parameters-apply")).toBeDisabled();
  await expect(zh.getByTestId("parameters-apply")).toHaveText("✓ 已应用");
  await expect(zh.getByTestId("parameters-apply")).not.toHaveClass(/primary/);
  await expect(zh.getByTestId("until-applied")).toHaveCount(0);
  await expect(zh.getByTestId("optimize-verdict")).toHaveCount(0);
  await expect(zh.getByText("应用之前不会有任何改变")).toHaveCount(0);

  // and in English (applying the same parameters again)
  await en.getByTestId("parameters-apply").click();
  await expect(en.getByTestId("parameters-applied")).toHaveText("Applied: the schedule of your future reviews now uses these parameters (each card's next interval is computed with them when you review it).");
  await expect(en.getByTestId("parameters-apply")).toHaveText("✓ Applied");
  await expect(en.getByText("Nothing changes until you apply")).toHaveCount(0);
  expect(await column(en, "parameter-current")).toEqual(stored.map(n4));
  await en.getByTestId("history-panel").screenshot({ path: "docs/screenshots/optimizer-applied-after.png" });

  // a 375 px phone: no horizontal overflow, in either language
  for (const page of [en, zh]) {
    await page.setViewportSize({ width: 375, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
  }
});
