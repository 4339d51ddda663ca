import { randomUUID } from "node:crypto";
import type { Db } from "../../db";
import { jobs, type OptimizeJob } from "./optimize-job";
import { optimizeParameters } from "./optimize-parameters";

/** Starts optimizing in the background (or returns the job already running). */
export function startOptimizeJob(options: { db?: Db; now?: Date } = {}): { job: OptimizeJob; finished: Promise<OptimizeJob> } {
  const running = jobs.mianshiOptimizeJob;
  if (running?.job.status === "running") return { job: { ...running.job }, finished: running.finished };
  const controller = new AbortController();
  const job: OptimizeJob = {
    id: randomUUID(),
    status: "running",
    progress: { stage: "reading", fraction: 0 },
    startedAt: (options.now ?? new Date()).toISOString(),
    result: null,
    error: null,
  };
  const finished = optimizeParameters({ ...options, signal: controller.signal, onProgress: (p) => (job.progress = p) }).then(
    (result) => Object.assign(job, { status: "done", result }),
    (e: unknown) =>
      Object.assign(job, controller.signal.aborted ? { status: "cancelled" } : { status: "failed", error: e instanceof Error ? e.message : String(e) }),
  );
  jobs.mianshiOptimizeJob = { job, controller, finished: finished.then((j) => ({ ...j })) };
  return { job: { ...job }, finished: jobs.mianshiOptimizeJob.finished };
}
