import { describe, expect, it } from "vitest";
import {
  authConfig,
  createSessionToken,
  exposureProblem,
  hashPassphrase,
  isLoopbackHost,
  parsePassphraseHash,
  RateLimiter,
  safeNextPath,
  sameOriginWrite,
  SESSION_MAX_AGE_S,
  verifyPassphrase,
  verifySessionToken,
} from "@/server/auth";

const NOW = Date.parse("2027-01-04T09:00:00Z");

describe("passphrase hashes", () => {
  it("verify the passphrase and nothing else; each hash has its own salt", async () => {
    const line = await hashPassphrase("correct horse");
    expect(line).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(await hashPassphrase("correct horse")).not.toBe(line);
    const stored = parsePassphraseHash(line);
    expect(await verifyPassphrase("correct horse", stored)).toBe(true);
    expect(await verifyPassphrase("correct hors", stored)).toBe(false);
    expect(await verifyPassphrase("", stored)).toBe(false);
  });

  it("a malformed hash is refused with the way to make one", () => {
    expect(() => parsePassphraseHash("sha1$abc")).toThrow(/npm run passphrase/);
    expect(exposureProblem("127.0.0.1", { MIANSHI_PASSPHRASE_HASH: "nope" })).toMatch(/npm run passphrase/);
  });
});

describe("sessions", () => {
  const key = authConfig({ MIANSHI_PASSPHRASE: "correct horse" })!.sessionKey;

  it("a token made with the key is valid until it expires", () => {
    const token = createSessionToken(key, NOW);
    expect(verifySessionToken(key, token, NOW + 1000)).toBe(true);
    expect(verifySessionToken(key, token, NOW + SESSION_MAX_AGE_S * 1000 + 1)).toBe(false);
  });

  it("a token changed anywhere, or made under another passphrase, is refused", () => {
    const token = createSessionToken(key, NOW);
    const [expires, random, mac] = token.split(".") as [string, string, string];
    expect(verifySessionToken(key, `${Number(expires) + 1000}.${random}.${mac}`, NOW)).toBe(false);
    expect(verifySessionToken(key, `${expires}.${random}x.${mac}`, NOW)).toBe(false);
    expect(verifySessionToken(key, `${expires}.${random}.${mac.slice(1)}`, NOW)).toBe(false);
    expect(verifySessionToken(key, undefined, NOW)).toBe(false);
    expect(verifySessionToken(key, "", NOW)).toBe(false);
    const other = authConfig({ MIANSHI_PASSPHRASE: "another one" })!.sessionKey;
    expect(verifySessionToken(other, token, NOW)).toBe(false);
  });

  it("the key is the same for the same passphrase (sessions survive a restart); none without one", () => {
    expect(authConfig({ MIANSHI_PASSPHRASE: "correct horse" })!.sessionKey.equals(key)).toBe(true);
    expect(authConfig({})).toBeNull();
  });
});

describe("writes from another site", () => {
  const h = (o: Record<string, string>) => new Headers({ host: "192.168.1.5:3000", ...o });
  it.each([
    ["GET", {}, true],
    ["GET", { origin: "https://evil.example", "sec-fetch-site": "cross-site" }, true],
    ["POST", {}, true],
    ["POST", { origin: "http://192.168.1.5:3000", "sec-fetch-site": "same-origin" }, true],
    ["DELETE", { "sec-fetch-site": "none" }, true],
    ["POST", { origin: "https://evil.example" }, false],
    ["POST", { origin: "http://192.168.1.5:3001" }, false],
    ["PUT", { "sec-fetch-site": "cross-site" }, false],
    ["PATCH", { "sec-fetch-site": "same-site", origin: "http://192.168.1.5:3000" }, false],
    ["POST", { origin: "null" }, false],
    ["POST", { origin: "https://mianshi.lan", "x-forwarded-host": "mianshi.lan" }, true],
    ["POST", { origin: "https://evil.example", "x-forwarded-host": "mianshi.lan" }, false],
  ] as const)("%s %j → %s", (method, headers, ok) => {
    expect(sameOriginWrite(method, h(headers))).toBe(ok);
  });
});

describe("the login rate limit", () => {
  it("allows 5 attempts a minute per address, then says how long to wait; other addresses go on", () => {
    const limiter = new RateLimiter(5, 50, 60_000);
    for (let i = 0; i < 5; i++) expect(limiter.hit("a", NOW + i)).toBe(0);
    expect(limiter.hit("a", NOW + 10_000)).toBe(50);
    expect(limiter.hit("b", NOW + 10_000)).toBe(0);
    expect(limiter.hit("a", NOW + 60_000)).toBe(0);
  });

  it("limits all addresses together, and forgets ended windows", () => {
    const limiter = new RateLimiter(5, 10, 60_000);
    for (let i = 0; i < 10; i++) expect(limiter.hit(`ip${i}`, NOW)).toBe(0);
    expect(limiter.hit("ip-new", NOW + 1)).toBe(60);
    expect(limiter.size).toBe(11);
    expect(limiter.hit("ip-new", NOW + 61_000)).toBe(0);
    expect(limiter.size).toBe(1);
  });
});

describe("exposure", () => {
  it.each([
    ["127.0.0.1", true],
    ["127.1.2.3", true],
    ["localhost", true],
    ["::1", true],
    ["[::1]", true],
    ["0.0.0.0", false],
    ["::", false],
    ["192.168.1.5", false],
    ["127.0.0.1.example.com", false],
  ])("%s is loopback: %s", (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback);
    expect(exposureProblem(host, {}) === null).toBe(loopback);
  });

  it("another address needs a passphrase", () => {
    expect(exposureProblem("0.0.0.0", {})).toMatch(/MIANSHI_PASSPHRASE/);
    expect(exposureProblem("0.0.0.0", { MIANSHI_PASSPHRASE: "correct horse" })).toBeNull();
  });

  it("after the login, only a path on this site", () => {
    expect(safeNextPath("/study/a%2Fb?x=1")).toBe("/study/a%2Fb?x=1");
    for (const bad of [null, "", "https://evil.example", "//evil.example", "/\\evil.example", "/login?next=/x"]) expect(safeNextPath(bad)).toBe("/");
  });
});
