/**
 * An Anki collection as the package reader hands it to the mapping: the rows of its tables,
 * already out of SQLite, with the schema differences (schema 11 keeps note types and decks as
 * JSON in `col`, schema 18 in tables with protobuf blobs) resolved by the reader. Pure data.
 */

export interface AnkiTemplate {
  name: string;
  ord: number;
  /** question and answer templates: HTML with {{Field}} replacements */
  qfmt: string;
  afmt: string;
}

export interface AnkiNotetype {
  id: number;
  name: string;
  /** Anki's own kind: a cloze note type has one card per cloze number, not one per template */
  kind: "normal" | "cloze";
  /** field names in `ord` order (the order of a note's `flds`) */
  fields: string[];
  templates: AnkiTemplate[];
}

export interface AnkiNote {
  id: number;
  /** the stable key across exports: what an updated package is matched by */
  guid: string;
  mid: number;
  /** seconds */
  mod: number;
  /** space separated, with a leading and trailing space when not empty */
  tags: string;
  /** field values joined with \x1f */
  flds: string;
}

export interface AnkiCard {
  id: number;
  nid: number;
  did: number;
  ord: number;
  /** 0 new, 1 learning, 2 review, 3 relearning */
  type: number;
  /** -3 user buried, -2 scheduler buried, -1 suspended, 0 new, 1 learning, 2 review, 3 day learning, 4 preview */
  queue: number;
  /** new: position; learning (queue 1, 4): epoch seconds; review and day learning: days since the collection's creation day */
  due: number;
  /** days */
  ivl: number;
  reps: number;
  lapses: number;
  /** the due and deck before the card went into a filtered deck (0: not in one) */
  odue: number;
  odid: number;
  flags: number;
  /** JSON: FSRS memory state `s` (stability, days), `d` (difficulty 1-10), `lrt` (last review, seconds) when Anki computed it */
  data: string;
}

export interface AnkiRevlog {
  /** epoch milliseconds of the review */
  id: number;
  cid: number;
  /** 1-4; 0 for a manual reschedule */
  ease: number;
  /** milliseconds spent answering */
  time: number;
  /** 0 learn, 1 review, 2 relearn, 3 filtered (cram), 4 manual, 5 rescheduled */
  type: number;
}

export interface AnkiDeck {
  id: number;
  /** the full path, levels joined with "::" */
  name: string;
}

export interface AnkiCollection {
  schema: 11 | 18;
  /** seconds: the start of the collection's first day, from which review dues count days */
  crt: number;
  notetypes: AnkiNotetype[];
  decks: AnkiDeck[];
  notes: AnkiNote[];
  cards: AnkiCard[];
  revlog: AnkiRevlog[];
}

/** Anki's field separator inside `notes.flds`. */
export const FIELD_SEPARATOR = "\u001f";
