import { deckIdSchema } from "@/lib/api-schemas";
import { simulationRequestSchema } from "@/lib/planning/schemas";
import { handle, readJson } from "@/server/http";
import { requestNow } from "@/server/clock";
import { simulateDeck } from "@/server/use-cases/deck-options/simulate-deck";

export const dynamic = "force-dynamic";

/** "Help me decide": reviews a day and cards known over the next days at a retention and new cards a day (simulationSchema). */
export async function POST(request: Request, ctx: RouteContext<"/api/v1/decks/[id]/simulate">) {
  return handle(async () => {
    const deckId = deckIdSchema.parse((await ctx.params).id);
    const body = await readJson(request, simulationRequestSchema);
    return simulateDeck({ deckId, request: body, now: requestNow(request) });
  });
}
