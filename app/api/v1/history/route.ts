import { MAX_HISTORY_BYTES } from "@/lib/history/schemas";
import { handle } from "@/server/http";
import { requestNow } from "@/server/clock";
import { PayloadTooLargeError, ValidationError } from "@/server/errors";
import { importHistory } from "@/server/use-cases/import-history";

export const dynamic = "force-dynamic";

/**
 * Imports a review history CSV (the request body, text/csv, Anki's export shape). A file with
 * a malformed row imports nothing: 400 naming the lines.
 */
export async function POST(request: Request) {
  return handle(async () => {
    const declared = Number(request.headers.get("content-length") ?? 0);
    if (declared > MAX_HISTORY_BYTES) throw new PayloadTooLargeError(`a history file may be at most ${MAX_HISTORY_BYTES / 1024 / 1024} MB`);
    const csvText = await request.text();
    if (Buffer.byteLength(csvText) > MAX_HISTORY_BYTES) throw new PayloadTooLargeError(`a history file may be at most ${MAX_HISTORY_BYTES / 1024 / 1024} MB`);
    const result = await importHistory({ csvText, now: requestNow(request) });
    if (!result.ok) {
      const shown = result.errors.slice(0, 10).map((e) => `line ${e.line}: ${e.message}`);
      throw new ValidationError(`nothing was imported: ${shown.join("; ")}${result.errors.length > 10 ? `; and ${result.errors.length - 10} more` : ""}`);
    }
    return result;
  });
}
