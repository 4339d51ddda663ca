/** Request schemas of the history and parameters API. */
import { z } from "zod";

/** The largest review history file accepted over HTTP (the command line has no limit). */
export const MAX_HISTORY_BYTES = 50 * 1024 * 1024;

/** `PUT /api/v1/parameters`: FSRS-6 weights to apply (21 finite numbers). */
export const applyParametersSchema = z
  .object({
    parameters: z.array(z.number().finite(), { error: "parameters must be a list of numbers" }).length(21, "FSRS-6 has 21 parameters"),
  })
  .strict();

export const optimizeJobIdSchema = z.string().uuid("not an optimization job id");
