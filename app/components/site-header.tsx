import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requestTheme } from "./theme";
import { PreferenceSwitches } from "./preference-switches";

/** The bar above every page: language and theme switches (the pages keep their own titles and links). */
export async function SiteHeader() {
  const [t, locale, theme] = await Promise.all([getTranslations("header"), getLocale(), requestTheme()]);
  return (
    <header className="app-bar">
      <div className="app-bar-inner">
        <Link href="/settings" data-testid="settings-link">
          {t("settings")}
        </Link>
        <div role="group" aria-label={t("label")}>
          <PreferenceSwitches locale={locale} theme={theme} />
        </div>
      </div>
    </header>
  );
}
