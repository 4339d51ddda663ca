/** The imported history deck's title and its placeholder cards' text in the request's language (server components). */
import { getTranslations } from "next-intl/server";
import { historyNames, type HistoryNames } from "@/lib/history/placeholder";

export async function getHistoryNames(): Promise<HistoryNames> {
  const t = await getTranslations("importedHistory");
  return historyNames((key, values) => t(key, values));
}
