import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageTopbar } from "@/app/components/page-topbar";
import { InterviewPlanSection } from "./interview-plan-section";
import { ProgressDashboard } from "./progress-dashboard";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const [t, d] = await Promise.all([getTranslations("meta"), getTranslations("dashboard")]);
  return { title: t("pageTitle", { page: d("title") }) };
}

/**
 * Progress: the next interview's readiness and plan (rendered here, in the interview's own time
 * zone), then the dashboard, which reads its numbers from the API in the browser's time zone.
 */
export default async function StatsPage() {
  const t = await getTranslations("dashboard");
  return (
    <main id="main" className="page wide">
      <PageTopbar title={t("title")} />
      <InterviewPlanSection />
      <ProgressDashboard />
    </main>
  );
}
