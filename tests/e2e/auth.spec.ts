/**
 * A server with a passphrase (as on a LAN): nothing without a session, a login page in both
 * languages, a limit on login attempts, and writes only from the same origin.
 */
import { test, expect, type APIRequestContext } from "@playwright/test";
import { testServer } from "./fixtures/server";

const PASSPHRASE = "correct horse battery";
const server = testServer(["tests/fixtures/e2e-content"], { env: { MIANSHI_PASSPHRASE: PASSPHRASE }, readyPath: "/login" });

const login = (request: APIRequestContext, passphrase: string, headers: Record<string, string> = {}) =>
  request.post(`${server.url}/api/v1/session`, { data: { passphrase }, headers });

test("without a session, pages lead to the login page and the API answers 401", async ({ request }) => {
  const page = await request.get(`${server.url}/study/e2e-deck?x=1`, { maxRedirects: 0 });
  expect(page.status()).toBe(303);
  expect(page.headers()["location"]).toBe(`/login?next=${encodeURIComponent("/study/e2e-deck?x=1")}`);
  expect((await request.get(`${server.url}/`, { maxRedirects: 0 })).headers()["location"]).toBe("/login");

  for (const [method, path] of [["GET", "/api/v1/decks"], ["POST", "/api/v1/reviews"], ["DELETE", "/api/v1/reviews/1"], ["GET", "/api/v1/cards?text=x"]] as const) {
    const res = await request.fetch(`${server.url}${path}`, { method, data: method === "POST" ? { cardId: "x", rating: 3 } : undefined });
    expect(res.status(), `${method} ${path}`).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
    expect(res.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  }
  // a server action needs a session too, even posted to the login page
  const action = await request.post(`${server.url}/login`, { headers: { "next-action": "0".repeat(42) }, data: "[]" });
  expect(action.status()).toBe(401);
  // a forged or stale cookie is no session
  const forged = await request.get(`${server.url}/api/v1/decks`, { headers: { cookie: `mianshi_session=${Date.now() + 1e9}.AAAA.BBBB` } });
  expect(forged.status()).toBe(401);
});

test("the login page: a wrong passphrase is refused, the right one leads back to the page asked for", async ({ page, context }) => {
  await page.goto(`${server.url}/study/e2e-deck`);
  await expect(page).toHaveURL(/\/login\?next=%2Fstudy%2Fe2e-deck$/);
  await expect(page.getByRole("heading", { name: "Log in" })).toBeVisible();
  await page.getByLabel("Passphrase").fill("wrong horse");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByTestId("login-error")).toHaveText("Wrong passphrase.");
  await page.getByLabel("Passphrase").fill(PASSPHRASE);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(`${server.url}/study/e2e-deck`);
  await expect(page.getByTestId("prompt")).toBeVisible();
  const [cookie] = (await context.cookies()).filter((c) => c.name === "mianshi_session");
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/" });
  // the study screen's own writes (rating a card) pass: same origin, with the session
  await page.keyboard.press("Space");
  await page.keyboard.press("3");
  await expect(page.getByTestId("session-status")).toContainText("1");
});

test("the login page in Chinese", async ({ browser }) => {
  const context = await browser.newContext({ locale: "zh-CN" });
  const page = await context.newPage();
  await page.goto(`${server.url}/login`);
  await expect(page.getByRole("heading", { name: "登录" })).toBeVisible();
  await page.getByLabel("口令").fill("wrong horse");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByTestId("login-error")).toHaveText("口令错误。");
  // the language switch works before a login too (its server action is refused: the browser sets the cookie)
  await page.getByTestId("locale-en").click();
  await expect(page.getByRole("heading", { name: "Log in" })).toBeVisible();
  await context.close();
});

test("a session opens the API; a write from another origin is refused with 403", async ({ playwright }) => {
  const request = await playwright.request.newContext();
  const res = await login(request, PASSPHRASE);
  expect(res.status()).toBe(200);
  expect(res.headers()["set-cookie"]).toMatch(/mianshi_session=[^;]+; Path=\/; Expires=[^;]+; Max-Age=2592000; HttpOnly; SameSite=strict/i);
  expect((await request.get(`${server.url}/api/v1/decks`)).status()).toBe(200);
  const card = ((await (await request.get(`${server.url}/api/v1/decks/e2e-deck/next`)).json()) as { card: { id: string } }).card;
  const review = (headers: Record<string, string>) => request.post(`${server.url}/api/v1/reviews`, { data: { cardId: card.id, rating: 3 }, headers });

  const foreign: Record<string, string>[] = [{ origin: "https://evil.example" }, { origin: "http://127.0.0.1:1" }, { "sec-fetch-site": "cross-site" }, { "sec-fetch-site": "same-site" }, { origin: "null" }];
  for (const headers of foreign) {
    const refused = await review(headers);
    expect(refused.status(), JSON.stringify(headers)).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("forbidden");
  }
  expect((await review({ origin: server.url, "sec-fetch-site": "same-origin" })).status()).toBe(200);
  // logging out ends the session in this client
  expect((await request.delete(`${server.url}/api/v1/session`, { headers: { origin: server.url } })).status()).toBe(200);
  expect((await request.get(`${server.url}/api/v1/decks`)).status()).toBe(401);
  await request.dispose();
});

test("login attempts are limited to 5 a minute per address: then 429 with Retry-After", async ({ playwright }) => {
  const request = await playwright.request.newContext();
  // the address is the connection's (the tests' logins so far ended in a success, which resets it);
  // an X-Forwarded-For the client makes up changes nothing without MIANSHI_TRUST_PROXY
  for (let i = 0; i < 5; i++) expect((await login(request, `wrong ${i}`, { "x-forwarded-for": `203.0.113.${i}` })).status()).toBe(401);
  const limited = await login(request, PASSPHRASE, { "x-forwarded-for": "203.0.113.99" });
  expect(limited.status()).toBe(429);
  expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(0);
  expect(Number(limited.headers()["retry-after"])).toBeLessThanOrEqual(60);
  expect(((await limited.json()) as { error: { code: string } }).error.code).toBe("too_many_requests");
  expect((await request.get(`${server.url}/api/v1/decks`)).status()).toBe(401);
  await request.dispose();
});
