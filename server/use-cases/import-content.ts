import fs from "node:fs";
import { parseDeck } from "@/lib/content/parse";
import { contentHash } from "@/lib/content/ids";
import { typedAnswerOf } from "@/lib/answer/typed-answer";
import { shownTopic } from "@/lib/content/leaks";
import { baseGlossary, makeGlossary, type Glossary } from "@/lib/glossary";
import { renderMarkdown } from "@/lib/content/render";
import { cardData, type ContentError, type ParsedCard, type ParsedDeck } from "@/lib/content/types";
import { newCardState } from "@/lib/scheduling";
import { db as defaultDb, type Db } from "../db";
import { findDeckFiles, DEFAULT_CONTENT_ROOT } from "../content-files";
import { IMPORTED_HISTORY_DECK_ID } from "./import-history";

export interface ImportContentOptions {
  /** files or folders; default the content root */
  paths?: string[];
  contentRoot?: string;
  now?: Date;
  db?: Db;
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
function storedContent(card: ParsedCard, deck: ParsedDeck) {
  const render = (md: string) => renderMarkdown(md, { deckFolder: deck.group });
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
  const contentRoot = options.contentRoot ?? DEFAULT_CONTENT_ROOT;
  const files = findDeckFiles(options.paths ?? [contentRoot], contentRoot);
  const result: ImportContentResult = { decks: [], errors: [] };

  for (const file of files) {
    // the imported review history's deck has no file: a file of that name would retire its cards
    if (file.deckId === IMPORTED_HISTORY_DECK_ID) {
      result.errors.push({ file: file.display, line: 1, message: `the deck name "${IMPORTED_HISTORY_DECK_ID}" is kept for imported review histories: rename the file` });
      result.decks.push({ deckId: file.deckId, source: file.display, status: "failed", added: 0, updated: 0, retired: 0, unchanged: 0 });
      continue;
    }
    const bytes = fs.readFileSync(file.absolute);
    // an unchanged file is not even parsed: re-importing unchanged content reads hashes only
    const hash = contentHash(bytes);
    const stored = await database.prisma.deck.findUnique({ where: { id: file.deckId }, select: { contentHash: true, title: true } });
    if (stored?.contentHash === hash) {
      const unchanged = await database.prisma.card.count({ where: { deckId: file.deckId, retired: false } });
      result.decks.push({ deckId: file.deckId, source: file.display, title: stored.title, status: "unchanged", added: 0, updated: 0, retired: 0, unchanged });
      continue;
    }
    const parsed = parseDeck(bytes, { file: file.display, deckId: file.deckId });
    if (!parsed.deck) {
      result.errors.push(...parsed.errors);
      result.decks.push({ deckId: file.deckId, source: file.display, status: "failed", added: 0, updated: 0, retired: 0, unchanged: 0 });
      continue;
    }
    result.decks.push(await importDeck(database, parsed.deck, now));
  }
  return result;
}

async function importDeck(database: Db, deck: ParsedDeck, now: Date): Promise<DeckImportReport> {
  const { prisma } = database;
  const report: DeckImportReport = { deckId: deck.id, source: deck.source, title: deck.title, status: "imported", added: 0, updated: 0, retired: 0, unchanged: 0 };
  const deckFields = {
    source: deck.source,
    title: deck.title,
    description: deck.description,
    tags: JSON.stringify(deck.tags),
    language: deck.language,
    groupPath: deck.group,
    notesMode: deck.notesMode,
    contentHash: deck.contentHash,
    importedAt: now,
  };

  await prisma.$transaction(
    async (tx) => {
      await tx.deck.upsert({ where: { id: deck.id }, create: { id: deck.id, ...deckFields }, update: deckFields });
      const existing = await tx.card.findMany({
        where: { deckId: deck.id },
        select: { id: true, kind: true, topic: true, position: true, sourceLine: true, prompt: true, answer: true, promptHtml: true, answerHtml: true, data: true, retired: true },
      });
      const byId = new Map(existing.map((c) => [c.id, c]));
      const seen = new Set<string>();
      const fresh = [];
      for (const [position, card] of deck.cards.entries()) {
        seen.add(card.id);
        const content = { ...storedContent(card, deck), position };
        const old = byId.get(card.id);
        if (!old) {
          const s = newCardState(now);
          fresh.push({ id: card.id, deckId: deck.id, ...content, createdAt: now, updatedAt: now, ...s });
          continue;
        }
        const same = (Object.keys(content) as Array<keyof typeof content>).every((k) => old[k] === content[k]) && !old.retired;
        if (same) {
          report.unchanged++;
          continue;
        }
        await tx.card.update({ where: { id: card.id }, data: { ...content, retired: false, updatedAt: now } });
        report.updated++;
      }
      if (fresh.length > 0) await tx.card.createMany({ data: fresh });
      report.added = fresh.length;
      const gone = existing.filter((c) => !c.retired && !seen.has(c.id)).map((c) => c.id);
      if (gone.length > 0) await tx.card.updateMany({ where: { id: { in: gone } }, data: { retired: true, updatedAt: now } });
      report.retired = gone.length;
    },
    { timeout: 60000 },
  );
  return report;
}
