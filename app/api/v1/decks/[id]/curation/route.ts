import { deckKeepSchema } from "@/lib/api-schemas";
import { handle, readJson } from "@/server/http";
import { requestNow } from "@/server/clock";
import { keepCards } from "@/server/use-cases/curation/keep-cards";
import { listDeckCuration } from "@/server/use-cases/curation/list-deck-curation";

export const dynamic = "force-dynamic";

/** A notes deck's generated cards, each with the user's decision. */
export async function GET(_request: Request, ctx: RouteContext<"/api/v1/decks/[id]/curation">) {
  return handle(async () => listDeckCuration({ deckId: (await ctx.params).id }));
}

/** Keep all: marks the deck's undecided cards (or the listed ones) as looked at and kept. */
export async function POST(request: Request, ctx: RouteContext<"/api/v1/decks/[id]/curation">) {
  return handle(async () => {
    const body = await readJson(request, deckKeepSchema);
    return keepCards({ deckId: (await ctx.params).id, ...(body.cardIds ? { cardIds: body.cardIds } : {}), now: requestNow(request) });
  });
}
