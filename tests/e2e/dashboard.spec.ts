/**
 * The progress dashboard in real Chromium, after studying and after a history import, in
 * English and Chinese: its numbers agree with the database read here.
 */
import path from "node:path";
import { test, expect } from "@playwright/test";
import { ROOT } from "../../scripts/lib/setup";
import { testServer, withDb } from "./fixtures/server";

const server = testServer(["tests/fixtures/e2e-content"]);

const HISTORY = `card_id,review_rating,review_time,review_duration
9001,3,2026-11-20T10:00:00.000Z,5000
9001,3,2026-11-23T10:00:00.000Z,4000
9002,1,2026-11-22T10:00:00.000Z,9000
`;

test("after studying, then after importing a history, in English and in Chinese", async ({ page, request, context }) => {
  // study: two cards rated through the API
  const next = async () => ((await (await request.get(`${server.url}/api/v1/decks/e2e-deck/next`)).json()) as { card: { id: string } }).card.id;
  for (const rating of [3, 1]) expect((await request.post(`${server.url}/api/v1/reviews`, { data: { cardId: await next(), rating, durationMs: 60_000 } })).ok()).toBe(true);

  await page.goto(`${server.url}/stats`);
  await expect(page.getByTestId("dashboard")).toBeVisible();
  // both cards are in learning, due within minutes
  const due = withDb(server, (db) => (db.prepare("SELECT COUNT(*) AS n FROM Card WHERE state != 0 AND suspended = 0 AND retired = 0 AND due < ?").get(Date.now() + 3_600_000) as { n: number }).n);
  expect(due).toBe(2);
  await expect(page.getByTestId("due-today").locator(".tile-value")).toHaveText(String(due));
  await expect(page.getByTestId("new-cards").locator(".tile-value")).toHaveText(String(withDb(server, (db) => (db.prepare("SELECT COUNT(*) AS n FROM Card WHERE state = 0").get() as { n: number }).n)));
  await expect(page.getByTestId("streak").locator(".tile-value")).toHaveText("1 day");
  await expect(page.getByTestId("time-7").locator(".tile-value")).toHaveText("2 min");
  await expect(page.locator("[data-testid=heatmap] .cell")).toHaveCount(365);
  await expect(page.locator("[data-testid=heatmap] .cell.shade-1")).toHaveCount(1);
  const deckRow = page.locator("[data-testid=mastery-row][data-topic='E2E deck']");
  await expect(deckRow.locator("td").nth(1)).toHaveText("2");

  // a history import adds the imported deck's row
  const imported = await request.post(`${server.url}/api/v1/history`, { data: HISTORY, headers: { "content-type": "text/csv" } });
  expect(await imported.json()).toMatchObject({ ok: true, reviewsAdded: 3, cardsCreated: 2 });
  await page.reload();
  const importedRow = page.locator("[data-testid=mastery-row][data-topic='Imported history']");
  await expect(importedRow.locator("td").first()).toHaveText("2");
  await expect(importedRow.locator("td").nth(1)).toHaveText("2");
  const heatDays = withDb(server, (db) => (db.prepare("SELECT COUNT(DISTINCT date(reviewedAt / 1000, 'unixepoch')) AS n FROM Review").get() as { n: number }).n);
  expect(await page.locator("[data-testid=heatmap] .cell:not(.shade-0)").count()).toBe(heatDays);

  // the same page in Chinese
  await context.addCookies([{ name: "locale", value: "zh", url: server.url }]);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("学习进度");
  await expect(page.getByTestId("streak").locator(".tile-value")).toHaveText("1 天");
  await expect(page.getByRole("heading", { name: "按卡组和主题的掌握程度" })).toBeVisible();
});

test("josh's history imported from the settings page, parameters optimized and applied, the dashboard counts it", async ({ page }) => {
  const josh = path.resolve(ROOT, "tests/fixtures/history/review-logs-josh.csv");
  const placeholders = () => (withDb(server, (db) => db.prepare("SELECT COUNT(*) AS n FROM Card WHERE deckId = 'imported-history'").get()) as { n: number }).n;
  const before = placeholders();
  await page.goto(`${server.url}/settings`);
  await page.getByTestId("history-file").setInputFiles(josh);
  await page.getByTestId("history-import").click();
  await expect(page.getByTestId("history-imported")).toContainText("12580 reviews added");
  expect(placeholders() - before).toBe(1205);
  await page.getByTestId("optimize").click();
  await expect(page.getByTestId("optimize-result")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("proposed-log-loss")).toHaveText(/^0\.\d{4}$/);
  await page.getByTestId("parameters-apply").click();
  await expect(page.getByTestId("parameters-applied")).toContainText("Applied");
  const stored = withDb(server, (db) => db.prepare("SELECT value FROM Setting WHERE key = 'fsrsParameters'").get() as { value: string } | undefined);
  expect(JSON.parse(stored!.value)).toHaveLength(21);
  await page.goto(`${server.url}/stats`);
  await expect(page.locator("[data-testid=mastery-row][data-topic='Imported history'] td").first()).toHaveText(String(before + 1205));
});
