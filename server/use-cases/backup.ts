/**
 * Backup and portability: the whole database as one versioned JSON file (streamed out, and
 * restored only into an empty database, in one transaction), a deck's cards as CSV, and
 * dated copies of the SQLite file kept for N days.
 */
import fs from "node:fs";
import path from "node:path";
import { once } from "node:events";
import { StringDecoder } from "node:string_decoder";
import type { Writable } from "node:stream";
import Database from "better-sqlite3";
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  ExportFormatError,
  TABLES,
  booleanColumnsOf,
  columnsOf,
  parseExportHeader,
  parseHeaderOnly,
  parseRow,
  type ExportHeader,
  type TableSpec,
} from "@/lib/backup/format";
import { UTF8_BOM, csvRecord } from "@/lib/backup/csv";
import { db as defaultDb, type Db } from "../db";
import { ConflictError, NotFoundError, PayloadTooLargeError, ValidationError } from "../errors";

/** Tables with an AUTOINCREMENT counter worth carrying over. */
const SEQUENCE_TABLES = ["Review", "Preset"];
/** Bytes buffered before a write to the output stream. */
const CHUNK_BYTES = 256 * 1024;
/** The largest export `restoreAll` reads (a JS string cannot be much larger). */
export const MAX_RESTORE_BYTES = 512 * 1024 * 1024;

/** The page cache during a restore, in KiB (SQLite's negative cache_size). */
const RESTORE_CACHE_KIB = -262144;

const quote = (name: string) => `"${name}"`;

/**
 * A read-only connection of its own, in one read transaction: the export sees one consistent
 * snapshot (WAL), never blocks writers, and leaves the shared connection free while the
 * output stream is slow (an iterating better-sqlite3 connection cannot run anything else).
 */
function openSnapshot(database: Db): Database.Database {
  const reader = new Database(database.file, { readonly: true, fileMustExist: true, timeout: 5000 });
  reader.exec("BEGIN");
  return reader;
}

/** Waits until the stream wants more, failing if it closes or errors first. */
function drained(out: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (e?: Error) => {
      out.off("drain", onDrain);
      out.off("close", onClose);
      out.off("error", done);
      if (e) reject(e);
      else resolve();
    };
    const onDrain = () => done();
    const onClose = () => done(new Error("the output stream was closed"));
    out.on("drain", onDrain);
    out.on("close", onClose);
    out.on("error", done);
  });
}

/** Writes text to a stream in chunks, waiting for 'drain' when the stream asks to. */
class ChunkWriter {
  private buffer = "";
  constructor(private readonly out: Writable) {}
  /** Returns a promise only when the chunk went out and the stream asked to wait. */
  write(s: string): Promise<void> | undefined {
    this.buffer += s;
    return this.buffer.length >= CHUNK_BYTES ? this.flush() : undefined;
  }
  async flush(): Promise<void> {
    if (this.buffer === "") return;
    const chunk = this.buffer;
    this.buffer = "";
    if (this.out.destroyed) throw new Error("the output stream was closed");
    if (!this.out.write(chunk)) await drained(this.out);
  }
}

type Output = Writable | string;

/** Runs `write` into a stream, or into a file written beside the target and renamed when complete. */
async function withOutput(out: Output, write: (w: ChunkWriter) => Promise<void>): Promise<void> {
  if (typeof out !== "string") {
    const w = new ChunkWriter(out);
    await write(w);
    await w.flush();
    return;
  }
  const tmp = `${out}.${process.pid}.partial`;
  const stream = fs.createWriteStream(tmp);
  try {
    await once(stream, "open"); // rejects with the error of a missing folder, say
    const w = new ChunkWriter(stream);
    await write(w);
    await w.flush();
    stream.end();
    await once(stream, "finish");
    fs.renameSync(tmp, out);
  } catch (e) {
    stream.destroy();
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

export interface ExportSummary {
  rows: Record<string, number>;
}

/**
 * Streams every table as one JSON document (`lib/backup/format.ts`), one row per line, never
 * holding more than a chunk in memory. `out` is a stream (left open) or a file path (written
 * atomically).
 */
export async function exportAll(options: { db?: Db; out: Output; now?: Date }): Promise<ExportSummary> {
  const database = options.db ?? defaultDb();
  const now = options.now ?? new Date();
  const reader = openSnapshot(database);
  const rows: Record<string, number> = {};
  try {
    const seqRows = reader.prepare(`SELECT name, seq FROM sqlite_sequence WHERE name IN (${SEQUENCE_TABLES.map(() => "?").join(",")}) ORDER BY name`).all(...SEQUENCE_TABLES) as Array<{ name: string; seq: number }>;
    const sequences = Object.fromEntries(seqRows.map((r) => [r.name, r.seq]));
    await withOutput(options.out, async (w) => {
      const header = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now.toISOString(), sequences };
      await w.write(JSON.stringify(header).slice(0, -1) + ',"tables":{');
      for (const [t, spec] of TABLES.entries()) {
        const columns = columnsOf(spec);
        const booleans = booleanColumnsOf(spec);
        const stmt = reader.prepare(`SELECT ${columns.map(quote).join(", ")} FROM ${quote(spec.sqlTable)} ORDER BY ${spec.primaryKey.map(quote).join(", ")}`);
        await w.write(`${t === 0 ? "" : ","}\n"${spec.name}":[`);
        let n = 0;
        for (const row of stmt.iterate() as IterableIterator<Record<string, unknown>>) {
          for (const b of booleans) row[b] = row[b] === 1;
          const wait = w.write(`${n === 0 ? "\n" : ",\n"}${JSON.stringify(row)}`);
          if (wait) await wait;
          n++;
        }
        await w.write("]");
        rows[spec.name] = n;
      }
      await w.write("}}\n");
    });
  } finally {
    reader.close();
  }
  return { rows };
}

/** Row counts of the tables that make a database non-empty. */
function contents(sqlite: Database.Database): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const spec of TABLES) counts[spec.name] = (sqlite.prepare(`SELECT count(*) AS n FROM ${quote(spec.sqlTable)}`).get() as { n: number }).n;
  return counts;
}

function isEmpty(sqlite: Database.Database): { empty: boolean; counts: Record<string, number> } {
  const counts = contents(sqlite);
  // a migrated database holds the default preset (id 1): the export's presets replace it
  const presets = sqlite.prepare(`SELECT id FROM Preset`).all() as Array<{ id: number }>;
  const empty = Object.entries(counts).every(([name, n]) => name === "presets" || n === 0) && presets.every((p) => p.id === 1);
  return { empty, counts };
}

export interface RestoreSummary {
  exportedAt: string;
  rows: Record<string, number>;
}

/**
 * Restores an export into an empty, migrated database: every row validated (the error names
 * the table, the row index and what is wrong), all inserted in one transaction in foreign-key
 * order. On any error nothing is written.
 */
export async function restoreAll(options: { db?: Db; file?: string; text?: string }): Promise<RestoreSummary> {
  const database = options.db ?? defaultDb();
  const sqlite = database.sqlite;
  const before = isEmpty(sqlite);
  if (!before.empty) {
    const what = Object.entries(before.counts).filter(([name, n]) => n > 0 && name !== "presets").map(([name, n]) => `${n} ${name}`);
    throw new ConflictError(`the database is not empty (${what.join(", ") || "custom presets"}): restore only into a new, empty database (set DATABASE_URL to a new file)`);
  }

  const source = options.text !== undefined ? parsedSource(options.text) : fileSource(options.file);
  try {
    const rows: Record<string, number> = {};
    const run = sqlite.transaction(() => {
      // only the default preset can be here (checked above, checked again inside the write lock)
      if (!isEmpty(sqlite).empty) throw new ConflictError("the database is not empty: restore only into a new, empty database");
      sqlite.prepare(`DELETE FROM Preset`).run();
      // secondary indexes are dropped and built again once the rows are in: several times
      // faster than updating them row by row. Unique indexes stay, so a duplicate is reported
      // with its row. All of it is inside the transaction: an error rolls the indexes back too.
      const indexes = sqlite
        .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE %' AND tbl_name IN (${TABLES.map(() => "?").join(",")})`)
        .all(...TABLES.map((t) => t.sqlTable)) as Array<{ name: string; sql: string }>;
      for (const index of indexes) sqlite.exec(`DROP INDEX ${quote(index.name)}`);
      for (const [spec, tableRows] of source.tables()) rows[spec.name] = insertTable(sqlite, spec, tableRows);
      for (const index of indexes) sqlite.exec(index.sql);
      for (const [name, seq] of Object.entries(source.header.sequences ?? {})) {
        if (!SEQUENCE_TABLES.includes(name)) continue;
        const updated = sqlite.prepare(`UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = ?`).run(seq, name);
        if (updated.changes === 0) sqlite.prepare(`INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)`).run(name, seq);
      }
      const fk = sqlite.pragma("foreign_key_check") as unknown[];
      if (fk.length > 0) throw new ValidationError(`the export has rows that reference missing rows: ${JSON.stringify(fk.slice(0, 5))}`);
    });
    // a bigger page cache while the indexes of a million rows are built (restored after)
    const cacheSize = sqlite.pragma("cache_size", { simple: true }) as number;
    sqlite.pragma(`cache_size = ${RESTORE_CACHE_KIB}`);
    try {
      run.immediate();
    } finally {
      sqlite.pragma(`cache_size = ${cacheSize}`);
    }
    return { exportedAt: source.header.exportedAt, rows };
  } catch (e) {
    throw asValidationError(e);
  } finally {
    source.close();
  }
}

function asValidationError(e: unknown): unknown {
  return e instanceof ExportFormatError ? new ValidationError(e.message) : e;
}

/** Where restoreAll reads an export from: its header, then each table's rows in order. */
interface RestoreSource {
  header: ExportHeader;
  tables(): Iterable<[TableSpec, Iterable<unknown>]>;
  close(): void;
}

function parseJson(text: string, where = ""): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ValidationError(`not a Mianshi export: the file is not valid JSON (${where}${e instanceof Error ? e.message : String(e)})`);
  }
}

/** A whole export in memory: parsed at once (up to MAX_RESTORE_BYTES), rows validated as inserted. */
function parsedSource(text: string): RestoreSource {
  // a byte order mark (an editor saved the file as "UTF-8 with BOM") is no content
  text = text.replace(/^\uFEFF/, "");
  if (text.length > MAX_RESTORE_BYTES) throw new PayloadTooLargeError(`the export is over the ${MAX_RESTORE_BYTES} bytes a restore reads at once`);
  let data: ReturnType<typeof parseExportHeader>;
  try {
    data = parseExportHeader(parseJson(text));
  } catch (e) {
    throw asValidationError(e);
  }
  return { header: data, tables: () => TABLES.map((spec) => [spec, data.tables[spec.name]] as [TableSpec, unknown[]]), close() {} };
}

/** Reads a file line by line, synchronously (a better-sqlite3 transaction cannot await). */
class LineReader {
  private readonly fd: number;
  private readonly decoder = new StringDecoder("utf8");
  private readonly buffer = Buffer.alloc(1 << 20);
  private pending = "";
  private done = false;
  line = 0;
  constructor(file: string) {
    this.fd = fs.openSync(file, "r");
  }
  next(): string | null {
    for (;;) {
      const nl = this.pending.indexOf("\n");
      if (nl >= 0) {
        const line = this.pending.slice(0, nl);
        this.pending = this.pending.slice(nl + 1);
        this.line++;
        return line;
      }
      if (this.done) {
        if (this.pending === "") return null;
        const line = this.pending;
        this.pending = "";
        this.line++;
        return line;
      }
      const n = fs.readSync(this.fd, this.buffer, 0, this.buffer.length, null);
      if (n === 0) {
        this.done = true;
        this.pending += this.decoder.end();
      } else this.pending += this.decoder.write(this.buffer.subarray(0, n));
    }
  }
  close() {
    fs.closeSync(this.fd);
  }
}

const TABLES_OPEN = ',"tables":{';

/**
 * A file. An export as `exportAll` writes it (the header on the first line, then one row per
 * line) is streamed row by row, so its size is not limited by memory; any other layout of
 * valid JSON (a reformatted file) is parsed whole, up to MAX_RESTORE_BYTES.
 */
function fileSource(file: string | undefined): RestoreSource {
  if (!file) throw new ValidationError("restoreAll needs a file or a text");
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    throw new NotFoundError(`no such file: ${file}`);
  }
  const reader = new LineReader(file);
  const first = (reader.next() ?? "").replace(/^\uFEFF/, "");
  if (!(first.startsWith('{"format":') && first.endsWith(TABLES_OPEN))) {
    reader.close();
    if (size > MAX_RESTORE_BYTES) throw new PayloadTooLargeError(`${file} is ${size} bytes, over the ${MAX_RESTORE_BYTES} bytes a restore reads at once (an export written by Mianshi, one row per line, has no limit)`);
    return parsedSource(fs.readFileSync(file, "utf8"));
  }
  let header: ExportHeader;
  try {
    header = parseHeaderOnly(parseJson(first.slice(0, -TABLES_OPEN.length) + "}", "line 1: "));
  } catch (e) {
    reader.close();
    throw asValidationError(e);
  }
  const bad = (message: string) => new ValidationError(`line ${reader.line}: ${message}`);
  function* rowsOf(spec: TableSpec, state: { ended: boolean }): Generator<unknown> {
    for (;;) {
      const row = reader.next();
      if (row === null) throw bad(`the file ends inside table "${spec.name}"`);
      const end = row.endsWith("]}}") ? 3 : row.endsWith("],") ? 2 : row.endsWith(",") ? 1 : 0;
      if (end === 0) throw bad(`expected a row of table "${spec.name}"`);
      yield parseJson(row.slice(0, -end), `line ${reader.line}: `);
      if (end === 3) state.ended = true;
      if (end >= 2) return;
    }
  }
  function* tables(): Generator<[TableSpec, Iterable<unknown>]> {
    const state = { ended: false };
    for (const spec of TABLES as readonly TableSpec[]) {
      if (state.ended && spec.optional) {
        yield [spec, []];
        continue;
      }
      const line = state.ended ? null : reader.next();
      if (line === null) throw new ExportFormatError(`missing table "${spec.name}"`);
      const open = /^"(\w+)":\[(\](?:,|\}\})?)?$/.exec(line);
      if (!open) throw bad(`expected the start of table "${spec.name}"`);
      const name = open[1]!;
      if (name !== spec.name) throw new ExportFormatError(TABLES.some((t) => t.name === name) ? `table "${name}" is out of order: expected "${spec.name}"` : `unknown table "${name}"`);
      if (open[2] !== undefined) {
        state.ended = open[2] === "]}}";
        yield [spec, []];
      } else yield [spec, rowsOf(spec, state)];
    }
    if (!state.ended) throw bad("expected the end of the export");
    // only white space may follow, to the end of the file (not just on the next line)
    for (let rest = reader.next(); rest !== null; rest = reader.next()) {
      if (rest.trim() !== "") throw bad("unexpected text after the export");
    }
  }
  return { header, tables, close: () => reader.close() };
}

function insertTable(sqlite: Database.Database, spec: TableSpec, raws: Iterable<unknown>): number {
  const columns = columnsOf(spec);
  const booleans = booleanColumnsOf(spec);
  const insert = sqlite.prepare(`INSERT INTO ${quote(spec.sqlTable)} (${columns.map(quote).join(", ")}) VALUES (${columns.map((c) => `@${c}`).join(", ")})`);
  let i = 0;
  for (const raw of raws) {
    const row = parseRow(spec, i, raw) as Record<string, unknown>;
    for (const b of booleans) row[b] = row[b] ? 1 : 0;
    try {
      insert.run(row);
    } catch (e) {
      throw new ValidationError(`table "${spec.name}", row ${i}: ${e instanceof Error ? e.message : String(e)}`);
    }
    i++;
  }
  return i;
}

const STATE_NAMES = ["new", "learning", "review", "relearning"];
export const DECK_CSV_COLUMNS = ["id", "kind", "topic", "prompt", "answer", "state", "due", "stability", "difficulty", "reps", "lapses", "lastReview", "suspended", "flag", "retired"];

const iso = (ms: number | null) => (ms === null ? "" : new Date(ms).toISOString());

function topicPath(json: string): string {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.map(String).join(" > ") : json;
  } catch {
    return json;
  }
}

interface CardCsvRow {
  id: string;
  kind: string;
  topic: string;
  prompt: string;
  answer: string;
  state: number;
  due: number;
  stability: number;
  difficulty: number;
  reps: number;
  lapses: number;
  lastReview: number | null;
  suspended: number;
  flag: number;
  retired: number;
}

/**
 * A deck's cards with their schedule, as CSV (UTF-8 with a byte order mark, RFC 4180),
 * in content order. Throws 404 before writing anything when the deck does not exist.
 */
export function prepareDeckCsv(options: { db?: Db; deckId: string }): { filename: string; write(out: Output): Promise<number> } {
  const database = options.db ?? defaultDb();
  const deck = database.sqlite.prepare(`SELECT id FROM Deck WHERE id = ?`).get(options.deckId);
  if (!deck) throw new NotFoundError(`no deck ${options.deckId}`);
  return {
    filename: `${options.deckId.replace(/[/\\]/g, "-")}.csv`,
    async write(out) {
      const reader = openSnapshot(database);
      let n = 0;
      try {
        const stmt = reader.prepare(
          `SELECT id, kind, topic, prompt, answer, state, due, stability, difficulty, reps, lapses, lastReview, suspended, flag, retired
             FROM Card WHERE deckId = ? ORDER BY position, id`,
        );
        await withOutput(out, async (w) => {
          await w.write(UTF8_BOM + csvRecord(DECK_CSV_COLUMNS));
          for (const c of stmt.iterate(options.deckId) as IterableIterator<CardCsvRow>) {
            const wait = w.write(
              csvRecord([c.id, c.kind, topicPath(c.topic), c.prompt, c.answer, STATE_NAMES[c.state] ?? String(c.state), iso(c.due), c.stability, c.difficulty, c.reps, c.lapses, iso(c.lastReview), c.suspended === 1, c.flag, c.retired === 1]),
            );
            if (wait) await wait;
            n++;
          }
        });
      } finally {
        reader.close();
      }
      return n;
    },
  };
}

export async function exportDeckCsv(options: { db?: Db; deckId: string; out: Output }): Promise<number> {
  return prepareDeckCsv(options).write(options.out);
}

export const BACKUP_FILE = /^mianshi-(\d{4}-\d{2}-\d{2})\.db$/;
export const DEFAULT_BACKUP_KEEP = 7;
export const DEFAULT_BACKUP_DIR = "data/backups";

/**
 * The daily copies' folder and count from MIANSHI_BACKUP_DIR and MIANSHI_BACKUP_KEEP, checked
 * now: the folder is created and written to once, the count must be a whole number from 1. A
 * bad setting throws naming it, so `npm start` refuses to start instead of serving for days
 * with no backups (a failed copy is only logged).
 */
export function backupSettingsFrom(env: NodeJS.ProcessEnv, root: string): { dir: string; keep: number } {
  const rawKeep = env.MIANSHI_BACKUP_KEEP;
  let keep = DEFAULT_BACKUP_KEEP;
  if (rawKeep !== undefined) {
    if (!/^\s*\d+\s*$/.test(rawKeep) || Number(rawKeep) < 1 || !Number.isSafeInteger(Number(rawKeep))) {
      throw new ValidationError(`MIANSHI_BACKUP_KEEP=${JSON.stringify(rawKeep)} is not a number of copies to keep: set it to a whole number, 1 or more (default ${DEFAULT_BACKUP_KEEP})`);
    }
    keep = Number(rawKeep);
  }
  const rawDir = env.MIANSHI_BACKUP_DIR;
  if (rawDir !== undefined && rawDir.trim() === "") throw new ValidationError(`MIANSHI_BACKUP_DIR is empty: set it to a folder for the daily copies, or unset it (default ${DEFAULT_BACKUP_DIR})`);
  const dir = path.resolve(root, rawDir ?? DEFAULT_BACKUP_DIR);
  const probe = path.join(dir, `.mianshi-write-check-${process.pid}`);
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(probe, "");
    fs.rmSync(probe, { force: true });
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e));
    throw new ValidationError(`MIANSHI_BACKUP_DIR=${JSON.stringify(rawDir ?? DEFAULT_BACKUP_DIR)}: cannot write daily copies into ${dir} (${why}): set it to a folder Mianshi can create and write`);
  }
  return { dir, keep };
}

export interface BackupResult {
  file: string;
  created: boolean;
  deleted: string[];
}

/**
 * Copies the database into `dir` as `mianshi-YYYY-MM-DD.db` (the UTC date of `now`) with
 * SQLite's online backup (pages copied in steps, the app keeps running), unless that day's
 * copy exists; then deletes the oldest copies beyond `keep`. The copy is written under a
 * temporary name and renamed, so a copy that exists is complete.
 */
export async function backupDatabase(options: { db?: Db; dir: string; keep?: number; now?: Date }): Promise<BackupResult> {
  const database = options.db ?? defaultDb();
  const keep = options.keep ?? DEFAULT_BACKUP_KEEP;
  if (!Number.isInteger(keep) || keep < 1) throw new ValidationError(`keep must be a whole number of copies, 1 or more (got ${keep})`);
  const now = options.now ?? new Date();
  fs.mkdirSync(options.dir, { recursive: true });
  const file = path.join(options.dir, `mianshi-${now.toISOString().slice(0, 10)}.db`);
  let created = false;
  if (!fs.existsSync(file)) {
    const tmp = `${file}.${process.pid}.partial`;
    try {
      await database.sqlite.backup(tmp);
      // a self-contained copy: one file, no -wal beside it
      const copy = new Database(tmp);
      copy.pragma("journal_mode = DELETE");
      copy.close();
      fs.renameSync(tmp, file);
      created = true;
    } finally {
      for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`, `${tmp}-journal`]) fs.rmSync(f, { force: true });
    }
  }
  const copies = fs.readdirSync(options.dir).filter((f) => BACKUP_FILE.test(f)).sort();
  const deleted = copies.slice(0, Math.max(0, copies.length - keep));
  for (const f of deleted) fs.rmSync(path.join(options.dir, f), { force: true });
  return { file, created, deleted };
}

/**
 * Runs `backupDatabase` now and then every hour (at most one copy per UTC day: the hourly
 * check also catches a machine that slept through its 24 h timer). The timer is unref'd, so
 * it never keeps the process alive. Returns a function that stops it.
 */
export function startDailyBackups(options: { db?: Db; dir: string; keep?: number; checkEveryMs?: number; clock?: () => Date; log?: (message: string) => void }): () => void {
  const log = options.log ?? ((m: string) => console.log(m));
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    backupDatabase({ db: options.db, dir: options.dir, keep: options.keep, now: options.clock?.() ?? new Date() })
      .then((r) => {
        if (r.created) log(`backup: ${r.file}${r.deleted.length > 0 ? `, deleted ${r.deleted.join(", ")}` : ""}`);
      })
      .catch((e: unknown) => console.error("backup failed:", e))
      .finally(() => {
        running = false;
      });
  };
  tick();
  const timer = setInterval(tick, options.checkEveryMs ?? 60 * 60 * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
