import Link from "next/link";
import type { Metadata } from "next";
import { CARD_KIND_VALUES, CARD_STATE_VALUES, formatTopicPath, queryRecord, searchCardsQuerySchema } from "@/lib/api-schemas";
import { listDecks } from "@/server/use-cases/study";
import { searchCards, type SearchCardsResult } from "@/server/use-cases/search-cards";
import { AppError } from "@/server/errors";
import { z } from "zod";
import { FLAG_NAMES, formatDate, KIND_NAMES, STATE_LABELS } from "./format";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Browse cards 浏览卡片 · Mianshi 面试" };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** The filters of the form, as they go into a URL (the raw strings the user gave). */
const FILTER_KEYS = ["text", "deck", "topic", "kind", "state", "flag", "suspended", "dueAfter", "dueBefore", "includeRetired", "limit"] as const;

function hrefWith(raw: Record<string, string>, extra: Record<string, string>): string {
  const params = new URLSearchParams();
  for (const k of FILTER_KEYS) if (raw[k]) params.set(k, raw[k]);
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  const q = params.toString();
  return q ? `/browse?${q}` : "/browse";
}

export default async function BrowsePage({ searchParams }: Props) {
  const raw = queryRecord(await searchParams);
  const parsed = searchCardsQuerySchema.safeParse(raw);
  const decks = await listDecks();
  let result: SearchCardsResult | null = null;
  let error: string | null = parsed.success ? null : z.prettifyError(parsed.error);
  if (parsed.success) {
    try {
      result = await searchCards({ ...parsed.data, now: new Date() });
    } catch (e) {
      if (e instanceof AppError) error = e.message;
      else throw e;
    }
  }
  const first = !raw.cursor;

  return (
    <main id="main" className="page wide">
      <div className="topbar">
        <Link className="brand" href="/">
          ← Mianshi 面试
        </Link>
        <h1 className="deck-title">Browse cards 浏览卡片</h1>
      </div>

      <form className="filters" method="get" action="/browse" role="search" aria-label="Card filters 筛选卡片" data-testid="browse-form">
        <div className="field wide-field">
          <label htmlFor="f-text">Text 文本</label>
          <input id="f-text" name="text" type="search" defaultValue={raw.text ?? ""} placeholder="校验, DHCP…" maxLength={200} data-testid="filter-text" />
        </div>
        <div className="field">
          <label htmlFor="f-deck">Deck 卡组</label>
          <select id="f-deck" name="deck" defaultValue={raw.deck ?? ""} data-testid="filter-deck">
            <option value="">All decks 全部</option>
            {decks.map((d) => (
              <option key={d.id} value={d.id}>
                {d.title}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-topic">Topic 主题</label>
          <input id="f-topic" name="topic" type="text" defaultValue={raw.topic ?? ""} placeholder="Basics › DHCP" aria-describedby="f-topic-hint" data-testid="filter-topic" />
          <small id="f-topic-hint">Headings separated by › or &gt; 以 › 分隔</small>
        </div>
        <div className="field">
          <label htmlFor="f-kind">Kind 题型</label>
          <select id="f-kind" name="kind" defaultValue={raw.kind ?? ""} data-testid="filter-kind">
            <option value="">Any 全部</option>
            {CARD_KIND_VALUES.map((k) => (
              <option key={k} value={k}>
                {KIND_NAMES[k]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-state">State 状态</label>
          <select id="f-state" name="state" defaultValue={raw.state ?? ""} data-testid="filter-state">
            <option value="">Any 全部</option>
            {CARD_STATE_VALUES.map((s) => (
              <option key={s} value={s}>
                {STATE_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-flag">Flag 标记</label>
          <select id="f-flag" name="flag" defaultValue={raw.flag ?? ""} data-testid="filter-flag">
            <option value="">Any 全部</option>
            {FLAG_NAMES.map((name, i) => (
              <option key={i} value={String(i)}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-suspended">Suspended 暂停</label>
          <select id="f-suspended" name="suspended" defaultValue={raw.suspended ?? ""} data-testid="filter-suspended">
            <option value="">Any 全部</option>
            <option value="true">Suspended 已暂停</option>
            <option value="false">Not suspended 未暂停</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-due-after">Due from 到期起</label>
          <input id="f-due-after" name="dueAfter" type="date" defaultValue={raw.dueAfter ?? ""} data-testid="filter-due-after" />
        </div>
        <div className="field">
          <label htmlFor="f-due-before">Due before 到期止</label>
          <input id="f-due-before" name="dueBefore" type="date" defaultValue={raw.dueBefore ?? ""} data-testid="filter-due-before" />
        </div>
        <div className="field checkbox-field">
          <input id="f-retired" name="includeRetired" type="checkbox" value="true" defaultChecked={raw.includeRetired === "true" || raw.includeRetired === "1"} />
          <label htmlFor="f-retired">Include retired 含已退役</label>
        </div>
        <div className="form-actions">
          <button type="submit" className="primary" data-testid="filter-submit">
            Search 搜索
          </button>
          <Link className="button" href="/browse">
            Clear 清除
          </Link>
        </div>
      </form>

      {error ? (
        <p className="alert" role="alert" data-testid="browse-error">
          {error}
        </p>
      ) : null}

      {result ? (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading" className="results-heading" data-testid="result-count">
            {result.total} {result.total === 1 ? "card" : "cards"} 张
          </h2>
          {result.cards.length === 0 ? (
            <p className="empty" data-testid="no-results">
              No cards match these filters. 没有符合条件的卡片。
            </p>
          ) : (
            <div className="table-scroll" role="region" aria-labelledby="results-caption" tabIndex={0}>
              <table className="data-table" data-testid="results">
                <caption id="results-caption">{first ? "Matching cards 符合条件的卡片" : "Matching cards, a later page 符合条件的卡片（后续页）"}</caption>
                <thead>
                  <tr>
                    <th scope="col">Prompt 问题</th>
                    <th scope="col">Deck 卡组</th>
                    <th scope="col">Topic 主题</th>
                    <th scope="col">Kind 题型</th>
                    <th scope="col">State 状态</th>
                    <th scope="col">Due 到期</th>
                    <th scope="col">Flag 标记</th>
                  </tr>
                </thead>
                <tbody>
                  {result.cards.map((c) => (
                    <tr key={c.id} data-testid="result-row" data-card-id={c.id} data-kind={c.kind}>
                      <th scope="row" className="prompt-cell">
                        <Link href={`/cards/${encodeURIComponent(c.id)}`} data-testid="card-link">
                          {c.prompt || c.id}
                        </Link>
                        {c.suspended ? <span className="tag">Suspended 暂停</span> : null}
                        {c.retired ? <span className="tag">Retired 退役</span> : null}
                      </th>
                      <td>
                        <Link href={hrefWith({}, { deck: c.deckId })}>{c.deckTitle}</Link>
                      </td>
                      <td>{c.topic.length ? <Link href={hrefWith({}, { deck: c.deckId, topic: formatTopicPath(c.topic) })}>{formatTopicPath(c.topic)}</Link> : "—"}</td>
                      <td>{KIND_NAMES[c.kind as keyof typeof KIND_NAMES] ?? c.kind}</td>
                      <td>{STATE_LABELS[c.state]}</td>
                      <td>
                        <time dateTime={c.due}>{formatDate(c.due)}</time>
                      </td>
                      <td>{c.flag ? <span className={`flag flag-${c.flag}`}>{FLAG_NAMES[c.flag]}</span> : "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <nav className="pager" aria-label="Pages 分页">
            {!first ? (
              <Link className="button" href={hrefWith(raw, {})} data-testid="first-page">
                First page 第一页
              </Link>
            ) : null}
            {result.nextCursor ? (
              <Link className="button" href={hrefWith(raw, { cursor: result.nextCursor })} data-testid="next-page">
                Next page 下一页
              </Link>
            ) : null}
          </nav>
        </section>
      ) : null}
    </main>
  );
}
