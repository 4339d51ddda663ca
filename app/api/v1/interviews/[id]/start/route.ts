import { interviewIdSchema, startQuestionSchema } from "@/lib/interview/schemas";
import { handle, readJson } from "@/server/http";
import { requestNow } from "@/server/clock";
import { startQuestion } from "@/server/use-cases/interview/start-question";

export const dynamic = "force-dynamic";

/** Starts the current question's clock. */
export async function POST(request: Request, ctx: RouteContext<"/api/v1/interviews/[id]/start">) {
  return handle(async () => {
    const interviewId = interviewIdSchema.parse((await ctx.params).id);
    const { position } = await readJson(request, startQuestionSchema);
    return startQuestion({ interviewId, position, now: requestNow(request) });
  });
}
