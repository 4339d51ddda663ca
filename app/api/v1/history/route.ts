import { MAX_HISTORY_BYTES } from "@/lib/history/schemas";
import { handle, readBody } from "@/server/http";
import { requestNow } from "@/server/clock";
import { ValidationError } from "@/server/errors";
import { importHistory } from "@/server/use-cases/import-history";

export const dynamic = "force-dynamic";

/**
 * Imports a review history CSV (the request body, text/csv, Anki's export shape). A file with
 * a malformed row imports nothing: 400 naming the lines. Over MAX_HISTORY_BYTES, or cut short
 * on the way, it is a 413 and nothing is parsed.
 */
export async function POST(request: Request) {
  return handle(async () => {
    const csvText = new TextDecoder().decode(await readBody(request, MAX_HISTORY_BYTES, "a history file"));
    const result = await importHistory({ csvText, now: requestNow(request) });
    if (!result.ok) {
      const shown = result.errors.slice(0, 10).map((e) => `line ${e.line}: ${e.message}`);
      throw new ValidationError(`nothing was imported: ${shown.join("; ")}${result.errors.length > 10 ? `; and ${result.errors.length - 10} more` : ""}`);
    }
    return result;
  });
}
