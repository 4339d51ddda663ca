/**
 * Every request passes here (Next.js 16 "proxy", formerly middleware):
 * - a request whose Host is not one this server serves (a DNS-rebinding page) gets 421;
 * - a path with malformed percent-encoding gets 400 (Next.js would answer a bare 500);
 * - a write (POST, PUT, PATCH, DELETE, server actions) from another site gets 403;
 * - when a passphrase is set (server/auth.ts), a request without a live session cookie gets
 *   401 (API) or a redirect to /login (pages); checking a session costs one HMAC and one
 *   primary-key lookup (a logged-out session is gone from the table);
 * - every response carries the security headers. A fresh nonce per request lets Next.js's own
 *   inline scripts run while any other inline script — from content or an injection — is
 *   refused: script-src has no 'unsafe-inline'.
 */
import { NextResponse, type NextRequest } from "next/server";
import { authConfig, isPublicPath, isServedHost, LOGIN_PATH, requestHost, sameOriginWrite, SESSION_COOKIE, sessionSecret } from "@/server/auth";
import { sessionActive } from "@/server/use-cases/auth/session-active";

export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    // React and Next.js set style attributes; styles cannot run code
    "style-src 'self' 'unsafe-inline'",
    // content images are served by the assets route; remote images are never loaded
    "img-src 'self' blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

function refuse(status: number, code: string, message: string): NextResponse {
  return NextResponse.json({ error: { code, message } }, { status });
}

/** Whether every percent-escape of the path decodes (route parameters are decoded once, by Next.js). */
function wellEncoded(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/** 421, 400, 403, 401 or a redirect to the login page; null when the request may go on. */
function gate(request: NextRequest): NextResponse | null {
  if (!isServedHost(requestHost(request.headers))) return refuse(421, "misdirected_request", "this server does not serve that host (see MIANSHI_PUBLIC_ORIGIN)");
  if (!wellEncoded(request.nextUrl.pathname)) return refuse(400, "invalid_request", "the path has malformed percent-encoding");
  if (!sameOriginWrite(request.method, request.headers)) return refuse(403, "forbidden", "cross-origin write refused");
  const auth = authConfig();
  if (!auth) return null;
  const { pathname, search } = request.nextUrl;
  // a server action is a write whatever its page: it needs a session, also from /login
  const action = request.headers.has("next-action");
  if (isPublicPath(pathname) && !action) return null;
  const secret = sessionSecret(auth.sessionKey, request.cookies.get(SESSION_COOKIE)?.value);
  if (secret && sessionActive({ secret, now: new Date() })) return null;
  if (pathname.startsWith("/api/") || action) return refuse(401, "unauthorized", "log in first: POST /api/v1/session { passphrase }");
  const login = request.nextUrl.clone();
  login.pathname = LOGIN_PATH;
  login.search = pathname === "/" ? "" : `?${new URLSearchParams({ next: pathname + search })}`;
  return NextResponse.redirect(login, 303);
}

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce);
  let response = gate(request);
  if (!response) {
    const requestHeaders = new Headers(request.headers);
    // Next.js reads the nonce from the request's CSP header and puts it on its scripts
    requestHeaders.set("x-nonce", nonce);
    requestHeaders.set("Content-Security-Policy", csp);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set("X-Content-Type-Options", "nosniff");
  response.headers.set("Referrer-Policy", "no-referrer");
  response.headers.set("X-Frame-Options", "DENY");
  return response;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
