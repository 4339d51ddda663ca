import { interviewIdSchema, saveDraftSchema } from "@/lib/interview/schemas";
import { handle, readJson } from "@/server/http";
import { requestNow } from "@/server/clock";
import { saveDraft } from "@/server/use-cases/interview/save-draft";

export const dynamic = "force-dynamic";

/** Saves what is typed so far. */
export async function PUT(request: Request, ctx: RouteContext<"/api/v1/interviews/[id]/draft">) {
  return handle(async () => {
    const interviewId = interviewIdSchema.parse((await ctx.params).id);
    return saveDraft({ interviewId, ...(await readJson(request, saveDraftSchema)), now: requestNow(request) });
  });
}
