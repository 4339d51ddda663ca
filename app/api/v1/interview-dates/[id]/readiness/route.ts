import { interviewDateIdSchema } from "@/lib/planning/schemas";
import { handle } from "@/server/http";
import { requestNow } from "@/server/clock";
import { getReadiness } from "@/server/use-cases/planning/get-readiness";

export const dynamic = "force-dynamic";

/** Predicted recall at the interview for the cards in scope: overall, per deck, per topic (readinessSchema). */
export async function GET(request: Request, ctx: RouteContext<"/api/v1/interview-dates/[id]/readiness">) {
  return handle(async () => getReadiness({ id: interviewDateIdSchema.parse((await ctx.params).id), now: requestNow(request) }));
}
