import fs from "node:fs";
import { performance } from "node:perf_hooks";
import { parseDeck } from "@/lib/content/parse";
import { contentHash } from "@/lib/content/ids";
import { typedAnswerOf } from "@/lib/answer/typed-answer";
import { shownTopic } from "@/lib/content/leaks";
import { baseGlossary, makeGlossary, type Glossary } from "@/lib/glossary";
import { renderMarkdown } from "@/lib/content/render";
import { cardData, type ContentError, type ParsedCard, type ParsedDeck } from "@/lib/content/types";
import { newCardState } from "@/lib/scheduling";
import { applyCurations, sourceHashOf, type CurationOutcome } from "@/lib/content/curation";
import { readCurations, recordCurationOutcome } from "../store/curations";
import { db as defaultDb, type Db, type Sqlite } from "../db";
import { findDeckFiles, contentRoot as notesRoot } from "../content-files";
import { IMPORTED_HISTORY_DECK_ID } from "./import-history";
import { perConnection } from "../store/sql";
import { ANKI_DECK_PREFIX } from "@/lib/anki/schedule";

export interface ImportContentOptions {
  /** files or folders; default the notes folder (content/, or MIANSHI_CONTENT_DIR) */
  paths?: string[];
  contentRoot?: string;
  now?: Date;
  db?: Db;
  /** told when a deck file starts being parsed and rendered (a changed file only), for progress */
  onDeckStart?: (file: { display: string; deckId: string }) => void;
  /** told each deck's report as soon as it is done */
  onDeck?: (report: DeckImportReport) => void;
  /** told how long each deck's write transaction held the write lock */
  onWrite?: (ms: number) => void;
  /**
   * The deck these files were renamed from (the notes watcher found a vanished deck with the
   * same content): a new card asking one of its questions takes over that card's schedule and
   * reviews, the deck's preset carries over, and its other cards are retired, all in the new
   * deck's one transaction.
   */
  renamedFrom?: string;
}

export interface DeckImportReport {
  deckId: string;
  source: string;
  title?: string;
  status: "imported" | "unchanged" | "failed";
  added: number;
  updated: number;
  retired: number;
  unchanged: number;
  /** cards of the notes the user discarded (kept out of study) */
  discarded?: number;
  /** cards asked in new words with the same answer: the new card took over the old one's schedule and reviews */
  reworded?: number;
  /** of `updated`, retired cards that came back (their file or question returned), with their history */
  restored?: number;
  /** the deck it was renamed from, and how many of its cards' histories carried over */
  renamedFrom?: string;
  carried?: number;
}

export interface ImportContentResult {
  decks: DeckImportReport[];
  errors: ContentError[];
}

const glossaries = new WeakMap<ParsedDeck, Glossary>();
/** The shipped glossary with the deck's own entries, made once per parsed deck. */
function glossaryOf(deck: ParsedDeck): Glossary {
  if (deck.glossary.length === 0) return baseGlossary;
  let g = glossaries.get(deck);
  if (!g) glossaries.set(deck, (g = makeGlossary(deck.glossary)));
  return g;
}

/** The stored, rendered form of a card's content (what the importer compares and writes). */
function storedContent(card: ParsedCard, deck: ParsedDeck, render: (md: string) => string) {
  const data: Record<string, unknown> = cardData(card);
  // the structured parts of a card, rendered once here so the browser never renders markdown
  if (card.kind === "choice") data.optionsHtml = card.options.map((o) => render(o.text));
  if (card.kind === "ordering") data.stepsHtml = card.steps.map(render);
  if (card.kind === "open") data.pointsHtml = card.points.map((p) => render(p.text));
  if ((card.kind === "choice" || card.kind === "ordering") && card.explanation) data.explanationHtml = render(card.explanation);
  if (card.kind === "open" && card.modelAnswer) data.modelAnswerHtml = render(card.modelAnswer);
  if (card.generatedBy) data.generatedBy = card.generatedBy;
  const typed = typedAnswerOf(card, glossaryOf(deck));
  if (typed) data.typeAnswer = typed;
  // the topic levels the study screen shows before the reveal, when a level names the answer
  const shown = shownTopic({ ...card, options: card.kind === "choice" ? card.options : undefined, cloze: card.kind === "cloze" ? card.cloze : undefined });
  if (shown.length !== card.topic.length) data.shownTopic = shown;
  return {
    kind: card.kind,
    topic: JSON.stringify(card.topic),
    sourceLine: card.line,
    prompt: card.prompt,
    answer: card.answer,
    promptHtml: render(card.prompt),
    answerHtml: render(card.answer),
    data: JSON.stringify(data),
  };
}

/**
 * Parses deck files and imports each deck in its own transaction. A file with errors is not
 * imported (its deck stays as it was). An unchanged file (same content hash) writes nothing.
 * Cards whose question disappeared are retired, never deleted; they return with their text.
 */
export async function importContent(options: ImportContentOptions = {}): Promise<ImportContentResult> {
  const database = options.db ?? defaultDb();
  const now = options.now ?? new Date();
  const contentRoot = options.contentRoot ?? notesRoot();
  const files = findDeckFiles(options.paths ?? [contentRoot], contentRoot);
  const result: ImportContentResult = { decks: [], errors: [] };
  const st = statements(database.sqlite);
  const push = (report: DeckImportReport) => {
    result.decks.push(report);
    options.onDeck?.(report);
  };

  for (const file of files) {
    // the imported review history's deck has no file: a file of that name would retire its cards
    if (file.deckId === IMPORTED_HISTORY_DECK_ID) {
      result.errors.push({ file: file.display, line: 1, message: `the deck name "${IMPORTED_HISTORY_DECK_ID}" is kept for imported review histories: rename the file` });
      push({ deckId: file.deckId, source: file.display, status: "failed", added: 0, updated: 0, retired: 0, unchanged: 0 });
      continue;
    }
    // decks imported from Anki have no file either: a file under anki/ would retire their cards
    if (file.deckId.startsWith(ANKI_DECK_PREFIX)) {
      result.errors.push({ file: file.display, line: 1, message: `the folder "${ANKI_DECK_PREFIX}" is kept for decks imported from Anki: move the file elsewhere` });
      push({ deckId: file.deckId, source: file.display, status: "failed", added: 0, updated: 0, retired: 0, unchanged: 0 });
      continue;
    }
    const bytes = fs.readFileSync(file.absolute);
    // an unchanged file is not even parsed: re-importing unchanged content reads hashes only
    const hash = contentHash(bytes);
    const stored = st.deckHash.get(file.deckId);
    if (stored?.contentHash === hash) {
      const unchanged = st.liveCount.get(file.deckId)?.n ?? 0;
      push({ deckId: file.deckId, source: file.display, title: stored.title, status: "unchanged", added: 0, updated: 0, retired: 0, unchanged });
      continue;
    }
    options.onDeckStart?.(file);
    const outcome = parseAndImport(database, bytes, file, now, options.onWrite, options.renamedFrom);
    result.errors.push(...outcome.errors);
    push(outcome.report);
    // let other work of this process (timers, a server's requests) run between decks
    await new Promise((resolve) => setImmediate(resolve));
  }
  return result;
}

function parseAndImport(database: Db, bytes: Uint8Array, file: { display: string; deckId: string }, now: Date, onWrite?: (ms: number) => void, renamedFrom?: string): { report: DeckImportReport; errors: ContentError[] } {
  const parsed = parseDeck(bytes, { file: file.display, deckId: file.deckId });
  if (!parsed.deck) return { errors: parsed.errors, report: { deckId: file.deckId, source: file.display, status: "failed", added: 0, updated: 0, retired: 0, unchanged: 0 } };
  const prepared = prepareDeck(database, parsed.deck);
  return { errors: [], report: importDeck(database, parsed.deck, prepared, now, onWrite, renamedFrom && renamedFrom !== parsed.deck.id ? renamedFrom : undefined) };
}

/**
 * Imports one deck's file again even when it has not changed, under the deck id it already has:
 * what a change of the user's decisions on its generated cards needs (lib/content/curation.ts).
 */
export function reimportDeck(options: { deckId: string; db?: Db; now?: Date }): { report: DeckImportReport; errors: ContentError[] } {
  const database = options.db ?? defaultDb();
  const deck = statements(database.sqlite).deckHash.get(options.deckId);
  if (!deck) return { errors: [], report: { deckId: options.deckId, source: "", status: "failed", added: 0, updated: 0, retired: 0, unchanged: 0 } };
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(/*turbopackIgnore: true*/ deck.source);
  } catch {
    return { errors: [{ file: deck.source, line: 1, message: "the deck's file cannot be read: the change applies when it is imported again" }], report: { deckId: options.deckId, source: deck.source, status: "failed", added: 0, updated: 0, retired: 0, unchanged: 0 } };
  }
  return parseAndImport(database, bytes, { display: deck.source, deckId: options.deckId }, options.now ?? new Date());
}

/**
 * A deck's cards as they will be stored, rendered before any write (rendering is the slow part),
 * with the user's decisions on its generated cards applied.
 */
function prepareDeck(database: Db, deck: ParsedDeck) {
  // one deck repeats snippets (notes mode asks the same steps and phase names in several cards)
  const rendered = new Map<string, string>();
  const render = (md: string) => {
    let html = rendered.get(md);
    if (html === undefined) rendered.set(md, (html = renderMarkdown(md, { deckFolder: deck.group })));
    return html;
  };
  const curations = deck.notesMode ? readCurations(database, deck.id) : new Map();
  const generated = new Map<string, ReturnType<typeof storedContent>>();
  const stored = (card: ParsedCard) => {
    let s = generated.get(card.id);
    if (!s) generated.set(card.id, (s = storedContent(card, deck, render)));
    return s;
  };
  const curated: CurationOutcome = curations.size > 0 ? applyCurations(deck.cards, curations, (card) => sourceHashOf(stored(card))) : { cards: deck.cards, discarded: new Set(), lapsed: [], current: new Set(), broken: [] };
  const positions = new Map(deck.cards.map((c, i) => [c.id, i]));
  const cards = curated.cards.map((card) => ({
    id: card.id,
    // an edited card is stored as edited; a generated one as rendered above
    ...(card === deck.cards[positions.get(card.id) ?? -1] ? stored(card) : storedContent(card, deck, render)),
    position: positions.get(card.id) ?? 0,
  }));
  return { cards, curated };
}

type Prepared = ReturnType<typeof prepareDeck>;
const CONTENT_COLUMNS = ["kind", "topic", "position", "sourceLine", "prompt", "answer", "promptHtml", "answerHtml", "data"] as const;

/** The statements below, prepared once per connection. */
const statements = perConnection(prepare);

function prepare(sqlite: Sqlite) {
  return {
    deckHash: sqlite.prepare<[string], { contentHash: string; title: string; source: string }>(`SELECT contentHash, title, source FROM Deck WHERE id = ?`),
    liveCount: sqlite.prepare<[string], { n: number }>(`SELECT COUNT(*) AS n FROM Card WHERE deckId = ? AND retired = 0`),
    upsertDeck: sqlite.prepare(
      `INSERT INTO Deck (id, source, title, description, tags, language, groupPath, notesMode, contentHash, importedAt)
       VALUES (@id, @source, @title, @description, @tags, @language, @groupPath, @notesMode, @contentHash, @importedAt)
       ON CONFLICT(id) DO UPDATE SET source = excluded.source, title = excluded.title, description = excluded.description,
         tags = excluded.tags, language = excluded.language, groupPath = excluded.groupPath, notesMode = excluded.notesMode,
         contentHash = excluded.contentHash, importedAt = excluded.importedAt`,
    ),
    existing: sqlite.prepare<[string], Record<(typeof CONTENT_COLUMNS)[number], string | number> & { id: string; retired: number }>(
      `SELECT id, ${CONTENT_COLUMNS.join(", ")}, retired FROM Card WHERE deckId = ?`,
    ),
    insertCard: sqlite.prepare(
      `INSERT INTO Card (id, deckId, ${CONTENT_COLUMNS.join(", ")}, createdAt, updatedAt, due, stability, difficulty, elapsedDays,
         scheduledDays, learningSteps, reps, lapses, state, lastReview)
       VALUES (@id, @deckId, ${CONTENT_COLUMNS.map((c) => `@${c}`).join(", ")}, @now, @now, @due, @stability, @difficulty, @elapsedDays,
         @scheduledDays, @learningSteps, @reps, @lapses, @state, @lastReview)`,
    ),
    updateCard: sqlite.prepare(`UPDATE Card SET ${CONTENT_COLUMNS.map((c) => `${c} = @${c}`).join(", ")}, retired = 0, updatedAt = @now WHERE id = @id`),
    retireCard: sqlite.prepare(`UPDATE Card SET retired = 1, updatedAt = @now WHERE id = @id`),
    // a reworded card: the new card takes over the old one's schedule, its study flags and its reviews
    takeOver: sqlite.prepare(
      `UPDATE Card SET (due, stability, difficulty, elapsedDays, scheduledDays, learningSteps, reps, lapses, state, lastReview, suspended, buriedUntil, flag) =
         (SELECT due, stability, difficulty, elapsedDays, scheduledDays, learningSteps, reps, lapses, state, lastReview, suspended, buriedUntil, flag FROM Card WHERE id = @old)
       WHERE id = @id`,
    ),
    // a renamed deck: its cards' reviews go to the new deck's cards, and its preset with them
    moveReviewsToDeck: sqlite.prepare(`UPDATE Review SET cardId = @id, deckId = @deckId WHERE cardId = @old`),
    carryPreset: sqlite.prepare(`UPDATE Deck SET presetId = (SELECT presetId FROM Deck WHERE id = @old) WHERE id = @id AND EXISTS (SELECT 1 FROM Deck WHERE id = @old)`),
    forgetHash: sqlite.prepare(`UPDATE Deck SET contentHash = '' WHERE id = @old`),
  };
}

/**
 * New cards that ask a retiring card's question in other words: the same kind, topic and
 * answer, one on each side (or, failing that, the same kind and answer under a renamed topic). The notes' generator rewords its questions as it improves, and an
 * author edits a question's wording; either way the learner has learnt that answer, so the new
 * card keeps the old one's progress instead of starting again (the old card is retired).
 * Ambiguous pairs (two cards with one answer) start fresh, as before.
 */
type Comparable = { id: string; kind: string | number; topic: string | number; answer: string | number };
function reworded(cards: Prepared["cards"], byId: ReadonlyMap<string, Comparable & { retired: number }>, discarded: ReadonlySet<string>): Map<string, string> {
  const ids = new Set(cards.map((c) => c.id));
  const leaving: Comparable[] = [...byId.values()].filter((old) => !old.retired && !ids.has(old.id) && !discarded.has(old.id));
  // a new card, or a retired one coming back ("the old question returns")
  const arriving: Comparable[] = cards.filter((c) => !byId.has(c.id) || byId.get(c.id)!.retired);
  const out = new Map<string, string>();
  // first under the same topic; then, for those left, under a renamed one: a heading the author
  // retitled, or one the parser now reads without its numbering ("1）ZooKeeper是啥" became
  // "ZooKeeper是啥", round 8), moves every card under it, and the answers are still the ones learnt
  const passes = [(c: Comparable) => `${c.kind}\u0000${c.topic}\u0000${c.answer}`, (c: Comparable) => `${c.kind}\u0000${c.answer}`];
  const taken = new Set<string>();
  for (const key of passes) {
    const group = (list: Comparable[]) => {
      const m = new Map<string, string[]>();
      for (const c of list) if (!taken.has(c.id)) m.set(key(c), [...(m.get(key(c)) ?? []), c.id]);
      return m;
    };
    const olds = group(leaving);
    for (const [k, news] of group(arriving)) {
      const old = olds.get(k);
      if (news.length !== 1 || old?.length !== 1) continue;
      out.set(news[0]!, old[0]!);
      taken.add(news[0]!).add(old[0]!);
    }
  }
  return out;
}

/**
 * Writes one deck in one short IMMEDIATE transaction of prepared statements: everything slow
 * (parsing, rendering) is done before it, so a review recorded while `npm start` imports in the
 * background waits milliseconds for the write lock, not the length of an import.
 */
function importDeck(database: Db, deck: ParsedDeck, prepared: Prepared, now: Date, onWrite?: (ms: number) => void, renamedFrom?: string): DeckImportReport {
  const { cards, curated } = prepared;
  const st = statements(database.sqlite);
  const report: DeckImportReport = { deckId: deck.id, source: deck.source, title: deck.title, status: "imported", added: 0, updated: 0, retired: 0, unchanged: 0 };
  const at = now.getTime();
  const write = database.sqlite.transaction(() => {
    st.upsertDeck.run({
      id: deck.id,
      source: deck.source,
      title: deck.title,
      description: deck.description,
      tags: JSON.stringify(deck.tags),
      language: deck.language,
      groupPath: deck.group,
      notesMode: deck.notesMode ? 1 : 0,
      contentHash: deck.contentHash,
      importedAt: at,
    });
    const byId = new Map(st.existing.all(deck.id).map((c) => [c.id, c]));
    const seen = new Set<string>();
    const fresh = newCardState(now);
    const schedule = {
      due: fresh.due.getTime(),
      stability: fresh.stability,
      difficulty: fresh.difficulty,
      elapsedDays: fresh.elapsedDays,
      scheduledDays: fresh.scheduledDays,
      learningSteps: fresh.learningSteps,
      reps: fresh.reps,
      lapses: fresh.lapses,
      state: fresh.state,
      lastReview: fresh.lastReview?.getTime() ?? null,
    };
    const rewordedFrom = reworded(cards, byId, curated.discarded);
    for (const card of cards) {
      seen.add(card.id);
      const old = byId.get(card.id);
      const from = rewordedFrom.get(card.id);
      if (!old) st.insertCard.run({ ...card, deckId: deck.id, now: at, ...schedule });
      else if (!old.retired && CONTENT_COLUMNS.every((k) => old[k] === card[k])) {
        report.unchanged++;
        continue;
      } else st.updateCard.run({ ...card, now: at });
      if (from) {
        st.takeOver.run({ id: card.id, old: from });
        st.moveReviewsToDeck.run({ id: card.id, old: from, deckId: deck.id });
        st.retireCard.run({ id: from, now: at });
        seen.add(from);
        report.reworded = (report.reworded ?? 0) + 1;
      } else if (!old) report.added++;
      else {
        report.updated++;
        if (old.retired) report.restored = (report.restored ?? 0) + 1;
      }
    }
    for (const old of byId.values()) {
      if (seen.has(old.id)) continue;
      if (curated.discarded.has(old.id)) {
        report.discarded = (report.discarded ?? 0) + 1;
        if (!old.retired) st.retireCard.run({ id: old.id, now: at });
        continue;
      }
      if (old.retired) continue;
      st.retireCard.run({ id: old.id, now: at });
      report.retired++;
    }
    if (renamedFrom) carryOver(st, deck.id, renamedFrom, cards, byId, at, report);
    recordCurationOutcome(database, curated, now);
  });
  const t0 = performance.now();
  write.immediate();
  onWrite?.(performance.now() - t0);
  return report;
}

/**
 * The deck `from` was renamed to `deckId` (same content, another file): each new or returning card asking
 * one of its cards' questions (same kind, topic and question; unambiguous) takes over that
 * card's schedule, study flags and reviews, and the old card is retired; the old deck's other
 * live cards are retired too (its file is gone), and its preset carries over. The old deck stays,
 * its cards retired, with no content hash: nothing of it is deleted.
 */
function carryOver(st: ReturnType<typeof prepare>, deckId: string, from: string, cards: Prepared["cards"], byId: ReadonlyMap<string, { retired: number }>, at: number, report: DeckImportReport) {
  const key = (c: { kind: string | number; topic: string | number; prompt: string | number }) => `${c.kind}\u0000${c.topic}\u0000${c.prompt}`;
  const olds = st.existing.all(from);
  const byKey = new Map<string, string[]>();
  for (const o of olds) byKey.set(key(o), [...(byKey.get(key(o)) ?? []), o.id]);
  const newKeys = new Map<string, number>();
  for (const c of cards) newKeys.set(key(c), (newKeys.get(key(c)) ?? 0) + 1);
  let carried = 0;
  for (const card of cards) {
    // a card of this deck already live keeps its own history; a retired one (the file renamed
    // back) takes the renamed deck's, which is newer
    if (byId.get(card.id)?.retired === 0) continue;
    const match = byKey.get(key(card));
    if (match?.length !== 1 || newKeys.get(key(card)) !== 1) continue;
    st.takeOver.run({ id: card.id, old: match[0] });
    st.moveReviewsToDeck.run({ id: card.id, old: match[0], deckId });
    carried++;
  }
  for (const o of olds) if (!o.retired) st.retireCard.run({ id: o.id, now: at });
  st.carryPreset.run({ id: deckId, old: from });
  st.forgetHash.run({ old: from });
  report.renamedFrom = from;
  report.carried = carried;
}
