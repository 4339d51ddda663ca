import { deckIdSchema, saveDeckOptionsSchema } from "@/lib/api-schemas";
import { handle, readJson } from "@/server/http";
import { estimateWorkload } from "@/server/use-cases/deck-options/estimate-workload";
import { getDeckOptions } from "@/server/use-cases/deck-options/get-deck-options";
import { saveDeckOptions } from "@/server/use-cases/deck-options/save-deck-options";
import { deckOptionsSchema } from "@/lib/deck-options";

export const dynamic = "force-dynamic";

/** The deck's options; `?retention=0.95` also estimates the workload at another retention. */
export async function GET(request: Request, ctx: RouteContext<"/api/v1/decks/[id]/options">) {
  return handle(async () => {
    const view = await getDeckOptions({ deckId: deckIdSchema.parse((await ctx.params).id) });
    const retention = new URL(request.url).searchParams.get("retention");
    if (retention === null) return view;
    const desiredRetention = deckOptionsSchema.shape.desiredRetention.parse(Number(retention));
    return { ...view, workload: await estimateWorkload({ presetId: view.presetId, desiredRetention, newPerDay: view.options.newPerDay }) };
  });
}

export async function PUT(request: Request, ctx: RouteContext<"/api/v1/decks/[id]/options">) {
  return handle(async () => {
    const deckId = deckIdSchema.parse((await ctx.params).id);
    const body = await readJson(request, saveDeckOptionsSchema);
    return saveDeckOptions({ deckId, ...body });
  });
}
