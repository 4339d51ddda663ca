import { interviewIdSchema } from "@/lib/interview/schemas";
import { handle } from "@/server/http";
import { requestNow } from "@/server/clock";
import { studyMissed } from "@/server/use-cases/interview/study-missed";

export const dynamic = "force-dynamic";

/** Makes the cards behind missed points due soon, as Again reviews. */
export async function POST(request: Request, ctx: RouteContext<"/api/v1/interviews/[id]/study-missed">) {
  return handle(async () => {
    const interviewId = interviewIdSchema.parse((await ctx.params).id);
    return studyMissed({ interviewId, now: requestNow(request) });
  });
}
