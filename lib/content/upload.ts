/**
 * Notes brought in through the New deck page, the import API or the CLI while the server runs:
 * what may be uploaded (caps, names, image types), a `.zip` opened into its files, and where
 * each file goes under the notes folder. Pure: bytes and names in, a plan out; the server
 * parses the decks (lib/content/parse.ts, the one parser), writes the files and imports them.
 */
import path from "node:path";
import { unzipSync } from "fflate";
import YAML from "yaml";
import { MAX_FILE_BYTES } from "./parse";

export const UPLOAD_LIMITS = {
  /** files in one upload, after a zip is opened (markdown and images) */
  files: 50,
  /** one markdown file: the parser's own limit */
  markdownBytes: MAX_FILE_BYTES,
  /** one image */
  imageBytes: 5 * 1024 * 1024,
  /** everything uploaded at once, a zip's files counted as they are unpacked */
  totalBytes: 20 * 1024 * 1024,
  /** a title or a group, in characters */
  nameChars: 120,
} as const;

/** Images stored beside the notes, by extension: the types the assets route serves. SVG is refused (it can carry script). */
export const IMAGE_EXTENSIONS = [".png", ".jpg", ".jpeg", ".gif", ".webp"] as const;

export interface UploadedFile {
  /** the name as uploaded, a relative path for a folder's files ("notes/images/a.png") */
  name: string;
  bytes: Uint8Array;
}

/** Why an upload is refused as a whole: too large (413) or not acceptable (400). */
export interface UploadProblem {
  tooLarge: boolean;
  message: string;
}

export interface PlannedFile {
  /** the name as uploaded (or "pasted notes") */
  name: string;
  /** the path under the notes folder, with "/" separators: group/name */
  target: string;
  bytes: Uint8Array;
}

export interface PlannedDeck extends PlannedFile {
  /** the deck id the file will have: target without ".md" */
  deckId: string;
  /** lines added at the top (a title put into front matter): the preview reports lines of the text as given */
  lineShift: number;
}

export interface NotesPlan {
  decks: PlannedDeck[];
  images: PlannedFile[];
  /** files left out, with why (a hidden file, a type that is not imported) */
  skipped: Array<{ name: string; reason: string }>;
}

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
const extOf = (name: string) => path.posix.extname(name).toLowerCase();
const isMarkdown = (name: string) => extOf(name) === ".md";
const isImage = (name: string) => (IMAGE_EXTENSIONS as readonly string[]).includes(extOf(name));

/**
 * A relative path that stays inside the folder it is joined to, with "/" separators, or the
 * reason it is refused: empty, absolute (`/x`, `C:x`), a `..` segment, a backslash, NUL or
 * another control character. `./` segments and doubled slashes are dropped.
 */
export function checkRelativePath(name: string): { path: string } | { refused: string } {
  const shown = JSON.stringify(name.length > 80 ? name.slice(0, 80) + "…" : name);
  if (name.includes("\0")) return { refused: `${shown}: a file name may not contain NUL` };
  if (/[\u0001-\u001f\u007f]/.test(name)) return { refused: `${shown}: a file name may not contain control characters` };
  if (name.includes("\\")) return { refused: `${shown}: a file name may not contain a backslash` };
  if (name.startsWith("/") || /^[a-zA-Z]:/.test(name)) return { refused: `${shown}: an absolute path is refused, the notes folder takes relative names only` };
  const segments = name.split("/").filter((s) => s !== "" && s !== ".");
  if (segments.some((s) => s === "..")) return { refused: `${shown}: ".." would leave the notes folder` };
  if (segments.length === 0) return { refused: `${shown}: an empty file name` };
  if (segments.some((s) => s.length > 200)) return { refused: `${shown}: a file name part is longer than 200 characters` };
  return { path: segments.join("/") };
}

/**
 * A file name (without ".md") made from a deck's title: letters of any script (Chinese too),
 * digits, "-" and "_", white space as "-", everything else dropped; never empty, never
 * README (not a deck) nor the imported history's name.
 */
export function safeFileName(title: string): string {
  const name = title
    .normalize("NFC")
    .trim()
    .replace(/\s+/g, "-")
    .replace(/[^\p{L}\p{N}\p{M}_-]+/gu, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^[-_]+|[-_]+$/g, "");
  const cut = [...name].slice(0, 80).join("").replace(/[-_]+$/, "");
  if (cut === "") return "notes";
  if (/^(readme|imported-history)$/i.test(cut)) return `${cut}-notes`;
  return cut;
}

/** A group (folder under the notes folder, "" for none, "a/b" nested), checked; white space becomes "-". */
export function checkGroup(group: string): { group: string } | { refused: string } {
  const trimmed = group.trim();
  if (trimmed === "") return { group: "" };
  if ([...trimmed].length > UPLOAD_LIMITS.nameChars) return { refused: `the group may be at most ${UPLOAD_LIMITS.nameChars} characters` };
  const checked = checkRelativePath(trimmed);
  if ("refused" in checked) return { refused: `group ${checked.refused}` };
  const segments = checked.path.split("/").map((s) => s.trim().replace(/\s+/g, "-"));
  for (const s of segments) {
    if (!/^[\p{L}\p{N}\p{M}][\p{L}\p{N}\p{M}_.-]*$/u.test(s)) return { refused: `group "${trimmed}": a folder name is letters, digits, "-", "_" and ".", starting with a letter or digit` };
  }
  return { group: segments.join("/") };
}

/** Whether bytes start like an image of their extension's type (a renamed HTML file is no PNG). */
export function looksLikeImage(name: string, bytes: Uint8Array): boolean {
  const at = (offset: number, ...sig: number[]) => sig.every((b, i) => bytes[offset + i] === b);
  switch (extOf(name)) {
    case ".png":
      return at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
    case ".jpg":
    case ".jpeg":
      return at(0, 0xff, 0xd8, 0xff);
    case ".gif":
      return at(0, 0x47, 0x49, 0x46, 0x38);
    case ".webp":
      return at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50);
    default:
      return false;
  }
}

/** Files a folder or zip of notes carries that are nobody's notes: left out silently. */
const isJunk = (name: string) => name.split("/").some((s) => (s.startsWith(".") && s !== "." && s !== "..") || s === "__MACOSX");

/**
 * The uploaded files with every `.zip` opened into its files (names inside the zip kept), each
 * name checked, the caps applied (file count, size of each file, total unpacked size), and the
 * files sorted into markdown, images and skipped. A name that tries to leave the notes folder,
 * an SVG, an image that is not what its extension says, or a cap passed refuses the whole upload.
 */
export function expandUpload(files: UploadedFile[]): { markdown: UploadedFile[]; images: UploadedFile[]; skipped: NotesPlan["skipped"] } | { problem: UploadProblem } {
  const out: UploadedFile[] = [];
  let total = 0;
  const tooLarge = (message: string) => ({ problem: { tooLarge: true, message } });
  const refused = (message: string) => ({ problem: { tooLarge: false, message } });
  const skipped: NotesPlan["skipped"] = [];
  for (const file of files) {
    if (extOf(file.name) !== ".zip") {
      total += file.bytes.byteLength;
      out.push(file);
      continue;
    }
    let entries: Record<string, Uint8Array>;
    let declared = 0;
    let count = 0;
    try {
      entries = unzipSync(file.bytes, {
        // sizes as the zip declares them, checked before anything is unpacked (a zip bomb
        // declares its real size, or is cut to the size it declares: fflate never grows the buffer)
        filter: (entry) => {
          if (entry.name.endsWith("/") || isJunk(entry.name)) return false;
          count++;
          declared += entry.originalSize;
          return count <= UPLOAD_LIMITS.files && total + declared <= UPLOAD_LIMITS.totalBytes;
        },
      });
    } catch (e) {
      return refused(`${file.name}: not a zip file that can be read (${(e as Error).message})`);
    }
    if (count > UPLOAD_LIMITS.files) return tooLarge(`${file.name} holds ${count} files: at most ${UPLOAD_LIMITS.files} files can be imported at once`);
    if (total + declared > UPLOAD_LIMITS.totalBytes) return tooLarge(`${file.name} unpacks to ${mb(declared)}: at most ${mb(UPLOAD_LIMITS.totalBytes)} can be imported at once`);
    for (const [name, bytes] of Object.entries(entries)) {
      total += bytes.byteLength;
      out.push({ name, bytes });
    }
  }
  const kept = out.filter((f) => !isJunk(f.name));
  if (kept.length > UPLOAD_LIMITS.files) return tooLarge(`${kept.length} files: at most ${UPLOAD_LIMITS.files} files can be imported at once`);
  if (total > UPLOAD_LIMITS.totalBytes) return tooLarge(`the files add up to ${mb(total)}: at most ${mb(UPLOAD_LIMITS.totalBytes)} can be imported at once`);
  const markdown: UploadedFile[] = [];
  const images: UploadedFile[] = [];
  const seen = new Set<string>();
  for (const file of kept) {
    const checked = checkRelativePath(file.name);
    if ("refused" in checked) return refused(checked.refused);
    const name = checked.path;
    if (seen.has(name.toLowerCase())) return refused(`"${name}" is uploaded twice`);
    seen.add(name.toLowerCase());
    if (isMarkdown(name)) {
      if (file.bytes.byteLength > UPLOAD_LIMITS.markdownBytes) return tooLarge(`${name} is ${mb(file.bytes.byteLength)}: a deck file may be at most ${mb(UPLOAD_LIMITS.markdownBytes)}`);
      if (path.posix.basename(name).toLowerCase() === "readme.md") skipped.push({ name, reason: "README.md is documentation, never a deck" });
      else markdown.push({ name, bytes: file.bytes });
    } else if (isImage(name)) {
      if (file.bytes.byteLength > UPLOAD_LIMITS.imageBytes) return tooLarge(`${name} is ${mb(file.bytes.byteLength)}: an image may be at most ${mb(UPLOAD_LIMITS.imageBytes)}`);
      if (!looksLikeImage(name, file.bytes)) return refused(`${name} is not a ${extOf(name).slice(1).toUpperCase()} image (its bytes say otherwise)`);
      images.push({ name, bytes: file.bytes });
    } else if (extOf(name) === ".svg") {
      return refused(`${name}: SVG images are refused (an SVG can carry script); convert it to PNG`);
    } else {
      skipped.push({ name, reason: `only .md notes and ${IMAGE_EXTENSIONS.join(", ")} images are imported` });
    }
  }
  return { markdown, images, skipped };
}

const FRONT_MATTER = /^(\ufeff?)---[ \t]*\r?\n([\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)/;

/**
 * The text with `title` as its deck title in front matter (added, or its title key set), and how
 * many lines were added at the top, so that lines the parser reports can be told as lines of the
 * text the user gave. Front matter that is not a YAML map is left alone (the parser says why).
 */
export function withTitle(text: string, title: string): { text: string; lineShift: number } {
  const lines = (s: string) => s.split("\n").length - 1;
  const m = FRONT_MATTER.exec(text);
  if (!m) {
    const block = `---\n${YAML.stringify({ title }).trimEnd()}\n---\n\n`;
    return { text: block + text, lineShift: lines(block) };
  }
  const doc = YAML.parseDocument(m[2] ?? "");
  if (doc.errors.length > 0 || !(YAML.isMap(doc.contents) || doc.contents === null)) return { text, lineShift: 0 };
  doc.set("title", title);
  const block = `${m[1]}---\n${doc.toString().trimEnd()}\n---\n`;
  return { text: block + text.slice(m[0].length), lineShift: lines(block) - lines(m[0]) };
}

/**
 * The relative image links of a markdown text that stay beside or below it (`images/a.png`;
 * never remote, absolute or `../`), as normalized paths.
 */
export function linkedImages(markdown: string): string[] {
  const out = new Set<string>();
  for (const m of markdown.matchAll(/!\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)|^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)) {
    let link: string;
    try {
      link = decodeURI((m[1] ?? m[2] ?? "").split(/[?#]/)[0]!);
    } catch {
      continue;
    }
    const clean = path.posix.normalize(link);
    if (clean === "." || /^[a-z][a-z0-9+.-]*:|^\/|^\.\.(\/|$)/i.test(clean)) continue;
    if (isImage(clean)) out.add(clean);
  }
  return [...out];
}

/**
 * Images chosen one by one arrive by their bare name (`a.png`) while the notes link to them in
 * their folder (`images/a.png`): such an image goes where the notes link to it, when exactly one
 * linked path of the upload has its name. An image with a folder in its name stays where it is.
 */
export function placeImages(markdown: Array<{ name: string; text: string }>, images: UploadedFile[]): UploadedFile[] {
  const wanted = new Map<string, Set<string>>();
  for (const m of markdown) {
    const folder = path.posix.dirname(m.name);
    for (const link of linkedImages(m.text)) {
      const at = folder === "." ? link : `${folder}/${link}`;
      const base = path.posix.basename(at).toLowerCase();
      if (!wanted.has(base)) wanted.set(base, new Set());
      wanted.get(base)!.add(at);
    }
  }
  const taken = new Set(images.map((i) => i.name.toLowerCase()));
  return images.map((image) => {
    if (image.name.includes("/")) return image;
    const paths = [...(wanted.get(image.name.toLowerCase()) ?? [])];
    if (paths.length !== 1 || paths[0] === image.name || taken.has(paths[0]!.toLowerCase())) return image;
    return { name: paths[0]!, bytes: image.bytes };
  });
}

/** Where files go: under the group, keeping an upload's relative paths (so `![](images/a.png)` still finds its image). */
export function targetOf(group: string, name: string): string {
  return group ? `${group}/${name}` : name;
}
