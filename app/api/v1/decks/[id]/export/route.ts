import { PassThrough, Readable } from "node:stream";
import { deckIdSchema } from "@/lib/api-schemas";
import { errorResponse } from "@/server/http";
import { prepareDeckCsv } from "@/server/use-cases/backup";

export const dynamic = "force-dynamic";

/** The deck's cards with their schedule as CSV; 404 for an unknown deck. */
export async function GET(_request: Request, ctx: RouteContext<"/api/v1/decks/[id]/export">) {
  try {
    const deckId = deckIdSchema.parse((await ctx.params).id);
    const csv = prepareDeckCsv({ deckId });
    const body = new PassThrough();
    csv.write(body).then(
      () => body.end(),
      (e: unknown) => {
        console.error("deck export failed:", e);
        body.destroy(e instanceof Error ? e : new Error(String(e)));
      },
    );
    const ascii = csv.filename.replace(/[^\x20-\x7e]|["\\]/g, "_");
    return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(csv.filename)}`,
        "cache-control": "no-store",
      },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
