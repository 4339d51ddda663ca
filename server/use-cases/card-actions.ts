import { newCardState } from "@/lib/scheduling";
import { nextStudyDayStart } from "@/lib/study-day";
import type { CardAction } from "@/lib/api-schemas";
import { db as defaultDb, type Db } from "../db";
import { readSettings } from "../store/settings";
import { NotFoundError } from "../errors";

export interface CardActionResult {
  cardId: string;
  suspended: boolean;
  buriedUntil: string | null;
  flag: number;
  state: number;
}

/**
 * Suspend / unsuspend, bury until the next study day / unbury, flag, or reset to new (the
 * review history stays; only the schedule starts over). The next study day is the queue's: it
 * starts at the stored rollover hour, in the stored time zone when there is one (the browser's
 * otherwise). Bury used the browser's zone and 4 am whatever was stored, so a card buried with a
 * rollover at 6 came back at 4, two hours before the study day it was buried until.
 */
export async function applyCardAction(options: { cardId: string; action: CardAction; now?: Date; db?: Db }): Promise<CardActionResult> {
  const { prisma, sqlite } = options.db ?? defaultDb();
  const now = options.now ?? new Date();
  const a = options.action;
  const exists = await prisma.card.findUnique({ where: { id: options.cardId }, select: { id: true } });
  if (!exists) throw new NotFoundError(`no card with id ${options.cardId}`);
  const data =
    a.action === "suspend"
      ? { suspended: true }
      : a.action === "unsuspend"
        ? { suspended: false }
        : a.action === "bury"
          ? { buriedUntil: buriedUntil(sqlite, now, a.timeZone) }
          : a.action === "unbury"
            ? { buriedUntil: null }
            : a.action === "flag"
              ? { flag: a.flag }
              : { ...newCardState(now) };
  const card = await prisma.card.update({
    where: { id: options.cardId },
    data: { ...data, updatedAt: now },
    select: { id: true, suspended: true, buriedUntil: true, flag: true, state: true },
  });
  return { cardId: card.id, suspended: card.suspended, buriedUntil: card.buriedUntil?.toISOString() ?? null, flag: card.flag, state: card.state };
}

/** The start of the next study day, as the queue counts study days (server/use-cases/study/counts-today.ts). */
function buriedUntil(sqlite: Db["sqlite"], now: Date, browserZone: string): Date {
  const settings = readSettings(sqlite);
  return nextStudyDayStart(now, settings.timeZone ?? browserZone, settings.rolloverHour);
}
