import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { listDecks, type DeckSummary } from "@/server/use-cases/study";

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
  const [decks, t, common] = await Promise.all([listDecks(), getTranslations("home"), getTranslations("common")]);
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
        </p>
      </header>

      {decks.length === 0 ? (
        <section className="empty" data-testid="empty-state">
          <h2>{t("emptyTitle")}</h2>
          <p>{t.rich("emptyText", { code: (chunks) => <code>{chunks}</code> })}</p>
          <pre>
            <code>npm run content -- import</code>
          </pre>
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
          <li className="due">
            <strong data-testid="deck-due">{format.number(d.dueCount)}</strong> {t("due")}
          </li>
          <li className="new">
            <strong data-testid="deck-new">{format.number(d.newCount)}</strong> {t("new")}
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
