import { cookies } from "next/headers";
import { DEFAULT_THEME, isTheme, THEME_COOKIE, type Theme } from "@/i18n/config";

/** The theme the user chose (cookie), or "system": the colours then follow prefers-color-scheme. */
export async function requestTheme(): Promise<Theme> {
  const chosen = (await cookies()).get(THEME_COOKIE)?.value;
  return isTheme(chosen) ? chosen : DEFAULT_THEME;
}
