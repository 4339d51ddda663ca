import Link from "next/link";
import { PageTopbar } from "@/app/components/page-topbar";
import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { listDecks } from "@/server/use-cases/study/list-decks";
import { builderDecks } from "@/app/components/builder-decks";
import { listInterviews } from "@/server/use-cases/interview/list-interviews";
import { listInterviewDates } from "@/server/use-cases/planning/list-interview-dates";
import { InterviewSetup } from "./interview-setup";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const [t, i] = await Promise.all([getTranslations("meta"), getTranslations("interview")]);
  return { title: t("pageTitle", { page: i("title") }) };
}

export default async function InterviewPage() {
  const [summaries, t, common, format, history, dates] = await Promise.all([listDecks(), getTranslations("interview"), getTranslations("common"), getFormatter(), listInterviews(), listInterviewDates()]);
  const dateNames = await getTranslations("interviewDates");
  // "weakest for the day first" orders by recall at the next interview date: offered when there is one
  const next = dates.interviewDates.find((d) => !d.past);
  const interviewDay = next ? { label: next.label || dateNames("untitled"), when: format.dateTime(new Date(next.at), { dateStyle: "medium", timeStyle: "short", timeZone: next.timeZone }) } : undefined;
  const decks = await builderDecks(summaries);
  return (
    <main id="main" className="page">
      <PageTopbar title={t("title")} />
      <p className="hint">{t("intro")}</p>
      <InterviewSetup decks={decks} {...(interviewDay ? { interviewDay } : {})} />
      <section aria-labelledby="interview-history" className="quiz-history">
        <h2 id="interview-history">{t("historyTitle")}</h2>
        {history.length === 0 ? (
          <p>{t("historyEmpty")}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table" data-testid="interview-history">
              <thead>
                <tr>
                  <th scope="col">{t("date")}</th>
                  <th scope="col">{t("questions")}</th>
                  <th scope="col">{t("score")}</th>
                  <th scope="col">{t("status")}</th>
                </tr>
              </thead>
              <tbody>
                {history.map((h) => (
                  <tr key={h.id} data-testid="interview-history-row">
                    <td>{format.dateTime(new Date(h.createdAt), { dateStyle: "medium", timeStyle: "short" })}</td>
                    <td>{h.questionCount}</td>
                    <td>{h.score === null ? common("none") : `${Math.round(h.score * 100)}%`}</td>
                    <td>{h.finishedAt === null ? <Link href={`/interview/${h.id}`}>{t("resume")}</Link> : <Link href={`/interview/${h.id}/report`}>{t("report")}</Link>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </main>
  );
}
