/**
 * What importing notes would do, with nothing written: the deck(s) the pasted or uploaded
 * markdown makes, every card by kind and topic, the parser's errors and the audit's warnings
 * with file and line, the images stored beside them, and which files already exist (importing
 * over them needs "replace"). `prepareNotes` is also the first half of importNotes, so the
 * preview and the import can never disagree.
 */
import fs from "node:fs";
import path from "node:path";
import { parseDeck } from "@/lib/content/parse";
import { auditDeck } from "@/lib/content/audit";
import { parseMarkdown, plainText } from "@/lib/content/markdown";
import { CARD_KINDS, type ContentError, type ParsedDeck } from "@/lib/content/types";
import { checkGroup, expandUpload, placeImages, safeFileName, targetOf, UPLOAD_LIMITS, withTitle, type PlannedDeck, type PlannedFile, type UploadedFile } from "@/lib/content/upload";
import type { NotesPreview, NotesPreviewDeck } from "@/lib/api-schemas";
import { db as defaultDb, type Db } from "../../db";
import { contentRoot } from "../../content-files";
import { PayloadTooLargeError, ValidationError } from "../../errors";
import { existingDecks } from "../../store/decks";
import { IMPORTED_HISTORY_DECK_ID } from "../import-history";

export interface NotesInput {
  /** uploaded files: .md notes, png/jpg/gif/webp images, .zip files of them */
  files?: UploadedFile[];
  /** pasted markdown: one deck */
  text?: string;
  /** the deck's title (one deck only); its file name is made from it */
  title?: string;
  /** the folder under the notes folder ("" or absent: the top) */
  group?: string;
  /** import over decks and files that exist: a re-import of those decks, their history kept */
  replace?: boolean;
}

export interface PreviewNotesOptions extends NotesInput {
  /** the notes folder; default content/ (or MIANSHI_CONTENT_DIR) */
  contentRoot?: string;
  db?: Db;
}

export interface PreparedNotes {
  preview: NotesPreview;
  /** the absolute notes folder */
  root: string;
  decks: PlannedDeck[];
  images: PlannedFile[];
}

const PASTED = "pasted notes";
const PROMPT_CHARS = 160;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The preview of importing these notes. Writes nothing, to disk or to the database. */
export function previewNotes(options: PreviewNotesOptions): NotesPreview {
  return prepareNotes(options).preview;
}

/**
 * Reads the input into the files to write and the preview of their decks. The upload as a whole
 * is refused (ValidationError 400, PayloadTooLargeError 413) when a cap is passed, a name would
 * leave the notes folder, or there is nothing to import; what is wrong inside a deck is in the
 * preview's errors.
 */
export function prepareNotes(options: PreviewNotesOptions): PreparedNotes {
  const database = options.db ?? defaultDb();
  const root = path.resolve(/*turbopackIgnore: true*/ options.contentRoot ?? contentRoot());
  const group = checkGroup(options.group ?? "");
  if ("refused" in group) throw new ValidationError(group.refused);
  const title = options.title?.trim() || undefined;
  if (title && [...title].length > UPLOAD_LIMITS.nameChars) throw new ValidationError(`the title may be at most ${UPLOAD_LIMITS.nameChars} characters`);

  const uploaded: UploadedFile[] = [...(options.files ?? [])];
  const pasted = options.text !== undefined && options.text.trim() !== "" ? encoder.encode(options.text) : null;
  if (pasted && pasted.byteLength > UPLOAD_LIMITS.markdownBytes) {
    throw new PayloadTooLargeError(`the pasted notes are ${(pasted.byteLength / 1024 / 1024).toFixed(1)} MB: a deck may be at most ${UPLOAD_LIMITS.markdownBytes / 1024 / 1024} MB`);
  }
  const expanded = expandUpload(uploaded);
  if ("problem" in expanded) throw expanded.problem.tooLarge ? new PayloadTooLargeError(expanded.problem.message) : new ValidationError(expanded.problem.message);
  const sources: Array<{ name: string; bytes: Uint8Array; pasted: boolean }> = [
    ...(pasted ? [{ name: PASTED, bytes: pasted, pasted: true }] : []),
    ...expanded.markdown.map((f) => ({ ...f, pasted: false })),
  ];
  if (sources.length === 0) throw new ValidationError("nothing to import: paste notes or choose .md files (or a .zip of them)");
  if (pasted && sources.length + expanded.images.length > UPLOAD_LIMITS.files) throw new PayloadTooLargeError(`at most ${UPLOAD_LIMITS.files} files can be imported at once`);
  if (title && sources.length > 1) throw new ValidationError(`a title names one deck, and ${sources.length} deck files were given: leave the title out, each file's deck takes its own`);

  const decks: PlannedDeck[] = [];
  const parsed: Array<{ deck: ParsedDeck | null; errors: ContentError[] }> = [];
  for (const source of sources) {
    const planned = planDeck(source, group.group, title);
    decks.push(planned.file);
    parsed.push(planned.result);
  }
  const targets = new Map<string, string>();
  for (const d of decks) {
    const other = targets.get(d.target.toLowerCase());
    if (other !== undefined) throw new ValidationError(`"${other}" and "${d.name}" would both be saved as ${d.target}: rename one`);
    targets.set(d.target.toLowerCase(), d.name);
  }
  const placed = placeImages(
    decks.map((d) => ({ name: d.target.slice(group.group ? group.group.length + 1 : 0), text: decoder.decode(d.bytes) })),
    expanded.images,
  );
  const images = placed.map((f) => ({ name: f.name, target: targetOf(group.group, f.name), bytes: f.bytes }));
  for (const i of images) if (targets.has(i.target.toLowerCase())) throw new ValidationError(`${i.target} is uploaded twice`);

  const inDb = existingDecks(database.sqlite, decks.map((d) => d.deckId));
  const previewDecks: NotesPreviewDeck[] = decks.map((d, i) => {
    const { deck, errors } = parsed[i]!;
    const shift = (line: number) => Math.max(1, line - d.lineShift);
    const allErrors = [...errors];
    if (d.deckId === IMPORTED_HISTORY_DECK_ID) allErrors.push({ file: d.target, line: 1, message: `the deck name "${IMPORTED_HISTORY_DECK_ID}" is kept for imported review histories: choose another title` });
    const onDisk = fileState(root, d.target, d.bytes);
    const stored = inDb.get(d.deckId);
    return {
      deckId: d.deckId,
      name: d.name,
      file: d.target,
      title: deck?.title ?? title ?? "",
      group: group.group,
      notesMode: deck?.notesMode ?? false,
      exists: onDisk !== "absent" || stored !== undefined,
      existingTitle: stored?.title ?? null,
      cardCount: deck?.cards.length ?? 0,
      kinds: CARD_KINDS.map((kind) => ({ kind, count: deck?.cards.filter((c) => c.kind === kind).length ?? 0 })).filter((k) => k.count > 0),
      groups: deck ? cardGroups(deck, shift) : [],
      warnings: deck ? auditDeck(deck).map((w) => ({ file: w.file, line: shift(w.line), kind: w.kind, message: w.message })) : [],
      errors: allErrors.map((e) => ({ file: e.file, line: shift(e.line), message: e.message })),
    };
  });
  const previewImages = images.map((f) => ({ name: f.name, file: f.target, bytes: f.bytes.byteLength, exists: fileState(root, f.target, f.bytes) === "different" }));
  const errors = previewDecks.flatMap((d) => d.errors);
  const conflicts = [...previewDecks.filter((d) => d.exists).map((d) => d.file), ...previewImages.filter((i) => i.exists).map((i) => i.file)];
  return {
    root,
    decks,
    images,
    preview: {
      decks: previewDecks,
      images: previewImages,
      skipped: expanded.skipped,
      errors,
      conflicts,
      replace: options.replace ?? false,
      canImport: errors.length === 0 && (options.replace === true || conflicts.length === 0),
    },
  };
}

/**
 * One markdown source's file under the notes folder and its parse. Its name is the upload's (a
 * title given renames it), or for pasted notes made from the title (given, or the one the notes
 * give themselves). A title the notes do not already carry is put into their front matter.
 */
function planDeck(source: { name: string; bytes: Uint8Array; pasted: boolean }, group: string, title: string | undefined): { file: PlannedDeck; result: { deck: ParsedDeck | null; errors: ContentError[] } } {
  const folder = source.pasted ? "" : path.posix.dirname(source.name) === "." ? "" : path.posix.dirname(source.name);
  const nameFor = (t: string) => (folder ? `${folder}/` : "") + `${safeFileName(t)}.md`;
  let name = source.pasted || title ? null : source.name;
  if (name === null && !title) {
    // pasted notes without a title: the one they give themselves (front matter, first heading)
    const first = parseDeck(source.bytes, { file: PASTED, deckId: targetOf(group, "notes") });
    name = nameFor(first.deck?.title ?? "notes");
  }
  name ??= nameFor(title!);
  const target = targetOf(group, name);
  const deckId = target.replace(/\.md$/i, "");
  let bytes = source.bytes;
  let lineShift = 0;
  let result = parseDeck(bytes, { file: target, deckId });
  if (title && result.deck?.title !== title) {
    const titled = withTitle(decoder.decode(bytes), title);
    if (titled.lineShift !== 0 || titled.text !== decoder.decode(bytes)) {
      bytes = encoder.encode(titled.text);
      lineShift = titled.lineShift;
      result = parseDeck(bytes, { file: target, deckId });
    }
  }
  return { file: { name: source.pasted ? PASTED : source.name, target, deckId, bytes, lineShift }, result };
}

/** A deck's cards grouped by kind, then topic, in the order of the notes within each group. */
function cardGroups(deck: ParsedDeck, shift: (line: number) => number): NotesPreviewDeck["groups"] {
  const groups = new Map<string, NotesPreviewDeck["groups"][number]>();
  for (const kind of CARD_KINDS) {
    for (const card of deck.cards) {
      if (card.kind !== kind) continue;
      const key = `${kind}\u0000${card.topic.join("\u0000")}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { kind, topic: card.topic, cards: [] }));
      const prompt = shownText(card.prompt);
      g.cards.push({ line: shift(card.line), prompt: [...prompt].length > PROMPT_CHARS ? [...prompt].slice(0, PROMPT_CHARS).join("") + "…" : prompt, ...(card.generatedBy ? { generatedBy: card.generatedBy } : {}) });
    }
  }
  return [...groups.values()];
}

/** A card's question as plain text, its blocks (a question, the step it quotes) on one line: what the preview lists. */
function shownText(markdown: string): string {
  return parseMarkdown(markdown)
    .children.map((block) => plainText(block).replace(/\s+/g, " ").trim())
    .filter((t) => t !== "")
    .join(" — ");
}

/** Whether a file is under the notes folder already: absent, with the same bytes, or different. */
function fileState(root: string, target: string, bytes: Uint8Array): "absent" | "same" | "different" {
  const file = path.join(root, ...target.split("/"));
  let old: Buffer;
  try {
    old = fs.readFileSync(/*turbopackIgnore: true*/ file);
  } catch {
    return "absent";
  }
  return Buffer.compare(old, bytes) === 0 ? "same" : "different";
}
