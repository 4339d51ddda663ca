import { handle } from "@/server/http";
import { requestNow } from "@/server/clock";
import { NotFoundError } from "@/server/errors";
import { getOptimizeJob } from "@/server/use-cases/parameters/get-optimize-job";
import { startOptimizeJob } from "@/server/use-cases/parameters/start-optimize-job";

export const dynamic = "force-dynamic";

/** Starts fitting parameters in a worker (or returns the fit already running); poll its progress. */
export async function POST(request: Request) {
  return handle(async () => startOptimizeJob({ now: requestNow(request) }).job, { status: 202 });
}

/** The latest optimization, with its progress or its result. */
export async function GET() {
  return handle(async () => {
    const job = getOptimizeJob();
    if (!job) throw new NotFoundError("no optimization has run since the server started");
    return job;
  });
}
