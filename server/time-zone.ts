/**
 * The time zone a page's dates are shown in and its study day is counted in: the one stored in
 * /settings when the user chose one, else the browser's (the `tz` cookie the page writes), else
 * the server's. Every server-rendered date goes through next-intl with this zone (i18n/request.ts).
 */
import { cookies } from "next/headers";
import { TIME_ZONE_COOKIE } from "@/i18n/config";
import { isValidTimeZone } from "@/lib/study-day";
import { db as defaultDb } from "./db";
import { readSettings } from "./store/settings";

const SERVER_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

export async function requestTimeZone(): Promise<string> {
  const stored = readSettings(defaultDb().sqlite).timeZone;
  if (stored && isValidTimeZone(stored)) return stored;
  const browser = (await cookies()).get(TIME_ZONE_COOKIE)?.value;
  return browser && isValidTimeZone(browser) ? browser : SERVER_ZONE;
}
