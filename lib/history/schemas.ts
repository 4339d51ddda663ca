/** Request schemas of the history and parameters API. */
import { z } from "zod";
import { CLAMP_PARAMETERS, W17_W18_Ceiling } from "ts-fsrs";

/** The largest review history file accepted over HTTP (the command line has no limit). */
export const MAX_HISTORY_BYTES = 50 * 1024 * 1024;

/**
 * The range FSRS-6 allows each parameter (ts-fsrs clamps every weight into these; outside them
 * the scheduler would silently use other values, or divide by zero). Short-term scheduling on
 * or off only changes w19's lower bound: the looser one is taken.
 */
export const FSRS_PARAMETER_BOUNDS: ReadonlyArray<readonly [number, number]> = CLAMP_PARAMETERS(W17_W18_Ceiling, false).map(([lo, hi]) => [lo!, hi!] as const);

/** 21 finite numbers, each within FSRS-6's bounds; the message names every parameter out of range. */
export const fsrsParametersSchema = z
  .array(z.number("parameters must be finite numbers").finite("parameters must be finite numbers"), { error: "parameters must be a list of numbers" })
  .length(21, "FSRS-6 has 21 parameters")
  .superRefine((w, ctx) => {
    for (const [i, value] of w.entries()) {
      const [lo, hi] = FSRS_PARAMETER_BOUNDS[i]!;
      if (value < lo || value > hi) ctx.addIssue({ code: "custom", path: [i], message: `parameter w${i} is ${value}: FSRS-6 allows ${lo} to ${hi}` });
    }
  });

/** `PUT /api/v1/parameters`: FSRS-6 weights to apply. */
export const applyParametersSchema = z.object({ parameters: fsrsParametersSchema }).strict();

export const optimizeJobIdSchema = z.string().uuid("not an optimization job id");
