/** Security headers, and a strict CSP under which the app still works with no violation. */
import { test, expect } from "@playwright/test";
import { testServer } from "./fixtures/server";

const server = testServer(["tests/fixtures/e2e-content"]);

test("every page and API answer carries the security headers", async ({ request }) => {
  for (const path of ["/", "/study/e2e-deck", "/browse", "/settings", "/api/v1/decks"]) {
    const res = await request.get(`${server.url}${path}`);
    expect(res.status(), path).toBe(200);
    const h = res.headers();
    expect(h["content-security-policy"], path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(h["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(h["content-security-policy"], path).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(h["x-content-type-options"], path).toBe("nosniff");
    expect(h["referrer-policy"], path).toBe("no-referrer");
  }
  // a new nonce every time
  const a = (await request.get(server.url)).headers()["content-security-policy"];
  const b = (await request.get(server.url)).headers()["content-security-policy"];
  expect(a).not.toBe(b);
});

test("the app runs under the policy: Next.js scripts carry the nonce, nothing is refused", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  const response = await page.goto(`${server.url}/study/e2e-deck`);
  const nonce = /'nonce-([^']+)'/.exec(response!.headers()["content-security-policy"] ?? "")?.[1];
  expect(nonce).toBeTruthy();
  // the study screen is a client component: it only shows a card if its scripts ran
  await expect(page.getByTestId("prompt")).toBeVisible();
  await page.keyboard.press("Space");
  await page.keyboard.press("3");
  await expect(page.getByTestId("session-status")).toContainText("1");
  const inline = await page.locator("script:not([src])").evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
  expect(inline.length).toBeGreaterThan(0);
  for (const n of inline) expect(n).toBe(nonce);
  expect(violations).toEqual([]);
});

test("without a passphrase the API asks for no login, but a write from another site is refused", async ({ request }) => {
  const card = ((await (await request.get(`${server.url}/api/v1/decks/e2e-deck/next`)).json()) as { card: { id: string } }).card;
  const review = (headers: Record<string, string>) => request.post(`${server.url}/api/v1/reviews`, { data: { cardId: card.id, rating: 3 }, headers });
  expect((await review({ origin: "https://evil.example", "sec-fetch-site": "cross-site" })).status()).toBe(403);
  expect((await review({ origin: server.url, "sec-fetch-site": "same-origin" })).status()).toBe(200);
  expect((await review({})).status()).toBe(200);
});
