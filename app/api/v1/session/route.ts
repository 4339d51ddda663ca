import { z } from "zod";
import { cookies } from "next/headers";
import { authConfig, createSessionToken, RateLimiter, SESSION_COOKIE, sessionCookie, verifyPassphrase } from "@/server/auth";
import { handle, readJson } from "@/server/http";
import { TooManyRequestsError, UnauthorizedError } from "@/server/errors";

export const dynamic = "force-dynamic";

/** 5 attempts a minute from one address, 50 from all together. */
const limiter = new RateLimiter(5, 50, 60_000);

const loginSchema = z.object({ passphrase: z.string().max(1024) }).strict();

/** Logs in: `{ passphrase }` → a session cookie. 401 when wrong, 429 (Retry-After) when too many. */
export async function POST(request: Request) {
  return handle(async () => {
    const auth = authConfig();
    if (!auth) return { ok: true, required: false };
    // Next.js sets x-forwarded-for to the client's address unless the request brought one
    const client = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || "unknown";
    const wait = limiter.hit(client);
    if (wait > 0) throw new TooManyRequestsError("too many login attempts: try again later", wait);
    const { passphrase } = await readJson(request, loginSchema);
    if (!(await verifyPassphrase(passphrase, await auth.hash))) throw new UnauthorizedError("wrong passphrase");
    const secure = new URL(request.url).protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
    (await cookies()).set(sessionCookie(createSessionToken(auth.sessionKey), secure));
    return { ok: true, required: true };
  });
}

/** Logs out. */
export async function DELETE() {
  return handle(async () => {
    (await cookies()).delete(SESSION_COOKIE);
    return { ok: true };
  });
}
