"use server";
/**
 * The site header's switches: the language and the theme are remembered in cookies that the
 * server reads on every request (i18n/request.ts, app/layout.tsx), so a reload shows them
 * at once, without a flash. Setting a cookie in a server action re-renders the current page.
 */
import { cookies } from "next/headers";
import { isLocale, isTheme, LOCALE_COOKIE, PREFERENCE_MAX_AGE, THEME_COOKIE } from "@/i18n/config";

const options = { path: "/", maxAge: PREFERENCE_MAX_AGE, sameSite: "lax", httpOnly: false } as const;

export async function setLocale(locale: string): Promise<void> {
  if (!isLocale(locale)) throw new Error(`unknown locale: ${locale}`);
  (await cookies()).set(LOCALE_COOKIE, locale, options);
}

export async function setTheme(theme: string): Promise<void> {
  if (!isTheme(theme)) throw new Error(`unknown theme: ${theme}`);
  (await cookies()).set(THEME_COOKIE, theme, options);
}
