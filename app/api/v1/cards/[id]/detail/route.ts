import { handle } from "@/server/http";
import { cardDetail } from "@/server/use-cases/cards/get-card-detail";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, ctx: RouteContext<"/api/v1/cards/[id]/detail">) {
  return handle(async () => ({ card: await cardDetail({ cardId: (await ctx.params).id }) }));
}
