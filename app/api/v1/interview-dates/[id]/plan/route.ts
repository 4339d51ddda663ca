import { interviewDateIdSchema } from "@/lib/planning/schemas";
import { handle } from "@/server/http";
import { requestNow } from "@/server/clock";
import { getInterviewPlan } from "@/server/use-cases/planning/get-interview-plan";

export const dynamic = "force-dynamic";

/** What the plan does until the interview: new-card pace, workload forecast, projection, cards left below target (interviewPlanSchema). */
export async function GET(request: Request, ctx: RouteContext<"/api/v1/interview-dates/[id]/plan">) {
  return handle(async () => getInterviewPlan({ id: interviewDateIdSchema.parse((await ctx.params).id), now: requestNow(request) }));
}
