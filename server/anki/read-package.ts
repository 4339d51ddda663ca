/**
 * Reads an Anki package (.apkg, .colpkg) into rows (lib/anki/types.ts). A package is untrusted:
 * every cap below is checked before the bytes it guards are inflated or read, and each failure
 * is an AnkiPackageError naming the problem.
 *
 * Layouts (Anki's rslib/src/import_export/package/meta.rs):
 * - `meta` absent: legacy. `collection.anki21` (else `collection.anki2`), schema 11, deflated;
 *   `media` is JSON `{"0": "name.jpg"}`, files stored under their number.
 * - `meta` = PackageMetadata { version = 1 } (protobuf): 1, 2 legacy as above; 3 latest:
 *   `collection.anki21b` zstd-compressed, schema 18; `media` a zstd-compressed protobuf
 *   MediaEntries { repeated MediaEntry { name = 1; size = 2; sha1 = 3; legacy_zip_filename = 255 } },
 *   each file zstd-compressed under its index. A latest package also carries a dummy
 *   `collection.anki2` ("please update Anki"): `meta` is read first so it is never taken.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { unzipSync } from "fflate";
import { Decompress } from "fzstd";
import { BinaryReader, WireType } from "@bufbuild/protobuf/wire";
import type { AnkiCard, AnkiCollection, AnkiDeck, AnkiNote, AnkiNotetype, AnkiRevlog, AnkiTemplate } from "@/lib/anki/types";
import { AppError } from "../errors";

/** A package that cannot be imported, and why (400; 413 when it is too large). */
export class AnkiPackageError extends AppError {
  constructor(code: string, message: string, status = 400) {
    super(code, message, status);
  }
}

export const ANKI_LIMITS = {
  /** the package file itself */
  packageBytes: 512 * 1024 * 1024,
  /** everything in it once inflated (the zip-bomb guard) */
  uncompressedBytes: 2 * 1024 * 1024 * 1024 - 1,
  /** one entry once inflated (a typed array cannot be larger) */
  entryBytes: 1024 * 1024 * 1024,
  entries: 100_000,
  notes: 200_000,
  cards: 400_000,
  revlog: 4_000_000,
  mediaFiles: 50_000,
};
export type AnkiLimits = typeof ANKI_LIMITS;

export interface AnkiMediaFile {
  name: string;
  bytes: Uint8Array;
}

export interface AnkiPackage {
  version: 1 | 2 | 3;
  collection: AnkiCollection;
  media: AnkiMediaFile[];
}

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

function unzip(bytes: Uint8Array, limits: AnkiLimits): Record<string, Uint8Array> {
  let total = 0;
  let count = 0;
  try {
    return unzipSync(bytes, {
      // sizes come from the central directory before anything is inflated; fflate inflates each
      // entry into a buffer of its declared size, so an entry that lies cannot grow past it
      filter: (file) => {
        if (++count > limits.entries) throw new AnkiPackageError("anki_too_many_entries", `the package holds more than ${limits.entries} files`);
        if (file.originalSize > limits.entryBytes) throw new AnkiPackageError("anki_too_large", `"${file.name}" inflates to ${mb(file.originalSize)}, over the ${mb(limits.entryBytes)} a file may have`, 413);
        total += file.originalSize;
        if (total > limits.uncompressedBytes) throw new AnkiPackageError("anki_too_large", `the package inflates to more than ${mb(limits.uncompressedBytes)} (a zip bomb?)`, 413);
        return true;
      },
    });
  } catch (e) {
    if (e instanceof AnkiPackageError) throw e;
    throw new AnkiPackageError("anki_not_a_zip", `not an Anki package: the file is not a readable zip (${e instanceof Error ? e.message : String(e)})`);
  }
}

/** zstd, stopping as soon as the output passes `cap` (a frame may claim any size). */
function unzstd(bytes: Uint8Array, what: string, cap: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    const stream = new Decompress((chunk) => {
      size += chunk.length;
      if (size > cap) throw new AnkiPackageError("anki_too_large", `${what} decompresses to more than ${mb(cap)} (a zip bomb?)`, 413);
      chunks.push(chunk);
    });
    const STEP = 1 << 20;
    for (let at = 0; at < bytes.length; at += STEP) stream.push(bytes.subarray(at, at + STEP), at + STEP >= bytes.length);
    if (bytes.length === 0) stream.push(bytes, true);
  } catch (e) {
    if (e instanceof AnkiPackageError) throw e;
    throw new AnkiPackageError("anki_corrupt", `${what} is not valid zstd data (${e instanceof Error ? e.message : String(e)})`);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Reads protobuf fields (number → values) of one message; nested messages stay bytes. */
function protoFields(bytes: Uint8Array, what: string): Map<number, Array<number | Uint8Array>> {
  const fields = new Map<number, Array<number | Uint8Array>>();
  try {
    const reader = new BinaryReader(bytes);
    while (reader.pos < reader.len) {
      const [no, wire] = reader.tag();
      let value: number | Uint8Array | null = null;
      if (wire === WireType.Varint) value = Number(reader.uint64());
      else if (wire === WireType.LengthDelimited) value = reader.bytes();
      else reader.skip(wire);
      if (value !== null) fields.set(no, [...(fields.get(no) ?? []), value]);
    }
  } catch {
    throw new AnkiPackageError("anki_corrupt", `${what} is not valid protobuf`);
  }
  return fields;
}
const text = (v: number | Uint8Array | undefined) => (v instanceof Uint8Array ? new TextDecoder().decode(v) : "");
const num = (v: number | Uint8Array | undefined) => (typeof v === "number" ? v : 0);

function packageVersion(entries: Record<string, Uint8Array>): 1 | 2 | 3 {
  const meta = entries["meta"];
  if (!meta) {
    if (entries["collection.anki21"]) return 2;
    if (entries["collection.anki2"]) return 1;
    throw new AnkiPackageError("anki_not_a_package", "not an Anki package: it holds no collection (collection.anki21b, collection.anki21 or collection.anki2)");
  }
  const version = num(protoFields(meta, "the package's meta")?.get(1)?.[0]);
  if (version === 1 || version === 2 || version === 3) return version;
  throw new AnkiPackageError("anki_unsupported_version", `the package says it is format version ${version}, which this version of Mianshi does not know (it reads versions 1 to 3: Anki 2.0 to today's)`);
}

function media(entries: Record<string, Uint8Array>, version: 1 | 2 | 3, limits: AnkiLimits): AnkiMediaFile[] {
  const index = entries["media"];
  if (!index) return [];
  const named: Array<{ name: string; entry: string }> = [];
  if (version === 3) {
    const list = protoFields(unzstd(index, "the media list", limits.entryBytes), "the media list").get(1) ?? [];
    list.forEach((raw, i) => {
      const f = protoFields(raw instanceof Uint8Array ? raw : new Uint8Array(), "a media entry");
      const legacy = f.get(255)?.[0];
      named.push({ name: text(f.get(1)?.[0]), entry: String(legacy === undefined ? i : num(legacy)) });
    });
  } else {
    let map: unknown;
    try {
      map = JSON.parse(new TextDecoder().decode(index));
    } catch {
      throw new AnkiPackageError("anki_corrupt", "the media map is not JSON");
    }
    if (typeof map !== "object" || map === null || Array.isArray(map)) throw new AnkiPackageError("anki_corrupt", "the media map is not a JSON object");
    for (const [entry, name] of Object.entries(map)) named.push({ name: typeof name === "string" ? name : "", entry });
  }
  if (named.length > limits.mediaFiles) throw new AnkiPackageError("anki_too_many_rows", `the package has ${named.length} media files; at most ${limits.mediaFiles} are imported`);
  return named.map(({ name, entry }) => {
    checkMediaName(name);
    const bytes = entries[entry];
    if (!bytes) throw new AnkiPackageError("anki_corrupt", `the media file "${name}" is listed but missing from the package`);
    return { name, bytes: version === 3 ? unzstd(bytes, `the media file "${name}"`, limits.entryBytes) : bytes };
  });
}

/** A media name is one plain file name: nothing that climbs out of the media folder or hides. */
export function checkMediaName(name: string): void {
  const bad = name === "" || name.length > 255 || /[/\\\u0000-\u001f]/u.test(name) || name.startsWith(".") || path.basename(name) !== name;
  if (bad) throw new AnkiPackageError("anki_media_name", `the media file name ${JSON.stringify(name)} is not a plain file name (it would leave the media folder): nothing was imported`);
}

type Row = Record<string, unknown>;
const int = (v: unknown) => (typeof v === "number" ? v : typeof v === "bigint" ? Number(v) : Number(v ?? 0));
const str = (v: unknown) => (typeof v === "string" ? v : v instanceof Uint8Array ? new TextDecoder().decode(v) : String(v ?? ""));

function readCollection(file: string, version: 1 | 2 | 3, limits: AnkiLimits): AnkiCollection {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw new AnkiPackageError("anki_corrupt", `the collection cannot be opened as SQLite (${e instanceof Error ? e.message : String(e)})`);
  }
  try {
    let col: Row | undefined;
    try {
      col = db.prepare("SELECT crt, ver, models, decks FROM col LIMIT 1").get() as Row | undefined;
    } catch (e) {
      throw new AnkiPackageError("anki_corrupt", `the collection is not an Anki collection (${e instanceof Error ? e.message : String(e)})`);
    }
    if (!col) throw new AnkiPackageError("anki_corrupt", "the collection is not an Anki collection (its col table is empty)");
    const ver = int(col.ver);
    if (ver !== 11 && ver !== 18) throw new AnkiPackageError("anki_unsupported_schema", `the collection has schema version ${ver}; Mianshi reads 11 (legacy packages) and 18 (current ones)`);
    if (version === 3 && ver !== 18) throw new AnkiPackageError("anki_unsupported_schema", `a current package should hold a schema 18 collection, this one is ${ver}`);
    const counted = (table: string, limit: number, what: string) => {
      const n = int((db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as Row).n);
      if (n > limit) throw new AnkiPackageError("anki_too_many_rows", `the collection has ${n} ${what}; at most ${limit} are imported`);
    };
    try {
      counted("notes", limits.notes, "notes");
      counted("cards", limits.cards, "cards");
      counted("revlog", limits.revlog, "reviews");
      const { notetypes, decks } = ver === 11 ? schema11(col) : schema18(db);
      const notes = (db.prepare("SELECT id, guid, mid, mod, tags, flds FROM notes").all() as Row[]).map((r): AnkiNote => ({ id: int(r.id), guid: str(r.guid), mid: int(r.mid), mod: int(r.mod), tags: str(r.tags), flds: str(r.flds) }));
      const cards = (db.prepare("SELECT id, nid, did, ord, type, queue, due, ivl, reps, lapses, odue, odid, flags, data FROM cards").all() as Row[]).map(
        (r): AnkiCard => ({ id: int(r.id), nid: int(r.nid), did: int(r.did), ord: int(r.ord), type: int(r.type), queue: int(r.queue), due: int(r.due), ivl: int(r.ivl), reps: int(r.reps), lapses: int(r.lapses), odue: int(r.odue), odid: int(r.odid), flags: int(r.flags), data: str(r.data) }),
      );
      const revlog = (db.prepare("SELECT id, cid, ease, time, type FROM revlog").all() as Row[]).map((r): AnkiRevlog => ({ id: int(r.id), cid: int(r.cid), ease: int(r.ease), time: int(r.time), type: int(r.type) }));
      return { schema: ver, crt: int(col.crt), notetypes, decks, notes, cards, revlog };
    } catch (e) {
      if (e instanceof AnkiPackageError) throw e;
      throw new AnkiPackageError("anki_corrupt", `the collection cannot be read (${e instanceof Error ? e.message : String(e)})`);
    }
  } finally {
    db.close();
  }
}

/** Schema 11: note types and decks are JSON objects in `col.models` and `col.decks`, by id. */
function schema11(col: Row): { notetypes: AnkiNotetype[]; decks: AnkiDeck[] } {
  let models: Record<string, Row>;
  let decks: Record<string, Row>;
  try {
    models = JSON.parse(str(col.models)) as Record<string, Row>;
    decks = JSON.parse(str(col.decks)) as Record<string, Row>;
  } catch {
    throw new AnkiPackageError("anki_corrupt", "the collection's note types or decks are not JSON");
  }
  const notetypes = Object.values(models).map((m): AnkiNotetype => {
    const flds = Array.isArray(m.flds) ? (m.flds as Row[]) : [];
    const tmpls = Array.isArray(m.tmpls) ? (m.tmpls as Row[]) : [];
    return {
      id: int(m.id),
      name: str(m.name),
      kind: int(m.type) === 1 ? "cloze" : "normal",
      fields: [...flds].sort((a, b) => int(a.ord) - int(b.ord)).map((f) => str(f.name)),
      templates: tmpls.map((t): AnkiTemplate => ({ name: str(t.name), ord: int(t.ord), qfmt: str(t.qfmt), afmt: str(t.afmt) })),
    };
  });
  return { notetypes, decks: Object.values(decks).map((d) => ({ id: int(d.id), name: str(d.name) })) };
}

/**
 * Schema 18: tables, with protobuf configs: NotetypeConfig { kind = 1 (1: cloze) },
 * CardTemplate.Config { q_format = 1; a_format = 2 }. Fields are joined to their note type
 * (Anki's exporter leaves the stock note types' field rows behind).
 */
function schema18(db: Database.Database): { notetypes: AnkiNotetype[]; decks: AnkiDeck[] } {
  const fields = db.prepare("SELECT f.ntid, f.ord, f.name FROM fields f JOIN notetypes n ON n.id = f.ntid").all() as Row[];
  const templates = db.prepare("SELECT t.ntid, t.ord, t.name, t.config FROM templates t JOIN notetypes n ON n.id = t.ntid").all() as Row[];
  const notetypes = (db.prepare("SELECT id, name, config FROM notetypes").all() as Row[]).map((n): AnkiNotetype => {
    const id = int(n.id);
    const config = protoFields(n.config instanceof Uint8Array ? n.config : new Uint8Array(), "a note type's config");
    return {
      id,
      name: str(n.name),
      kind: num(config.get(1)?.[0]) === 1 ? "cloze" : "normal",
      fields: fields
        .filter((f) => int(f.ntid) === id)
        .sort((a, b) => int(a.ord) - int(b.ord))
        .map((f) => str(f.name)),
      templates: templates
        .filter((t) => int(t.ntid) === id)
        .map((t) => {
          const c = protoFields(t.config instanceof Uint8Array ? t.config : new Uint8Array(), "a card template's config");
          return { name: str(t.name), ord: int(t.ord), qfmt: text(c.get(1)?.[0]), afmt: text(c.get(2)?.[0]) };
        }),
    };
  });
  const decks = (db.prepare("SELECT id, name FROM decks").all() as Row[]).map((d) => ({ id: int(d.id), name: str(d.name) }));
  return { notetypes, decks };
}

/** Opens a package (see the file comment). The collection goes through a temporary file, removed after. */
export function readAnkiPackage(bytes: Uint8Array, limits: AnkiLimits = ANKI_LIMITS): AnkiPackage {
  if (bytes.length > limits.packageBytes) throw new AnkiPackageError("anki_too_large", `the package is ${mb(bytes.length)}; at most ${mb(limits.packageBytes)} is imported`, 413);
  const entries = unzip(bytes, limits);
  const version = packageVersion(entries);
  const name = version === 3 ? "collection.anki21b" : version === 2 && entries["collection.anki21"] ? "collection.anki21" : "collection.anki2";
  const raw = entries[name];
  if (!raw) throw new AnkiPackageError("anki_not_a_package", `the package has no ${name}`);
  const collectionBytes = version === 3 ? unzstd(raw, "the collection", limits.entryBytes) : raw;
  const mediaFiles = media(entries, version, limits);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mianshi-anki-"));
  try {
    const file = path.join(dir, "collection.sqlite");
    fs.writeFileSync(file, collectionBytes);
    return { version, collection: readCollection(file, version, limits), media: mediaFiles };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
