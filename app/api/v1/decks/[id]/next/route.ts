import { deckIdSchema } from "@/lib/api-schemas";
import { handle } from "@/server/http";
import { nextCard } from "@/server/use-cases/study";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, ctx: RouteContext<"/api/v1/decks/[id]/next">) {
  return handle(async () => {
    const { id } = await ctx.params;
    const deckId = deckIdSchema.parse(decodeURIComponent(id));
    return { card: await nextCard({ deckId }) };
  });
}
