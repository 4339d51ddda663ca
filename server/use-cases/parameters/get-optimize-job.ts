import { jobs, type OptimizeJob } from "./optimize-job";

/** The latest job (or the one with this id), as it is now; null when there is none. */
export function getOptimizeJob(id?: string): OptimizeJob | null {
  const entry = jobs.mianshiOptimizeJob;
  if (!entry || (id !== undefined && entry.job.id !== id)) return null;
  return { ...entry.job };
}
