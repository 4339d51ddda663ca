/**
 * Watches the notes folder while the server runs: a deck file that is added or changed is
 * imported again by the one content import (importContent: one transaction per deck, history
 * kept, a broken file leaves its deck as it was), a removed one has its deck's cards retired
 * (use-cases/decks/retire-deck-cards.ts), and they come back with their history if it returns.
 *
 * Events are debounced per file (`quietMs` without a new event for that file): an editor that
 * writes a file several times while saving makes one import. Imports run one at a time, in the
 * order their files went quiet. What happened is recorded in server/notes-events.ts.
 *
 * chokidar (4.x: Node 14.16 and later; 6.x wants Node 22.22, this app runs on 20.9 and later)
 * rather than fs.watch, whose recursive mode on Linux is young in Node 20 and which reports an
 * editor's save-through-a-temporary-file as renames.
 */
import fs from "node:fs";
import path from "node:path";
import { watch, type FSWatcher } from "chokidar";
import { db as defaultDb, type Db } from "./db";
import { contentRoot, deckFileUnder, type DeckFile } from "./content-files";
import { importContent } from "./use-cases/import-content";
import { retireDeckCards } from "./use-cases/decks/retire-deck-cards";
import { brokenNotes, recordNotesEvent, type NotesEvent } from "./notes-events";
import { deckContentHash, decksWithContent, isRemovedHash } from "./store/decks";
import { contentHash } from "@/lib/content/ids";

export interface NotesWatcherOptions {
  /** the folder watched; default the notes folder (content/, or MIANSHI_CONTENT_DIR) */
  root?: string;
  db?: Db;
  /** how long a file must be quiet before it is imported, in ms (default 300) */
  quietMs?: number;
  now?: () => Date;
  /** told each event as it is recorded */
  onEvent?: (event: NotesEvent) => void;
  /** told when the watcher itself fails (an unreadable folder) */
  onError?: (error: unknown) => void;
}

export interface NotesWatcher {
  /** resolves once the folder is being watched (changes before that are not seen) */
  ready: Promise<void>;
  /** resolves when no file is waiting to be quiet and no import is running */
  settled(): Promise<void>;
  /** resolves with the next event recorded (that matches, when a test is given) */
  next(matches?: (event: NotesEvent) => boolean): Promise<NotesEvent>;
  close(): Promise<void>;
}

export const DEFAULT_QUIET_MS = 300;

export function watchNotes(options: NotesWatcherOptions = {}): NotesWatcher {
  const root = path.resolve(/*turbopackIgnore: true*/ options.root ?? contentRoot());
  const quietMs = options.quietMs ?? DEFAULT_QUIET_MS;
  const now = options.now ?? (() => new Date());
  const timers = new Map<string, NodeJS.Timeout>();
  let queue: Promise<void> = Promise.resolve();
  let running = 0;
  let closed = false;
  const idleWaiters: Array<() => void> = [];
  const eventWaiters: Array<{ matches: (e: NotesEvent) => boolean; resolve: (e: NotesEvent) => void }> = [];

  const checkIdle = () => {
    if (timers.size > 0 || running > 0) return;
    for (const resolve of idleWaiters.splice(0)) resolve();
  };

  const emit = (event: Omit<NotesEvent, "id">) => {
    const recorded = recordNotesEvent(event);
    options.onEvent?.(recorded);
    for (const w of eventWaiters.slice()) {
      if (!w.matches(recorded)) continue;
      eventWaiters.splice(eventWaiters.indexOf(w), 1);
      w.resolve(recorded);
    }
  };

  const sync = async (file: DeckFile) => {
    const database = options.db ?? defaultDb();
    const at = now();
    const name = path.relative(root, file.absolute).split(path.sep).join("/");
    const base = { at, deckId: file.deckId, file: file.display, name, added: 0, updated: 0, retired: 0, reworded: 0, restored: 0, errors: [] };
    if (isFile(file.absolute)) {
      try {
        const renamedFrom = renamedDeck(database, file);
        const result = await importContent({ db: database, paths: [file.absolute], contentRoot: root, now: at, renamedFrom });
        const deck = result.decks[0];
        if (deck) {
          emit({ ...base, kind: deck.status, title: deck.title, added: deck.added, updated: deck.updated, retired: deck.retired, reworded: deck.reworded ?? 0, restored: deck.restored ?? 0, errors: result.errors, ...(deck.renamedFrom ? { renamedFrom: deck.renamedFrom, carried: deck.carried ?? 0 } : {}) });
        }
        return;
      } catch (e) {
        // removed between the event and the read: retired below, as any removed file
        if (isFile(file.absolute)) {
          emit({ ...base, kind: "failed", errors: [{ file: file.display, line: 1, message: e instanceof Error ? e.message : String(e) }] });
          return;
        }
      }
    }
    const report = retireDeckCards({ db: database, deckId: file.deckId, file: file.absolute, now: at });
    // a deck already moved to its renamed file has nothing left to retire: no event, unless its
    // file was broken (the error goes with the file)
    if (report.retired > 0 || brokenNotes().some((b) => b.deckId === file.deckId)) emit({ ...base, kind: "removed", title: report.title, retired: report.retired });
  };

  const quiet = (file: DeckFile) => {
    timers.delete(file.absolute);
    running++;
    queue = queue
      .then(() => (closed ? undefined : sync(file)))
      .catch((e: unknown) => options.onError?.(e))
      .finally(() => {
        running--;
        checkIdle();
      });
  };

  const changed = (changedPath: string) => {
    if (closed) return;
    const file = deckFileUnder(root, changedPath);
    if (!file) return;
    clearTimeout(timers.get(file.absolute));
    timers.set(file.absolute, setTimeout(() => quiet(file), quietMs));
  };

  const watcher: FSWatcher = watch(root, {
    ignoreInitial: true,
    // hidden files and folders (an editor's swap files, .git) and node_modules are not notes
    ignored: (p: string) => {
      const rel = path.relative(root, p);
      return rel !== "" && rel.split(path.sep).some((part) => part.startsWith(".") || part === "node_modules");
    },
  });
  watcher.on("all", (event, p) => {
    if (event === "add" || event === "change" || event === "unlink") changed(p);
  });
  watcher.on("error", (e) => options.onError?.(e));
  const ready = new Promise<void>((resolve) => watcher.once("ready", () => resolve()));

  return {
    ready,
    settled: () =>
      new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        checkIdle();
      }),
    next: (matches = () => true) => new Promise<NotesEvent>((resolve) => eventWaiters.push({ matches, resolve })),
    async close() {
      closed = true;
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
      await watcher.close();
      await queue;
      checkIdle();
    },
  };
}

/**
 * The deck a new deck file was renamed or moved from: no live deck is stored under the file's
 * deck id (a removed one may be, when a file is renamed back), and exactly one deck has this
 * very content while its own file is gone. (A file renamed and
 * edited before the watcher saw it is a new deck: its history stays with the old, retired cards.)
 */
function renamedDeck(database: Db, file: DeckFile): string | undefined {
  const own = deckContentHash(database.sqlite, file.deckId);
  // a live deck of that name is this file's own; one whose file was removed may take its cards back
  if (own !== null && !isRemovedHash(own)) return undefined;
  const hash = contentHash(fs.readFileSync(/*turbopackIgnore: true*/ file.absolute));
  const gone = decksWithContent(database.sqlite, hash, file.deckId).filter((d) => !isFile(path.resolve(/*turbopackIgnore: true*/ d.source)));
  return gone.length === 1 ? gone[0]!.id : undefined;
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(/*turbopackIgnore: true*/ file).isFile();
  } catch {
    return false;
  }
}

const KEY = Symbol.for("mianshi.notes-watcher");

/**
 * Starts the one watcher of the notes folder for this server process (a second call returns the
 * first), with what it does in the server's log. Called by instrumentation.ts when `npm start`
 * asks for it.
 */
export function startNotesWatcher(options: NotesWatcherOptions = {}): NotesWatcher {
  const g = globalThis as { [KEY]?: NotesWatcher };
  if (g[KEY]) return g[KEY];
  const watcher = watchNotes({
    ...options,
    onEvent: (e) => {
      options.onEvent?.(e);
      if (e.kind === "unchanged") return;
      if (e.kind === "failed") console.log(`content: ${e.file}: changed, not imported (${e.errors.length} error(s), first at line ${e.errors[0]?.line ?? 1}); the deck already in the database is unchanged`);
      else if (e.kind === "removed") console.log(`content: ${e.file}: removed, ${e.retired} card(s) retired (history kept)`);
      else console.log(`content: ${e.file}: changed, ${e.added} added, ${e.updated} updated, ${e.retired} retired`);
    },
    onError: (e) => {
      options.onError?.(e);
      console.error(`content: watching the notes folder: ${e instanceof Error ? e.message : String(e)}`);
    },
  });
  g[KEY] = watcher;
  return watcher;
}
