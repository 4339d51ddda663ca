/**
 * "Help me decide" (Anki's simulator, issue 16): what a desired retention and a number of new
 * cards a day would cost and give on this deck over the next days. lib/planning's seeded
 * simulator runs the deck's cards from their states now, new ones in the deck's order, with the
 * user's FSRS weights, the preset's steps, review limit, load balancer and easy days, and a
 * learner who recalls with FSRS's probability and rates with Anki's default odds.
 */
import { simulate } from "@/lib/planning/simulate";
import { simulationRequestSchema, type SimulationRequest, type SimulationView } from "@/lib/planning/schemas";
import { DAY_MS } from "@/lib/planning/days";
import { db as defaultDb, type Db } from "../../db";
import { optionsForDeck } from "../../deck-settings";
import { NotFoundError } from "../../errors";
import { cardsInScope } from "../../store/interview-dates";
import { readSettings, storedWeights } from "../../store/settings";
import { studyDayStartAt } from "../study/counts-today";

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

export async function simulateDeck(options: { deckId: string; request: SimulationRequest; now?: Date; db?: Db }): Promise<SimulationView> {
  const { sqlite } = options.db ?? defaultDb();
  const now = options.now ?? new Date();
  const r = simulationRequestSchema.parse(options.request);
  const resolved = optionsForDeck(sqlite, options.deckId);
  if (!resolved) throw new NotFoundError(`no deck with id ${options.deckId}`);
  const o = resolved.options;
  const weights = storedWeights(sqlite);
  const cards = cardsInScope(sqlite, [{ deckId: options.deckId, topics: [] }]);
  const origin = new Date(studyDayStartAt(sqlite, now, undefined));
  const timeZone = readSettings(sqlite).timeZone ?? "UTC";
  const weekday = new Intl.DateTimeFormat("en-US", { weekday: "short", timeZone });
  const result = simulate({
    ...(weights ? { parameters: weights } : {}),
    desiredRetention: r.desiredRetention,
    maximumInterval: o.maximumInterval,
    learningSteps: o.learningSteps,
    relearningSteps: o.relearningSteps,
    cards: cards.map((c) => ({ id: c.id, state: c.state })),
    newCards: 0,
    newPerDay: r.newPerDay,
    reviewBudget: o.reviewsPerDay,
    days: r.days,
    origin,
    seed: r.seed,
    loadBalance: o.loadBalancer,
    easyDays: o.easyDays,
    // the middle of each study day, clear of the rollover hour
    weekdayOf: (day) => WEEKDAYS.indexOf(weekday.format(new Date(origin.getTime() + day * DAY_MS + DAY_MS / 2))),
  });
  return {
    deckId: options.deckId,
    desiredRetention: r.desiredRetention,
    newPerDay: r.newPerDay,
    seed: r.seed,
    cards: cards.length,
    reviewsPerDay: result.reviewsPerDay,
    knownPerDay: result.knownPerDay.map((k) => Math.round(k * 10) / 10),
    totalReviews: result.totalReviews,
  };
}
