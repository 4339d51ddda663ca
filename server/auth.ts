/**
 * The passphrase that guards a server reachable from other machines (scripts/start.ts refuses
 * a non-loopback HOST without one). Set MIANSHI_PASSPHRASE, or MIANSHI_PASSPHRASE_HASH to the
 * line `npm run passphrase` prints; with neither, nothing asks for a login.
 *
 * - A login compares scrypt hashes (memory-hard, salted) in constant time.
 * - A session is a cookie (httpOnly, SameSite=Strict) holding `secret.mac`: the secret names a
 *   row of the Session table (server/store/sessions.ts; logging out deletes it), the mac is
 *   an HMAC-SHA256 under a key derived (scrypt) from the passphrase or its hash, so a forged
 *   cookie costs one HMAC and no query, sessions survive restarts, and changing the passphrase
 *   ends every session.
 * - Logins are limited per client address (5 a minute, then exponentially longer waits); the
 *   address is the connection's peer (server/front-door.ts), or what a trusted proxy
 *   (MIANSHI_TRUST_PROXY) reports. There is no overall limit: nobody can lock the owner out.
 * - Every request must name a host this server serves (loopback names, HOST, and
 *   MIANSHI_PUBLIC_ORIGIN): a page of another domain rebound to this address is refused.
 * - Writes (every method but GET, HEAD and OPTIONS) must come from the same origin.
 */
import crypto from "node:crypto";
import net from "node:net";
import os from "node:os";

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

/**
 * A new session token, `secret.mac`. The secret is random (144 bits) and must be stored
 * (createSession) before the token is handed out: a token is only as good as its row.
 */
export function createSessionToken(key: Buffer): { token: string; secret: string } {
  const secret = crypto.randomBytes(18).toString("base64url");
  return { token: `${secret}.${mac(key, `session v2.${secret}`)}`, secret };
}

/** The session secret a token carries when its mac is right under `key`, else null (then no query is needed). */
export function sessionSecret(key: Buffer, token: string | undefined): string | null {
  if (!token || token.length > 200) return null;
  const cut = token.indexOf(".");
  if (cut <= 0 || token.indexOf(".", cut + 1) >= 0) return null;
  const secret = token.slice(0, cut);
  const given = Buffer.from(token.slice(cut + 1));
  const expected = Buffer.from(mac(key, `session v2.${secret}`));
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
  return secret;
}

/** The session cookie's attributes (Secure when the request came over HTTPS). */
export function sessionCookie(token: string, secure: boolean) {
  return { name: SESSION_COOKIE, value: token, httpOnly: true, sameSite: "strict", path: "/", maxAge: SESSION_MAX_AGE_S, secure } as const;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

type Env = Record<string, string | undefined>;

/** `a.b:3000` → { hostname, port } as a URL parses them (lowercase, IPv6 in brackets), or null. */
function splitHost(host: string): { hostname: string; port: string } | null {
  if (!host || /[\s/?#@\\]/.test(host)) return null;
  try {
    const url = new URL(`http://${host}`);
    return { hostname: url.hostname, port: url.port };
  } catch {
    return null;
  }
}

const bare = (hostname: string) => hostname.replace(/^\[|\]$/g, "");

/** The addresses of proxies whose X-Forwarded-* headers are believed (MIANSHI_TRUST_PROXY, comma-separated IPs). */
export function trustedProxies(env: Env = process.env): Set<string> {
  const list = (env.MIANSHI_TRUST_PROXY ?? "").split(",").map((a) => a.trim()).filter(Boolean);
  const out = new Set<string>();
  for (const a of list) {
    const ip = normalizeAddress(a);
    if (net.isIP(ip) === 0) throw new Error(`MIANSHI_TRUST_PROXY must list IP addresses (like 127.0.0.1), got ${a}`);
    out.add(ip);
  }
  return out;
}

/** An IP address as the front door and the limiter compare them: IPv4-mapped IPv6 as IPv4, lowercase. */
export function normalizeAddress(address: string): string {
  const a = bare(address.trim().toLowerCase());
  return a.startsWith("::ffff:") && net.isIPv4(a.slice(7)) ? a.slice(7) : a;
}

/** The public origins the server is reached at (MIANSHI_PUBLIC_ORIGIN, comma-separated), as `host[:port]`. */
export function publicHosts(env: Env = process.env): Set<string> {
  const out = new Set<string>();
  for (const raw of (env.MIANSHI_PUBLIC_ORIGIN ?? "").split(",").map((o) => o.trim()).filter(Boolean)) {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new Error(`MIANSHI_PUBLIC_ORIGIN must be origins like https://mianshi.example, got ${raw}`);
    }
    if ((url.protocol !== "http:" && url.protocol !== "https:") || url.origin !== raw.replace(/\/$/, "")) {
      throw new Error(`MIANSHI_PUBLIC_ORIGIN must be origins like https://mianshi.example (scheme, host and port only), got ${raw}`);
    }
    out.add(url.host);
  }
  return out;
}

let interfaces: { at: number; addresses: Set<string> } | undefined;

/** This machine's own IP addresses (re-read every 10 s: a DHCP lease may change them). */
function ownAddresses(now: number): Set<string> {
  if (!interfaces || now - interfaces.at > 10_000) {
    const addresses = new Set<string>();
    for (const list of Object.values(os.networkInterfaces())) for (const i of list ?? []) addresses.add(normalizeAddress(i.address.split("%")[0]!));
    interfaces = { at: now, addresses };
  }
  return interfaces.addresses;
}

const WILDCARD_HOSTS = new Set(["", "0.0.0.0", "::", "[::]"]);

/**
 * Whether `host` (a Host header, `name[:port]`) names this server: a loopback name, the
 * HOST it listens on (with HOST=0.0.0.0 or ::, any address of this machine), or a host of
 * MIANSHI_PUBLIC_ORIGIN (with its port). A DNS-rebinding page sends its own domain, and is
 * refused, for reads as for writes: its requests reach this server but never name it.
 */
export function isServedHost(host: string | null, env: Env = process.env, now: number = Date.now()): boolean {
  if (host === null) return false;
  const parts = splitHost(host.trim());
  if (!parts) return false;
  const name = bare(parts.hostname);
  if (isLoopbackHost(name)) return true;
  const given = parts.port ? `${parts.hostname}:${parts.port}` : parts.hostname;
  if (publicHosts(env).has(given)) return true;
  const listen = normalizeAddress(env.HOST ?? "127.0.0.1");
  if (WILDCARD_HOSTS.has(listen)) return net.isIP(name) !== 0 && ownAddresses(now).has(normalizeAddress(name));
  return normalizeAddress(name) === listen;
}

/**
 * The host the browser used: the Host header, or, behind a trusted proxy (MIANSHI_TRUST_PROXY),
 * the X-Forwarded-Host it sets. The front door (server/front-door.ts) removes X-Forwarded-*
 * headers that did not come from a trusted proxy.
 */
export function requestHost(headers: Headers, env: Env = process.env): string | null {
  const forwarded = env.MIANSHI_TRUST_PROXY ? headers.get("x-forwarded-host")?.split(",")[0]?.trim() : undefined;
  return forwarded || headers.get("host");
}

/**
 * Whether a request may change state: reads always may; a write must not come from another
 * site. Browsers send Sec-Fetch-Site and Origin with every write; a client that sends neither
 * (curl, scripts) is not a browser tricked by another site, and passes. (That the host is one
 * this server serves is checked first, by isServedHost, for every request.)
 */
export function sameOriginWrite(method: string, headers: Headers, env: Env = process.env): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return true;
  const site = headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin" && site !== "none") return false;
  const origin = headers.get("origin");
  if (origin === null) return true;
  try {
    return new URL(origin).host === requestHost(headers, env)?.toLowerCase();
  } catch {
    return false; // "null": a sandboxed frame or a privacy-sensitive redirect
  }
}

/**
 * The client's address, for the login limit. The front door sets X-Forwarded-For to the
 * connection's peer, or (for a trusted proxy) appends the peer to what the proxy sent; the
 * client is the rightmost address that is not a trusted proxy. Without the front door
 * (route handlers called directly) nothing about the client can be believed: "unverified".
 */
export function clientAddress(headers: Headers, env: Env = process.env): string {
  if (!frontDoorInstalled()) return "unverified";
  const chain = (headers.get("x-forwarded-for") ?? "").split(",").map(normalizeAddress).filter(Boolean);
  const trusted = trustedProxies(env);
  for (let i = chain.length - 1; i >= 0; i--) if (!trusted.has(chain[i]!)) return chain[i]!;
  return chain[0] ?? "unknown";
}

/**
 * Whether a request may import notes (write files under the notes folder): with a passphrase,
 * any request that reached a route has a live session (proxy.ts refuses the others); without
 * one, only a client on this machine, by the connection's real peer (a server started with
 * `next start -H 0.0.0.0` and no passphrase still takes no notes from the network). A route
 * handler called in-process, with no connection (tests), has no peer to judge and passes.
 */
export function mayImportNotes(headers: Headers, env: Env = process.env): boolean {
  if (authConfig(env)) return true;
  const client = clientAddress(headers, env);
  return client === "unverified" || isLoopbackHost(client);
}

/** Set by server/front-door.ts once it normalises forwarded headers for every request of this process. */
export const FRONT_DOOR = Symbol.for("mianshi.front-door");
export function frontDoorInstalled(): boolean {
  return (globalThis as Record<symbol, unknown>)[FRONT_DOOR] === true;
}

/** The app's icon (app/icon.svg): the login page shows it too. */
export const ICON_PATH = "/icon.svg";

/** Paths reachable without a session: the login page, the login API and the app's icon. */
export function isPublicPath(pathname: string): boolean {
  return pathname === LOGIN_PATH || pathname === SESSION_API_PATH || pathname === ICON_PATH;
}

/**
 * Where to go after logging in: a path on this site, never another site. The path is resolved
 * the way the browser will resolve it (tabs and newlines dropped, backslashes as slashes, dot
 * segments removed), so "/%09/evil.example/" (a tab: "//evil.example/") and "/\\evil" are refused.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith("/")) return "/";
  const base = "http://mianshi.invalid";
  let url: URL;
  try {
    url = new URL(next, base);
  } catch {
    return "/";
  }
  const path = url.pathname + url.search + url.hash;
  if (url.origin !== base || !path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\") || url.pathname === LOGIN_PATH) return "/";
  return path;
}

interface AddressState {
  windowStart: number;
  count: number;
  /** how many times the address used up its attempts without logging in */
  strikes: number;
  blockedUntil: number;
  lastSeen: number;
}

/**
 * Login attempts per client address: `perWindow` attempts a window; the first time they are
 * used up the address waits for the window to end, each later time twice as long as the last
 * (2, 4, 8... windows, at most `maxBlockMs`). A successful login forgets the address; so does
 * a day without attempts. There is no overall limit: an attacker, from however many
 * addresses, never makes the owner's own address wait.
 */
export class LoginLimiter {
  private readonly addresses = new Map<string, AddressState>();
  private lastPrune = 0;

  constructor(
    private readonly perWindow = 5,
    private readonly windowMs = 60_000,
    private readonly maxBlockMs = 3600_000,
    private readonly forgetMs = 24 * 3600_000,
    private readonly maxAddresses = 10_000,
  ) {}

  /** Counts an attempt: 0 when allowed, otherwise the seconds to wait. */
  hit(key: string, now: number = Date.now()): number {
    this.prune(now);
    let a = this.addresses.get(key);
    if (a) this.addresses.delete(key); // re-inserted below: the map stays in order of last use
    a ??= { windowStart: now, count: 0, strikes: 0, blockedUntil: 0, lastSeen: now };
    a.lastSeen = now;
    this.addresses.set(key, a);
    const wait = (until: number) => Math.max(1, Math.ceil((until - now) / 1000));
    if (now < a.blockedUntil) return wait(a.blockedUntil);
    if (now - a.windowStart >= this.windowMs) {
      a.windowStart = now;
      a.count = 0;
    }
    if (a.count < this.perWindow) {
      a.count++;
      return 0;
    }
    a.strikes++;
    a.blockedUntil = a.strikes === 1 ? a.windowStart + this.windowMs : now + Math.min(this.maxBlockMs, this.windowMs * 2 ** (a.strikes - 1));
    return wait(a.blockedUntil);
  }

  /** A successful login from `key`: its attempts and waits are forgotten. */
  succeeded(key: string): void {
    this.addresses.delete(key);
  }

  private prune(now: number): void {
    if (now - this.lastPrune < this.windowMs && this.addresses.size < this.maxAddresses) return;
    this.lastPrune = now;
    for (const [k, a] of this.addresses) if (now - a.lastSeen >= this.forgetMs && now >= a.blockedUntil) this.addresses.delete(k);
    // under a flood of addresses, the least recently seen go first
    for (const k of this.addresses.keys()) {
      if (this.addresses.size < this.maxAddresses) break;
      this.addresses.delete(k);
    }
  }

  get size(): number {
    return this.addresses.size;
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
  try {
    trustedProxies(env);
    publicHosts(env);
  } catch (e) {
    return (e as Error).message;
  }
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
