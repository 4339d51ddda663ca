import { deckIdSchema } from "@/lib/api-schemas";
import { handle } from "@/server/http";
import { deckTopics } from "@/server/use-cases/practice/list-deck-topics";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, ctx: RouteContext<"/api/v1/decks/[id]/topics">) {
  return handle(async () => ({ topics: await deckTopics({ deckId: deckIdSchema.parse((await ctx.params).id) }) }));
}
