import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { listDecks, type DeckSummary } from "@/server/use-cases/study/list-decks";
import { requestTimeZone } from "@/server/time-zone";
import { NotesNotice } from "./notes-notice";
import { InterviewReadiness } from "./interview-readiness";

export const dynamic = "force-dynamic";

/** Decks grouped by folder, groups in the order listDecks returns them (by folder, then id). */
function byGroup(decks: DeckSummary[]): [string, DeckSummary[]][] {
  const groups = new Map<string, DeckSummary[]>();
  for (const d of decks) {
    const list = groups.get(d.group);
    if (list) list.push(d);
    else groups.set(d.group, [d]);
  }
  return [...groups.entries()];
}

export default async function Home() {
  const [all, t, common, format] = await Promise.all([listDecks({ timeZone: await requestTimeZone() }), getTranslations("home"), getTranslations("common"), getFormatter()]);
  // the imported history's placeholder cards are statistics, not something to study; a deck whose
  // file was removed has nothing to study until the file returns
  const decks = all.filter((d) => !d.placeholder && !(d.fileRemoved && d.cardCount === 0));
  const history = all.find((d) => d.placeholder);
  const today = decks.reduce((sum, d) => ({ new: sum.new + d.today.new, learning: sum.learning + d.today.learning, review: sum.review + d.today.review }), { new: 0, learning: 0, review: 0 });
  return (
    <main id="main" className="page">
      <header className="site-header">
        <h1>
          {common("brand")}
          <span className="zh" lang="zh-CN">
            {common("brandMark")}
          </span>
        </h1>
        <p className="tagline">{t("tagline")}</p>
        <p className="header-links">
          <Link href="/browse" data-testid="browse-link">
            {common("browse")}
          </Link>
          <Link href="/quiz" data-testid="quiz-link">
            {common("quiz")}
          </Link>
          <Link href="/interview" data-testid="interview-link">
            {common("interview")}
          </Link>
          <Link href="/stats" data-testid="stats-link">
            {common("progress")}
          </Link>
          <Link href="/decks/new" data-testid="new-deck-link">
            {common("newDeck")}
          </Link>
        </p>
      </header>

      <NotesNotice />
      <InterviewReadiness />
      {decks.length > 0 ? (
        <p className="today-total" data-testid="today-total">
          {t("todayTotal", { new: format.number(today.new), learning: format.number(today.learning), review: format.number(today.review), total: format.number(today.new + today.learning + today.review) })}
        </p>
      ) : null}
      {decks.length === 0 ? (
        <section className="empty" data-testid="empty-state">
          <h2>{t("emptyTitle")}</h2>
          <p>{t.rich("emptyText", { code: (chunks) => <code>{chunks}</code> })}</p>
          <pre>
            <code>npm run content -- import</code>
          </pre>
          <p>
            <Link className="button primary" href="/decks/new" data-testid="empty-new-deck">
              {common("newDeck")}
            </Link>
          </p>
        </section>
      ) : (
        byGroup(decks).map(([group, list]) => (
          <section key={group} className="group" aria-labelledby={`group-${group || "root"}`}>
            <h2 id={`group-${group || "root"}`}>{group || t("ungrouped")}</h2>
            <ul className="deck-list">
              {list.map((d) => (
                <DeckItem key={d.id} deck={d} />
              ))}
            </ul>
          </section>
        ))
      )}
      {history ? (
        <p className="hint" data-testid="history-deck">
          {t.rich("historyDeck", { count: history.cardCount, link: (chunks) => <Link href={`/browse?${new URLSearchParams({ deck: history.id }).toString()}`}>{chunks}</Link> })}
        </p>
      ) : null}
    </main>
  );
}

async function DeckItem({ deck: d }: { deck: DeckSummary }) {
  const [t, format] = await Promise.all([getTranslations("home"), getFormatter()]);
  return (
    <li className="deck" data-testid="deck" data-deck-id={d.id}>
      <div className="deck-main">
        <h3>{d.title}</h3>
        {d.description ? <p>{d.description}</p> : null}
        <ul className="counts" aria-label={t("countsLabel", { deck: d.title })}>
          <li>
            <strong data-testid="deck-total">{format.number(d.cardCount)}</strong> {t("cards", { count: d.cardCount })}
          </li>
          <li className="new">
            <strong data-testid="deck-new">{format.number(d.today.new)}</strong> {t("new")}
          </li>
          <li className="learning">
            <strong data-testid="deck-learning">{format.number(d.today.learning)}</strong> {t("learning")}
          </li>
          <li className="due">
            <strong data-testid="deck-due">{format.number(d.today.review)}</strong> {t("due")}
          </li>
        </ul>
      </div>
      <div className="deck-actions">
        {d.toReview > 0 ? (
          <Link href={`/decks/${encodeURIComponent(d.id)}/review`} data-testid="review-link" title={t("toReview", { count: d.toReview })}>
            {t("toReview", { count: d.toReview })}
          </Link>
        ) : null}
        <Link className="button primary" href={`/study/${encodeURIComponent(d.id)}`} aria-label={t("studyDeck", { deck: d.title })} data-testid="study-link">
          {t("study")}
        </Link>
      </div>
    </li>
  );
}
