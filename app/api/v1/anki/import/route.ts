import { ankiImportQuerySchema } from "@/lib/api-schemas";
import { mayImportNotes } from "@/server/auth";
import { requestNow } from "@/server/clock";
import { ForbiddenError, ValidationError } from "@/server/errors";
import { handle, readBody, readForm } from "@/server/http";
import { ANKI_LIMITS } from "@/server/anki/read-package";
import { importAnkiPackage } from "@/server/use-cases/anki/import-anki-package";

export const dynamic = "force-dynamic";

/**
 * Imports an Anki package (.apkg, .colpkg): the raw body, or a multipart form whose `file` is the
 * package. 400 names what is wrong with it, 413 over the size caps, 403 from another machine
 * without a login; a refused package changes nothing.
 */
export async function POST(request: Request) {
  return handle(async () => {
    if (!mayImportNotes(request.headers)) throw new ForbiddenError("packages are imported from this machine only, or after a login (set a passphrase to import from elsewhere)");
    const query = ankiImportQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const what = `an Anki package (at most ${ANKI_LIMITS.packageBytes / 1024 / 1024} MB)`;
    let bytes: Uint8Array;
    let name = query.name;
    if (/^multipart\/form-data/i.test(request.headers.get("content-type") ?? "")) {
      const file = (await readForm(request, ANKI_LIMITS.packageBytes + 1024 * 1024, what)).get("file");
      if (file === null || typeof file === "string") throw new ValidationError("the form needs the package as its file field \"file\"");
      bytes = new Uint8Array(await file.arrayBuffer());
      name ??= file.name;
    } else {
      bytes = new Uint8Array(await readBody(request, ANKI_LIMITS.packageBytes, what));
    }
    if (bytes.length === 0) throw new ValidationError("the request has no package: send the .apkg as the body, or as the form field \"file\"");
    return importAnkiPackage({ bytes, name, now: requestNow(request) });
  });
}
