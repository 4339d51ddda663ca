import Link from "next/link";
import { PageTopbar } from "@/app/components/page-topbar";
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { SanitizedHtml } from "@/app/components/html";
import { quizIdSchema } from "@/lib/quiz/schemas";
import { weakestTopics } from "@/lib/quiz/report";
import { skipWhy, type SkippedCard } from "@/lib/quiz/build";
import { ConflictError, NotFoundError } from "@/server/errors";
import { quizResult, type QuizResult } from "@/server/use-cases/quiz/quiz-result";
import { AnsweredQuestion, QuestionSourceLinks } from "../../answered-question";
import { OverrideButton } from "./override-button";
import { builderUrl } from "../../builder-params";
import { RetakeButton } from "./retake-button";
import { TopicTable } from "../../topic-table";

export const dynamic = "force-dynamic";

interface Props {
  params: Promise<{ id: string }>;
}

export async function generateMetadata(): Promise<Metadata> {
  const [t, q] = await Promise.all([getTranslations("meta"), getTranslations("quiz")]);
  return { title: t("pageTitle", { page: q("resultTitle") }) };
}

const RATING_KEYS = { 1: "again", 2: "hard", 3: "good" } as const;

export default async function QuizResultPage({ params }: Props) {
  const id = quizIdSchema.safeParse((await params).id);
  if (!id.success) notFound();
  let result: QuizResult;
  try {
    result = await quizResult({ quizId: id.data });
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    // still in progress: take it
    if (e instanceof ConflictError) redirect(`/quiz/${id.data}`);
    throw e;
  }
  const [t, kinds, cardKinds, common, format] = await Promise.all([getTranslations("quiz"), getTranslations("quizKinds"), getTranslations("kinds"), getTranslations("common"), getFormatter()]);
  // in the reader's language; an older quiz's reason the app cannot read back is shown as stored
  const why = (s: SkippedCard) => {
    const w = skipWhy(s);
    if (!w) return s.reason;
    if (w.code === "cannot_ask") return t("skipWhy.cannot_ask", { cardKind: cardKinds.has(w.cardKind as "basic") ? cardKinds(w.cardKind as "basic") : w.cardKind });
    if (w.code === "no_right_option") return t("skipWhy.no_right_option");
    return t("skipWhy.too_few_options", { found: w.found, needed: w.needed, termClass: w.termClass, answer: w.answer });
  };
  const seconds = (ms: number | null) => (ms === null ? common("none") : t("seconds", { seconds: format.number(ms / 1000, { maximumFractionDigits: 1 }) }));
  const weak = weakestTopics(result.topics).slice(0, 3);
  return (
    <main id="main" className="page quiz-result">
      <PageTopbar title={t("resultTitle")}>
        <Link href="/quiz">{t("backToQuizzes")}</Link>
      </PageTopbar>

      <section className="card result-summary" aria-labelledby="result-score">
        <h2 id="result-score" data-testid="result-score">
          {t("scoreOf", { score: format.number(result.score, { maximumFractionDigits: 2 }), total: result.questionCount, percent: Math.round(result.share * 100) })}
        </h2>
        <p>
          {t("resultMeta", { date: format.dateTime(new Date(result.createdAt), { dateStyle: "medium", timeStyle: "short" }), time: seconds(result.totalMs) })}
          {result.practice ? <span className="badge-practice"> {t("practiceBadge")}</span> : null}
        </p>
        {result.timedOut ? <p className="hint" data-testid="result-timed-out">{t("timedOut")}</p> : null}
        <p className="hint">{result.practice ? t("practiceResultHint") : t("scheduledResultHint")}</p>
        {weak.length > 0 ? (
          <p data-testid="result-weakest">
            {t("weakest")} {weak.map((w) => w.path.slice(1).join(" › ")).join(t("listSeparator"))}
          </p>
        ) : null}
        <div className="actions">
          {result.wrong > 0 ? <RetakeButton quizId={result.id} wrong={result.wrong} /> : null}
          <Link className="button" href={builderUrl(result.settings)} data-testid="quiz-same-again">
            {t("sameAgain", { seed: result.seed })}
          </Link>
        </div>
      </section>

      <section aria-labelledby="by-topic">
        <h2 id="by-topic">{t("byTopic")}</h2>
        <TopicTable rows={result.topics} />
      </section>

      {result.skipped.length > 0 ? (
        <section aria-labelledby="skipped">
          <h2 id="skipped">{t("skippedTitle", { count: result.skipped.length })}</h2>
          <ul className="hint">
            {result.skipped.slice(0, 20).map((s) => (
              <li key={`${s.kind}:${s.cardId}`} data-testid="skipped-card">
                {t.rich("skippedItem", {
                  kind: kinds(s.kind),
                  reason: why(s),
                  card: (chunks) => <Link href={`/cards/${encodeURIComponent(s.cardId)}`}>{chunks}</Link>,
                })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="review">
        <h2 id="review">{t("reviewTitle")}</h2>
        <ol className="quiz-review">
          {result.questions.map((q) => (
            <li key={q.position} className="card" data-testid="review-question" data-kind={q.question.kind} data-score={q.score}>
              <p className="kind">
                {t("questionNumber", { number: q.position + 1 })} · {kinds(q.question.kind)} · <span data-testid="review-time">{seconds(q.durationMs)}</span>
                {q.rating !== null ? <> · {t("scheduledAs", { rating: t(`ratings.${RATING_KEYS[q.rating as 1 | 2 | 3]}`) })}</> : null}
              </p>
              <SanitizedHtml className="prompt" html={q.question.promptHtml} />
              <QuestionSourceLinks source={q.question.source} />
              <AnsweredQuestion question={q.question} answer={q.answer} result={q.result} score={q.score} answered={q.answered} />
              {q.result?.kind === "typed" && q.score < 1 && !q.result.overridden ? <OverrideButton quizId={result.id} position={q.position} /> : null}
            </li>
          ))}
        </ol>
      </section>
    </main>
  );
}
