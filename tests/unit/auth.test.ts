import { describe, expect, it } from "vitest";
import {
  authConfig,
  createSessionToken,
  exposureProblem,
  hashPassphrase,
  isLoopbackHost,
  isServedHost,
  LoginLimiter,
  parsePassphraseHash,
  safeNextPath,
  sameOriginWrite,
  sessionSecret,
  verifyPassphrase,
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

  it("a token made with the key carries its secret (the stored session is checked by server/use-cases/auth/session-active)", () => {
    const { token, secret } = createSessionToken(key);
    expect(sessionSecret(key, token)).toBe(secret);
    expect(createSessionToken(key).secret).not.toBe(secret);
  });

  it("a token changed anywhere, or made under another passphrase, is refused", () => {
    const { token } = createSessionToken(key);
    const [secret, mac] = token.split(".") as [string, string];
    expect(sessionSecret(key, `${secret}x.${mac}`)).toBeNull();
    expect(sessionSecret(key, `${secret}.${mac.slice(1)}`)).toBeNull();
    expect(sessionSecret(key, `${secret}.${mac}.x`)).toBeNull();
    expect(sessionSecret(key, `${Date.now() + 1e9}.${secret}.${mac}`)).toBeNull();
    expect(sessionSecret(key, undefined)).toBeNull();
    expect(sessionSecret(key, "")).toBeNull();
    const other = authConfig({ MIANSHI_PASSPHRASE: "another one" })!.sessionKey;
    expect(sessionSecret(other, token)).toBeNull();
  });

  it("the key is the same for the same passphrase (sessions survive a restart); none without one", () => {
    expect(authConfig({ MIANSHI_PASSPHRASE: "correct horse" })!.sessionKey.equals(key)).toBe(true);
    expect(authConfig({})).toBeNull();
  });
});

describe("writes from another site", () => {
  const h = (o: Record<string, string>) => new Headers({ host: "192.168.1.5:3000", ...o });
  const behindProxy = { MIANSHI_TRUST_PROXY: "127.0.0.1" };
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
  ] as const)("%s %j → %s", (method, headers, ok) => {
    expect(sameOriginWrite(method, h(headers), {})).toBe(ok);
  });

  it("X-Forwarded-Host counts only behind a trusted proxy (MIANSHI_TRUST_PROXY)", () => {
    expect(sameOriginWrite("POST", h({ origin: "https://mianshi.lan", "x-forwarded-host": "mianshi.lan" }), behindProxy)).toBe(true);
    expect(sameOriginWrite("POST", h({ origin: "https://evil.example", "x-forwarded-host": "mianshi.lan" }), behindProxy)).toBe(false);
    expect(sameOriginWrite("POST", h({ origin: "https://mianshi.lan", "x-forwarded-host": "mianshi.lan" }), {})).toBe(false);
  });
});

describe("the hosts this server serves", () => {
  it.each([
    ["127.0.0.1:3000", {}, true],
    ["localhost:3000", {}, true],
    ["LOCALHOST", {}, true],
    ["[::1]:3000", {}, true],
    ["evil.example:3000", {}, false],
    ["127.0.0.1.evil.example", {}, false],
    ["localhost.evil.example:3000", {}, false],
    ["", {}, false],
    ["a b", {}, false],
    ["192.168.1.5:3000", {}, false],
    ["192.168.1.5:3000", { HOST: "192.168.1.5" }, true],
    ["mianshi.lan:3000", { HOST: "mianshi.lan" }, true],
    ["mianshi.example", { MIANSHI_PUBLIC_ORIGIN: "https://mianshi.example" }, true],
    ["mianshi.example:8443", { MIANSHI_PUBLIC_ORIGIN: "https://mianshi.example" }, false],
    ["b.example:8080", { MIANSHI_PUBLIC_ORIGIN: "https://a.example, http://b.example:8080" }, true],
    ["evil.example", { HOST: "0.0.0.0" }, false],
  ] as const)("%s with %j → %s", (host, env, ok) => {
    expect(isServedHost(host, env)).toBe(ok);
  });

  it("with HOST=0.0.0.0, this machine's own addresses (and only them)", () => {
    expect(isServedHost("127.0.0.1:3000", { HOST: "0.0.0.0" })).toBe(true);
    expect(isServedHost("203.0.113.77:3000", { HOST: "0.0.0.0" })).toBe(false);
  });

  it("a public origin or trusted proxy that is not one is refused at start", () => {
    expect(exposureProblem("127.0.0.1", { MIANSHI_PUBLIC_ORIGIN: "mianshi.example" })).toMatch(/MIANSHI_PUBLIC_ORIGIN/);
    expect(exposureProblem("127.0.0.1", { MIANSHI_PUBLIC_ORIGIN: "https://mianshi.example/app" })).toMatch(/MIANSHI_PUBLIC_ORIGIN/);
    expect(exposureProblem("127.0.0.1", { MIANSHI_TRUST_PROXY: "proxy.lan" })).toMatch(/MIANSHI_TRUST_PROXY/);
    expect(exposureProblem("127.0.0.1", { MIANSHI_PUBLIC_ORIGIN: "https://mianshi.example", MIANSHI_TRUST_PROXY: "127.0.0.1, ::1" })).toBeNull();
  });
});

describe("the login rate limit", () => {
  it("allows 5 attempts a minute per address, then says how long to wait; other addresses go on", () => {
    const limiter = new LoginLimiter();
    for (let i = 0; i < 5; i++) expect(limiter.hit("a", NOW + i)).toBe(0);
    expect(limiter.hit("a", NOW + 10_000)).toBe(50);
    expect(limiter.hit("b", NOW + 10_000)).toBe(0);
    expect(limiter.hit("a", NOW + 60_000)).toBe(0);
  });

  it("waits twice as long each time an address uses up its attempts again, up to an hour", () => {
    const limiter = new LoginLimiter();
    let t = NOW;
    const waits: number[] = [];
    for (let round = 0; round < 9; round++) {
      for (let i = 0; i < 5; i++) expect(limiter.hit("a", t)).toBe(0);
      const wait = limiter.hit("a", t);
      waits.push(wait);
      expect(limiter.hit("a", t + wait * 1000 - 1)).toBeGreaterThan(0);
      t += wait * 1000;
    }
    expect(waits).toEqual([60, 120, 240, 480, 960, 1920, 3600, 3600, 3600]);
  });

  it("has no overall limit, and a successful login forgets the address", () => {
    const limiter = new LoginLimiter();
    for (let ip = 0; ip < 200; ip++) for (let i = 0; i < 6; i++) limiter.hit(`198.51.100.${ip}`, NOW);
    expect(limiter.hit("owner", NOW)).toBe(0);
    for (let i = 0; i < 4; i++) limiter.hit("owner", NOW);
    limiter.succeeded("owner");
    for (let i = 0; i < 5; i++) expect(limiter.hit("owner", NOW + 1)).toBe(0);
  });

  it("forgets addresses after a quiet day, and keeps at most the configured number", () => {
    const limiter = new LoginLimiter(5, 60_000, 3600_000, 24 * 3600_000, 100);
    for (let ip = 0; ip < 150; ip++) limiter.hit(`ip${ip}`, NOW + ip);
    expect(limiter.size).toBeLessThanOrEqual(100);
    limiter.hit("late", NOW + 25 * 3600_000);
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
    expect(safeNextPath("/cards/abc#history")).toBe("/cards/abc#history");
    for (const bad of [null, "", "https://evil.example", "//evil.example", "/\\evil.example", "/login?next=/x", "/\t/evil.example/", "/\n/evil.example/", "/\r/evil.example/", "/.//evil.example", "\t//evil.example"]) {
      expect(safeNextPath(bad), JSON.stringify(bad)).not.toMatch(/evil/);
    }
  });
});
