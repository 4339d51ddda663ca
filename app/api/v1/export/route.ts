import { PassThrough, Readable } from "node:stream";
import { errorResponse } from "@/server/http";
import { exportAll } from "@/server/use-cases/backup";

export const dynamic = "force-dynamic";

/** Everything as one versioned JSON file (lib/backup/format.ts), streamed as it is read. */
export async function GET() {
  try {
    const now = new Date();
    const body = new PassThrough();
    exportAll({ out: body, now }).then(
      () => body.end(),
      (e: unknown) => {
        console.error("export failed:", e);
        body.destroy(e instanceof Error ? e : new Error(String(e)));
      },
    );
    return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, {
      headers: {
        "content-type": "application/json; charset=utf-8",
        "content-disposition": `attachment; filename="mianshi-export-${now.toISOString().slice(0, 10)}.json"`,
        "cache-control": "no-store",
      },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
