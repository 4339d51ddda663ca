"use client";

import { useOptimistic, useTransition } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { setLocale, setTheme } from "@/app/actions/preferences";
import { HTML_LANG, LOCALE_COOKIE, LOCALES, PREFERENCE_MAX_AGE, THEME_COOKIE, THEMES, type AppLocale, type Theme } from "@/i18n/config";

/**
 * Where a server action is refused (the login page, before a session: proxy.ts), the browser
 * writes the same cookie itself.
 */
function remember(name: string, value: string) {
  document.cookie = `${name}=${value}; path=/; max-age=${PREFERENCE_MAX_AGE}; samesite=lax`;
}

/** Two small button groups: English / 中文, and system / light / dark. The choice is a cookie. */
export function PreferenceSwitches({ locale, theme }: { locale: AppLocale; theme: Theme }) {
  const t = useTranslations("header");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  // the pressed buttons follow a click at once, before the server's answer
  const [shownLocale, showLocale] = useOptimistic(locale);
  const [shownTheme, showTheme] = useOptimistic(theme);

  const chooseLocale = (next: AppLocale) => {
    if (next === locale) return;
    startTransition(async () => {
      showLocale(next);
      await setLocale(next).catch(() => remember(LOCALE_COOKIE, next));
      router.refresh();
    });
  };
  const chooseTheme = (next: Theme) => {
    if (next === theme) return;
    // show it at once; the server renders the same attribute from the cookie from now on
    document.documentElement.setAttribute("data-theme", next);
    startTransition(async () => {
      showTheme(next);
      await setTheme(next).catch(() => remember(THEME_COOKIE, next));
      router.refresh();
    });
  };

  return (
    <>
      <div className="switch" role="group" aria-label={t("language")} data-testid="locale-switch" aria-busy={pending || undefined}>
        {LOCALES.map((l) => (
          <button
            key={l}
            type="button"
            lang={HTML_LANG[l]}
            aria-pressed={l === shownLocale}
            onClick={() => chooseLocale(l)}
            data-testid={`locale-${l}`}
          >
            {t(`languages.${l}`)}
          </button>
        ))}
      </div>
      <div className="switch" role="group" aria-label={t("theme")} data-testid="theme-switch">
        {THEMES.map((th) => (
          <button key={th} type="button" aria-pressed={th === shownTheme} onClick={() => chooseTheme(th)} data-testid={`theme-${th}`}>
            {t(`themes.${th}`)}
          </button>
        ))}
      </div>
    </>
  );
}
