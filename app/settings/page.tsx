import { getTranslations } from "next-intl/server";
import { PageTopbar } from "@/app/components/page-topbar";
import { getSettings } from "@/server/use-cases/settings/get-settings";
import { SettingsForm } from "./settings-form";
import { HistoryPanel } from "./history-panel";
import { currentParameters } from "@/server/use-cases/parameters/current-parameters";
import { DEFAULT_PARAMETERS } from "@/lib/fsrs-metrics";

export const dynamic = "force-dynamic";

export default async function SettingsPage() {
  const [t, settings, parameters] = await Promise.all([getTranslations("settings"), getSettings(), currentParameters()]);
  const personal = parameters.some((w, i) => w !== DEFAULT_PARAMETERS[i]);
  return (
    <main id="main" className="page">
      <PageTopbar title={t("title")} />
      <SettingsForm initial={settings} />
      <HistoryPanel personal={personal} />
    </main>
  );
}
