import { jobs } from "./optimize-job";

/** Stops the running job; false when there is no such running job. */
export function cancelOptimizeJob(id: string): boolean {
  const entry = jobs.mianshiOptimizeJob;
  if (!entry || entry.job.id !== id || entry.job.status !== "running") return false;
  entry.controller.abort(new Error("optimization cancelled"));
  return true;
}
