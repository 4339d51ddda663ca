/**
 * The card browser's search. Raw SQL on the better-sqlite3 connection (built from fixed
 * fragments, every user value a bound parameter), keyset pagination in content order
 * (deck, position, id), or by due date, reviews or lapses first and content order after. Text search is LIKE '%…%' over prompt and answer with % and _
 * escaped, so any substring matches, Chinese included; see bench/search.ts for its cost.
 */
import { IMPORTED_HISTORY_DECK_ID } from "./import-history";
import { baseGlossary } from "@/lib/glossary";
import { escapeLike, topicCondition } from "../topic-sql";
import { STATE_NAMES, type StateName } from "@/lib/scheduling";
import type { CardSort, SearchCardsQuery } from "@/lib/api-schemas";
import { db as defaultDb, type Db, type Sqlite } from "../db";
import { ValidationError } from "../errors";

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;
/** Characters of the plain prompt a summary carries. */
export const PROMPT_PREVIEW_CHARS = 120;

export interface SearchCardsOptions extends Partial<SearchCardsQuery> {
  now?: Date;
  db?: Db;
}

export interface CardSummary {
  id: string;
  deckId: string;
  deckTitle: string;
  kind: string;
  topic: string[];
  /** plain text (markdown markers removed), at most PROMPT_PREVIEW_CHARS characters */
  prompt: string;
  /** when the text searched for is in the answer but not the prompt: the answer's words around it */
  answerSnippet: string | null;
  state: StateName;
  due: string;
  flag: number;
  suspended: boolean;
  retired: boolean;
  reps: number;
  lapses: number;
}

export interface SearchCardsResult {
  cards: CardSummary[];
  /** pass back as `cursor` for the next page; null on the last page */
  nextCursor: string | null;
  /** cards matching the filters, over all pages */
  total: number;
  /** the words searched besides the text itself (its glossary translations) */
  alsoSearched: string[];
  /** every word searched (the text first), to mark where they matched */
  searched: string[];
}

interface SummaryRow {
  id: string;
  deckId: string;
  kind: string;
  topic: string;
  position: number;
  prompt: string;
  answer?: string;
  state: number;
  due: number;
  flag: number;
  suspended: number;
  retired: number;
  reps: number;
  lapses: number;
}

interface Cursor {
  deckId: string;
  position: number;
  id: string;
  /** the sort column's value, for any order but content order */
  key?: number;
}

/** An order: the column sorted on first (none: content order), and its direction. */
interface SortSpec {
  column: "due" | "reps" | "lapses" | null;
  desc: boolean;
}
const SORTS: Record<CardSort, SortSpec> = {
  content: { column: null, desc: false },
  due: { column: "due", desc: false },
  reviews: { column: "reps", desc: true },
  lapses: { column: "lapses", desc: true },
};

/** ORDER BY for a sort on table alias `a`: its column, then content order. */
function orderBy(sort: SortSpec, a: string): string {
  const content = `${a}.deckId, ${a}.position, ${a}.id`;
  return sort.column ? `${a}.${sort.column} ${sort.desc ? "DESC" : "ASC"}, ${content}` : content;
}

/** The rows after the cursor in that order. */
function afterCursor(sort: SortSpec, a: string): string {
  const content = `(${a}.deckId, ${a}.position, ${a}.id) > (@cursorDeck, @cursorPosition, @cursorId)`;
  if (!sort.column) return content;
  const col = `${a}.${sort.column}`;
  return `(${col} ${sort.desc ? "<" : ">"} @cursorKey OR (${col} = @cursorKey AND ${content}))`;
}

export function encodeCursor(c: Cursor): string {
  const parts: unknown[] = [c.deckId, c.position, c.id];
  if (c.key !== undefined) parts.push(c.key);
  return Buffer.from(JSON.stringify(parts), "utf8").toString("base64url");
}

/** A cursor of a page in that order (one of another order is refused: its place means nothing here). */
export function decodeCursor(text: string, sort: SortSpec = SORTS.content): Cursor {
  try {
    const v: unknown = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
    const keyed = sort.column !== null;
    if (Array.isArray(v) && v.length === (keyed ? 4 : 3) && typeof v[0] === "string" && Number.isInteger(v[1]) && typeof v[2] === "string") {
      if (!keyed) return { deckId: v[0], position: v[1] as number, id: v[2] };
      if (typeof v[3] === "number" && Number.isFinite(v[3])) return { deckId: v[0], position: v[1] as number, id: v[2], key: v[3] };
    }
  } catch {
    /* reported below */
  }
  throw new ValidationError("cursor is not valid: use the nextCursor of a previous page with the same sort");
}

/** The text searched for, and the glossary's words for it (at most 8 in all). */
export function searchTerms(text: string): string[] {
  const t = text.trim();
  return [...new Set([t, ...baseGlossary.synonyms(t)].map((w) => w.trim()).filter((w) => w.length > 0))].slice(0, 8);
}

/** Escapes LIKE's wildcards (and the escape character itself) so the text matches literally. */

/** A prompt's markdown as one line of plain text, cut to `max` characters. */
export function plainPreview(markdown: string, max = PROMPT_PREVIEW_CHARS): string {
  const plain = markdown
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1") // images: their alt text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1") // links: their text
    .replace(/<[^>]+>/g, "") // inline html
    .replace(/(\*\*|__|`+|~~)/g, "") // strong, code, strikethrough markers
    .replace(/^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)/gm, "") // block markers
    .replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, "$1") // backslash escapes
    .replace(/\s+/g, " ")
    .trim();
  const chars = [...plain];
  return chars.length <= max ? plain : `${chars.slice(0, max - 1).join("")}…`;
}

/**
 * The WHERE clause and its parameters. Only fixed SQL fragments are concatenated; every
 * value the caller gave is a named parameter.
 */
function whereOf(o: SearchCardsOptions): { where: string[]; params: Record<string, string | number>; terms: string[] } {
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  if (!o.includeRetired) where.push("c.retired = 0");
  if (o.deckId !== undefined) {
    where.push("c.deckId = @deckId");
    params.deckId = o.deckId;
  } else {
    // the imported history's placeholders (Anki ids, nothing to read) show only when that deck is asked for
    where.push("c.deckId != @historyDeck");
    params.historyDeck = IMPORTED_HISTORY_DECK_ID;
  }
  if (o.kind !== undefined) {
    where.push("c.kind = @kind");
    params.kind = o.kind;
  }
  if (o.state !== undefined) {
    const state = STATE_NAMES.indexOf(o.state);
    if (state < 0) throw new ValidationError(`state must be one of ${STATE_NAMES.join(", ")}`);
    where.push("c.state = @state");
    params.state = state;
  }
  if (o.flag !== undefined) {
    where.push("c.flag = @flag");
    params.flag = o.flag;
  }
  if (o.suspended !== undefined) {
    where.push("c.suspended = @suspended");
    params.suspended = o.suspended ? 1 : 0;
  }
  if (o.dueBefore !== undefined) {
    where.push("c.due < @dueBefore");
    params.dueBefore = o.dueBefore.getTime();
  }
  if (o.dueAfter !== undefined) {
    where.push("c.due >= @dueAfter");
    params.dueAfter = o.dueAfter.getTime();
  }
  if (o.topic !== undefined && o.topic.length > 0) {
    const topic = topicCondition(o.topic, "c.topic");
    where.push(topic.sql);
    Object.assign(params, topic.params);
  }
  const text = o.text?.trim();
  const terms = text ? searchTerms(text) : [];
  if (text) {
    // the glossary's words for the same thing count too: 令牌 finds the cards that say token
    where.push(`(${terms.map((_, k) => `c.prompt LIKE @text${k || ""} ESCAPE '\\' OR c.answer LIKE @text${k || ""} ESCAPE '\\'`).join(" OR ")})`);
    terms.forEach((term, k) => (params[`text${k || ""}`] = `%${escapeLike(term)}%`));
  }
  return { where, params, terms };
}

const SUMMARY_COLUMNS = `c.id, c.deckId, c.kind, c.topic, c.position, substr(c.prompt, 1, 400) AS prompt,
  c.state, c.due, c.flag, c.suspended, c.retired, c.reps, c.lapses`;

/**
 * Above this many candidate rows, walking an index and fetching each row costs more than one
 * scan of the table (measured on 100k cards: ~2 µs a row against ~0.4 µs): the page query
 * then scans. No index orders cards by (deck, position, id), so a page always sorts its
 * candidates; SQLite keeps only the top `limit` rows while it does.
 */
const INDEX_WALK_MAX_ROWS = 10_000;

/** Prepared statements by SQL text, per connection (the filters present choose the text). */
const prepared = new WeakMap<Sqlite, Map<string, ReturnType<Sqlite["prepare"]>>>();
function statement(sqlite: Sqlite, sql: string) {
  let cache = prepared.get(sqlite);
  if (!cache) prepared.set(sqlite, (cache = new Map()));
  let st = cache.get(sql);
  if (!st) cache.set(sql, (st = sqlite.prepare(sql)));
  return st;
}

const and = (where: string[]) => (where.length ? `WHERE ${where.join(" AND ")}` : "");

/** Cards matching every given filter, in the order asked for (content order by default), one page at a time. */
export async function searchCards(options: SearchCardsOptions = {}): Promise<SearchCardsResult> {
  const database = options.db ?? defaultDb();
  const sqlite = database.sqlite;
  const limit = Math.min(MAX_LIMIT, Math.max(1, Math.floor(options.limit ?? DEFAULT_LIMIT)));
  const sort = SORTS[options.sort ?? "content"];
  const { where, params, terms } = whereOf(options);
  const pageWhere = [...where];
  const pageParams: Record<string, string | number> = { ...params, limit: limit + 1 };
  if (options.cursor) {
    const c = decodeCursor(options.cursor, sort);
    pageWhere.push(afterCursor(sort, "c"));
    Object.assign(pageParams, { cursorDeck: c.deckId, cursorPosition: c.position, cursorId: c.id }, c.key !== undefined ? { cursorKey: c.key } : {});
  }
  const columns = `${SUMMARY_COLUMNS}${terms.length > 0 ? ", substr(c.answer, 1, 4000) AS answer" : ""}`;

  const read = sqlite.transaction((): { rows: SummaryRow[]; total: number } => {
    // how many rows an index on deck and due would hand over (a count on a covering index)
    let useIndex = false;
    let narrowed: number | undefined;
    const narrowing = whereOf({ deckId: options.deckId, dueBefore: options.dueBefore, dueAfter: options.dueAfter, includeRetired: options.includeRetired });
    if (options.deckId !== undefined || options.dueBefore !== undefined || options.dueAfter !== undefined) {
      narrowed = (statement(sqlite, `SELECT COUNT(*) AS n FROM Card c ${and(narrowing.where)}`).get(narrowing.params) as { n: number }).n;
      useIndex = narrowed <= INDEX_WALK_MAX_ROWS;
    }
    // with no other filter, that count is the total
    const onlyNarrowing = narrowing.where.length === where.length;
    const from = `Card c${useIndex ? "" : " NOT INDEXED"}`;
    if (params.text !== undefined) {
      // LIKE reads every candidate's text: match once into a small temporary table, then
      // count it and take the page from it
      const sql = `WITH m AS MATERIALIZED (SELECT c.rowid AS rid, c.deckId, c.position, c.id${sort.column ? `, c.${sort.column}` : ""} FROM ${from} ${and(where)})
        SELECT (SELECT COUNT(*) FROM m) AS total, ${columns}
        FROM (SELECT rid FROM m ${options.cursor ? `WHERE ${afterCursor(sort, "m")}` : ""}
              ORDER BY ${orderBy(sort, "m")} LIMIT @limit) p
        JOIN Card c ON c.rowid = p.rid ORDER BY ${orderBy(sort, "c")}`;
      const rows = statement(sqlite, sql).all(pageParams) as (SummaryRow & { total: number })[];
      // no row: nothing matched at all, or (past a cursor) the total needs its own count
      const total = rows[0]?.total ?? (options.cursor ? (statement(sqlite, `SELECT COUNT(*) AS n FROM ${from} ${and(where)}`).get(params) as { n: number }).n : 0);
      return { rows, total };
    }
    return {
      total: onlyNarrowing && narrowed !== undefined ? narrowed : (statement(sqlite, `SELECT COUNT(*) AS n FROM Card c ${and(where)}`).get(params) as { n: number }).n,
      rows: statement(sqlite, `SELECT ${columns} FROM ${from} ${and(pageWhere)} ORDER BY ${orderBy(sort, "c")} LIMIT @limit`).all(pageParams) as SummaryRow[],
    };
  });
  // one read transaction: the page and the total see the same snapshot
  const { rows, total } = read.deferred();

  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const titles = new Map<string, string>();
  const deckTitle = statement(sqlite, "SELECT title FROM Deck WHERE id = ?");
  for (const r of page) if (!titles.has(r.deckId)) titles.set(r.deckId, (deckTitle.get(r.deckId) as { title: string } | undefined)?.title ?? r.deckId);
  const key = last && sort.column ? { key: last[sort.column] } : {};
  return {
    cards: page.map((r) => toSummary(r, titles.get(r.deckId) ?? r.deckId, terms)),
    nextCursor: rows.length > limit && last ? encodeCursor({ deckId: last.deckId, position: last.position, id: last.id, ...key }) : null,
    total,
    alsoSearched: terms.slice(1),
    searched: terms,
  };
}

/** Characters of the answer shown either side of a match in it. */
const SNIPPET_CONTEXT = 40;

/**
 * The answer's words around the first term found, when the prompt shows none of them (so a
 * result matched in its answer says why it is there), else null.
 */
export function answerSnippet(prompt: string, answer: string, terms: string[]): string | null {
  const lower = (t: string) => t.toLocaleLowerCase("en");
  if (terms.length === 0 || terms.some((t) => lower(prompt).includes(lower(t)))) return null;
  const plain = plainPreview(answer, Number.MAX_SAFE_INTEGER);
  const text = lower(plain);
  const hits = terms.map((t) => text.indexOf(lower(t))).filter((i) => i >= 0);
  if (hits.length === 0) return null;
  const at = Math.min(...hits);
  const start = Math.max(0, at - SNIPPET_CONTEXT);
  const end = Math.min(plain.length, at + SNIPPET_CONTEXT * 2);
  return `${start > 0 ? "…" : ""}${plain.slice(start, end).trim()}${end < plain.length ? "…" : ""}`;
}

function toSummary(r: SummaryRow, deckTitle: string, terms: string[]): CardSummary {
  const prompt = plainPreview(r.prompt);
  return {
    id: r.id,
    deckId: r.deckId,
    deckTitle,
    kind: r.kind,
    topic: JSON.parse(r.topic) as string[],
    prompt,
    answerSnippet: r.answer === undefined ? null : answerSnippet(prompt, r.answer, terms),
    state: STATE_NAMES[r.state] ?? "new",
    due: new Date(r.due).toISOString(),
    flag: r.flag,
    suspended: r.suspended === 1,
    retired: r.retired === 1,
    reps: r.reps,
    lapses: r.lapses,
  };
}
