import Link from "next/link";
import { PageTopbar } from "@/app/components/page-topbar";
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { SanitizedHtml } from "@/app/components/html";
import { interviewIdSchema } from "@/lib/interview/schemas";
import type { QuizAnswer } from "@/lib/quiz/types";
import { TERM_LIST_MAX } from "@/lib/interview/rubric";
import { ConflictError, NotFoundError } from "@/server/errors";
import { interviewReport, type InterviewReport } from "@/server/use-cases/interview/interview-report";
import { AnsweredQuestion, QuestionSourceLinks } from "../../../quiz/answered-question";
import { TopicTable } from "../../../quiz/topic-table";
import { ReportActions } from "./report-actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const [t, i] = await Promise.all([getTranslations("meta"), getTranslations("interview")]);
  return { title: t("pageTitle", { page: i("reportTitle") }) };
}

export default async function InterviewReportPage({ params }: { params: Promise<{ id: string }> }) {
  const id = interviewIdSchema.safeParse((await params).id);
  if (!id.success) notFound();
  let report: InterviewReport;
  try {
    report = await interviewReport({ interviewId: id.data });
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    if (e instanceof ConflictError) redirect(`/interview/${id.data}`);
    throw e;
  }
  const [t, q, kinds, common, format] = await Promise.all([getTranslations("interview"), getTranslations("quiz"), getTranslations("interviewKinds"), getTranslations("common"), getFormatter()]);
  const seconds = (ms: number | null) => (ms === null ? common("none") : q("seconds", { seconds: format.number(ms / 1000, { maximumFractionDigits: 1 }) }));
  const percent = (x: number) => `${Math.round(x * 100)}%`;
  const previous = report.trend.length > 1 ? report.trend[report.trend.length - 2] : undefined;
  return (
    <main id="main" className="page interview-report">
      <PageTopbar title={t("reportTitle")}>
        <Link className="no-print" href="/interview">
          {t("backToInterviews")}
        </Link>
      </PageTopbar>

      <section className="card result-summary" aria-labelledby="report-score">
        <h2 id="report-score" data-testid="report-score">
          {percent(report.score)}
        </h2>
        <p>
          {q("resultMeta", { date: format.dateTime(new Date(report.createdAt), { dateStyle: "medium", timeStyle: "short" }), time: seconds(report.totalMs) })}
          {report.practice ? <span className="badge-practice"> {t("practiceBadge")}</span> : null}
        </p>
        {previous ? (
          <p data-testid="report-versus-last">
            {t("versusLast", { delta: Math.round((report.score - previous.score) * 100), previous: percent(previous.score) })}
          </p>
        ) : null}
        <ReportActions
          interviewId={report.id}
          cards={report.missedCards}
          studied={report.missedStudied !== null}
          deckTitles={Object.fromEntries(report.questions.map((x) => [x.question.source.deckId, x.question.source.deckTitle]))}
        />
      </section>

      <section aria-labelledby="trend">
        <h2 id="trend">{t("trendTitle")}</h2>
        <div className="table-scroll">
          <table className="data-table" data-testid="report-trend">
            <caption className="visually-hidden">{t("trendCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("date")}</th>
                <th scope="col">{t("score")}</th>
              </tr>
            </thead>
            <tbody>
              {report.trend.map((p) => (
                <tr key={p.id} className={p.id === report.id ? "current-row" : undefined}>
                  <td>{format.dateTime(new Date(p.createdAt), { dateStyle: "medium", timeStyle: "short" })}</td>
                  <td>
                    <meter min={0} max={1} value={p.score} aria-hidden="true" /> {percent(p.score)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="by-topic">
        <h2 id="by-topic">{q("byTopic")}</h2>
        <TopicTable rows={report.topics} />
      </section>

      <section aria-labelledby="questions">
        <h2 id="questions">{q("reviewTitle")}</h2>
        <ol className="quiz-review">
          {report.questions.map((x) => (
            <li key={x.position} className="card" data-testid="report-question" data-kind={x.question.kind}>
              <p className="kind">
                {q("questionNumber", { number: x.position + 1 })} · {kinds(x.question.kind)} · <span data-testid="report-time">{seconds(x.durationMs)}</span> ·{" "}
                <span data-testid="report-question-score">{percent(x.score)}</span>
                {x.autoSubmitted ? <> · {t("timedOutShort")}</> : null}
              </p>
              <SanitizedHtml className="prompt" html={x.question.promptHtml} />
              <QuestionSourceLinks source={x.question.source} />
              {x.question.kind === "open" ? (
                <>
                  <h3>{t("yourAnswer")}</h3>
                  <p className="interview-text">{(x.answer as { text?: string } | null)?.text || t("nothingWritten")}</p>
                  {x.termList ? (
                    <p className="hint term-list-note" data-testid="report-term-list">
                      {t("termList", { max: percent(TERM_LIST_MAX) })}
                    </p>
                  ) : null}
                  <ul className="rubric-report">
                    {x.question.pointsHtml.map((html, i) => {
                      const p = x.points?.[i];
                      return (
                        <li key={i} className={p?.covered ? "covered" : "missed"} data-testid="report-point" data-covered={p?.covered ? "true" : "false"}>
                          <span className="mark">{p?.covered ? t("covered") : t("missedPoint")}</span> <SanitizedHtml as="span" html={html} />
                          {p?.match && p.match.found.length > 0 ? <span className="hint"> {t("found", { words: p.match.found.join(", ") })}</span> : null}
                        </li>
                      );
                    })}
                  </ul>
                  {x.question.modelAnswerHtml ? (
                    <div className="explanation">
                      <h4>{t("modelAnswer")}</h4>
                      <SanitizedHtml className="html" html={x.question.modelAnswerHtml} />
                    </div>
                  ) : null}
                </>
              ) : (
                <AnsweredQuestion question={x.question} answer={x.answer as QuizAnswer | null} result={x.result} score={x.score} answered={x.answered} />
              )}
            </li>
          ))}
        </ol>
      </section>
    </main>
  );
}
