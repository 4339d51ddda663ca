/**
 * Issue 13, in a real Chromium: DNS rebinding (a page of another domain whose name now
 * resolves to this machine) and the open redirect after login. Chromium resolves
 * evil.example to 127.0.0.1 here, as the attacker's DNS server would make it.
 */
import { test, expect, type Page } from "@playwright/test";
import { testServer, withDb } from "./fixtures/server";

const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
test.use({ launchOptions: { executablePath: process.env.MIANSHI_CHROMIUM || undefined, args: [...ARGS, "--host-resolver-rules=MAP evil.example 127.0.0.1"] } });

/** `fetch` from the page, as the attacker's script would: same-origin for the browser. */
const pageFetch = (page: Page, path: string, method: string, body?: unknown) =>
  page.evaluate(
    async ({ path, method, body }) => {
      const res = await fetch(path, { method, headers: body === undefined ? {} : { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: res.status, text: await res.text() };
    },
    { path, method, body },
  );

test.describe("DNS rebinding, on a server without a passphrase (the default)", () => {
  const server = testServer(["tests/fixtures/e2e-content"]);
  const evil = () => server.url.replace("127.0.0.1", "evil.example");

  test("dns rebinding: a write with Host evil.example is refused", async ({ page }) => {
    const landing = await page.goto(`${evil()}/`);
    expect(landing!.status()).toBe(421);
    const writes: Array<[string, string, unknown]> = [
      ["PUT", "/api/v1/settings", { rolloverHour: 5 }],
      ["POST", "/api/v1/reviews", { cardId: "x", rating: 3 }],
      ["PUT", "/api/v1/decks/e2e-deck/options", { options: {} }],
      ["POST", "/api/v1/quizzes", { scope: [{ deckId: "e2e-deck" }], count: 1, kinds: ["typed"] }],
      ["POST", "/api/v1/interviews", { scope: [{ deckId: "e2e-deck" }], count: 1 }],
      ["PUT", "/api/v1/parameters", { parameters: [] }],
      ["DELETE", "/api/v1/parameters", undefined],
      ["POST", "/api/v1/parameters/optimize", undefined],
      ["POST", "/api/v1/history", undefined],
      ["DELETE", "/api/v1/reviews/1", undefined],
      ["POST", "/api/v1/cards/x/actions", { action: "suspend" }],
      ["DELETE", "/api/v1/session", undefined],
    ];
    for (const [method, path, body] of writes) {
      const res = await pageFetch(page, path, method, body);
      expect(res.status, `${method} ${path}`).toBe(421);
      expect(JSON.parse(res.text)).toMatchObject({ error: { code: "misdirected_request" } });
    }
    expect(withDb(server, (db) => (db.prepare("SELECT COUNT(*) AS n FROM Setting").get() as { n: number }).n)).toBe(0);
  });

  test("dns rebinding: a read with Host evil.example is refused, the export included", async ({ page }) => {
    await page.goto(`${evil()}/`);
    for (const path of ["/api/v1/export", "/api/v1/decks", "/api/v1/cards?text=", "/settings"]) {
      const res = await pageFetch(page, path, "GET");
      expect(res.status, path).toBe(421);
      expect(res.text, path).not.toContain("e2e-deck");
    }
  });

  test("dns rebinding: the names this server serves still work, writes included", async ({ page }) => {
    for (const origin of [server.url, server.url.replace("127.0.0.1", "localhost")]) {
      const landing = await page.goto(`${origin}/`);
      expect(landing!.status(), origin).toBe(200);
      expect((await pageFetch(page, "/api/v1/settings", "PUT", { rolloverHour: 4 })).status, origin).toBe(200);
      expect((await pageFetch(page, "/api/v1/export", "GET")).status, origin).toBe(200);
    }
  });
});

test.describe("the redirect after login", () => {
  const PASSPHRASE = "correct horse battery";
  const server = testServer(["tests/fixtures/e2e-content"], { env: { MIANSHI_PASSPHRASE: PASSPHRASE }, readyPath: "/login" });

  for (const escape of ["%09", "%0A", "%0D"]) {
    test(`open redirect after login: /login?next=/${escape}/evil.example/ stays on this site`, async ({ page, context }) => {
      await context.clearCookies();
      // were the browser sent off-site, this is where it would land
      await page.route("http://evil.example/**", (route) => route.fulfill({ contentType: "text/html", body: "<h1>evil</h1>" }));
      await page.goto(`${server.url}/login?next=/${escape}/evil.example/`);
      await page.getByLabel("Passphrase").fill(PASSPHRASE);
      await page.getByRole("button", { name: "Log in" }).click();
      await page.waitForURL((url) => !url.pathname.startsWith("/login"));
      expect(new URL(page.url()).origin).toBe(server.url);
      await expect(page.getByRole("heading", { name: "evil" })).toHaveCount(0);
    });
  }

  test("open redirect after login: a path on this site is still where the login leads", async ({ page, context }) => {
    await context.clearCookies();
    await page.goto(`${server.url}/login?next=${encodeURIComponent("/study/e2e-deck?x=1")}`);
    await page.getByLabel("Passphrase").fill(PASSPHRASE);
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(page).toHaveURL(`${server.url}/study/e2e-deck?x=1`);
  });
});
