/**
 * Languages and themes: which exist, the cookies that remember the user's choice, and how a
 * request's Accept-Language header picks a language when there is no cookie. Pure code: the
 * request config (i18n/request.ts), server actions and client components all import it.
 */

export const LOCALES = ["en", "zh"] as const;
export type AppLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: AppLocale = "en";
/** The value of <html lang> for each locale. */
export const HTML_LANG: Record<AppLocale, string> = { en: "en", zh: "zh-CN" };

export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];
export const DEFAULT_THEME: Theme = "system";

export const LOCALE_COOKIE = "locale";
export const THEME_COOKIE = "theme";
/** Both cookies last a year. */
export const PREFERENCE_MAX_AGE = 365 * 24 * 3600;

export const isLocale = (v: unknown): v is AppLocale => typeof v === "string" && (LOCALES as readonly string[]).includes(v);
export const isTheme = (v: unknown): v is Theme => typeof v === "string" && (THEMES as readonly string[]).includes(v);

/**
 * The best of our locales for an Accept-Language header ("zh-CN,zh;q=0.9,en;q=0.8"): the
 * ranges are tried by quality (ties keep their order); any zh-* means Chinese, any en-* English,
 * `*` the default. Nothing we speak (or no header) gives the default, English.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): AppLocale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const ranges = acceptLanguage
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim().toLowerCase(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((r) => r.tag !== "" && r.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const { tag } of ranges) {
    if (tag === "*") return DEFAULT_LOCALE;
    const primary = tag.split("-")[0];
    if (isLocale(primary)) return primary;
  }
  return DEFAULT_LOCALE;
}

/** Named date and number formats, shared by the server and the browser (next-intl `formats`). */
export const FORMATS = {
  dateTime: {
    // "Jan 5, 2027, 10:00" / "2027年1月5日 10:00"
    dateTime: { dateStyle: "medium", timeStyle: "short", hourCycle: "h23" },
  },
  number: {
    decimal: { maximumFractionDigits: 2 },
    percent: { style: "percent", maximumFractionDigits: 1 },
    seconds: { style: "unit", unit: "second", unitDisplay: "short", maximumFractionDigits: 1 },
    retention: { minimumFractionDigits: 2, maximumFractionDigits: 2 },
  },
} as const;

/** The browser's IANA time zone, written by the page itself (app/components/time-zone-cookie.tsx). */
export const TIME_ZONE_COOKIE = "tz";
