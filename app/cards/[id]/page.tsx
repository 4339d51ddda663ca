import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { SanitizedHtml } from "@/app/components/html";
import { cardDetail, type CardDetail } from "@/server/use-cases/card-detail";
import { NotFoundError } from "@/server/errors";
import { FLAG_NAMES, formatDate, formatDuration, formatNumber, formatPercent, KIND_NAMES, RATING_LABELS, STATE_LABELS } from "../../browse/format";

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
  const card = await load(params);
  return { title: card ? `Card 卡片 · ${card.deckTitle} · Mianshi 面试` : "Card not found · Mianshi 面试" };
}

export default async function CardPage({ params }: Props) {
  const card = await load(params);
  if (!card) notFound();
  const s = card.schedule;
  const browseDeck = `/browse?${new URLSearchParams({ deck: card.deckId }).toString()}`;
  return (
    <main id="main" className="page wide" data-testid="card-detail" data-card-id={card.id}>
      <div className="topbar">
        <Link className="brand" href="/">
          ← Mianshi 面试
        </Link>
        <Link href="/browse" data-testid="back-to-browse">
          Browse 浏览
        </Link>
        <Link href={browseDeck}>{card.deckTitle}</Link>
        <Link href={`/study/${encodeURIComponent(card.deckId)}`}>Study this deck 学习此卡组</Link>
      </div>

      <article className="study-card" aria-labelledby="card-heading">
        <div className="card-meta">
          <span className="kind">{KIND_NAMES[card.kind as keyof typeof KIND_NAMES] ?? card.kind}</span>
          {card.topic.length ? (
            <nav className="breadcrumb" aria-label="Topic 主题">
              <ol>
                {card.topic.map((t, i) => (
                  <li key={i}>{t}</li>
                ))}
              </ol>
            </nav>
          ) : null}
        </div>
        <h1 id="card-heading" className="card-heading">
          Question 问题
        </h1>
        <SanitizedHtml className="prompt html" html={card.promptHtml} testId="detail-prompt" />
        <div className="answer answer-inner">
          <h2 className="card-heading">Answer 答案</h2>
          <SanitizedHtml className="html" html={card.answerHtml} testId="detail-answer" />
        </div>
      </article>

      <section className="detail-section" aria-labelledby="schedule-caption">
        <table className="data-table key-value" data-testid="schedule">
          <caption id="schedule-caption">Schedule 排程</caption>
          <tbody>
            <Row label="State 状态" value={STATE_LABELS[s.state]} testId="schedule-state" />
            <Row label="Due 到期" value={<time dateTime={s.due}>{formatDate(s.due)}</time>} testId="schedule-due" />
            <Row label="Stability 稳定性 (days 天)" value={formatNumber(s.stability)} testId="schedule-stability" />
            <Row label="Difficulty 难度 (1–10)" value={formatNumber(s.difficulty)} testId="schedule-difficulty" />
            <Row label="Retrievability now 当前记忆概率" value={formatPercent(s.retrievability)} testId="schedule-retrievability" />
            <Row label="Reviews 复习次数" value={formatNumber(s.reps)} testId="schedule-reps" />
            <Row label="Lapses 遗忘次数" value={formatNumber(s.lapses)} />
            <Row label="Last review 上次复习" value={s.lastReview ? <time dateTime={s.lastReview}>{formatDate(s.lastReview)}</time> : "—"} />
            <Row label="Suspended 暂停" value={s.suspended ? "Yes 是" : "No 否"} />
            <Row label="Buried until 搁置至" value={s.buriedUntil ? <time dateTime={s.buriedUntil}>{formatDate(s.buriedUntil)}</time> : "—"} />
            <Row label="Flag 标记" value={FLAG_NAMES[s.flag] ?? String(s.flag)} />
            <Row label="Retired 退役" value={s.retired ? "Yes, no longer in the content 是，已不在内容中" : "No 否"} />
          </tbody>
        </table>
      </section>

      <section className="detail-section" aria-labelledby="history-caption">
        {card.reviews.length === 0 ? (
          <>
            <h2 id="history-caption" className="results-heading">
              Review history 复习记录
            </h2>
            <p className="empty" data-testid="no-history">
              Not reviewed yet. 还没有复习过。
            </p>
          </>
        ) : (
          <div className="table-scroll" role="region" aria-labelledby="history-caption" tabIndex={0}>
            <table className="data-table" data-testid="history">
              <caption id="history-caption">Review history 复习记录 ({card.reviews.length}), newest first 最新在前</caption>
              <thead>
                <tr>
                  <th scope="col">Reviewed 复习时间</th>
                  <th scope="col">Rating 评分</th>
                  <th scope="col">Time taken 用时</th>
                  <th scope="col">Source 来源</th>
                  <th scope="col">State after 之后状态</th>
                  <th scope="col">Due after 之后到期</th>
                  <th scope="col">Stability 稳定性</th>
                  <th scope="col">Difficulty 难度</th>
                </tr>
              </thead>
              <tbody>
                {card.reviews.map((r) => (
                  <tr key={r.id} data-testid="history-row" data-rating={r.rating}>
                    <th scope="row">
                      <time dateTime={r.reviewedAt}>{formatDate(r.reviewedAt)}</time>
                    </th>
                    <td>{RATING_LABELS[r.rating] ?? r.rating}</td>
                    <td>{formatDuration(r.durationMs)}</td>
                    <td>{r.source}</td>
                    <td>{STATE_LABELS[r.state]}</td>
                    <td>
                      <time dateTime={r.due}>{formatDate(r.due)}</time>
                    </td>
                    <td>{formatNumber(r.stability)}</td>
                    <td>{formatNumber(r.difficulty)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <p>
        <Link href="/browse">← Back to the card browser 返回浏览</Link>
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
