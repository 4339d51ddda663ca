import { interviewIdSchema } from "@/lib/interview/schemas";
import { handle } from "@/server/http";
import { requestNow } from "@/server/clock";
import { getInterview } from "@/server/use-cases/interview/get-interview";

export const dynamic = "force-dynamic";

/** An interview as it stands: the clock applied, the current question, what waits for grading. */
export async function GET(request: Request, ctx: RouteContext<"/api/v1/interviews/[id]">) {
  return handle(async () => getInterview({ interviewId: interviewIdSchema.parse((await ctx.params).id), now: requestNow(request) }));
}
