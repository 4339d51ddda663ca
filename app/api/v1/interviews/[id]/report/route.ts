import { interviewIdSchema } from "@/lib/interview/schemas";
import { handle } from "@/server/http";
import { requestNow } from "@/server/clock";
import { interviewReport } from "@/server/use-cases/interview/interview-report";

export const dynamic = "force-dynamic";

/** The report of an ended interview (409 while in progress). */
export async function GET(request: Request, ctx: RouteContext<"/api/v1/interviews/[id]/report">) {
  return handle(async () => {
    const interviewId = interviewIdSchema.parse((await ctx.params).id);
    return interviewReport({ interviewId, now: requestNow(request) });
  });
}
