/**
 * The InterviewDate table, and the cards an interview date covers. A row is decoded once, here
 * (`decodeInterviewDate`: the scope's JSON by its schema, times as Dates). The upcoming dates are
 * read on every rating (recordReview asks whether the card is in one's scope), so that read is
 * `prepared` and served by the index on `at`.
 */
import { sql as fragment } from "kysely";
import { z } from "zod";
import { interviewScopeSchema, type InterviewScope } from "@/lib/planning/schemas";
import { BUDGET_UNITS, type BudgetUnit } from "@/lib/planning/budget";
import { DAY_MS } from "@/lib/planning/days";
import { stateFromRow, type SchedState } from "@/lib/scheduling";
import type { Sqlite } from "../db";
import { SCHEDULE_COLUMNS, scheduleRowShape } from "./cards";
import { decodeRow, jsonColumn } from "./json-column";
import { inScope } from "./quiz-candidates";
import { CARD_COLUMNS, decodeCard, type ScheduledCard } from "./study-queue";
import { all, first, prepared, run, sql } from "./sql";

export interface InterviewDate {
  id: string;
  label: string;
  at: Date;
  timeZone: string;
  scope: InterviewScope;
  targetRecall: number;
  dailyBudget: number | null;
  budgetUnit: BudgetUnit;
  createdAt: Date;
  updatedAt: Date;
}

const COLUMNS = ["id", "label", "at", "timeZone", "scope", "targetRecall", "dailyBudget", "budgetUnit", "createdAt", "updatedAt"] as const;

const rowSchema = z
  .object({
    id: z.string(),
    label: z.string(),
    at: z.number(),
    timeZone: z.string(),
    scope: jsonColumn(interviewScopeSchema),
    targetRecall: z.number().min(0).max(1),
    dailyBudget: z.number().int().nullable(),
    budgetUnit: z.enum(BUDGET_UNITS),
    createdAt: z.number(),
    updatedAt: z.number(),
  })
  .transform((r): InterviewDate => ({ ...r, at: new Date(r.at), createdAt: new Date(r.createdAt), updatedAt: new Date(r.updatedAt) }));

function decodeInterviewDate(raw: { id: string }): InterviewDate {
  return decodeRow(rowSchema, raw, `InterviewDate ${raw.id}`);
}

const upcoming = prepared((p: { now: number }) => sql.selectFrom("InterviewDate").select(COLUMNS).where("at", ">", p.now).orderBy("at").orderBy("id"));

/** Every interview date, soonest first. */
export function listInterviewDates(sqlite: Sqlite): InterviewDate[] {
  return all(sqlite, sql.selectFrom("InterviewDate").select(COLUMNS).orderBy("at").orderBy("id")).map(decodeInterviewDate);
}

/** The interview dates still ahead at `now`, soonest first (the ones the scheduler consults). */
export function upcomingInterviewDates(sqlite: Sqlite, now: Date): InterviewDate[] {
  return upcoming.all(sqlite, { now: now.getTime() }).map(decodeInterviewDate);
}

export function findInterviewDate(sqlite: Sqlite, id: string): InterviewDate | null {
  const row = first(sqlite, sql.selectFrom("InterviewDate").select(COLUMNS).where("id", "=", id));
  return row === undefined ? null : decodeInterviewDate(row);
}

export function insertInterviewDate(sqlite: Sqlite, d: InterviewDate): void {
  run(
    sqlite,
    sql.insertInto("InterviewDate").values({
      id: d.id,
      label: d.label,
      at: d.at.getTime(),
      timeZone: d.timeZone,
      scope: JSON.stringify(d.scope),
      targetRecall: d.targetRecall,
      dailyBudget: d.dailyBudget,
      budgetUnit: d.budgetUnit,
      createdAt: d.createdAt.getTime(),
      updatedAt: d.updatedAt.getTime(),
    }),
  );
}

/** Writes every field of a date that exists (the caller read it in the same transaction). */
export function updateInterviewDate(sqlite: Sqlite, d: InterviewDate): void {
  run(
    sqlite,
    sql
      .updateTable("InterviewDate")
      .set({
        label: d.label,
        at: d.at.getTime(),
        timeZone: d.timeZone,
        scope: JSON.stringify(d.scope),
        targetRecall: d.targetRecall,
        dailyBudget: d.dailyBudget,
        budgetUnit: d.budgetUnit,
        updatedAt: d.updatedAt.getTime(),
      })
      .where("id", "=", d.id),
  );
}

/** Deletes a date; whether there was one. */
export function deleteInterviewDate(sqlite: Sqlite, id: string): boolean {
  return run(sqlite, sql.deleteFrom("InterviewDate").where("id", "=", id)).changes > 0;
}

/** A card an interview covers, with what readiness needs of it. */
export interface CardInScope {
  id: string;
  deckId: string;
  deckTitle: string;
  topic: string[];
  prompt: string;
  state: SchedState;
}

const cardSchema = z
  .object({
    id: z.string(),
    deckId: z.string(),
    deckTitle: z.string(),
    topic: jsonColumn(z.array(z.string())),
    prompt: z.string(),
    ...scheduleRowShape,
  })
  .transform((r): CardInScope => ({ id: r.id, deckId: r.deckId, deckTitle: r.deckTitle, topic: r.topic, prompt: r.prompt, state: stateFromRow(r) }));

/**
 * The cards an interview covers: live ones (not retired, not suspended: a suspended card is one
 * the user chose not to study, which no plan can bring to the target), in content order.
 */
export function cardsInScope(sqlite: Sqlite, scope: InterviewScope): CardInScope[] {
  const rows = all(
    sqlite,
    sql
      .selectFrom("Card as c")
      .innerJoin("Deck as d", "d.id", "c.deckId")
      .select([
        "c.id",
        "c.deckId",
        "d.title as deckTitle",
        "c.topic",
        "c.prompt",
        ...SCHEDULE_COLUMNS.map((c) => `c.${c}` as const),
      ])
      .where("c.retired", "=", 0)
      .where("c.suspended", "=", 0)
      .$if(scope !== "all", (q) => q.where((eb) => inScope(eb, scope === "all" ? [] : scope)))
      .orderBy("c.deckId")
      .orderBy("c.position"),
  );
  return rows.map((r) => decodeRow(cardSchema, r, `Card ${r.id}`));
}

/**
 * Reviews due per day of the plan's grid (day 0 starts at `origin`), from day 0 up to `lastDay`,
 * among the live cards in scope other than `exceptCardId` (the card being placed, whose old due
 * is being replaced): the calendar the plan's budget and load balancer read.
 */
export function dueCountsByDay(sqlite: Sqlite, options: { scope: InterviewScope; origin: Date; lastDay: number; exceptCardId: string }): Map<number, number> {
  const origin = options.origin.getTime();
  const end = origin + (options.lastDay + 1) * DAY_MS;
  // better-sqlite3 binds numbers as REAL: without the cast the division kept the fraction of the
  // day, no day of the calendar matched, and the budget read every day as empty
  const day = fragment<number>`CAST((c.due - ${origin}) / ${DAY_MS} AS INTEGER)`;
  const rows = all(
    sqlite,
    sql
      .selectFrom("Card as c")
      .select([day.as("day"), (eb) => eb.fn.countAll<number>().as("n")])
      .where("c.retired", "=", 0)
      .where("c.suspended", "=", 0)
      .where("c.state", "!=", 0)
      .where("c.due", ">=", origin)
      .where("c.due", "<", end)
      .where("c.id", "!=", options.exceptCardId)
      .$if(options.scope !== "all", (q) => q.where((eb) => inScope(eb, options.scope === "all" ? [] : options.scope)))
      .groupBy("day"),
  );
  return new Map(rows.map((r) => [Number(r.day), Number(r.n)]));
}

/** A deck's live new cards (not suspended) within a scope: the plan's pace has them to introduce. */
function newInScope(scope: InterviewScope, deckId: string) {
  return sql
    .selectFrom("Card as c")
    .where("c.deckId", "=", deckId)
    .where("c.retired", "=", 0)
    .where("c.suspended", "=", 0)
    .where("c.state", "=", 0)
    .$if(scope !== "all", (q) => q.where((eb) => inScope(eb, scope === "all" ? [] : scope)));
}

/** How many of a deck's new cards a scope still holds. */
export function countNewInScope(sqlite: Sqlite, options: { scope: InterviewScope; deckId: string }): number {
  return Number(first(sqlite, newInScope(options.scope, options.deckId).select((eb) => eb.fn.countAll<number>().as("n")))?.n ?? 0);
}

/**
 * The deck's next new card within one of `scopes` (the interviews ahead), studyable at `now`, in
 * content order: an interview covering some of a deck's topics has its new cards introduced first.
 */
export function nextNewInScopes(sqlite: Sqlite, options: { scopes: readonly InterviewScope[]; deckId: string; now: number }): ScheduledCard | undefined {
  if (options.scopes.length === 0) return undefined;
  if (options.scopes.includes("all")) return undefined;
  const scope = options.scopes.flatMap((s) => (s === "all" ? [] : s));
  const row = first(
    sqlite,
    newInScope(scope, options.deckId)
      .select(CARD_COLUMNS.map((c) => `c.${c}` as const))
      .where("c.due", "<=", options.now)
      .where((eb) => eb.or([eb("c.buriedUntil", "is", null), eb("c.buriedUntil", "<=", options.now)]))
      .orderBy("c.position")
      .limit(1),
  );
  return row === undefined ? undefined : decodeCard(row);
}
