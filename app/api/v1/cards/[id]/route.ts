import { handle } from "@/server/http";
import { requestNow } from "@/server/clock";
import { getStudyCard } from "@/server/use-cases/study/get-study-card";

export const dynamic = "force-dynamic";

/** One card as the study screen shows it, its interval labels as of the request's time (as `next` computes them). */
export async function GET(request: Request, ctx: RouteContext<"/api/v1/cards/[id]">) {
  return handle(async () => ({ card: await getStudyCard({ cardId: (await ctx.params).id, now: requestNow(request) }) }));
}
