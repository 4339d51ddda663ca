/**
 * The study loop in a real browser against a real `next start` server and SQLite file:
 * a new user studies with the mouse and with the keyboard only, the reviews land in the
 * database, and the schedule survives a server restart.
 */
import { test, expect, type Page } from "@playwright/test";
import { testServer, withDb } from "./fixtures/server";

const server = testServer(["tests/fixtures/e2e-content"]);

/** Reads the server's SQLite file directly (a separate, read-only connection). */
function query<T>(sql: string, ...params: unknown[]): T[] {
  return withDb(server, (db) => db.prepare(sql).all(...params) as T[]);
}

interface CardRow {
  id: string;
  prompt: string;
  state: number;
  reps: number;
  due: number;
  lastReview: number | null;
}

const cardByPrompt = (prompt: string): CardRow => {
  const row = query<CardRow>("SELECT id, prompt, state, reps, due, lastReview FROM Card WHERE prompt = ?", prompt)[0];
  if (!row) throw new Error(`no card with prompt ${prompt}`);
  return row;
};

const reviewCount = () => query<{ n: number }>("SELECT COUNT(*) AS n FROM Review")[0]!.n;

async function deckCounts(page: Page, title: string) {
  const deck = page.getByTestId("deck").filter({ has: page.getByRole("heading", { name: title, exact: true }) });
  return {
    deck,
    total: deck.getByTestId("deck-total"),
    due: deck.getByTestId("deck-due"),
    fresh: deck.getByTestId("deck-new"),
    learning: deck.getByTestId("deck-learning"),
  };
}

const PROMPTS = {
  dhcp: "What does DHCP stand for?",
  ssh: "Which port does SSH listen on by default?",
  dns: "What does DNS translate?",
  cloze: "The […] schedules processes.",
  choice: "Which of these are transport-layer protocols?",
  ordering: "Put the TCP handshake in order",
  open: "Explain how a browser loads a web page.",
};

test("a new user studies five cards with mouse and keyboard, and the schedule survives a restart", async ({ page, request }) => {
  test.setTimeout(120_000);

  // ---- home: the deck and its counts
  await page.goto(`${server.url}/`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Mianshi");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("面试");
  const home = await deckCounts(page, "E2E deck");
  await expect(home.deck).toContainText("A small deck of every card kind");
  await expect(home.total).toHaveText("8");
  await expect(home.due).toHaveText("0");
  await expect(home.fresh).toHaveText("8");
  expect(reviewCount()).toBe(0);

  await home.deck.getByRole("link", { name: /Study/ }).click();
  await expect(page).toHaveURL(`${server.url}/study/e2e-deck`);
  await expect(page.getByTestId("deck-title")).toHaveText("E2E deck");

  const prompt = page.getByTestId("prompt");
  const answer = page.getByTestId("answer");
  const heading = page.locator("#card-heading");

  // ---- card 1, mouse; a double click on Good records one review
  await expect(prompt).toHaveText(PROMPTS.dhcp);
  await expect(heading).toBeFocused();
  await expect(page.getByTestId("breadcrumb")).toContainText("E2E deck");
  await expect(page.getByTestId("breadcrumb")).toContainText("Basics");
  await expect(page.getByTestId("card-kind")).toContainText("Q&A");
  await expect(answer).toHaveCount(0);
  await expect(page.getByTestId("rate-3")).toHaveCount(0);
  await page.getByRole("button", { name: /Show answer/ }).click();
  await expect(answer).toContainText("Dynamic Host Configuration Protocol");
  await expect(page.getByTestId("interval-1")).toHaveText("1m");
  await expect(page.getByTestId("interval-3")).toHaveText("10m");
  await page.getByTestId("rate-3").dblclick();
  await expect(prompt).toHaveText(PROMPTS.ssh);
  expect(reviewCount()).toBe(1);

  // ---- card 2, mouse
  await expect(heading).toBeFocused();
  await page.getByRole("button", { name: /Show answer/ }).click();
  await expect(answer).toContainText("22");
  await page.getByRole("button", { name: /^Good/ }).click();
  await expect(prompt).toHaveText(PROMPTS.dns);
  expect(reviewCount()).toBe(2);

  // ---- card 3, keyboard only: Space reveals, 3 rates Good
  await expect(heading).toBeFocused();
  await page.keyboard.press("Space");
  await expect(answer).toContainText("Host names into IP addresses");
  await page.keyboard.press("3");
  await expect(prompt).toHaveText(PROMPTS.cloze);
  expect(reviewCount()).toBe(3);

  // ---- card 4 (cloze), keyboard only: Space, 4 (Easy)
  await expect(heading).toBeFocused();
  await expect(page.getByTestId("card-kind")).toContainText("Cloze");
  await expect(page.getByTestId("breadcrumb")).toContainText("Kinds");
  await page.keyboard.press("Space");
  await expect(answer).toContainText("The kernel schedules processes.");
  await page.keyboard.press("4");
  await expect(prompt).toHaveText(PROMPTS.choice);
  expect(reviewCount()).toBe(4);

  // ---- card 5 (choice), keyboard only: options before reveal, correct ones marked after; 1 (Again)
  await expect(heading).toBeFocused();
  const options = page.getByTestId("option");
  await expect(options).toHaveText([/TCP/, /UDP/, /HTTP/, /IP/]);
  await expect(options.first()).not.toHaveAttribute("data-correct");
  await page.keyboard.press("Enter");
  await expect(options.nth(0)).toHaveAttribute("data-correct", "true");
  await expect(options.nth(1)).toHaveAttribute("data-correct", "true");
  await expect(options.nth(2)).toHaveAttribute("data-correct", "false");
  await expect(options.nth(3)).toHaveAttribute("data-correct", "false");
  await expect(options.nth(0)).toContainText("Correct");
  await expect(answer).toContainText("HTTP is an application protocol");
  await page.keyboard.press("1");

  // ---- card 6 (ordering) is next: shuffled before reveal (deterministically), in order after
  await expect(prompt).toHaveText(PROMPTS.ordering);
  expect(reviewCount()).toBe(5);
  const shuffled = await page.getByTestId("steps-shuffled").getByRole("listitem").allInnerTexts();
  const shuffledSteps = shuffled.map((s) => s.replace(/^[A-Z]\s*/, "").trim());
  expect([...shuffledSteps].sort()).toEqual(["ACK", "SYN", "SYN-ACK"]);
  expect(shuffledSteps).not.toEqual(["SYN", "SYN-ACK", "ACK"]);

  // ---- the API recorded five reviews: ratings, keys and durations as sent
  const reviews = query<{ rating: number; idempotencyKey: string | null; durationMs: number | null; source: string }>(
    "SELECT rating, idempotencyKey, durationMs, source FROM Review ORDER BY id",
  );
  expect(reviews.map((r) => r.rating)).toEqual([3, 3, 3, 4, 1]);
  expect(new Set(reviews.map((r) => r.idempotencyKey)).size).toBe(5);
  for (const r of reviews) {
    expect(r.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.durationMs).toBeGreaterThanOrEqual(0);
    expect(r.source).toBe("study");
  }
  const apiDecks = (await (await request.get(`${server.url}/api/v1/decks`)).json()) as {
    decks: { id: string; cardCount: number; dueCount: number; newCount: number }[];
  };
  expect(apiDecks.decks.find((d) => d.id === "e2e-deck")).toMatchObject({ cardCount: 8, newCount: 3, dueCount: 0 });

  // ---- restart the server on the same database: the schedule is remembered
  await server.restart();
  await page.goto(`${server.url}/`);
  const after = await deckCounts(page, "E2E deck");
  await expect(after.total).toHaveText("8");
  await expect(after.fresh).toHaveText("3");
  await expect(after.due).toHaveText("0");
  await after.deck.getByRole("link", { name: /Study/ }).click();
  // none of the studied cards comes back right away: the next card is the first new one
  await expect(prompt).toHaveText(PROMPTS.ordering);

  // what the database holds for each studied card
  const now = Date.now();
  for (const p of [PROMPTS.dhcp, PROMPTS.ssh, PROMPTS.dns]) {
    const c = cardByPrompt(p);
    expect(c.reps).toBe(1);
    expect(c.state).toBe(1); // learning: Good on a new card waits for the 10 minute step
    expect(c.due - c.lastReview!).toBe(10 * 60_000);
    expect(c.due).toBeGreaterThan(now);
  }
  const easy = cardByPrompt("The \\[…\\] schedules processes.");
  expect(easy.reps).toBe(1);
  expect(easy.state).toBe(2); // review
  expect(easy.due - easy.lastReview!).toBeGreaterThanOrEqual(24 * 3600_000);
  const again = cardByPrompt(PROMPTS.choice);
  expect(again.reps).toBe(1);
  expect(again.state).toBe(1);
  expect(again.due - again.lastReview!).toBe(60_000); // due again 1 minute after the rating
  for (const p of [PROMPTS.ordering, PROMPTS.open]) expect(cardByPrompt(p).reps).toBe(0);

  // ---- the clock passes the Again card's due time (the server reads the real clock, so the
  // card's due time is moved into the past instead): it is now due, and comes before new cards
  withDb(server, (db) => db.prepare("UPDATE Card SET due = ? WHERE id = ?").run(Date.now() - 1_000, again.id), { readonly: false });
  await page.goto(`${server.url}/`);
  // home counts learning cards as the study screen does: every one due before the study day ends
  // (the Again card due now, and the three in their 10-minute step)
  await expect((await deckCounts(page, "E2E deck")).learning).toHaveText("4");
  await expect((await deckCounts(page, "E2E deck")).due).toHaveText("0");
  await page.goto(`${server.url}/study/e2e-deck`);
  await expect(prompt).toHaveText(PROMPTS.choice);
  await page.getByRole("button", { name: /Show answer/ }).click();
  await page.getByRole("button", { name: /^Good/ }).click();
  await expect(prompt).toHaveText(PROMPTS.ordering);
  expect(reviewCount()).toBe(6);
  expect(cardByPrompt(PROMPTS.choice).reps).toBe(2);

  // ---- ordering: the correct order after reveal, then the open question's key points
  await page.getByRole("button", { name: /Show answer/ }).click();
  await expect(page.getByTestId("steps-shuffled")).toHaveCount(0);
  const ordered = await page.getByTestId("steps-correct").getByRole("listitem").allInnerTexts();
  expect(ordered.map((s) => s.replace(/^\d+\s*/, "").trim())).toEqual(["SYN", "SYN-ACK", "ACK"]);
  await expect(answer).toContainText("The client opens, the server answers");
  await page.getByRole("button", { name: /^Easy/ }).click();

  await expect(prompt).toHaveText(PROMPTS.open);
  await expect(page.getByTestId("card-kind")).toContainText("Interview");
  await expect(page.getByTestId("key-points")).toHaveCount(0);
  await page.keyboard.press("Space");
  await expect(page.getByTestId("key-points").getByRole("listitem")).toHaveText([
    "The name is resolved through DNS",
    "A TCP connection is opened",
    "The browser sends an HTTP request",
  ]);
  await expect(page.getByTestId("answer-html")).toHaveText("Resolve the name, connect, request, then render the response.");
  expect(reviewCount()).toBe(7);
});

test("a deck in a folder: slash in its id, API errors shown, nothing left to study, 375px wide", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto(`${server.url}/`);
  await expect(page.getByRole("heading", { name: "extra" })).toBeVisible();
  const deck = await deckCounts(page, "One-card deck");
  await deck.deck.getByRole("link", { name: /Study/ }).click();
  await expect(page).toHaveURL(`${server.url}/study/extra%2Fone-card`);
  await expect(page.getByTestId("prompt")).toHaveText("What is 2 + 2?");
  await page.getByRole("button", { name: /Show answer/ }).click();
  await expect(page.getByTestId("rate-4")).toBeVisible();
  // nothing sticks out sideways on a small phone
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

  // the API refuses the first rating: the message shows in an alert and the card stays
  let refused = false;
  await page.route("**/api/v1/reviews", async (route) => {
    if (refused) return route.continue();
    refused = true;
    await route.fulfill({ status: 409, contentType: "application/json", body: JSON.stringify({ error: { code: "conflict", message: "card was retired" } }) });
  });
  // (Next's route announcer is an alert too: pick ours)
  const alert = page.getByRole("alert").and(page.getByTestId("error"));
  await page.getByTestId("rate-4").click();
  await expect(alert).toContainText("card was retired");
  await expect(page.getByTestId("prompt")).toHaveText("What is 2 + 2?");
  expect(reviewCount()).toBe(7);

  // the retry goes through: the deck has nothing left to study
  await page.keyboard.press("4");
  await expect(page.getByText("No cards due in this deck")).toBeVisible();
  await expect(alert).toHaveCount(0);
  expect(reviewCount()).toBe(8);
  await page.getByRole("link", { name: /Back to decks/ }).click();
  await expect(page).toHaveURL(`${server.url}/`);
  await expect((await deckCounts(page, "One-card deck")).fresh).toHaveText("0");
});

test("an unknown deck is a 404", async ({ page }) => {
  const res = await page.goto(`${server.url}/study/${encodeURIComponent("no/such-deck")}`);
  expect(res?.status()).toBe(404);
});
