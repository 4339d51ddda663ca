import { z } from "zod";
import { cookies } from "next/headers";
import { authConfig, clientAddress, createSessionToken, LoginLimiter, SESSION_COOKIE, SESSION_MAX_AGE_S, sessionCookie, sessionSecret, verifyPassphrase } from "@/server/auth";
import { handle, readJson } from "@/server/http";
import { TooManyRequestsError, UnauthorizedError } from "@/server/errors";
import { createSession } from "@/server/use-cases/auth/create-session";
import { endSession } from "@/server/use-cases/auth/end-session";

export const dynamic = "force-dynamic";

/** 5 attempts a minute per client address, then exponentially longer waits; no overall limit. */
const limiter = new LoginLimiter();

const loginSchema = z.object({ passphrase: z.string().max(1024) }).strict();

/** Logs in: `{ passphrase }` → a session cookie. 401 when wrong, 429 (Retry-After) when too many. */
export async function POST(request: Request) {
  return handle(async () => {
    const auth = authConfig();
    if (!auth) return { ok: true, required: false };
    // the connection's peer, or what a trusted proxy reports (server/front-door.ts): never a header the client chose
    const client = clientAddress(request.headers);
    const wait = limiter.hit(client);
    if (wait > 0) throw new TooManyRequestsError("too many login attempts: try again later", wait);
    const { passphrase } = await readJson(request, loginSchema);
    if (!(await verifyPassphrase(passphrase, await auth.hash))) throw new UnauthorizedError("wrong passphrase");
    limiter.succeeded(client);
    const { token, secret } = createSessionToken(auth.sessionKey);
    createSession({ secret, now: new Date(), maxAgeMs: SESSION_MAX_AGE_S * 1000 });
    // the front door keeps X-Forwarded-Proto only from a trusted proxy
    const secure = new URL(request.url).protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
    (await cookies()).set(sessionCookie(token, secure));
    return { ok: true, required: true };
  });
}

/** Logs out: the session is deleted, so its cookie opens nothing any more, here or anywhere it was copied. */
export async function DELETE() {
  return handle(async () => {
    const jar = await cookies();
    const auth = authConfig();
    const secret = auth ? sessionSecret(auth.sessionKey, jar.get(SESSION_COOKIE)?.value) : null;
    if (secret) endSession({ secret });
    jar.delete(SESSION_COOKIE);
    return { ok: true };
  });
}
