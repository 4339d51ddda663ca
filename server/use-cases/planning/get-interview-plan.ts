/**
 * The plan for an interview date as /stats shows it (issue 16): lib/planning's planInterview on
 * the cards in scope, with the preset's FSRS settings and the user's weights, on the grid of
 * study days in the interview's time zone, and the days to rehearse in a mock interview. Read-only: it schedules nothing (each card's due
 * moves at its own next rating, planned-schedule.ts), it says what following the plan gives.
 */
import { State } from "ts-fsrs";
import { mockInterviewDays } from "@/lib/planning/mock-interviews";
import { planInterview } from "@/lib/planning/plan";
import type { InterviewPlanView } from "@/lib/planning/schemas";
import { dayStart } from "@/lib/planning/days";
import { db as defaultDb, type Db } from "../../db";
import { optionsForDeck } from "../../deck-settings";
import { NotFoundError } from "../../errors";
import { cardsInScope, findInterviewDate } from "../../store/interview-dates";
import { storedWeights } from "../../store/settings";
import { fallbackOptions } from "../study/study-card";
import { learnerSecondsPerReview, planOrigin, reviewBudget, toView } from "./interview-date-view";
import { interviewNewPace, type InterviewNewPace } from "./new-card-pace";

export async function getInterviewPlan(options: { id: string; now?: Date; db?: Db }): Promise<InterviewPlanView> {
  const { sqlite } = options.db ?? defaultDb();
  const now = options.now ?? new Date();
  const d = findInterviewDate(sqlite, options.id);
  if (!d) throw new NotFoundError(`no interview date with id ${options.id}`);
  const cards = cardsInScope(sqlite, d.scope);
  const decks = [...new Set(cards.map((c) => c.deckId))];
  const resolved = decks.map((id) => optionsForDeck(sqlite, id) ?? fallbackOptions());
  // the forgetting curve is one set of weights for every preset; the first deck's preset gives
  // the steps and retention the forecast simulates (one scope rarely spans presets)
  const first = resolved[0] ?? fallbackOptions();
  const weights = storedWeights(sqlite);
  const origin = planOrigin(sqlite, d, now);
  const seconds = learnerSecondsPerReview(sqlite);
  const newPerDayLimit = resolved.reduce((sum, r) => sum + r.options.newPerDay, 0);
  const plan = planInterview({
    scheduler: first.scheduler,
    options: {
      requestRetention: first.options.desiredRetention,
      maximumInterval: first.options.maximumInterval,
      learningSteps: first.options.learningSteps,
      relearningSteps: first.options.relearningSteps,
      ...(weights ? { parameters: weights } : {}),
    },
    cards: cards.map((c) => ({ id: c.id, deckId: c.deckId, topic: JSON.stringify([c.deckId, ...c.topic]), state: c.state })),
    interview: { at: d.at, target: d.targetRecall },
    now,
    today: origin,
    newPerDayLimit,
    reviewBudget: reviewBudget(d, () => seconds),
  });
  const byId = new Map(cards.map((c) => [c.id, c]));
  // the pace the study queue applies (the plan's own rule, over the decks' limits added up)
  const pace = interviewNewPace(sqlite, d, decks, cards.filter((c) => c.state.state === State.New).length, now);
  return {
    interviewDate: toView(sqlite, d, now, seconds),
    mode: plan.mode,
    cards: cards.length,
    newLeft: pace.newLeft,
    newPerDay: plan.mode === "plan" ? pace.perDay : 0,
    newPerDayLimit,
    newFits: plan.mode === "plan" ? pace.fits : pace.newLeft === 0,
    readinessIfStopped: plan.readinessIfStopped,
    readinessWithPlan: plan.readinessWithPlan,
    projection: plan.projection.map((p) => ({ at: p.at.toISOString(), withPlan: p.withPlan, ifStopped: p.ifStopped })),
    forecast: plan.forecast.map((f) => ({ ...f, start: dayStart(origin, f.day).toISOString() })),
    overBudget: plan.forecast.some((f) => f.overBudget),
    belowTarget: plan.belowTarget
      .map((b) => {
        const c = byId.get(b.id);
        return { cardId: b.id, deckId: c?.deckId ?? "", topic: c?.topic ?? [], prompt: c?.prompt ?? "", recall: b.recall };
      })
      // the weakest first: the ones furthest from the target
      .sort((a, b) => a.recall - b.recall || a.cardId.localeCompare(b.cardId)),
    mockInterviews: plan.mode === "plan" ? mockInterviewDays(plan.daysLeft).map((day) => ({ day, start: dayStart(origin, day).toISOString() })) : [],
  };
}

/** The new-card pace for an interview date alone (home's warning), without the forecast. */
export async function getNewCardPace(options: { id: string; now?: Date; db?: Db }): Promise<InterviewNewPace> {
  const { sqlite } = options.db ?? defaultDb();
  const now = options.now ?? new Date();
  const d = findInterviewDate(sqlite, options.id);
  if (!d) throw new NotFoundError(`no interview date with id ${options.id}`);
  const cards = cardsInScope(sqlite, d.scope);
  return interviewNewPace(sqlite, d, [...new Set(cards.map((c) => c.deckId))], cards.filter((c) => c.state.state === State.New).length, now);
}
