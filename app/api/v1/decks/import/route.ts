import { importNotesFieldsSchema, importNotesQuerySchema, type NotesImport, type NotesPreview } from "@/lib/api-schemas";
import { UPLOAD_LIMITS, type UploadedFile } from "@/lib/content/upload";
import { mayImportNotes } from "@/server/auth";
import { requestNow } from "@/server/clock";
import { ForbiddenError, ValidationError } from "@/server/errors";
import { handle, readForm } from "@/server/http";
import { importNotes } from "@/server/use-cases/decks/import-notes";
import { previewNotes } from "@/server/use-cases/decks/preview-notes";

export const dynamic = "force-dynamic";

/** The form around the files: boundaries, headers and the text fields. */
const FORM_OVERHEAD_BYTES = 1024 * 1024;

/**
 * Imports notes: a multipart form with `files` (.md, images, .zip), and/or `text` (pasted
 * markdown), `title`, `group`, `replace`. `?preview=1` answers what the import would do and
 * writes nothing. 400 names what is wrong (file:line), 409 when a deck or file exists and
 * `replace` was not given, 413 over the caps, 403 from another machine without a passphrase.
 */
export async function POST(request: Request) {
  return handle(async (): Promise<NotesPreview | NotesImport> => {
    if (!mayImportNotes(request.headers)) throw new ForbiddenError("notes are imported from this machine only, or after a login (set a passphrase to import from elsewhere)");
    const query = importNotesQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const form = await readForm(request, UPLOAD_LIMITS.totalBytes + FORM_OVERHEAD_BYTES, `an upload (at most ${UPLOAD_LIMITS.totalBytes / 1024 / 1024} MB of files)`);
    const fields: Record<string, string> = {};
    const files: UploadedFile[] = [];
    for (const [key, value] of form.entries()) {
      if (key === "files") {
        if (typeof value === "string") throw new ValidationError("files must be files (multipart parts with a filename)");
        files.push({ name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) });
      } else if (typeof value !== "string") {
        throw new ValidationError(`${key}: only "files" may hold files`);
      } else if (key in fields) {
        throw new ValidationError(`${key} is given twice`);
      } else fields[key] = value;
    }
    const input = importNotesFieldsSchema.parse(fields);
    // a form's text field travels with CRLF line breaks (HTML's form encoding): saved as typed
    const options = { files, text: input.text?.replace(/\r\n?/g, "\n"), title: input.title, group: input.group, replace: (input.replace ?? query.replace) === true };
    if (query.preview) return previewNotes(options);
    return importNotes({ ...options, now: requestNow(request) });
  });
}
