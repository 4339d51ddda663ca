/**
 * The time a request happens at. Normally the server's clock; when
 * MIANSHI_TRUST_CLIENT_CLOCK=1 (the browser tests only) the browser's clock, sent as
 * `x-mianshi-now` (epoch ms), so Playwright's clock can move a whole session to tomorrow.
 */
export const CLIENT_CLOCK_HEADER = "x-mianshi-now";

/** True in the browser tests: time comes from the browser, so a page rendered before any request cannot know it. */
export const clientClockTrusted = (): boolean => process.env.MIANSHI_TRUST_CLIENT_CLOCK === "1";

export function requestNow(request: Request): Date {
  if (clientClockTrusted()) {
    const raw = request.headers.get(CLIENT_CLOCK_HEADER);
    const ms = raw === null ? NaN : Number(raw);
    if (Number.isFinite(ms) && ms > 0) return new Date(ms);
  }
  return new Date();
}
