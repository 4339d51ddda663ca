import { overrideOf, type CardOverride } from "@/lib/content/curation";
import { parsedCardOf } from "@/lib/content/stored-card";
import { db as defaultDb, type Db } from "../../db";
import { NotFoundError } from "../../errors";
import { listDeckCardContent } from "../../store/cards";
import { listCurations } from "../../store/curations";
import { stateOf, type CurationState } from "./curatable-card";

export interface CurationItem extends CurationState {
  kind: string;
  topic: string[];
  /** the rule of notes mode that made the card */
  generatedBy: string;
  promptHtml: string;
  answerHtml: string;
  /** choice cards: the options, rendered, and which are correct */
  options?: Array<{ html: string; correct: boolean }>;
  /** open questions: the rubric's key points, rendered */
  pointsHtml?: string[];
  /** what the edit form starts from */
  fields: CardOverride;
}

export interface DeckCuration {
  deckId: string;
  cards: CurationItem[];
  counts: Record<CurationState["status"], number>;
}

/** A notes deck's generated cards with the user's decision on each, in the order of the notes. */
export function listDeckCuration(options: { deckId: string; db?: Db }): DeckCuration {
  const db = options.db ?? defaultDb();
  const rows = listDeckCardContent(db, options.deckId);
  if (rows.length === 0) throw new NotFoundError(`no deck with id ${options.deckId}, or it has no cards`);
  const decisions = new Map(listCurations(db, options.deckId).map((c) => [c.cardId, c]));
  const counts = { unreviewed: 0, kept: 0, discarded: 0, edited: 0 };
  const cards: CurationItem[] = [];
  for (const row of rows) {
    const card = parsedCardOf(row);
    if (!row.notesMode || !card.generatedBy) continue;
    const state = stateOf(row.id, decisions.get(row.id) ?? null);
    counts[state.status]++;
    const data = JSON.parse(row.data) as { optionsHtml?: unknown; pointsHtml?: unknown };
    const html = (v: unknown): string[] | undefined => (Array.isArray(v) && v.every((x) => typeof x === "string") ? (v as string[]) : undefined);
    const optionsHtml = html(data.optionsHtml);
    const pointsHtml = html(data.pointsHtml);
    cards.push({
      ...state,
      kind: card.kind,
      topic: card.topic,
      generatedBy: card.generatedBy,
      promptHtml: row.promptHtml,
      answerHtml: row.answerHtml,
      ...(card.kind === "choice" && optionsHtml ? { options: card.options.map((o, i) => ({ html: optionsHtml[i] ?? "", correct: o.correct })) } : {}),
      ...(card.kind === "open" && pointsHtml ? { pointsHtml } : {}),
      fields: overrideOf(card),
    });
  }
  return { deckId: options.deckId, cards, counts };
}
