/**
 * Regressions of the new user's issue item 10, on the progress page in real Chromium, in English
 * and Chinese: topic rows listed above their deck and decks not in home's order; "Dec 2" four
 * times on the scores chart, a smoothed curve through a practice quiz's 0%; a heatmap not
 * aligned to weekdays, without month labels, that could not show the imported history's year;
 * "true retention 100%" from one review with no word on what it means. And a 375 px phone.
 */
import fs from "node:fs";
import path from "node:path";
import { test, expect, type Page } from "@playwright/test";
import { ROOT } from "../../scripts/lib/setup";
import { testServer, withDb } from "./fixtures/server";

const server = testServer(["tests/fixtures/stats-content"]);
test.use({ timezoneId: "Asia/Shanghai" });

/** The page's clock: the evening of 2 December 2026 in Shanghai. */
const NOW = Date.parse("2026-12-02T19:00:00+08:00");
/** Quizzes and an interview finished at these times; q4 is a practice quiz scored 0. */
const QUIZZES = [
  ["q1", "2026-11-30T10:00:00+08:00", 0, 6],
  ["q2", "2026-12-02T09:00:00+08:00", 0, 7],
  ["q3", "2026-12-02T11:00:00+08:00", 0, 8],
  ["q4", "2026-12-02T14:00:00+08:00", 1, 0],
  ["q5", "2026-12-02T16:00:00+08:00", 0, 9],
] as const;

test.beforeAll(async ({ request }) => {
  // one card reviewed once in review state (Easy on 20 November, Good on 2 December), another learned today
  const ids = withDb(server, (db) => (db.prepare("SELECT id FROM Card WHERE deckId = 'a-compute' ORDER BY position").all() as Array<{ id: string }>).map((r) => r.id));
  const review = async (cardId: string, rating: number, at: string) => {
    const res = await request.post(`${server.url}/api/v1/reviews`, { data: { cardId, rating, durationMs: 30_000 }, headers: { "x-mianshi-now": String(Date.parse(at)) } });
    expect(res.ok()).toBe(true);
  };
  await review(ids[0]!, 4, "2026-11-20T10:00:00+08:00");
  await review(ids[0]!, 3, "2026-12-02T10:00:00+08:00");
  await review(ids[1]!, 3, "2026-12-02T10:05:00+08:00");
  // josh's history, all of it in 2024
  const josh = fs.readFileSync(path.resolve(ROOT, "tests/fixtures/history/review-logs-josh.csv"), "utf8");
  expect((await request.post(`${server.url}/api/v1/history`, { data: josh, headers: { "content-type": "text/csv" } })).ok()).toBe(true);
  withDb(
    server,
    (db) => {
      const quiz = db.prepare("INSERT INTO Quiz (id, seed, settings, practice, skipped, createdAt, finishedAt, questionCount, score) VALUES (?, 's', '{}', ?, '[]', ?, ?, 10, ?)");
      for (const [id, at, practice, score] of QUIZZES) quiz.run(id, practice, Date.parse(at) - 600_000, Date.parse(at), score);
      const at = Date.parse("2026-12-02T15:00:00+08:00");
      db.prepare("INSERT INTO Interview (id, seed, settings, practice, createdAt, finishedAt, questionCount, score) VALUES ('i1', 's', '{}', 0, ?, ?, 3, 0.6)").run(at - 600_000, at);
    },
    { readonly: false },
  );
});

const clocked = new WeakSet<Page>();

/** The progress page in a language, its clock (which the server trusts in these tests) at `now`. */
async function openStats(page: Page, locale: "en" | "zh", now = NOW) {
  await page.context().addCookies([{ name: "locale", value: locale, url: server.url }]);
  if (clocked.has(page)) await page.clock.setSystemTime(now);
  else await page.clock.install({ time: now });
  clocked.add(page);
  await page.goto(`${server.url}/stats`);
  await expect(page.getByTestId("dashboard")).toBeVisible();
}

const topics = (page: Page) => page.getByTestId("mastery-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-topic")));

const ORDER = [
  "Virtual machines",
  "Virtual machines › Scheduler",
  "Virtual machines › Scheduler › Filters",
  "Virtual machines › API",
  "Virtual machines › Conductor",
  "Networking",
  "Networking › Routers",
  "Networking › DHCP",
  "Imported history",
];

test("item 10: topic rows sit under their deck row, decks in home's order, topics in the notes' order", async ({ page }) => {
  for (const locale of ["en", "zh"] as const) {
    await openStats(page, locale);
    await expect(page.getByTestId("mastery-row")).toHaveCount(ORDER.length);
    expect(await topics(page)).toEqual(ORDER);
    // each topic row is indented under the row before it, never above its deck
    const indents = await page.locator("[data-testid=mastery-row] th").evaluateAll((ths) => ths.map((th) => parseFloat(getComputedStyle(th).paddingInlineStart)));
    expect(indents[0]).toBeLessThan(indents[1]!);
    expect(indents[1]).toBeLessThan(indents[2]!);
    // home lists the same decks in the same order (the imported history's placeholders are not on home)
    await page.goto(server.url);
    const home = await page.locator("[data-deck-id]").evaluateAll((decks) => decks.map((d) => d.getAttribute("data-deck-id")));
    expect(home).toEqual(["a-compute", "b-network"]);
  }
});

test("item 10: the scores chart names each day once on a time axis, draws straight lines with dots, and shows practice quizzes as their own series", async ({ page }) => {
  for (const [locale, day, practice, when] of [
    ["en", "Dec 2", "Practice quiz (not scheduled)", "Dec 2, 2026, 2:00 PM"],
    ["zh", "12月2日", "练习测验（不影响复习计划）", "2026年12月2日 14:00"],
  ] as const) {
    await openStats(page, locale);
    const chart = page.locator("section[aria-labelledby=scores]");
    const tick = chart.locator(".recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value");
    await expect(tick.filter({ hasText: new RegExp(`^${day}$`) })).toHaveCount(1);
    const ticks = await tick.allTextContents();
    expect(new Set(ticks).size).toBe(ticks.length);
    // straight segments (a smoothed curve is drawn with cubic Béziers, "C")
    const lines = chart.locator(".recharts-line");
    await expect(lines).toHaveCount(3);
    await expect(chart.locator(".recharts-line-curve")).toHaveCount(3);
    for (const d of await chart.locator(".recharts-line-curve").evaluateAll((paths) => paths.map((p) => p.getAttribute("d") ?? ""))) expect(d).not.toMatch(/[Cc]/);
    // dots: four scored quizzes on the quiz line, the practice quiz's 0% on its own, one interview
    // (recharts draws the dots in a layer of their own, series by series)
    const dots = chart.locator(".recharts-line-dots");
    await expect(dots).toHaveCount(3);
    await expect(dots.nth(0).locator(".recharts-line-dot")).toHaveCount(4);
    await expect(dots.nth(1).locator(".recharts-line-dot")).toHaveCount(1);
    await expect(dots.nth(2).locator(".recharts-line-dot")).toHaveCount(1);
    // the practice quiz's 0% sits on the axis, the scored quizzes' line never goes there
    const practiceDot = dots.nth(1).locator(".recharts-line-dot");
    const quizYs = await dots.nth(0).locator(".recharts-line-dot").evaluateAll((cs) => cs.map((c) => Number(c.getAttribute("cy"))));
    expect(Math.max(...quizYs)).toBeLessThan(Number(await practiceDot.getAttribute("cy")));
    await expect(chart.locator(".recharts-legend-wrapper")).toContainText(practice);
    // the tooltip gives the date and the time
    await chart.locator(".chart").scrollIntoViewIfNeeded();
    const dot = await practiceDot.boundingBox();
    // just above the dot: at 0% it sits on the plot's bottom edge (the tooltip follows x)
    await page.mouse.move(dot!.x + dot!.width / 2, dot!.y - 10);
    await expect(chart.locator(".recharts-tooltip-wrapper")).toContainText(when);
    // the table says which kind each score is
    await chart.getByText(locale === "en" ? "Show as a table" : "以表格显示").click();
    await expect(chart.getByTestId("score-row")).toHaveCount(QUIZZES.length + 1);
    await expect(chart.getByTestId("score-row").filter({ hasText: practice })).toContainText("0%");
  }
});

test("item 10: the heatmap is a calendar (weeks in columns, weekdays in rows, months above) with a year picker that shows the imported history's 2024", async ({ page, request }) => {
  const box = async (date: string) => (await page.locator(`[data-testid=heatmap] [data-date="${date}"]`).boundingBox())!;
  // Sunday 29 November, Monday 30 November and Tuesday 1 December 2026
  await openStats(page, "en");
  await expect(page.locator("[data-testid=heatmap] .cell")).toHaveCount(365);
  const [sun, mon, tue] = [await box("2026-11-29"), await box("2026-11-30"), await box("2026-12-01")];
  // English weeks start on Sunday: all three in one column, in weekday order
  expect(sun.x).toBe(mon.x);
  expect(mon.x).toBe(tue.x);
  expect(sun.y).toBeLessThan(mon.y);
  expect(mon.y).toBeLessThan(tue.y);
  const months = page.getByTestId("heatmap-month");
  // from 3 December 2025 to today: last December's label, each month's, this December's
  expect(await months.allTextContents()).toEqual(["Dec", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]);
  const [jan1, dec1] = [await box("2026-01-01"), await box("2026-12-01")];
  expect((await months.nth(1).boundingBox())!.x).toBe(jan1.x);
  expect((await months.nth(12).boundingBox())!.x).toBe(dec1.x);
  await page.screenshot({ path: "docs/screenshots/stats-after.png", fullPage: true });

  // the year picker lists the years with reviews; 2024 shows josh's history, day by day
  const picker = page.getByTestId("heatmap-year");
  expect(await picker.locator("option").allTextContents()).toEqual(["Last 365 days", "2026", "2024"]);
  await picker.selectOption("2024");
  await expect(page.getByTestId("heatmap")).toHaveAttribute("data-year", "2024");
  await expect(page.locator("[data-testid=heatmap] .cell")).toHaveCount(366);
  expect(await months.allTextContents()).toEqual(["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]);
  // study days in Shanghai start at 4 am: a review's day is its UTC time plus 4 hours
  const days = withDb(server, (db) => db.prepare("SELECT date(reviewedAt / 1000 + 4 * 3600, 'unixepoch') AS day, COUNT(*) AS n FROM Review GROUP BY day HAVING day LIKE '2024-%'").all() as Array<{ day: string; n: number }>);
  expect(days.length).toBeGreaterThan(20);
  await expect(page.locator("[data-testid=heatmap] .cell:not(.shade-0)")).toHaveCount(days.length);
  const first = days[0]!;
  await expect(page.locator(`[data-testid=heatmap] [data-date="${first.day}"]`)).toHaveAttribute("data-count", String(first.n));
  await page.locator("section[aria-labelledby=heatmap]").screenshot({ path: "docs/screenshots/stats-heatmap-2024-after.png" });

  // Chinese weeks start on Monday: Sunday is the last row of the week before Monday's
  await openStats(page, "zh");
  const [zsun, zmon, ztue] = [await box("2026-11-29"), await box("2026-11-30"), await box("2026-12-01")];
  expect(zsun.x).toBeLessThan(zmon.x);
  expect(zmon.x).toBe(ztue.x);
  expect(zsun.y).toBeGreaterThan(ztue.y);
  await expect(page.locator("[data-testid=heatmap] .heatmap-weekday").first()).toHaveText("周一");
  await expect(page.getByTestId("heatmap-year").locator("option").first()).toHaveText("最近 365 天");
  await page.getByTestId("heatmap-year").selectOption("2024");
  await expect(months.first()).toHaveText("1月");
  await expect(months).toHaveCount(12);

  // the API validates the year with zod
  const bad = await request.get(`${server.url}/api/v1/dashboard?year=last`);
  expect(bad.status()).toBe(400);
  expect(((await bad.json()) as { error: { message: string } }).error.message).toContain("year must be a calendar year of four digits, like 2024");
});

test("item 10: true retention explains itself, says when it rests on only a few reviews, and shows — with a reason when there are none", async ({ page }) => {
  await openStats(page, "en");
  const week = page.getByTestId("retention-7");
  await expect(week.locator(".tile-value")).toHaveText("100%");
  await expect(week.locator(".hint")).toHaveText("Based on only 1 review (1 passed): not meaningful yet");
  const explained = page.getByTestId("retention-explained");
  await explained.getByText("What is true retention?").click();
  await expect(explained).toContainText("rated Hard, Good or Easy rather than Again");
  await expect(explained).toContainText("below 30 reviews");

  await openStats(page, "zh");
  await expect(week.locator(".hint")).toHaveText("仅基于 1 次复习（通过 1 次），还不足以说明问题");
  await expect(page.getByTestId("retention-explained").locator("summary")).toHaveText("什么是真实保持率？");

  // a year later no window has a review: a dash and the reason
  await openStats(page, "en", Date.parse("2027-12-15T12:00:00+08:00"));
  for (const days of [7, 30, 365]) {
    await expect(page.getByTestId(`retention-${days}`).locator(".tile-value")).toHaveText("—");
    await expect(page.getByTestId(`retention-${days}`).locator(".hint")).toHaveText(`No reviews of learned cards in the last ${days} days`);
  }
});

test("item 10: on a 375 px phone the progress page has no horizontal overflow, in English and Chinese; the calendar scrolls on its own, opened on today", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  for (const locale of ["en", "zh"] as const) {
    await openStats(page, locale);
    await expect(page.locator("[data-testid=heatmap] .cell")).toHaveCount(365);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
    const scroll = page.locator(".heatmap-scroll");
    const { scrollLeft, scrollWidth, clientWidth } = await scroll.evaluate((el) => ({ scrollLeft: el.scrollLeft, scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
    expect(scrollWidth).toBeGreaterThan(clientWidth);
    expect(scrollLeft + clientWidth).toBeGreaterThanOrEqual(scrollWidth - 1);
    if (locale === "en") await page.screenshot({ path: "docs/screenshots/stats-phone-after.png", fullPage: true });
  }
});
