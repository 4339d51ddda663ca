import { PageTopbar } from "@/app/components/page-topbar";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { interviewIdSchema } from "@/lib/interview/schemas";
import { InterviewRunner } from "./interview-runner";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const [t, i] = await Promise.all([getTranslations("meta"), getTranslations("interview")]);
  return { title: t("pageTitle", { page: i("title") }) };
}

/** Taking a mock interview: the runner reads everything from the API. */
export default async function InterviewRunPage({ params }: { params: Promise<{ id: string }> }) {
  const id = interviewIdSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const t = await getTranslations("interview");
  return (
    <main id="main" className="page">
      <PageTopbar title={t("title")} />
      <InterviewRunner interviewId={id.data} />
    </main>
  );
}
