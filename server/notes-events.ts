/**
 * What the notes-folder watcher (server/notes-watcher.ts) did, kept in this process's memory:
 * the last events (a deck imported, unchanged, failed or removed, with its counts) and, per deck
 * whose file is broken, its errors with their lines until the file is fixed or removed. Read
 * through use-cases/decks/list-notes-events.ts. Kept on globalThis: Next.js may load this module
 * once for the instrumentation hook and again for the pages, and both must see one log.
 */
import type { ContentError } from "@/lib/content/types";

export type NotesEventKind = "imported" | "unchanged" | "failed" | "removed";

export interface NotesEvent {
  /** increasing in this process: a page can show only the events after the last it showed */
  id: number;
  at: Date;
  kind: NotesEventKind;
  deckId: string;
  /** the file, relative to the working directory */
  file: string;
  /** the file's path under the notes folder, with "/" (what the home page shows) */
  name: string;
  title?: string;
  added: number;
  updated: number;
  retired: number;
  reworded: number;
  /** of `updated`, retired cards that came back with their history (a removed file returned) */
  restored: number;
  errors: ContentError[];
  /** the deck this file was renamed or moved from, and how many of its cards kept their history */
  renamedFrom?: string;
  carried?: number;
}

/** How many events are kept (the oldest go first). */
export const KEPT_EVENTS = 50;

export interface BrokenNotes {
  deckId: string;
  file: string;
  name: string;
  errors: ContentError[];
  at: Date;
}

interface Log {
  next: number;
  events: NotesEvent[];
  broken: Map<string, BrokenNotes>;
}

const KEY = Symbol.for("mianshi.notes-events");
function log(): Log {
  const g = globalThis as { [KEY]?: Log };
  return (g[KEY] ??= { next: 1, events: [], broken: new Map() });
}

export function recordNotesEvent(event: Omit<NotesEvent, "id">): NotesEvent {
  const l = log();
  const recorded = { ...event, id: l.next++ };
  l.events.push(recorded);
  if (l.events.length > KEPT_EVENTS) l.events.splice(0, l.events.length - KEPT_EVENTS);
  if (event.kind === "failed") l.broken.set(event.deckId, { deckId: event.deckId, file: event.file, name: event.name, errors: event.errors, at: event.at });
  else l.broken.delete(event.deckId);
  return recorded;
}

/** The kept events, oldest first, after the event `after` when given. */
export function notesEvents(after = 0): NotesEvent[] {
  return log().events.filter((e) => e.id > after);
}

/** The decks whose file the watcher last found broken, with their errors. */
export function brokenNotes(): BrokenNotes[] {
  return [...log().broken.values()];
}

/** Forgets every event (tests). */
export function clearNotesEvents(): void {
  const l = log();
  l.events = [];
  l.broken.clear();
}
