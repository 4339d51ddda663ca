import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { HTML_LANG } from "@/i18n/config";
import { SiteHeader } from "./components/site-header";
import { TimeZoneCookie } from "./components/time-zone-cookie";
import { requestTheme } from "./components/theme";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  return { title: t("title"), description: t("description") };
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [locale, theme, t] = await Promise.all([getLocale(), requestTheme(), getTranslations("common")]);
  return (
    // the language and theme come from cookies (or Accept-Language): rendered here, so no flash
    <html lang={HTML_LANG[locale]} data-theme={theme}>
      <body>
        <NextIntlClientProvider>
          <a className="skip-link" href="#main">
            {t("skipToContent")}
          </a>
          <TimeZoneCookie />
          <SiteHeader />
          {children}
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
