import { cardCurationSchema, curationStateSchema, type CardCurationRequest } from "@/lib/api-schemas";
import { handle, readJson } from "@/server/http";
import { requestNow } from "@/server/clock";
import { discardCard } from "@/server/use-cases/curation/discard-card";
import { editCard } from "@/server/use-cases/curation/edit-card";
import { getCardCuration } from "@/server/use-cases/curation/get-card-curation";
import { keepCard } from "@/server/use-cases/curation/keep-card";
import { restoreCard } from "@/server/use-cases/curation/restore-card";
import { revertCard } from "@/server/use-cases/curation/revert-card";

export const dynamic = "force-dynamic";

function curate(cardId: string, request: CardCurationRequest, now: Date) {
  switch (request.action) {
    case "keep":
      return keepCard({ cardId, now });
    case "discard":
      return discardCard({ cardId, now });
    case "restore":
      return restoreCard({ cardId, now });
    case "edit":
      return editCard({ cardId, override: request.override, now });
    case "revert":
      return revertCard({ cardId, now });
  }
}

/** The card's decision and the fields of its fix form. */
export async function GET(_request: Request, ctx: RouteContext<"/api/v1/cards/[id]/curation">) {
  return handle(async () => getCardCuration({ cardId: (await ctx.params).id }));
}

/** Keep, discard, restore, edit or revert a generated card; answers the card's curation state. */
export async function POST(request: Request, ctx: RouteContext<"/api/v1/cards/[id]/curation">) {
  return handle(async () => {
    const body = await readJson(request, cardCurationSchema);
    return curationStateSchema.parse(curate((await ctx.params).id, body, requestNow(request)));
  });
}
