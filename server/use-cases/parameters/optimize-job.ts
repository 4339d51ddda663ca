import type { OptimizeProgress, OptimizeResult } from "./optimize-parameters";

/**
 * Optimization as a background job, for a page that starts it and then polls its progress:
 * one job at a time (a second start while one runs gets the running one), the latest kept in
 * memory until the process ends.
 */
export interface OptimizeJob {
  id: string;
  status: "running" | "done" | "failed" | "cancelled";
  progress: OptimizeProgress;
  startedAt: string;
  result: OptimizeResult | null;
  error: string | null;
}

export interface JobEntry {
  job: OptimizeJob;
  controller: AbortController;
  finished: Promise<OptimizeJob>;
}

/** The latest job, kept on globalThis so that every route module of the process sees the same one. */
export const jobs = globalThis as unknown as { mianshiOptimizeJob?: JobEntry };
