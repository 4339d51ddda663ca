/**
 * Issue 13 (an attack run against main), over the real HTTP stack: `next start` on a real
 * SQLite file (tests/integration/http-server.ts). Each test is named after its finding.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count } from "./helpers";
import { send, startApp, type App } from "./http-server";

const NOW = new Date("2027-01-04T09:00:00Z");
const PASSPHRASE = "correct horse battery";
const json = { "content-type": "application/json" };
/** the study queue's clock (MIANSHI_TRUST_CLIENT_CLOCK): a minute after the import */
const clock = { "x-mianshi-now": String(NOW.getTime() + 60_000) };

/** A review history with an extra column: 20,000 valid rows, about 13 MB (over Next.js's 10 MB). */
function paddedHistory(rows: number): string {
  const base = Date.parse("2024-01-01T00:00:00Z");
  const note = "x".repeat(600);
  const lines = ["card_id,review_rating,review_time,review_duration,note"];
  for (let i = 0; i < rows; i++) lines.push(`${1_700_000_000_000 + (i % 1000)},${1 + (i % 4)},${new Date(base + i * 60_000).toISOString()},${1000 + (i % 5000)},${note}`);
  return lines.join("\n") + "\n";
}

describe("a server without a passphrase (the default, on 127.0.0.1)", () => {
  let app: App;
  beforeAll(async () => {
    app = await startApp({
      now: NOW,
      content: {
        "rate-100%.md": "# Rate\n\nWhat is 100%? :: all of it\n",
        "x%41.md": "# Percent A\n\nWhich deck is this? :: x%41\n",
        "xA.md": "# X A\n\nWhich deck is this? :: xA\n",
      },
    });
  }, 600_000);
  afterAll(async () => {
    await app?.stop();
  });

  it("history import silently truncated at 10 MB: a 13 MB file of 20,000 valid rows is imported whole", async () => {
    const csv = paddedHistory(20_000);
    expect(Buffer.byteLength(csv)).toBeGreaterThan(12 * 1024 * 1024);
    const res = await send(app, "/api/v1/history", { method: "POST", headers: { "content-type": "text/csv", "x-mianshi-now": String(NOW.getTime()) }, body: csv });
    expect(res.status, res.text).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, rows: 20_000, reviewsAdded: 20_000 });
    // the last row, the one a cut would have shortened, has its own duration
    expect(app.db.sqlite.prepare("SELECT durationMs FROM Review ORDER BY reviewedAt DESC LIMIT 1").get()).toEqual({ durationMs: 1000 + (19_999 % 5000) });
  });

  it("history import silently truncated at 10 MB: a chunked 51 MB body is refused with 413, and nothing is parsed", async () => {
    const before = count(app.db, "SELECT COUNT(*) AS n FROM Review");
    const row = (i: number) => `${1_800_000_000_000 + i},3,${new Date(Date.parse("2025-01-01T00:00:00Z") + i * 60_000).toISOString()},4000,${"y".repeat(900)}\n`;
    const chunks: Buffer[] = [Buffer.from("card_id,review_rating,review_time,review_duration,note\n")];
    let size = chunks[0]!.length;
    for (let i = 0; size < 51 * 1024 * 1024; i++) {
      const chunk = Buffer.from(Array.from({ length: 256 }, (_, j) => row(i * 256 + j)).join(""));
      chunks.push(chunk);
      size += chunk.length;
    }
    const res = await send(app, "/api/v1/history", { method: "POST", headers: { "content-type": "text/csv" }, body: chunks });
    expect(res.status, res.text.slice(0, 300)).toBe(413);
    expect(res.json()).toEqual({ error: { code: "payload_too_large", message: "a history file may be at most 50 MB" } });
    expect(count(app.db, "SELECT COUNT(*) AS n FROM Review")).toBe(before);
  });

  it("history import silently truncated at 10 MB: a JSON body the proxy would cut is a 413, never parsed", async () => {
    const big = JSON.stringify({ timeZone: "Asia/Shanghai", padding: "z".repeat(12 * 1024 * 1024) });
    const res = await send(app, "/api/v1/settings", { method: "PUT", headers: json, body: big });
    expect(res.status).toBe(413);
    expect(res.json()).toEqual({ error: { code: "payload_too_large", message: "a JSON body may be at most 1 MB" } });
  });

  it("ids decoded twice: GET /api/v1/cards/%25 is a JSON 404, not a URIError 500", async () => {
    const res = await send(app, "/api/v1/cards/%25");
    expect(res.status).toBe(404);
    expect(res.json()).toEqual({ error: { code: "not_found", message: "no card with id %" } });
  });

  it("ids decoded twice: a deck file named rate-100%.md can be studied", async () => {
    const res = await send(app, `/api/v1/decks/${encodeURIComponent("rate-100%")}/next`, { headers: clock });
    expect(res.status, res.text).toBe(200);
    expect(res.json()).toMatchObject({ card: { deckId: "rate-100%", prompt: "What is 100%?" } });
    const options = await send(app, `/decks/${encodeURIComponent("rate-100%")}/options`);
    expect(options.status).toBe(200);
  });

  it("ids decoded twice: x%41.md is its own deck, not the deck xA", async () => {
    const res = await send(app, `/api/v1/decks/${encodeURIComponent("x%41")}/next`, { headers: clock });
    expect(res.json()).toMatchObject({ card: { deckId: "x%41", answer: "x%41" } });
    const options = await send(app, `/api/v1/decks/${encodeURIComponent("x%41")}/options`);
    expect(options.json()).toMatchObject({ deckId: "x%41" });
  });

  it("ids decoded twice: a malformed escape is a JSON 400 with the security headers", async () => {
    for (const path of ["/api/v1/cards/%E0%A4%A", "/api/v1/decks/%ZZ/next", "/study/%E0%A4%A"]) {
      const res = await send(app, path);
      expect(res.status, path).toBe(400);
      expect(res.json()).toEqual({ error: { code: "invalid_request", message: "the path has malformed percent-encoding" } });
      expect(res.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
    }
  });

  it("ids decoded twice: unknown /api paths answer a JSON 404, not the HTML page", async () => {
    for (const [method, path] of [["GET", "/api/v1/nope"], ["POST", "/api/nope"], ["GET", "/api"], ["DELETE", "/api/v2/decks"]] as const) {
      const res = await send(app, path, { method });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.headers["content-type"]).toMatch(/^application\/json/);
      expect(res.json()).toEqual({ error: { code: "not_found", message: `no API route ${method} ${path}` } });
    }
  });
});

describe("a server with a passphrase, behind a trusted proxy at 127.0.0.9", () => {
  let app: App;
  beforeAll(async () => {
    app = await startApp({ now: NOW, env: { MIANSHI_PASSPHRASE: PASSPHRASE, MIANSHI_TRUST_PROXY: "127.0.0.9" }, content: { "ops.md": "# Ops\n\nWhich agent runs dnsmasq? :: the DHCP agent\n" } });
  }, 600_000);
  afterAll(async () => {
    await app?.stop();
  });

  const login = (passphrase: string, from: string, headers: Record<string, string> = {}) =>
    send(app, "/api/v1/session", { method: "POST", headers: { ...json, ...headers }, body: JSON.stringify({ passphrase }), from });

  it("login limiter keyed on X-Forwarded-For: rotating it gives no more than 5 guesses a minute", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await login(`wrong ${i}`, "127.0.0.1", { "x-forwarded-for": `198.51.100.${i}` })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
  });

  it("login limiter keyed on X-Forwarded-For: an attacker's lockout does not lock out the owner", async () => {
    let limited = 0;
    for (let i = 0; i < 60; i++) if ((await login(`guess ${i}`, "127.0.0.3", { "x-forwarded-for": `203.0.113.${i}` })).status === 429) limited++;
    expect(limited).toBe(55);
    const owner = await login(PASSPHRASE, "127.0.0.2");
    expect(owner.status, owner.text).toBe(200);
  });

  it("login limiter keyed on X-Forwarded-For: behind the trusted proxy, each forwarded client has its own limit", async () => {
    for (let i = 0; i < 5; i++) expect((await login(`wrong ${i}`, "127.0.0.9", { "x-forwarded-for": "192.0.2.1" })).status).toBe(401);
    expect((await login(PASSPHRASE, "127.0.0.9", { "x-forwarded-for": "192.0.2.1" })).status).toBe(429);
    // another client behind the same proxy, even one that forged its own X-Forwarded-For first
    expect((await login(PASSPHRASE, "127.0.0.9", { "x-forwarded-for": "192.0.2.1, 192.0.2.2" })).status).toBe(200);
  });

  it("logout does not end the session: after DELETE /api/v1/session the old cookie opens nothing", async () => {
    const res = await login(PASSPHRASE, "127.0.0.5");
    expect(res.status).toBe(200);
    const cookie = String(res.headers["set-cookie"]).split(";")[0]!;
    const secret = cookie.split("=")[1]!.split(".")[0]!;
    // the table holds a hash of the cookie's secret, never the secret
    expect(count(app.db, "SELECT COUNT(*) AS n FROM Session WHERE id = ?", secret)).toBe(0);
    const sessions = count(app.db, "SELECT COUNT(*) AS n FROM Session");
    expect((await send(app, "/api/v1/decks", { headers: { cookie } })).status).toBe(200);
    const out = await send(app, "/api/v1/session", { method: "DELETE", headers: { cookie } });
    expect(out.status).toBe(200);
    expect(String(out.headers["set-cookie"])).toMatch(/mianshi_session=;/);
    expect(count(app.db, "SELECT COUNT(*) AS n FROM Session")).toBe(sessions - 1);
    // the copied cookie, replayed
    const replay = await send(app, "/api/v1/decks", { headers: { cookie } });
    expect(replay.status).toBe(401);
    expect(replay.json()).toMatchObject({ error: { code: "unauthorized" } });
    expect((await send(app, "/stats", { headers: { cookie } })).headers.location).toBe("/login?next=%2Fstats");
  });
});
