/**
 * What the notes-folder watcher did while this server runs: its recent events (newest first,
 * only those after `after` when given) and the decks whose file is broken, with each error's
 * line, until the file is fixed. Held in memory (server/notes-events.ts): a restart forgets them,
 * and the start-up import says the same in the log.
 */
import { brokenNotes, notesEvents, type NotesEvent } from "../../notes-events";
import type { ContentError } from "@/lib/content/types";

export interface NotesEventsView {
  events: NotesEvent[];
  broken: Array<{ deckId: string; file: string; errors: ContentError[]; at: Date }>;
}

export function listNotesEvents(options: { after?: number; limit?: number } = {}): NotesEventsView {
  const events = notesEvents(options.after ?? 0).reverse();
  return { events: options.limit === undefined ? events : events.slice(0, options.limit), broken: brokenNotes() };
}
