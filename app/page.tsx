import Link from "next/link";
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
  const decks = await listDecks();
  return (
    <main id="main" className="page">
      <header className="site-header">
        <h1>
          Mianshi<span className="zh">面试</span>
        </h1>
        <p className="tagline">Interview flashcards from your own notes, spaced for recall · 用自己的笔记准备面试</p>
        <p className="header-links">
          <Link href="/browse" data-testid="browse-link">
            Browse 浏览
          </Link>
        </p>
      </header>

      {decks.length === 0 ? (
        <section className="empty" data-testid="empty-state">
          <h2>No decks yet 还没有卡组</h2>
          <p>
            Write markdown decks under <code>content/</code> (see <code>content/README.md</code>), then import them:
          </p>
          <pre>
            <code>npm run content -- import</code>
          </pre>
        </section>
      ) : (
        byGroup(decks).map(([group, list]) => (
          <section key={group} className="group" aria-labelledby={`group-${group || "root"}`}>
            <h2 id={`group-${group || "root"}`}>{group || "Decks 卡组"}</h2>
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

function DeckItem({ deck: d }: { deck: DeckSummary }) {
  return (
    <li className="deck" data-testid="deck" data-deck-id={d.id}>
      <div className="deck-main">
        <h3>{d.title}</h3>
        {d.description ? <p>{d.description}</p> : null}
        <ul className="counts" aria-label={`Counts for ${d.title}`}>
          <li>
            <strong data-testid="deck-total">{d.cardCount}</strong> cards 张
          </li>
          <li className="due">
            <strong data-testid="deck-due">{d.dueCount}</strong> due 待复习
          </li>
          <li className="new">
            <strong data-testid="deck-new">{d.newCount}</strong> new 新卡
          </li>
        </ul>
      </div>
      <Link className="button primary" href={`/study/${encodeURIComponent(d.id)}`} aria-label={`Study ${d.title}`} data-testid="study-link">
        Study 学习
      </Link>
    </li>
  );
}
