import Link from "next/link";
import { PageTopbar } from "@/app/components/page-topbar";
import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { listDecks } from "@/server/use-cases/study/list-decks";
import { builderDecks } from "@/app/components/builder-decks";
import { listQuizzes } from "@/server/use-cases/quiz/list-quizzes";
import { ValidationError } from "@/server/errors";
import { builderState } from "./builder-params";
import { QuizBuilder } from "./quiz-builder";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const [t, q] = await Promise.all([getTranslations("meta"), getTranslations("quiz")]);
  return { title: t("pageTitle", { page: q("title") }) };
}

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function QuizPage({ searchParams }: Props) {
  const params = await searchParams;
  const [summaries, t, common, format] = await Promise.all([listDecks(), getTranslations("quiz"), getTranslations("common"), getFormatter()]);
  const decks = await builderDecks(summaries);
  const cursor = typeof params.before === "string" ? params.before : undefined;
  const history = await listQuizzes({ limit: 20, cursor }).catch((e: unknown) => {
    if (e instanceof ValidationError) return listQuizzes({ limit: 20 });
    throw e;
  });
  return (
    <main id="main" className="page">
      <PageTopbar title={t("title")} />
      <p className="hint">{t("intro")}</p>
      {decks.length === 0 ? <p data-testid="quiz-no-decks">{t("noDecks")}</p> : <QuizBuilder decks={decks} initial={builderState(params, decks.map((d) => d.id))} />}

      <section aria-labelledby="quiz-history" className="quiz-history">
        <h2 id="quiz-history">{t("historyTitle")}</h2>
        {history.quizzes.length === 0 ? (
          <p data-testid="quiz-history-empty">{t("historyEmpty")}</p>
        ) : (
          <div className="table-scroll">
          <table className="data-table" data-testid="quiz-history">
            <thead>
              <tr>
                <th scope="col">{t("historyDate")}</th>
                <th scope="col">{t("historyDecks")}</th>
                <th scope="col">{t("historyScore")}</th>
                <th scope="col">{t("historyStatus")}</th>
              </tr>
            </thead>
            <tbody>
              {history.quizzes.map((q) => (
                <tr key={q.id} data-testid="quiz-history-row">
                  <td>{format.dateTime(new Date(q.createdAt), { dateStyle: "medium", timeStyle: "short" })}</td>
                  <td>{q.decks.join(", ")}</td>
                  <td data-testid="quiz-history-score">
                    {q.score === null
                      ? common("none")
                      : t("scoreOf", { score: format.number(q.score, { maximumFractionDigits: 2 }), total: q.questionCount, percent: Math.round((q.score / Math.max(1, q.questionCount)) * 100) })}
                  </td>
                  <td>
                    {q.finishedAt === null ? (
                      <Link href={`/quiz/${q.id}`}>{t("resume")}</Link>
                    ) : (
                      <Link href={`/quiz/${q.id}/result`}>{t("viewResult")}</Link>
                    )}
                    {q.practice ? <span className="badge-practice"> {t("practiceBadge")}</span> : null}
                    {q.retakeOf ? <span className="hint"> {t("retakeBadge")}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
</div>
        )}
        {history.nextCursor ? (
          <p className="pager">
            <Link href={`/quiz?before=${history.nextCursor}`}>{t("olderQuizzes")}</Link>
          </p>
        ) : null}
      </section>
    </main>
  );
}
