/**
 * Regressions of the new-user issue: home counted every unseen card as new (68 while study said
 * 20, today's limit) and showed no learning cards or total (item 9); the imported history's deck
 * of placeholders sat on home and in the quiz and interview set-ups (item 7); dates rendered on
 * the server were the server's UTC, not the user's zone (item 8).
 */
import { test, expect } from "@playwright/test";
import { testServer, withDb } from "./fixtures/server";

const server = testServer(["tests/fixtures/e2e-content"]);

test.use({ timezoneId: "Asia/Shanghai" });

test("home counts today's cards with the deck's limits, and hides the imported history's placeholders", async ({ page, request }) => {
  // the study day starts twelve hours from now. Home is rendered on the server's own clock, and a
  // learning card made at 03:55 falls due after the 4 am rollover, so it is rightly not today's:
  // with the default rollover this test failed whenever it ran near 20:00 UTC (CI did, once)
  const hour = Number(new Intl.DateTimeFormat("en-US", { timeZone: "Asia/Shanghai", hour: "numeric", hourCycle: "h23" }).format(Date.now()));
  const settings = await request.put(`${server.url}/api/v1/settings`, { data: { rolloverHour: (hour + 12) % 24, timeZone: "Asia/Shanghai" } });
  expect(settings.status()).toBe(200);
  // a new-card limit of 3 on the e2e deck, and an imported history of two unknown cards
  withDb(server, (db) => db.prepare(`UPDATE Preset SET options = '{"newPerDay":3}' WHERE id = (SELECT presetId FROM Deck WHERE id = 'e2e-deck')`).run(), { readonly: false });
  const csv = "card_id,review_rating,review_time,review_duration\n111,3,2026-11-01T08:00:00+00:00,5000\n222,1,2026-11-02T08:00:00+00:00,7000\n";
  const imported = await request.post(`${server.url}/api/v1/history`, { data: csv, headers: { "content-type": "text/csv" } });
  expect(imported.status()).toBe(200);

  await page.goto(server.url);
  const deck = page.locator('[data-deck-id="e2e-deck"]');
  await expect(deck.getByTestId("deck-new")).toHaveText("3");
  await expect(deck.getByTestId("deck-learning")).toHaveText("0");
  await expect(deck.getByTestId("deck-due")).toHaveText("0");
  await expect(page.locator('[data-deck-id="imported-history"]')).toHaveCount(0);
  await expect(page.getByTestId("history-deck")).toContainText("2 cards");

  // one Good on a new card makes it a learning card: home says so, and the study screen agrees
  await deck.getByTestId("study-link").click();
  await expect(page.getByTestId("count-new")).toHaveText("New 3");
  await page.keyboard.press("Space");
  await page.keyboard.press("3");
  await expect(page.getByTestId("count-new")).toHaveText("New 2");
  await page.goto(server.url);
  await expect(deck.getByTestId("deck-new")).toHaveText("2");
  await expect(deck.getByTestId("deck-learning")).toHaveText("1");
  const total = withDb(server, (db) => db.prepare("SELECT COUNT(*) AS n FROM Deck WHERE id != 'imported-history'").get() as { n: number });
  expect(total.n).toBeGreaterThan(0);
  await expect(page.getByTestId("today-total")).toContainText("Today:");
  await page.screenshot({ path: "docs/screenshots/home-today.png", fullPage: true });

  // the quiz and interview set-ups offer no placeholder deck
  await page.goto(`${server.url}/quiz`);
  await expect(page.getByText("Imported history")).toHaveCount(0);
  await page.goto(`${server.url}/interview`);
  await expect(page.getByText("Imported history")).toHaveCount(0);
});

test("a card's history shows the review time in the browser's zone, not the server's", async ({ page }) => {
  await page.goto(`${server.url}/study/e2e-deck`);
  const card = page.getByTestId("card");
  await expect(card).toHaveAttribute("data-card-id", /.+/);
  const id = await card.getAttribute("data-card-id");
  await page.keyboard.press("Space");
  await page.keyboard.press("3");
  await expect(card).not.toHaveAttribute("data-card-id", id!);
  const { reviewedAt } = withDb(server, (db) => db.prepare("SELECT reviewedAt FROM Review WHERE cardId = ? ORDER BY id DESC LIMIT 1").get(id) as { reviewedAt: number });
  const shanghai = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", hourCycle: "h23", timeZone: "Asia/Shanghai" }).format(new Date(reviewedAt));
  const utc = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", hourCycle: "h23", timeZone: "UTC" }).format(new Date(reviewedAt));
  expect(shanghai).not.toBe(utc);
  await page.goto(`${server.url}/cards/${encodeURIComponent(id!)}`);
  await expect(page.getByTestId("history-row").first()).toContainText(shanghai);
});
