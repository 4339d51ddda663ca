import Link from "next/link";
import type { Metadata } from "next";
import { CARD_KIND_VALUES, CARD_SORT_VALUES, CARD_STATE_VALUES, formatTopicPath, queryRecord, searchCardsQuerySchema } from "@/lib/api-schemas";
import { listDecks } from "@/server/use-cases/study/list-decks";
import { Highlighted } from "@/app/components/highlight";
import { getHistoryNames } from "@/app/components/history-names";
import { searchCards, type SearchCardsResult } from "@/server/use-cases/search-cards";
import { AppError } from "@/server/errors";
import { z } from "zod";
import { getTranslations } from "next-intl/server";
import { FLAGS, labels } from "./format";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  return { title: t("pageTitle", { page: t("browse") }) };
}

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** The filters of the form, as they go into a URL (the raw strings the user gave). */
const FILTER_KEYS = ["text", "deck", "topic", "kind", "state", "flag", "suspended", "dueAfter", "dueBefore", "includeRetired", "sort", "limit"] as const;

/** The filters under "More filters" (a topic is mostly set by the topic links of the results). */
const MORE_FILTER_KEYS = ["topic", "flag", "suspended", "dueAfter", "dueBefore", "includeRetired"] as const;

function hrefWith(raw: Record<string, string>, extra: Record<string, string>): string {
  const params = new URLSearchParams();
  for (const k of FILTER_KEYS) if (raw[k]) params.set(k, raw[k]);
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  const q = params.toString();
  return q ? `/browse?${q}` : "/browse";
}

/** One filter of the form as a labelled select; `any` is the empty choice (no filter). */
function SelectFilter(props: { id: string; name: string; label: string; value: string | undefined; any?: string; options: ReadonlyArray<readonly [string, string]> }) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} name={props.name} defaultValue={props.value ?? ""} data-testid={`filter-${props.name}`}>
        {props.any !== undefined ? <option value="">{props.any}</option> : null}
        {props.options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
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
  // the filters used less often fold away (on a phone the whole form filled the first screen); open when one is set
  const moreActive = MORE_FILTER_KEYS.filter((k) => raw[k] !== undefined && raw[k] !== "").length;
  const [t, common, label, names] = await Promise.all([getTranslations("browse"), getTranslations("common"), labels(), getHistoryNames()]);

  return (
    <main id="main" className="page wide">
      <div className="topbar">
        <Link className="brand" href="/">
          {common("home")}
        </Link>
        <h1 className="deck-title">{t("title")}</h1>
      </div>

      <form className="filters" method="get" action="/browse" role="search" aria-label={t("filters")} data-testid="browse-form">
        <div className="field wide-field">
          <label htmlFor="f-text">{t("text")}</label>
          <input id="f-text" name="text" type="search" defaultValue={raw.text ?? ""} placeholder={t("textPlaceholder")} maxLength={200} data-testid="filter-text" />
        </div>
        <SelectFilter id="f-deck" name="deck" label={t("deck")} value={raw.deck} any={t("allDecks")} options={decks.map((d) => [d.id, names.deckTitle(d.id, d.title)])} />
        <SelectFilter id="f-kind" name="kind" label={t("kind")} value={raw.kind} any={t("any")} options={CARD_KIND_VALUES.map((k) => [k, label.kind(k)])} />
        <SelectFilter id="f-state" name="state" label={t("state")} value={raw.state} any={t("any")} options={CARD_STATE_VALUES.map((v) => [v, label.state(v)])} />
        <SelectFilter id="f-sort" name="sort" label={t("sort")} value={raw.sort ?? "content"} options={CARD_SORT_VALUES.map((v) => [v, t(`sorts.${v}`)])} />
        <details className="more-filters" open={moreActive > 0} data-testid="more-filters">
          <summary>{moreActive > 0 ? t("moreFiltersActive", { count: moreActive }) : t("moreFilters")}</summary>
          <div className="more-filters-fields">
            <div className="field">
              <label htmlFor="f-topic">{t("topic")}</label>
              <input id="f-topic" name="topic" type="text" defaultValue={raw.topic ?? ""} placeholder={t("topicPlaceholder")} aria-describedby="f-topic-hint" data-testid="filter-topic" />
              <small id="f-topic-hint">{t("topicHint")}</small>
            </div>
            <SelectFilter id="f-flag" name="flag" label={t("flag")} value={raw.flag} any={t("any")} options={FLAGS.map((f) => [String(f), label.flag(f)])} />
            <SelectFilter
              id="f-suspended"
              name="suspended"
              label={t("suspended")}
              value={raw.suspended}
              any={t("any")}
              options={[
                ["true", t("suspendedYes")],
                ["false", t("suspendedNo")],
              ]}
            />
            <div className="field">
              <label htmlFor="f-due-after">{t("dueFrom")}</label>
              <input id="f-due-after" name="dueAfter" type="date" defaultValue={raw.dueAfter ?? ""} data-testid="filter-due-after" />
            </div>
            <div className="field">
              <label htmlFor="f-due-before">{t("dueBefore")}</label>
              <input id="f-due-before" name="dueBefore" type="date" defaultValue={raw.dueBefore ?? ""} data-testid="filter-due-before" />
            </div>
            <div className="field checkbox-field">
              <input id="f-retired" name="includeRetired" type="checkbox" value="true" defaultChecked={raw.includeRetired === "true" || raw.includeRetired === "1"} />
              <label htmlFor="f-retired">{t("includeRetired")}</label>
            </div>
          </div>
        </details>
        <div className="form-actions">
          <button type="submit" className="primary" data-testid="filter-submit">
            {t("search")}
          </button>
          <Link className="button" href="/browse">
            {t("clear")}
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
            {t("count", { count: result.total })}
          </h2>
          {result.alsoSearched.length > 0 ? (
            <p className="hint" data-testid="also-searched">
              {t("alsoSearched", { terms: result.alsoSearched.join(" · ") })}
            </p>
          ) : null}
          {result.cards.length === 0 ? (
            <p className="empty" data-testid="no-results">
              {t("noResults")}
            </p>
          ) : (
            <div className="table-scroll" role="region" aria-labelledby="results-caption" tabIndex={0}>
              <table className="data-table" data-testid="results">
                <caption id="results-caption">{first ? t("caption") : t("captionLater")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("prompt")}</th>
                    <th scope="col">{t("deck")}</th>
                    <th scope="col">{t("topic")}</th>
                    <th scope="col">{t("kind")}</th>
                    <th scope="col">{t("state")}</th>
                    <th scope="col">{t("due")}</th>
                    <th scope="col">{t("flag")}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.cards.map((c) => {
                    // a placeholder card of an imported history: its text in the reader's language, no English answer snippet
                    const placeholder = names.cardText(c.deckId, c.id);
                    return (
                    <tr key={c.id} data-testid="result-row" data-card-id={c.id} data-kind={c.kind}>
                      <th scope="row" className="prompt-cell">
                        <Link href={`/cards/${encodeURIComponent(c.id)}`} data-testid="card-link">
                          {placeholder ? placeholder.prompt : c.prompt ? <Highlighted text={c.prompt} terms={result.searched} /> : c.id}
                        </Link>
                        {c.answerSnippet && !placeholder ? (
                          <span className="answer-snippet" data-testid="answer-snippet">
                            {t("inAnswer")} <Highlighted text={c.answerSnippet} terms={result.searched} />
                          </span>
                        ) : null}
                        {c.suspended ? <span className="tag">{t("suspendedYes")}</span> : null}
                        {c.retired ? <span className="tag">{t("retired")}</span> : null}
                      </th>
                      <td>
                        <Link href={hrefWith({}, { deck: c.deckId })}>{names.deckTitle(c.deckId, c.deckTitle)}</Link>
                      </td>
                      <td>{c.topic.length ? <Link href={hrefWith({}, { deck: c.deckId, topic: formatTopicPath(c.topic) })}>{formatTopicPath(c.topic)}</Link> : label.none}</td>
                      <td>{label.kind(c.kind)}</td>
                      <td>{label.state(c.state)}</td>
                      <td>
                        <time dateTime={c.due}>{label.date(c.due)}</time>
                      </td>
                      <td>{c.flag ? <span className={`flag flag-${c.flag}`}>{label.flag(c.flag)}</span> : label.none}</td>
                    </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          <nav className="pager" aria-label={t("pages")}>
            {!first ? (
              <Link className="button" href={hrefWith(raw, {})} data-testid="first-page">
                {t("firstPage")}
              </Link>
            ) : null}
            {result.nextCursor ? (
              <Link className="button" href={hrefWith(raw, { cursor: result.nextCursor })} data-testid="next-page">
                {t("nextPage")}
              </Link>
            ) : null}
          </nav>
        </section>
      ) : null}
    </main>
  );
}
