import { interviewIdSchema, submitInterviewAnswerSchema } from "@/lib/interview/schemas";
import { handle, readJson } from "@/server/http";
import { requestNow } from "@/server/clock";
import { submitAnswer } from "@/server/use-cases/interview/submit-answer";

export const dynamic = "force-dynamic";

/** Submits the running question; open answers come back with their rubric matched. */
export async function POST(request: Request, ctx: RouteContext<"/api/v1/interviews/[id]/answers">) {
  return handle(async () => {
    const interviewId = interviewIdSchema.parse((await ctx.params).id);
    return submitAnswer({ interviewId, ...(await readJson(request, submitInterviewAnswerSchema)), now: requestNow(request) });
  });
}
