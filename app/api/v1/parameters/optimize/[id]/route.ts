import { optimizeJobIdSchema } from "@/lib/history/schemas";
import { handle } from "@/server/http";
import { ConflictError, NotFoundError } from "@/server/errors";
import { cancelOptimizeJob } from "@/server/use-cases/parameters/cancel-optimize-job";
import { getOptimizeJob } from "@/server/use-cases/parameters/get-optimize-job";

export const dynamic = "force-dynamic";

/** One optimization: its progress, then its metrics and proposed parameters. */
export async function GET(_request: Request, ctx: RouteContext<"/api/v1/parameters/optimize/[id]">) {
  return handle(async () => {
    const job = getOptimizeJob(optimizeJobIdSchema.parse((await ctx.params).id));
    if (!job) throw new NotFoundError("no such optimization");
    return job;
  });
}

/** Cancels a running optimization. */
export async function DELETE(_request: Request, ctx: RouteContext<"/api/v1/parameters/optimize/[id]">) {
  return handle(async () => {
    const id = optimizeJobIdSchema.parse((await ctx.params).id);
    if (!getOptimizeJob(id)) throw new NotFoundError("no such optimization");
    if (!cancelOptimizeJob(id)) throw new ConflictError("this optimization is not running");
    return getOptimizeJob(id);
  });
}
