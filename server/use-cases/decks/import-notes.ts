/**
 * Imports pasted or uploaded notes: saves them as markdown files under the notes folder (the
 * files stay the source of truth: editing them later is editing any deck) with their images
 * beside them, then imports those files through the one content import (importContent: each
 * deck in its own transaction, cards updated by id, history never deleted).
 *
 * Nothing is written when any deck has an error (a ValidationError naming file:line), and no
 * file or deck is overwritten unless `replace` is given: then it is a re-import of that deck.
 * A file whose bytes are already on disk is not rewritten, so a watcher of the notes folder can
 * call this with one changed file (`{ files: [{ name, bytes }], group, replace: true }`).
 */
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { formatError } from "@/lib/content/format";
import type { NotesImport } from "@/lib/api-schemas";
import type { PlannedFile } from "@/lib/content/upload";
import { db as defaultDb } from "../../db";
import { ConflictError, ValidationError } from "../../errors";
import { importContent } from "../import-content";
import { prepareNotes, type PreviewNotesOptions } from "./preview-notes";

export interface ImportNotesOptions extends PreviewNotesOptions {
  now?: Date;
}

/** What to put back should the import fail after the files were written. */
type Undo = () => void;

export async function importNotes(options: ImportNotesOptions): Promise<NotesImport> {
  const database = options.db ?? defaultDb();
  const prepared = prepareNotes({ ...options, db: database });
  const { preview, root } = prepared;
  if (preview.errors.length > 0) {
    const shown = preview.errors.slice(0, 10).map(formatError);
    throw new ValidationError(`nothing was imported: ${shown.join("; ")}${preview.errors.length > 10 ? `; and ${preview.errors.length - 10} more` : ""}`);
  }
  if (!options.replace && preview.conflicts.length > 0) {
    throw new ConflictError(`nothing was imported: ${preview.conflicts.join(", ")} already exist${preview.conflicts.length === 1 ? "s" : ""}; import with replace to import over ${preview.conflicts.length === 1 ? "it" : "them"} (review history is kept)`);
  }

  const undo: Undo[] = [];
  const rollback = () => {
    for (const u of undo.reverse()) {
      try {
        u();
      } catch {
        /* best effort: the file stays, and a later import reads it */
      }
    }
  };
  try {
    fs.mkdirSync(/*turbopackIgnore: true*/ root, { recursive: true });
    for (const image of prepared.images) save(root, image, options.replace === true, undo);
    const written = prepared.decks.map((d) => save(root, d, options.replace === true, undo));
    const result = await importContent({ db: database, paths: written, contentRoot: root, now: options.now });
    if (result.errors.length > 0) throw new ValidationError(`nothing was imported: ${result.errors.slice(0, 10).map(formatError).join("; ")}`);
    return {
      decks: result.decks.map((d, i) => ({
        deckId: d.deckId,
        file: prepared.decks[i]?.target ?? d.source,
        title: d.title ?? "",
        status: d.status === "unchanged" ? "unchanged" : "imported",
        added: d.added,
        updated: d.updated,
        retired: d.retired,
        unchanged: d.unchanged,
      })),
      images: prepared.images.map((i) => i.target),
    };
  } catch (e) {
    rollback();
    throw e;
  }
}

/**
 * Writes one file under the notes folder and returns its absolute path. Its folder, once made,
 * must really be inside the notes folder (a symbolic link in it to elsewhere is refused); a file
 * with the same bytes is left as it is; an existing one is only replaced with `replace`, through
 * a temporary file renamed over it, and put back by `undo` should the import fail.
 */
function save(root: string, file: PlannedFile, replace: boolean, undo: Undo[]): string {
  const absolute = path.join(root, ...file.target.split("/"));
  if (!absolute.startsWith(root + path.sep)) throw new ValidationError(`${file.name}: the name would leave the notes folder`);
  const folder = path.dirname(absolute);
  const made = firstMissing(root, folder);
  fs.mkdirSync(/*turbopackIgnore: true*/ folder, { recursive: true });
  if (made) undo.push(() => fs.rmSync(/*turbopackIgnore: true*/ made, { recursive: true, force: true }));
  const realRoot = fs.realpathSync(/*turbopackIgnore: true*/ root);
  const realFolder = fs.realpathSync(/*turbopackIgnore: true*/ folder);
  if (realFolder !== realRoot && !realFolder.startsWith(realRoot + path.sep)) throw new ValidationError(`${file.target}: its folder leads outside the notes folder`);
  let old: Buffer | null = null;
  try {
    const stat = fs.lstatSync(/*turbopackIgnore: true*/ absolute);
    if (!stat.isFile()) throw new ConflictError(`${file.target} exists and is not a file`);
    old = fs.readFileSync(/*turbopackIgnore: true*/ absolute);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
  if (old && Buffer.compare(old, file.bytes) === 0) return absolute;
  if (old && !replace) throw new ConflictError(`${file.target} already exists: import with replace to import over it`);
  if (!old) {
    try {
      // "wx": another import that created it meanwhile is not overwritten
      fs.writeFileSync(/*turbopackIgnore: true*/ absolute, file.bytes, { flag: "wx" });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "EEXIST") throw new ConflictError(`${file.target} already exists: import with replace to import over it`);
      throw e;
    }
    undo.push(() => fs.rmSync(/*turbopackIgnore: true*/ absolute, { force: true }));
    return absolute;
  }
  const temporary = `${absolute}.${crypto.randomBytes(6).toString("hex")}.tmp`;
  fs.writeFileSync(/*turbopackIgnore: true*/ temporary, file.bytes, { flag: "wx" });
  fs.renameSync(/*turbopackIgnore: true*/ temporary, absolute);
  const previous = old;
  undo.push(() => fs.writeFileSync(/*turbopackIgnore: true*/ absolute, previous));
  return absolute;
}

/** The outermost folder between `root` and `folder` that does not exist yet (made by this import), or null. */
function firstMissing(root: string, folder: string): string | null {
  let missing: string | null = null;
  for (let f = folder; f !== root && f.startsWith(root + path.sep); f = path.dirname(f)) {
    if (!fs.existsSync(/*turbopackIgnore: true*/ f)) missing = f;
  }
  return missing;
}
