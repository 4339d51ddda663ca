import { interviewIdSchema, pauseInterviewSchema } from "@/lib/interview/schemas";
import { handle, readJson } from "@/server/http";
import { requestNow } from "@/server/clock";
import { pauseInterview } from "@/server/use-cases/interview/finish-interview";

export const dynamic = "force-dynamic";

/** Pauses or resumes an untimed practice interview. */
export async function POST(request: Request, ctx: RouteContext<"/api/v1/interviews/[id]/pause">) {
  return handle(async () => {
    const interviewId = interviewIdSchema.parse((await ctx.params).id);
    const { paused } = await readJson(request, pauseInterviewSchema);
    return pauseInterview({ interviewId, paused, now: requestNow(request) });
  });
}
