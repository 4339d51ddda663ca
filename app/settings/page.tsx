import { cookies } from "next/headers";
import { getTranslations } from "next-intl/server";
import { TIME_ZONE_COOKIE } from "@/i18n/config";
import { isValidTimeZone } from "@/lib/study-day";
import { PageTopbar } from "@/app/components/page-topbar";
import { getSettings } from "@/server/use-cases/settings/get-settings";
import { SettingsForm } from "./settings-form";
import { HistoryPanel } from "./history-panel";
import { currentParameters } from "@/server/use-cases/parameters/current-parameters";
import { DEFAULT_PARAMETERS } from "@/lib/fsrs-metrics";
import { listInterviewDates } from "@/server/use-cases/planning/list-interview-dates";
import { listDecks } from "@/server/use-cases/study/list-decks";
import { builderDecks } from "@/app/components/builder-decks";
import { InterviewDatesPanel } from "./interview-dates-panel";

export const dynamic = "force-dynamic";

export default async function SettingsPage() {
  const [t, settings, parameters, interviewDates, decks] = await Promise.all([getTranslations("settings"), getSettings(), currentParameters(), listInterviewDates(), listDecks()]);
  const personal = parameters.some((w, i) => w !== DEFAULT_PARAMETERS[i]);
  const scopeDecks = await builderDecks(decks);
  // the browser's zone as far as the server knows it (the cookie the page writes), else the server's
  const cookie = (await cookies()).get(TIME_ZONE_COOKIE)?.value;
  const browserZone = cookie && isValidTimeZone(cookie) ? cookie : Intl.DateTimeFormat().resolvedOptions().timeZone;
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [browserZone];
  return (
    <main id="main" className="page">
      <PageTopbar title={t("title")} />
      <SettingsForm initial={settings} browserZone={browserZone} zones={zones} />
      <InterviewDatesPanel
        initial={interviewDates.interviewDates}
        decks={scopeDecks}
        zones={zones}
        browserZone={browserZone}
      />
      <HistoryPanel personal={personal} />
    </main>
  );
}
