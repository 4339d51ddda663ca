import { cardActionSchema } from "@/lib/api-schemas";
import { handle, readJson } from "@/server/http";
import { requestNow } from "@/server/clock";
import { applyCardAction } from "@/server/use-cases/cards/apply-card-action";

export const dynamic = "force-dynamic";

export async function POST(request: Request, ctx: RouteContext<"/api/v1/cards/[id]/actions">) {
  return handle(async () => {
    const action = await readJson(request, cardActionSchema);
    return applyCardAction({ cardId: (await ctx.params).id, action, now: requestNow(request) });
  });
}
