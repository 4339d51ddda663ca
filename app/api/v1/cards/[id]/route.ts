import { handle } from "@/server/http";
import { getStudyCard } from "@/server/use-cases/study";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, ctx: RouteContext<"/api/v1/cards/[id]">) {
  return handle(async () => ({ card: await getStudyCard({ cardId: (await ctx.params).id }) }));
}
