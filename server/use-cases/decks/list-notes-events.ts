/**
 * What the notes-folder watcher did while this server runs: its recent events, newest first
 * (only those of the last `withinMs` before `now` when given, only changes without the saves that changed nothing when
 * `changesOnly`), and the decks whose file is broken, with each error's line, until the file is
 * fixed or removed. Held in memory (server/notes-events.ts): a restart forgets them, and the
 * start-up import prints its own in the log.
 */
import { brokenNotes, notesEvents, type BrokenNotes, type NotesEvent } from "../../notes-events";

export interface NotesEventsView {
  events: NotesEvent[];
  broken: BrokenNotes[];
}

export function listNotesEvents(options: { now?: Date; withinMs?: number; limit?: number; changesOnly?: boolean } = {}): NotesEventsView {
  const since = options.withinMs === undefined ? -Infinity : (options.now ?? new Date()).getTime() - options.withinMs;
  const events = notesEvents()
    .filter((e) => e.at.getTime() >= since && !(options.changesOnly && e.kind === "unchanged"))
    .reverse();
  return { events: options.limit === undefined ? events : events.slice(0, options.limit), broken: brokenNotes() };
}
