import { interviewIdSchema, gradeInterviewSchema } from "@/lib/interview/schemas";
import { handle, readJson } from "@/server/http";
import { gradeAnswer } from "@/server/use-cases/interview/grade-answer";

export const dynamic = "force-dynamic";

/** The points of an open answer the user confirms as covered. */
export async function POST(request: Request, ctx: RouteContext<"/api/v1/interviews/[id]/grades">) {
  return handle(async () => {
    const interviewId = interviewIdSchema.parse((await ctx.params).id);
    return gradeAnswer({ interviewId, ...(await readJson(request, gradeInterviewSchema)) });
  });
}
