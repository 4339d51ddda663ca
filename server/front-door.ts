/**
 * The first code every HTTP request meets, before Next.js reads it (installed by
 * instrumentation.ts when the server starts). It makes the forwarded headers true:
 *
 * - from a peer that is not a trusted proxy (MIANSHI_TRUST_PROXY), X-Forwarded-For/-Host/-Proto/
 *   -Port, Forwarded and X-Real-IP are dropped and X-Forwarded-For becomes the peer's address,
 *   so a client cannot choose the address the login limit counts, nor the host the same-origin
 *   check compares;
 * - from a trusted proxy they are kept, and the proxy's own address is appended to
 *   X-Forwarded-For (server/auth.ts clientAddress takes the rightmost untrusted address).
 *
 * Next.js only sets X-Forwarded-For when a request has none, and gives route handlers no access
 * to the connection: this is the one place that knows who is at the other end.
 */
import http from "node:http";
import https from "node:https";
import { FRONT_DOOR, normalizeAddress, trustedProxies } from "./auth";

const FORWARDED = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "forwarded", "x-real-ip"];

/** Rewrites the forwarded headers of `req` for the peer it came from. */
export function normalizeForwardedHeaders(req: http.IncomingMessage, trusted: Set<string>): void {
  const peer = normalizeAddress(req.socket?.remoteAddress ?? "");
  if (peer && trusted.has(peer)) {
    const sent = req.headers["x-forwarded-for"];
    const chain = (Array.isArray(sent) ? sent.join(",") : (sent ?? "")).trim();
    req.headers["x-forwarded-for"] = chain ? `${chain}, ${peer}` : peer;
    return;
  }
  for (const h of FORWARDED) delete req.headers[h];
  if (peer) req.headers["x-forwarded-for"] = peer;
}

/** Installs the front door on every HTTP(S) server of this process (once). */
export function installFrontDoor(env: Record<string, string | undefined> = process.env): void {
  const global = globalThis as Record<symbol, unknown>;
  if (global[FRONT_DOOR] === true) return;
  const trusted = trustedProxies(env);
  for (const Server of [http.Server, https.Server]) {
    const emit = Server.prototype.emit as (this: unknown, event: string | symbol, ...args: unknown[]) => boolean;
    Server.prototype.emit = function (this: unknown, event: string | symbol, ...args: unknown[]) {
      if (event === "request") normalizeForwardedHeaders(args[0] as http.IncomingMessage, trusted);
      return emit.call(this, event, ...args);
    } as typeof Server.prototype.emit;
  }
  global[FRONT_DOOR] = true;
}
