import { newCardState } from "@/lib/scheduling";
import { nextStudyDayStart } from "@/lib/study-day";
import type { CardAction } from "@/lib/api-schemas";
import { db as defaultDb, type Db } from "../db";
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
 * review history stays; only the schedule starts over).
 */
export async function applyCardAction(options: { cardId: string; action: CardAction; now?: Date; db?: Db }): Promise<CardActionResult> {
  const { prisma } = options.db ?? defaultDb();
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
          ? { buriedUntil: nextStudyDayStart(now, a.timeZone, a.rolloverHour) }
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
