/**
 * The passphrase that guards a server reachable from other machines (scripts/start.ts refuses
 * a non-loopback HOST without one). Set MIANSHI_PASSPHRASE, or MIANSHI_PASSPHRASE_HASH to the
 * line `npm run passphrase` prints; with neither, nothing asks for a login.
 *
 * - A login compares scrypt hashes (memory-hard, salted) in constant time.
 * - A session is a cookie (httpOnly, SameSite=Strict) holding `expiry.random.mac`: an HMAC-SHA256
 *   under a key derived (scrypt) from the passphrase or its hash, so checking it costs one HMAC,
 *   it survives restarts, and changing the passphrase ends every session.
 * - Logins are limited per client address (5 a minute) and overall (50 a minute).
 * - Writes (every method but GET, HEAD and OPTIONS) must come from the same origin.
 */
import crypto from "node:crypto";

export const SESSION_COOKIE = "mianshi_session";
export const SESSION_MAX_AGE_S = 30 * 24 * 3600;
export const LOGIN_PATH = "/login";
export const SESSION_API_PATH = "/api/v1/session";

/** scrypt cost: N = 2^15, r = 8 (32 MiB, about 0.1 s here), 32-byte hash, 16-byte salt */
const SCRYPT = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;
const HASH_BYTES = 32;

export interface PassphraseHash {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  hash: Buffer;
}

function scrypt(secret: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    crypto.scrypt(secret.normalize("NFC"), salt, HASH_BYTES, { ...params, maxmem: SCRYPT.maxmem }, (e, key) => (e ? reject(e) : resolve(key))),
  );
}

/** A new hash of `passphrase` with a random salt, as one line: `scrypt$N$r$p$salt$hash` (base64url). */
export async function hashPassphrase(passphrase: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  const hash = await scrypt(passphrase, salt, SCRYPT);
  return ["scrypt", SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString("base64url"), hash.toString("base64url")].join("$");
}

export function parsePassphraseHash(line: string): PassphraseHash {
  const [kind, N, r, p, salt, hash] = line.trim().split("$");
  const parsed = { N: Number(N), r: Number(r), p: Number(p), salt: Buffer.from(salt ?? "", "base64url"), hash: Buffer.from(hash ?? "", "base64url") };
  if (kind !== "scrypt" || ![parsed.N, parsed.r, parsed.p].every((x) => Number.isInteger(x) && x > 0) || parsed.salt.length < 8 || parsed.hash.length !== HASH_BYTES) {
    throw new Error("MIANSHI_PASSPHRASE_HASH is not a line printed by `npm run passphrase` (scrypt$N$r$p$salt$hash)");
  }
  return parsed;
}

export async function verifyPassphrase(attempt: string, stored: PassphraseHash): Promise<boolean> {
  if (attempt.length > 1024) return false;
  const hash = await scrypt(attempt, stored.salt, stored);
  return crypto.timingSafeEqual(hash, stored.hash);
}

export interface AuthConfig {
  /** the stored hash a login is checked against */
  hash: Promise<PassphraseHash>;
  /** the HMAC key of session tokens */
  sessionKey: Buffer;
}

let cached: { source: string; config: AuthConfig } | undefined;

/** The configuration from the environment, or null when no passphrase is set (no login). */
export function authConfig(env: Record<string, string | undefined> = process.env): AuthConfig | null {
  const plain = env.MIANSHI_PASSPHRASE;
  const hashed = env.MIANSHI_PASSPHRASE_HASH?.trim();
  if (!plain && !hashed) return null;
  const source = hashed ? `hash:${hashed}` : `plain:${plain}`;
  if (cached?.source !== source) {
    // a plain passphrase is hashed once per process, with a fresh salt, like a stored one
    const hash = hashed ? Promise.resolve(parsePassphraseHash(hashed)) : hashPassphrase(plain!).then(parsePassphraseHash);
    const sessionKey = crypto.scryptSync(source, "mianshi session key v1", HASH_BYTES, SCRYPT);
    cached = { source, config: { hash, sessionKey } };
  }
  return cached.config;
}

const mac = (key: Buffer, payload: string) => crypto.createHmac("sha256", key).update(payload).digest("base64url");

export function createSessionToken(key: Buffer, now: number = Date.now()): string {
  const payload = `${now + SESSION_MAX_AGE_S * 1000}.${crypto.randomBytes(18).toString("base64url")}`;
  return `${payload}.${mac(key, payload)}`;
}

export function verifySessionToken(key: Buffer, token: string | undefined, now: number = Date.now()): boolean {
  if (!token || token.length > 200) return false;
  const cut = token.lastIndexOf(".");
  if (cut < 0) return false;
  const payload = token.slice(0, cut);
  const given = Buffer.from(token.slice(cut + 1));
  const expected = Buffer.from(mac(key, payload));
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return false;
  const expires = Number(payload.split(".")[0]);
  return Number.isFinite(expires) && expires > now;
}

/** The session cookie's attributes (Secure when the request came over HTTPS). */
export function sessionCookie(token: string, secure: boolean) {
  return { name: SESSION_COOKIE, value: token, httpOnly: true, sameSite: "strict", path: "/", maxAge: SESSION_MAX_AGE_S, secure } as const;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Whether a request may change state: reads always may; a write must not come from another
 * site. Browsers send Sec-Fetch-Site and Origin with every write; a client that sends neither
 * (curl, scripts) is not a browser tricked by another site, and passes.
 */
export function sameOriginWrite(method: string, headers: Headers): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return true;
  const site = headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin" && site !== "none") return false;
  const origin = headers.get("origin");
  if (origin === null) return true;
  try {
    // the Host the browser used, or the one a reverse proxy in front reports (a browser cannot
    // set X-Forwarded-Host on another site's behalf without a CORS preflight, which fails here)
    const host = new URL(origin).host;
    return host === headers.get("host") || host === headers.get("x-forwarded-host");
  } catch {
    return false; // "null": a sandboxed frame or a privacy-sensitive redirect
  }
}

/** Paths reachable without a session: the login page and the login API. */
export function isPublicPath(pathname: string): boolean {
  return pathname === LOGIN_PATH || pathname === SESSION_API_PATH;
}

/** Where to go after logging in: a path on this site, never another site ("//evil", "/\\evil"). */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\") || next.startsWith(LOGIN_PATH)) return "/";
  return next;
}

/** A fixed-window counter per key, with an overall limit; windows that have ended are dropped. */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  private overall = { start: 0, count: 0 };

  constructor(
    private readonly perKey: number,
    private readonly total: number,
    private readonly windowMs: number,
  ) {}

  /** Counts an attempt: 0 when allowed, otherwise the seconds to wait. */
  hit(key: string, now: number = Date.now()): number {
    if (now - this.overall.start >= this.windowMs) {
      this.overall = { start: now, count: 0 };
      for (const [k, w] of this.windows) if (now - w.start >= this.windowMs) this.windows.delete(k);
    }
    let w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs) {
      w = { start: now, count: 0 };
      this.windows.set(key, w);
    }
    const wait = (start: number) => Math.max(1, Math.ceil((start + this.windowMs - now) / 1000));
    if (w.count >= this.perKey) return wait(w.start);
    if (this.overall.count >= this.total) return wait(this.overall.start);
    w.count++;
    this.overall.count++;
    return 0;
  }

  get size(): number {
    return this.windows.size;
  }
}

/** Whether a listen address only accepts connections from this machine. */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, "");
  return h === "localhost" || h === "::1" || /^127(\.\d{1,3}){3}$/.test(h) || /^::ffff:127(\.\d{1,3}){3}$/.test(h);
}

/**
 * Why the server must not start on `host` with this environment, or null: another machine
 * could reach it, so it needs a passphrase, and a hash that parses.
 */
export function exposureProblem(host: string, env: Record<string, string | undefined> = process.env): string | null {
  if (env.MIANSHI_PASSPHRASE_HASH) {
    try {
      parsePassphraseHash(env.MIANSHI_PASSPHRASE_HASH);
    } catch (e) {
      return (e as Error).message;
    }
  }
  if (isLoopbackHost(host) || env.MIANSHI_PASSPHRASE || env.MIANSHI_PASSPHRASE_HASH) return null;
  return (
    `refusing to serve on ${host}: other machines could reach it without a login.\n` +
    `Set a passphrase first: MIANSHI_PASSPHRASE=... (or MIANSHI_PASSPHRASE_HASH=<the line \`npm run passphrase\` prints>),\n` +
    `or leave HOST unset to serve on 127.0.0.1 only.`
  );
}
