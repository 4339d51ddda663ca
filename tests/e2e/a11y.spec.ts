/**
 * Accessibility: axe (@axe-core/playwright) on every page, in both languages and both themes,
 * with no violation of serious or critical impact. The pages are the home page, the New deck page
 * with a preview, the login page, the study
 * screen (a card, its answer, the shortcut list), deck options, the card browser with results,
 * a card's page with its history, the quiz builder, a quiz question before and after its
 * answer, a quiz result, a mock interview's set-up, question, grading and report, the progress dashboard, and the
 * 404 page. Also: the focus ring shows in both themes,
 * and a new card takes the focus.
 */
import { test, expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { startServer, type TestServer } from "./fixtures/server";

let server: TestServer;
let cardId: string;

test.beforeAll(async ({ request }, testInfo) => {
  testInfo.setTimeout(120_000);
  server = await startServer({ content: ["tests/fixtures/e2e-content", "tests/fixtures/browse-content"] });
  // one card with a review, so that its page shows a history table
  const found = (await (await request.get(`${server.url}/api/v1/cards?text=keystone`)).json()) as { cards: { id: string }[] };
  cardId = found.cards[0]!.id;
  expect((await request.post(`${server.url}/api/v1/reviews`, { data: { cardId, rating: 3, durationMs: 4200 } })).status()).toBe(200);
});
test.afterAll(async () => {
  await server?.stop();
});

type Violation = { page: string; id: string; impact: string; help: string; targets: string[] };

async function serious(page: Page, label: string): Promise<Violation[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ page: label, id: v.id, impact: v.impact ?? "", help: v.help, targets: v.nodes.map((n) => n.target.join(" ")).slice(0, 5) }));
}

for (const locale of ["en", "zh"] as const) {
  for (const theme of ["light", "dark"] as const) {
    test(`no serious or critical axe violations: ${locale}, ${theme} theme`, async ({ page, context }) => {
      test.setTimeout(120_000);
      await context.addCookies([
        { name: "locale", value: locale, url: server.url },
        { name: "theme", value: theme, url: server.url },
      ]);
      const found: Violation[] = [];
      // axe reads the settled page: after a client-side transition Next.js streams the <title> in
      // after the content, and axe once ran in between ("document-title" on the quiz result, zh light)
      const check = async (label: string) => {
        await expect(page).toHaveTitle(/\S/);
        found.push(...(await serious(page, label)));
      };

      await page.goto(`${server.url}/`);
      await expect(page.locator("html")).toHaveAttribute("lang", locale === "zh" ? "zh-CN" : "en");
      await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
      await check("home");

      // the New deck page, and its preview (a preview writes nothing)
      await page.goto(`${server.url}/decks/new`);
      await expect(page.getByTestId("new-deck-form")).toBeVisible();
      await check("new deck");
      await page.getByTestId("notes-text").fill("# Notes\n\n1. first step\n2. second step\n3. third step\n\nA lone remark.\n");
      await page.getByTestId("preview-button").click();
      await expect(page.getByTestId("preview-deck")).toBeVisible();
      await check("new deck: preview");

      // (the login page renders without a passphrase too; auth.spec.ts uses it with one)
      await page.goto(`${server.url}/login`);
      await expect(page.getByTestId("login-form")).toBeVisible();
      await check("login");

      await page.goto(`${server.url}/study/e2e-deck`);
      await expect(page.getByTestId("card")).toBeVisible();
      await expect(page.getByTestId("counts")).toBeVisible();
      await check("study: card");
      await page.getByTestId("show-answer").click();
      await expect(page.getByTestId("answer")).toBeVisible();
      await check("study: answer");
      await page.getByTestId("shortcuts").click();
      await expect(page.getByTestId("shortcut-help")).toBeVisible();
      await check("study: shortcut help");

      await page.goto(`${server.url}/decks/e2e-deck/options`);
      await expect(page.getByTestId("options-form")).toBeVisible();
      await check("deck options");

      await page.goto(`${server.url}/browse`);
      await expect(page.getByTestId("result-row").first()).toBeVisible();
      await check("browse");

      await page.goto(`${server.url}/cards/${encodeURIComponent(cardId)}`);
      await expect(page.getByTestId("history-row")).toHaveCount(1);
      await check("card");

      // a quiz: the builder, a question, an answered question, the result (practice: nothing written)
      await page.goto(`${server.url}/quiz?count=3&practice=1&seed=a11y`);
      await expect(page.getByTestId("quiz-builder")).toBeVisible();
      await check("quiz builder");
      await page.getByTestId("quiz-start").click();
      await expect(page.getByTestId("quiz-question")).toBeVisible();
      await check("quiz: question");
      for (let i = 0; i < 3; i++) {
        await page.getByTestId("quiz-submit").click();
        await expect(page.getByTestId("quiz-next")).toBeVisible();
        if (i === 0) await check("quiz: answered");
        await page.getByTestId("quiz-next").click();
      }
      await expect(page.getByTestId("result-score")).toBeVisible();
      await check("quiz result");

      // a mock interview: set-up, a running question, its self-grading, the report
      await page.goto(`${server.url}/interview`);
      await expect(page.getByTestId("interview-setup")).toBeVisible();
      await check("interview set-up");
      // the deck with an interview question only
      for (const box of await page.getByTestId("quiz-deck").all()) await box.setChecked((await box.getAttribute("data-deck-id")) === "e2e-deck");
      await page.getByTestId("interview-count").fill("1");
      await page.getByTestId("interview-begin").click();
      await page.getByTestId("interview-start-question").click();
      await expect(page.getByTestId("interview-answer")).toBeVisible();
      await check("interview: question");
      await page.getByTestId("interview-answer").fill("DNS and TCP");
      await page.getByTestId("interview-submit").click();
      await expect(page.getByTestId("interview-grading")).toBeVisible();
      await check("interview: grading");
      await page.getByTestId("interview-confirm").click();
      await expect(page.getByTestId("report-score")).toBeVisible();
      await check("interview report");

      await page.goto(`${server.url}/stats`);
      await expect(page.getByTestId("mastery-table")).toBeVisible();
      await check("progress dashboard");

      const missing = await page.goto(`${server.url}/no-such-page`);
      expect(missing?.status()).toBe(404);
      await expect(page.getByTestId("not-found")).toBeVisible();
      await check("404");

      expect(found, JSON.stringify(found, null, 2)).toEqual([]);
    });
  }
}

for (const theme of ["light", "dark"] as const) {
  test(`the focus ring shows, and a new card takes the focus: ${theme} theme`, async ({ page, context }) => {
    await context.addCookies([{ name: "theme", value: theme, url: server.url }]);
    await page.goto(`${server.url}/study/extra%2Fone-card`);
    const heading = page.locator("#card-heading");
    await expect(heading).toBeFocused();

    const ring = (selector: string) =>
      page.evaluate((sel) => {
        const el = document.querySelector(sel)!;
        const s = getComputedStyle(el);
        return { style: s.outlineStyle, width: parseFloat(s.outlineWidth), color: s.outlineColor, bg: getComputedStyle(document.body).backgroundColor };
      }, selector);
    // the focus went to the question's label: no ring around the tiny label (it looked like a stray
    // orange box on every card), a bar in the focus colour beside the whole question instead
    const onHeading = await ring("#card-heading");
    expect(onHeading.style).toBe("none");
    const bar = await page.getByTestId("card-question").evaluate((el) => getComputedStyle(el).boxShadow);
    const focusColour = await page.evaluate(() => {
      const probe = document.createElement("span");
      probe.style.color = "var(--focus)";
      document.body.append(probe);
      const c = getComputedStyle(probe).color;
      probe.remove();
      return c;
    });
    expect(bar).toContain(focusColour);
    expect(bar).toContain("inset");

    // tabbing to a button shows the focus-visible ring, in a colour that is not the page's
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => document.activeElement?.getAttribute("data-testid"));
    expect(focused).toBeTruthy();
    const onButton = await ring(`[data-testid="${focused}"]`);
    expect(onButton.style).toBe("solid");
    expect(onButton.width).toBeGreaterThanOrEqual(2);
    expect(onButton.color).not.toBe(onButton.bg);

    // revealing by keyboard keeps the focus on the card instead of losing it to the page
    await heading.focus();
    await page.keyboard.press("Space");
    await expect(page.getByTestId("answer")).toBeVisible();
    expect(await page.evaluate(() => document.activeElement !== document.body)).toBe(true);

    // the shortcut list takes the focus, and gives it back when it closes
    await page.getByTestId("shortcuts").focus();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("shortcut-help").getByRole("button")).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(page.getByTestId("shortcuts")).toBeFocused();
  });
}
