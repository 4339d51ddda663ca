/**
 * next-intl's request config, without locale-prefixed routes: the language is the `locale`
 * cookie when the user chose one (the switcher in the site header), else the best match of
 * the browser's Accept-Language header, else English.
 */
import { getRequestConfig } from "next-intl/server";
import { cookies, headers } from "next/headers";
import { FORMATS, isLocale, LOCALE_COOKIE, negotiateLocale, type AppLocale } from "./config";
import { requestTimeZone } from "../server/time-zone";


export async function requestLocale(): Promise<AppLocale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  return negotiateLocale((await headers()).get("accept-language"));
}

export default getRequestConfig(async () => {
  const locale = await requestLocale();
  const messages = (locale === "zh" ? await import("../messages/zh.json") : await import("../messages/en.json")).default;
  // dates rendered on the server are in the user's zone: the stored one, else the browser's
  return { locale, messages, formats: FORMATS, timeZone: await requestTimeZone() };
});
