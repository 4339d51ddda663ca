import { newCardState } from "@/lib/scheduling";
import { nextStudyDayStart } from "@/lib/study-day";
import type { CardAction } from "@/lib/api-schemas";
import { db as defaultDb, type Db, type Sqlite } from "../../db";
import { NotFoundError } from "../../errors";
import { getCardStatus, saveSchedule, setCardStatus, type StatusChange } from "../../store/cards";
import { readSettings } from "../../store/settings";

export interface CardActionResult {
  cardId: string;
  suspended: boolean;
  buriedUntil: string | null;
  flag: number;
  state: number;
}

/**
 * Suspend / unsuspend, bury until the next study day / unbury, flag, or reset to new (the
 * review history stays; only the schedule starts over), in one transaction. The next study day
 * is the queue's: it starts at the stored rollover hour, in the stored time zone when there is
 * one (the browser's otherwise). Bury used the browser's zone and 4 am whatever was stored, so a
 * card buried with a rollover at 6 came back at 4, two hours before the study day it was buried until.
 */
export async function applyCardAction(options: { cardId: string; action: CardAction; now?: Date; db?: Db }): Promise<CardActionResult> {
  const { sqlite } = options.db ?? defaultDb();
  const now = options.now ?? new Date();
  const a = options.action;
  return sqlite
    .transaction((): CardActionResult => {
      if (!getCardStatus(sqlite, options.cardId)) throw new NotFoundError(`no card with id ${options.cardId}`);
      if (a.action === "reset") saveSchedule(sqlite, options.cardId, newCardState(now), now);
      else {
        const change: StatusChange =
          a.action === "suspend"
            ? { suspended: true }
            : a.action === "unsuspend"
              ? { suspended: false }
              : a.action === "bury"
                ? { buriedUntil: buriedUntil(sqlite, now, a.timeZone).getTime() }
                : a.action === "unbury"
                  ? { buriedUntil: null }
                  : { flag: a.flag };
        setCardStatus(sqlite, options.cardId, change, now);
      }
      const card = getCardStatus(sqlite, options.cardId)!;
      return { cardId: card.id, suspended: card.suspended, buriedUntil: card.buriedUntil === null ? null : new Date(card.buriedUntil).toISOString(), flag: card.flag, state: card.state };
    })
    .immediate();
}

/** The start of the next study day, as the queue counts study days (server/use-cases/study/counts-today.ts). */
function buriedUntil(sqlite: Sqlite, now: Date, browserZone: string): Date {
  const settings = readSettings(sqlite);
  return nextStudyDayStart(now, settings.timeZone ?? browserZone, settings.rolloverHour);
}
