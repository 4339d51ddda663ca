import { PageTopbar } from "@/app/components/page-topbar";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { quizIdSchema } from "@/lib/quiz/schemas";
import { QuizRunner } from "./quiz-runner";

export const dynamic = "force-dynamic";

interface Props {
  params: Promise<{ id: string }>;
}

export async function generateMetadata(): Promise<Metadata> {
  const [t, q] = await Promise.all([getTranslations("meta"), getTranslations("quiz")]);
  return { title: t("pageTitle", { page: q("title") }) };
}

/** Taking a quiz: the runner reads everything from the API, so the page is a shell. */
export default async function QuizRunPage({ params }: Props) {
  const id = quizIdSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const t = await getTranslations("quiz");
  return (
    <main id="main" className="page">
      <PageTopbar title={t("title")} />
      <QuizRunner quizId={id.data} />
    </main>
  );
}
