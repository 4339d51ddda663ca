/** Typed keys for next-intl: a key missing from messages/en.json is a type error. */
import type en from "../messages/en.json";
import type { AppLocale, FORMATS } from "./config";

declare module "next-intl" {
  interface AppConfig {
    Locale: AppLocale;
    Messages: typeof en;
    Formats: typeof FORMATS;
  }
}
