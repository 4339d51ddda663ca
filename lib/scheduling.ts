/**
 * FSRS scheduling through ts-fsrs. Time is always passed in; nothing here reads the clock.
 */
import {
  fsrs,
  createEmptyCard,
  generatorParameters,
  Rating,
  State,
  StrategyMode,
  type AbstractScheduler,
  type Card as FsrsCard,
  type Grade,
  type StepUnit,
} from "ts-fsrs";

/** The scheduling state stored on a card (camelCase mirror of ts-fsrs' Card). */
export interface SchedState {
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: number;
  lastReview: Date | null;
}

export type RatingValue = 1 | 2 | 3 | 4;
export const RATINGS: readonly RatingValue[] = [1, 2, 3, 4];
export const RATING_NAMES: Record<RatingValue, "again" | "hard" | "good" | "easy"> = { 1: "again", 2: "hard", 3: "good", 4: "easy" };
export const STATE_NAMES = ["new", "learning", "review", "relearning"] as const;
export type StateName = (typeof STATE_NAMES)[number];

export interface SchedulerOptions {
  requestRetention?: number;
  maximumInterval?: number;
  /** learning and relearning steps such as "1m", "10m", "1d" */
  learningSteps?: readonly string[];
  relearningSteps?: readonly string[];
  /** off by default so that tests and previews are deterministic; the app turns it on */
  enableFuzz?: boolean;
  /** personal FSRS weights (fitted by "optimize"); the defaults when absent */
  parameters?: readonly number[];
}

/**
 * The seed of a review's fuzz, decided by the card and its state alone, as Anki does (card id
 * plus review count): the interval a rating button shows is the one that rating applies, at
 * whatever second the button is pressed, and an undo brings the same button back. ts-fsrs'
 * default seed includes the review time to the millisecond, so the preview shown when the
 * card appeared and the review a few seconds later drew different fuzz.
 */
export function fuzzSeed(cardId: string | undefined, state: SchedState): string {
  // without a card id (benchmarks, tools): the state alone, still independent of the clock
  return cardId !== undefined ? `${cardId}:${state.reps}` : `${state.reps}:${state.lastReview?.getTime() ?? 0}:${state.stability}:${state.difficulty}`;
}

/** The field of ts-fsrs' card that carries our seed to the seed strategy. */
const SEED_FIELD = "mianshiSeed";

/** ts-fsrs' seed strategy: the card as given (its protected `last`, as its own GenSeedStrategyWithCardId reads it). */
function seedStrategy(this: AbstractScheduler): string {
  return String(Reflect.get(Reflect.get(this, "last") as object, SEED_FIELD));
}

function toFsrs(s: SchedState, cardId?: string): FsrsCard {
  return {
    [SEED_FIELD]: fuzzSeed(cardId, s),
    due: s.due,
    stability: s.stability,
    difficulty: s.difficulty,
    elapsed_days: s.elapsedDays,
    scheduled_days: s.scheduledDays,
    learning_steps: s.learningSteps,
    reps: s.reps,
    lapses: s.lapses,
    state: s.state as State,
    last_review: s.lastReview ?? undefined,
  } as FsrsCard;
}

function fromFsrs(c: FsrsCard): SchedState {
  return {
    due: c.due,
    stability: c.stability,
    difficulty: c.difficulty,
    elapsedDays: c.elapsed_days,
    scheduledDays: c.scheduled_days,
    learningSteps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state,
    lastReview: c.last_review ?? null,
  };
}

/** The scheduling columns of a card row as SQLite returns them (times in epoch ms). */
export interface SchedRow {
  due: number;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: number;
  lastReview: number | null;
}

export function stateFromRow(row: SchedRow): SchedState {
  return {
    due: new Date(row.due),
    stability: row.stability,
    difficulty: row.difficulty,
    elapsedDays: row.elapsedDays,
    scheduledDays: row.scheduledDays,
    learningSteps: row.learningSteps,
    reps: row.reps,
    lapses: row.lapses,
    state: row.state,
    lastReview: row.lastReview === null ? null : new Date(row.lastReview),
  };
}

/** A state as the row SQLite stores (times in epoch ms): the inverse of stateFromRow. */
export function rowFromState(s: SchedState): SchedRow {
  return {
    due: s.due.getTime(),
    stability: s.stability,
    difficulty: s.difficulty,
    elapsedDays: s.elapsedDays,
    scheduledDays: s.scheduledDays,
    learningSteps: s.learningSteps,
    reps: s.reps,
    lapses: s.lapses,
    state: s.state,
    lastReview: s.lastReview?.getTime() ?? null,
  };
}

export function createScheduler(options: SchedulerOptions = {}) {
  const params = generatorParameters({
    request_retention: options.requestRetention ?? 0.9,
    maximum_interval: options.maximumInterval ?? 36500,
    enable_fuzz: options.enableFuzz ?? false,
    ...(options.parameters ? { w: [...options.parameters] } : {}),
    ...(options.learningSteps ? { learning_steps: [...options.learningSteps] as StepUnit[] } : {}),
    ...(options.relearningSteps ? { relearning_steps: [...options.relearningSteps] as StepUnit[] } : {}),
  });
  const f = fsrs(params);
  f.useStrategy(StrategyMode.SEED, seedStrategy);

  return {
    /**
     * The state after rating the card at `now`. `cardId` seeds the fuzz (see fuzzSeed): pass
     * the same one to `preview` so that the buttons show what `rate` applies.
     */
    rate(state: SchedState, rating: RatingValue, now: Date, cardId?: string): SchedState {
      return fromFsrs(f.next(toFsrs(state, cardId), now, rating as Grade).card);
    },
    /** When the card would be due after each rating, as milliseconds from now. */
    preview(state: SchedState, now: Date, cardId?: string): Record<RatingValue, number> {
      const p = f.repeat(toFsrs(state, cardId), now);
      return {
        1: p[Rating.Again].card.due.getTime() - now.getTime(),
        2: p[Rating.Hard].card.due.getTime() - now.getTime(),
        3: p[Rating.Good].card.due.getTime() - now.getTime(),
        4: p[Rating.Easy].card.due.getTime() - now.getTime(),
      };
    },
    /** Probability of recall now (0 for a new card). */
    retrievability(state: SchedState, now: Date): number {
      if (state.state === State.New) return 0;
      return f.get_retrievability(toFsrs(state), now, false);
    },
  };
}

export type Scheduler = ReturnType<typeof createScheduler>;

export function newCardState(now: Date): SchedState {
  return fromFsrs(createEmptyCard(now));
}

/** A short interval label as Anki shows on its buttons: "1m", "10m", "3h", "4d", "2.1mo", "1.3y". */
export function formatInterval(ms: number): string {
  const minutes = Math.max(0, ms) / 60000;
  if (minutes < 60) return `${Math.max(1, Math.round(minutes))}m`;
  const hours = minutes / 60;
  if (hours < 24) return `${Math.round(hours)}h`;
  const days = hours / 24;
  if (days < 30) return `${Math.round(days)}d`;
  if (days < 365) return `${(days / 30).toFixed(1).replace(/\.0$/, "")}mo`;
  return `${(days / 365).toFixed(1).replace(/\.0$/, "")}y`;
}
