import type { StudyCard } from "@/lib/api-schemas";
import { db as defaultDb, type Db } from "../../db";
import { NotFoundError } from "../../errors";
import { optionsForCard } from "../../deck-settings";
import { getScheduledCard } from "../../store/study-queue";
import { fallbackOptions, planDue, toStudyCard } from "./study-card";

/** One card as the study screen shows it (after an undo, or opened from the browser). */
export async function getStudyCard(options: { cardId: string; now?: Date; db?: Db }): Promise<StudyCard> {
  const database = options.db ?? defaultDb();
  const card = getScheduledCard(database.sqlite, options.cardId);
  if (!card) throw new NotFoundError(`no card with id ${options.cardId}`);
  const now = options.now ?? new Date();
  const resolved = optionsForCard(database.sqlite, card.id) ?? fallbackOptions();
  return toStudyCard(card, now, resolved.scheduler, planDue(database.sqlite, card, now, resolved));
}
