/** The imported history deck's title and its placeholder cards' text in the page's language (client components). */
import { useTranslations } from "next-intl";
import { historyNames, type HistoryNames } from "@/lib/history/placeholder";

export function useHistoryNames(): HistoryNames {
  const t = useTranslations("importedHistory");
  return historyNames((key, values) => t(key, values));
}
