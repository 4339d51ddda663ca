import { interviewIdSchema } from "@/lib/interview/schemas";
import { handle } from "@/server/http";
import { requestNow } from "@/server/clock";
import { finishInterview } from "@/server/use-cases/interview/finish-interview";

export const dynamic = "force-dynamic";

/** Ends the interview now. */
export async function POST(request: Request, ctx: RouteContext<"/api/v1/interviews/[id]/finish">) {
  return handle(async () => {
    const interviewId = interviewIdSchema.parse((await ctx.params).id);
    return finishInterview({ interviewId, now: requestNow(request) });
  });
}
