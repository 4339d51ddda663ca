import { getTranslations } from "next-intl/server";
import { getSettings } from "@/server/use-cases/settings";
import { SettingsForm } from "./settings-form";

export const dynamic = "force-dynamic";

export default async function SettingsPage() {
  const [t, settings] = await Promise.all([getTranslations("settings"), getSettings()]);
  return (
    <main id="main" className="page">
      <h1>{t("title")}</h1>
      <SettingsForm initial={settings} />
    </main>
  );
}
