import { deckIdSchema, practiceQuerySchema } from "@/lib/api-schemas";
import { requestNow } from "@/server/clock";
import { handle } from "@/server/http";
import { practiceNext } from "@/server/use-cases/practice/next-practice-card";

export const dynamic = "force-dynamic";

/** The next card of a practice run (study ahead, or a topic); the schedule is not touched. */
export async function GET(request: Request, ctx: RouteContext<"/api/v1/decks/[id]/practice">) {
  return handle(async () => {
    const deckId = deckIdSchema.parse((await ctx.params).id);
    const query = practiceQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    return practiceNext({ deckId, ...query, now: requestNow(request) });
  });
}
