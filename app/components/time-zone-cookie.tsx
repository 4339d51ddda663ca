"use client";
/**
 * Tells the server the browser's time zone (a cookie it reads on every request, see
 * server/time-zone.ts), so dates rendered on the server are the user's local times. On the
 * first visit, or after travelling, the page is rendered once more with the right zone.
 */
import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { PREFERENCE_MAX_AGE, TIME_ZONE_COOKIE } from "@/i18n/config";

export function TimeZoneCookie() {
  const router = useRouter();
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const current = document.cookie.split("; ").find((c) => c.startsWith(`${TIME_ZONE_COOKIE}=`))?.slice(TIME_ZONE_COOKIE.length + 1);
    if (current !== undefined && decodeURIComponent(current) === zone) return;
    document.cookie = `${TIME_ZONE_COOKIE}=${encodeURIComponent(zone)}; path=/; max-age=${PREFERENCE_MAX_AGE}; samesite=lax`;
    router.refresh();
  }, [router]);
  return null;
}
