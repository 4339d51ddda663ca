/**
 * `npm run content -- import` while `npm start` serves the database: the files go to the
 * running server's import API (POST /api/v1/decks/import, over loopback) instead of being
 * imported by this process, so the server, which owns the database and has migrated it, does
 * the writing. Each deck file is sent with the images it links to beside it, into the group
 * (folder) its deck id names, with replace: a file already under the notes folder is imported
 * in place (same bytes, not rewritten), one from elsewhere is saved into the notes folder.
 */
import fs from "node:fs";
import path from "node:path";
import { notesImportSchema } from "../../lib/api-schemas";
import { linkedImages } from "../../lib/content/upload";
import type { DeckFile } from "../../server/content-files";

export interface ServerImportOutcome {
  ok: boolean;
  lines: string[];
  errors: string[];
}

/** Sends each deck file to the server; logs in first with MIANSHI_PASSPHRASE when the server asks for it. */
export async function importThroughServer(url: string, files: DeckFile[], env: Record<string, string | undefined> = process.env): Promise<ServerImportOutcome> {
  const outcome: ServerImportOutcome = { ok: true, lines: [], errors: [] };
  let cookie: string | undefined;
  const send = (body: FormData) => fetch(`${url}/api/v1/decks/import`, { method: "POST", body, headers: cookie ? { cookie } : {} });
  for (const file of files) {
    const form = new FormData();
    const slash = file.deckId.lastIndexOf("/");
    form.append("group", slash < 0 ? "" : file.deckId.slice(0, slash));
    form.append("replace", "1");
    const markdown = fs.readFileSync(file.absolute);
    form.append("files", new Blob([new Uint8Array(markdown)]), path.basename(file.absolute));
    for (const image of linkedImages(markdown.toString("utf8"))) {
      const at = path.join(path.dirname(file.absolute), ...image.split("/"));
      if (fs.existsSync(at) && fs.statSync(at).isFile()) form.append("files", new Blob([new Uint8Array(fs.readFileSync(at))]), image);
    }
    let res = await send(form);
    if (res.status === 401 && !cookie) {
      const passphrase = env.MIANSHI_PASSPHRASE;
      if (!passphrase) {
        outcome.ok = false;
        outcome.errors.push(`${url} asks for a login: set MIANSHI_PASSPHRASE for this command, or stop the server`);
        return outcome;
      }
      const login = await fetch(`${url}/api/v1/session`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ passphrase }) });
      const set = login.headers.get("set-cookie");
      if (!login.ok || !set) {
        outcome.ok = false;
        outcome.errors.push(`${url}: the login failed (${login.status})`);
        return outcome;
      }
      cookie = set.split(";")[0];
      res = await send(form);
    }
    const body = (await res.json().catch(() => null)) as unknown;
    if (!res.ok) {
      outcome.ok = false;
      const message = (body as { error?: { message?: string } } | null)?.error?.message ?? `HTTP ${res.status}`;
      outcome.lines.push(`${file.display}: not imported (errors below); the deck already in the database is unchanged`);
      outcome.errors.push(`${file.display}: ${message}`);
      continue;
    }
    for (const d of notesImportSchema.parse(body).decks) {
      outcome.lines.push(`${file.display}: ${d.added} added, ${d.updated} updated, ${d.retired} retired, ${d.unchanged} unchanged${d.status === "unchanged" ? " (file unchanged)" : ""}`);
    }
  }
  return outcome;
}
