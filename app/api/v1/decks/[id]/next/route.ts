import { deckIdSchema, nextQuerySchema } from "@/lib/api-schemas";
import { handle } from "@/server/http";
import { requestNow } from "@/server/clock";
import { studyQueue } from "@/server/use-cases/study/study-queue";

export const dynamic = "force-dynamic";

/** The next card of a deck with today's counts; `?tz=` is the browser's IANA time zone. */
export async function GET(request: Request, ctx: RouteContext<"/api/v1/decks/[id]/next">) {
  return handle(async () => {
    const { id } = await ctx.params;
    const deckId = deckIdSchema.parse(id);
    const { tz } = nextQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    return studyQueue({ deckId, timeZone: tz, now: requestNow(request) });
  });
}
