/**
 * Imports an Anki package: its cards (by note GUID and card ordinal, so an updated package
 * updates its notes in place and keeps their history), its decks as deck groups under anki/,
 * its revlog as reviews (keyed by the revlog row: importing again adds nothing) and each card's
 * schedule and study flags as Anki has them. Everything is read, mapped and rendered first; the
 * writes run in one immediate transaction; the media files are written after it commits, into
 * the notes folder the assets route serves local deck images from (anki-media/), so a failed
 * import leaves nothing behind.
 */
import fs from "node:fs";
import path from "node:path";
import { ankiCardId, mapCard, noteTags, stripHtml } from "@/lib/anki/notes";
import { mapDeckName, mapSchedule, type MappedSchedule } from "@/lib/anki/schedule";
import type { AnkiRevlog } from "@/lib/anki/types";
import { renderAnkiHtml } from "@/lib/content/render";
import { rowFromState } from "@/lib/scheduling";
import { db as defaultDb, type Db } from "../../db";
import { contentRoot as notesRoot } from "../../content-files";
import { optionsForDeck, resolveOptions } from "../../deck-settings";
import { readAnkiPackage, ANKI_LIMITS, AnkiPackageError, type AnkiLimits } from "../../anki/read-package";
import { ankiCards, ankiReviewKeys, insertCard, insertDeck, insertReview, maxPosition, updateCardContent, updateCardSchedule } from "../../store/anki";

/** The folder under the notes folder that holds imported Anki media (one flat namespace, as in Anki). */
export const ANKI_MEDIA_FOLDER = "anki-media";

export interface ImportAnkiOptions {
  bytes?: Uint8Array;
  file?: string;
  /** shown as the decks' source */
  name?: string;
  now?: Date;
  db?: Db;
  contentRoot?: string;
  limits?: AnkiLimits;
}

export interface ImportAnkiResult {
  format: "legacy 1 (collection.anki2)" | "legacy 2 (collection.anki21)" | "latest (collection.anki21b)";
  decks: string[];
  cardsAdded: number;
  cardsUpdated: number;
  cardsUnchanged: number;
  /** cards of notes whose note type is missing, or that would be empty */
  cardsSkipped: number;
  reviewsAdded: number;
  reviewsAlreadyPresent: number;
  mediaWritten: number;
}

const FORMATS = { 1: "legacy 1 (collection.anki2)", 2: "legacy 2 (collection.anki21)", 3: "latest (collection.anki21b)" } as const;

export async function importAnkiPackage(options: ImportAnkiOptions): Promise<ImportAnkiResult> {
  const database = options.db ?? defaultDb();
  const now = (options.now ?? new Date()).getTime();
  const bytes = options.bytes ?? (options.file !== undefined ? fs.readFileSync(options.file) : undefined);
  if (bytes === undefined) throw new TypeError("importAnkiPackage needs bytes or file");
  const pkg = readAnkiPackage(bytes, options.limits ?? ANKI_LIMITS);
  const { collection } = pkg;
  const source = `anki:${options.name ?? (options.file ? path.basename(options.file) : "package")}`;

  const notetypes = new Map(collection.notetypes.map((n) => [n.id, n]));
  const notes = new Map(collection.notes.map((n) => [n.id, n]));
  const deckNames = new Map(collection.decks.map((d) => [d.id, d.name]));
  const revlog = new Map<number, AnkiRevlog[]>();
  for (const r of collection.revlog) {
    let list = revlog.get(r.cid);
    if (!list) revlog.set(r.cid, (list = []));
    list.push(r);
  }

  // map and render everything before the transaction (rendering is the slow part)
  const cards: Array<{ id: string; deck: ReturnType<typeof mapDeckName>; content: { kind: string; prompt: string; answer: string; promptHtml: string; answerHtml: string; data: string }; schedule: MappedSchedule }> = [];
  let skipped = 0;
  const schedulers = new Map<string, ReturnType<typeof resolveOptions>["scheduler"]>();
  const schedulerFor = (deckId: string) => {
    let s = schedulers.get(deckId);
    if (!s) schedulers.set(deckId, (s = (optionsForDeck(database.sqlite, deckId) ?? resolveOptions(0, "{}", 0)).scheduler));
    return s;
  };
  const render = (html: string) => renderAnkiHtml(html, { mediaFolder: ANKI_MEDIA_FOLDER });
  for (const card of [...collection.cards].sort((a, b) => a.did - b.did || (a.type === 0 ? a.due : 0) - (b.type === 0 ? b.due : 0) || a.id - b.id)) {
    const note = notes.get(card.nid);
    const notetype = note && notetypes.get(note.mid);
    const homeDeck = card.odid !== 0 ? card.odid : card.did;
    const deckName = deckNames.get(homeDeck) ?? "Default";
    const tags = note ? noteTags(note.tags) : [];
    const mapped = note && notetype ? mapCard(notetype, note, card.ord, { deck: deckName.replaceAll("\u001f", "::"), tags }) : null;
    if (!note || !mapped) {
      skipped++;
      continue;
    }
    const id = ankiCardId(note.guid, card.ord);
    const deck = mapDeckName(deckName);
    const data: Record<string, unknown> = { tags, anki: { guid: note.guid, noteType: notetype!.name } };
    if (mapped.kind === "cloze") Object.assign(data, { group: mapped.group, cloze: mapped.cloze });
    if (mapped.typeAnswer) data.typeAnswer = { expected: mapped.typeAnswer, aliases: [], term: mapped.typeAnswer.length <= 24 };
    const content = { kind: mapped.kind, prompt: stripHtml(mapped.promptHtml), answer: stripHtml(mapped.answerHtml), promptHtml: render(mapped.promptHtml), answerHtml: render(mapped.answerHtml), data: JSON.stringify(data) };
    const schedule = mapSchedule({ card, revlog: revlog.get(card.id) ?? [], crt: collection.crt, now, scheduler: schedulerFor(deck.id), cardId: id });
    cards.push({ id, deck, content, schedule });
  }

  const result: ImportAnkiResult = { format: FORMATS[pkg.version], decks: [], cardsAdded: 0, cardsUpdated: 0, cardsUnchanged: 0, cardsSkipped: skipped, reviewsAdded: 0, reviewsAlreadyPresent: 0, mediaWritten: 0 };
  const sqlite = database.sqlite;
  const write = sqlite.transaction(() => {
    const existing = new Map(ankiCards(sqlite).map((c) => [c.id, c]));
    const keys = ankiReviewKeys(sqlite);
    const positions = new Map<string, number>();
    const decks = new Set<string>();
    const seen = new Set<string>();
    for (const { id, deck, content, schedule } of cards) {
      // two Anki cards of one note and ordinal cannot exist; a package that has them is read once
      if (seen.has(id)) continue;
      seen.add(id);
      if (!decks.has(deck.id)) {
        decks.add(deck.id);
        insertDeck.run(sqlite, { id: deck.id, title: deck.title, groupPath: deck.groupPath, source, now });
      }
      const old = existing.get(id);
      // an existing card stays in its deck: its reviews are filed under it
      const deckId = old?.deckId ?? deck.id;
      const s = schedule.state;
      const sched = {
        ...rowFromState(s),
        suspended: schedule.suspended ? 1 : 0,
        buriedUntil: schedule.buriedUntil,
        flag: schedule.flag,
      };
      if (!old) {
        let position = positions.get(deckId) ?? maxPosition(sqlite, deckId) + 1;
        insertCard.run(sqlite, { id, deckId, position: position++, now, ...content, ...sched });
        positions.set(deckId, position);
        result.cardsAdded++;
      } else if (old.kind === content.kind && old.prompt === content.prompt && old.answer === content.answer && old.promptHtml === content.promptHtml && old.answerHtml === content.answerHtml && old.data === content.data) {
        result.cardsUnchanged++;
      } else {
        updateCardContent.run(sqlite, { id, now, ...content });
        result.cardsUpdated++;
      }
      let fresh = 0;
      for (const r of schedule.reviews) {
        const key = `anki:${id}:${r.revlogId}`;
        if (keys.has(key)) {
          result.reviewsAlreadyPresent++;
          continue;
        }
        insertReview.run(sqlite, {
          cardId: id,
          deckId,
          rating: r.rating,
          prevState: r.prevState,
          reviewedAt: r.reviewedAt,
          durationMs: r.durationMs,
          idempotencyKey: key,
          before: JSON.stringify(r.before),
          state: r.after.state,
          due: r.after.due.getTime(),
          stability: r.after.stability,
          difficulty: r.after.difficulty,
          scheduledDays: r.after.scheduledDays,
        });
        fresh++;
      }
      result.reviewsAdded += fresh;
      // studied further in Anki since the last import: Anki's schedule is the current one
      if (old && fresh > 0) updateCardSchedule.run(sqlite, { id, now, ...sched });
    }
    result.decks = [...decks];
  });
  write.immediate();

  result.mediaWritten = writeMedia(pkg.media, path.join(options.contentRoot ?? notesRoot(), ANKI_MEDIA_FOLDER));
  return result;
}

/** Writes the media files not already there with the same bytes (each through a rename, never half written). */
function writeMedia(files: ReadonlyArray<{ name: string; bytes: Uint8Array }>, folder: string): number {
  if (files.length === 0) return 0;
  fs.mkdirSync(folder, { recursive: true });
  const real = fs.realpathSync(folder);
  let written = 0;
  for (const f of files) {
    const target = path.join(real, f.name);
    // checked by the reader already; again here, where it matters
    if (path.dirname(target) !== real) throw new AnkiPackageError("anki_media_name", `the media file name ${JSON.stringify(f.name)} leaves the media folder`);
    try {
      const st = fs.lstatSync(target);
      if (st.isFile() && st.size === f.bytes.length && Buffer.compare(fs.readFileSync(target), f.bytes) === 0) continue;
      if (!st.isFile()) continue; // a link or folder the user put there is not replaced
    } catch {
      // not there yet
    }
    const temp = `${target}.${process.pid}.tmp`;
    fs.writeFileSync(temp, f.bytes);
    fs.renameSync(temp, target);
    written++;
  }
  return written;
}
