import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { SanitizedHtml } from "@/app/components/html";
import { cardDetail, type CardDetail } from "@/server/use-cases/cards/get-card-detail";
import { NotFoundError } from "@/server/errors";
import { getTranslations } from "next-intl/server";
import { getHistoryNames } from "@/app/components/history-names";
import { labels } from "../../browse/format";
import { CardActions } from "./card-actions";

export const dynamic = "force-dynamic";

interface Props {
  params: Promise<{ id: string }>;
}

async function load(params: Props["params"]): Promise<CardDetail | null> {
  const { id } = await params;
  let decoded = id;
  try {
    decoded = decodeURIComponent(id);
  } catch {
    /* not valid percent-encoding: use it as it is */
  }
  try {
    return await cardDetail({ cardId: decoded, now: new Date() });
  } catch (e) {
    if (e instanceof NotFoundError) return null;
    throw e;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [card, t, names] = await Promise.all([load(params), getTranslations("meta"), getHistoryNames()]);
  return { title: t("pageTitle", { page: card ? t("card", { deck: names.deckTitle(card.deckId, card.deckTitle) }) : t("cardNotFound") }) };
}

export default async function CardPage({ params }: Props) {
  const card = await load(params);
  if (!card) notFound();
  const s = card.schedule;
  const browseDeck = `/browse?${new URLSearchParams({ deck: card.deckId }).toString()}`;
  const [t, common, study, label, names] = await Promise.all([getTranslations("card"), getTranslations("common"), getTranslations("study"), labels(), getHistoryNames()]);
  // a placeholder card of an imported history: its text from messages, and no deck to study
  const placeholder = names.cardText(card.deckId, card.id);
  return (
    <main id="main" className="page wide" data-testid="card-detail" data-card-id={card.id}>
      <div className="topbar">
        <Link className="brand" href="/">
          {common("home")}
        </Link>
        <Link href="/browse" data-testid="back-to-browse">
          {t("browse")}
        </Link>
        <Link href={browseDeck}>{names.deckTitle(card.deckId, card.deckTitle)}</Link>
        {placeholder ? null : (
          <Link href={`/study/${encodeURIComponent(card.deckId)}`} data-testid="study-deck">
            {t("studyDeck")}
          </Link>
        )}
      </div>

      <article className="study-card" aria-labelledby="card-heading">
        <div className="card-meta">
          <span className="kind">{label.kind(card.kind)}</span>
          {card.topic.length ? (
            <nav className="breadcrumb" aria-label={study("topic")}>
              <ol>
                {card.topic.map((t, i) => (
                  <li key={i}>{t}</li>
                ))}
              </ol>
            </nav>
          ) : null}
        </div>
        <h1 id="card-heading" className="card-heading">
          {t("question")}
        </h1>
        {placeholder ? (
          <div className="prompt html" data-testid="detail-prompt">
            <p>{placeholder.prompt}</p>
          </div>
        ) : (
          <SanitizedHtml className="prompt html" html={card.promptHtml} testId="detail-prompt" />
        )}
        <div className="answer answer-inner">
          <h2 className="card-heading">{t("answer")}</h2>
          {placeholder ? (
            <div className="html" data-testid="detail-answer">
              <p>{placeholder.answer}</p>
            </div>
          ) : (
            <SanitizedHtml className="html" html={card.answerHtml} testId="detail-answer" />
          )}
        </div>
      </article>

      <section className="detail-section" aria-labelledby="schedule-caption">
        <table className="data-table key-value" data-testid="schedule">
          <caption id="schedule-caption">{t("schedule")}</caption>
          <tbody>
            <Row label={t("state")} value={label.state(s.state)} testId="schedule-state" />
            <Row label={t("due")} value={<time dateTime={s.due}>{label.date(s.due)}</time>} testId="schedule-due" />
            <Row label={t("stability")} value={label.number(s.stability)} testId="schedule-stability" />
            <Row label={t("difficulty")} value={label.number(s.difficulty)} testId="schedule-difficulty" />
            <Row label={t("retrievability")} value={label.percent(s.retrievability)} testId="schedule-retrievability" />
            <Row label={t("reviews")} value={label.number(s.reps)} testId="schedule-reps" />
            <Row label={t("lapses")} value={label.number(s.lapses)} />
            <Row label={t("lastReview")} value={s.lastReview ? <time dateTime={s.lastReview}>{label.date(s.lastReview)}</time> : label.none} />
            <Row label={t("suspended")} value={label.yesNo(s.suspended)} />
            <Row label={t("buriedUntil")} value={s.buriedUntil ? <time dateTime={s.buriedUntil}>{label.date(s.buriedUntil)}</time> : label.none} />
            <Row label={t("flag")} value={label.flag(s.flag)} />
            <Row label={t("retired")} value={s.retired ? t("retiredYes") : common("no")} />
          </tbody>
        </table>
      </section>

      <CardActions cardId={card.id} suspended={s.suspended} buried={s.buriedUntil !== null && new Date(s.buriedUntil) > new Date()} flag={s.flag} />

      <section className="detail-section" aria-labelledby="history-caption">
        {card.reviews.length === 0 ? (
          <>
            <h2 id="history-caption" className="results-heading">
              {t("history")}
            </h2>
            <p className="empty" data-testid="no-history">
              {t("noHistory")}
            </p>
          </>
        ) : (
          <div className="table-scroll" role="region" aria-labelledby="history-caption" tabIndex={0}>
            <table className="data-table" data-testid="history">
              <caption id="history-caption">{t("historyCaption", { count: card.reviews.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("reviewedAt")}</th>
                  <th scope="col">{t("rating")}</th>
                  <th scope="col">{t("timeTaken")}</th>
                  <th scope="col">{t("source")}</th>
                  <th scope="col">{t("stateAfter")}</th>
                  <th scope="col">{t("dueAfter")}</th>
                  <th scope="col">{t("stabilityShort")}</th>
                  <th scope="col">{t("difficultyShort")}</th>
                  <th scope="col">{t("recallWhenReviewed")}</th>
                </tr>
              </thead>
              <tbody>
                {card.reviews.map((r) => (
                  <tr key={r.id} data-testid="history-row" data-rating={r.rating}>
                    <th scope="row">
                      <time dateTime={r.reviewedAt}>{label.date(r.reviewedAt)}</time>
                    </th>
                    <td>{label.rating(r.rating)}</td>
                    <td>{label.duration(r.durationMs)}</td>
                    <td>{label.source(r.source)}</td>
                    <td>{label.state(r.state)}</td>
                    <td>
                      <time dateTime={r.due}>{label.date(r.due)}</time>
                    </td>
                    <td>{label.number(r.stability)}</td>
                    <td>{label.number(r.difficulty)}</td>
                    <td data-testid="history-recall">{r.recall === null ? "—" : `${label.number(r.recall * 100)}%`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <p>
        <Link href="/browse">{t("backToBrowse")}</Link>
      </p>
    </main>
  );
}

function Row({ label, value, testId }: { label: string; value: React.ReactNode; testId?: string }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td data-testid={testId}>{value}</td>
    </tr>
  );
}
