/** Finding deck files on disk and naming them. */
import fs from "node:fs";
import path from "node:path";

export const DEFAULT_CONTENT_ROOT = "content";

/**
 * The notes folder: every markdown file under it is a deck, and notes imported through the New
 * deck page, the import API or the CLI are saved into it. content/ unless MIANSHI_CONTENT_DIR
 * names another folder.
 */
export function contentRoot(env: Record<string, string | undefined> = process.env): string {
  return env.MIANSHI_CONTENT_DIR?.trim() || DEFAULT_CONTENT_ROOT;
}

export interface DeckFile {
  /** absolute path */
  absolute: string;
  /** path as shown in messages, relative to the working directory */
  display: string;
  /** deck id: path under its root, without ".md", with "/" separators */
  deckId: string;
}

export function isDeckFile(name: string): boolean {
  return name.toLowerCase().endsWith(".md") && name.toLowerCase() !== "readme.md";
}

function walk(dir: string, out: string[]) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.isFile() && isDeckFile(entry.name)) out.push(full);
  }
}

/**
 * Expands the given paths (files or folders) into deck files. A file inside the content root
 * is named by its path under the root; any other file by its path under the folder given
 * (or its own name when it was given directly).
 */
export function findDeckFiles(paths: string[], root_: string = contentRoot()): DeckFile[] {
  const root = path.resolve(/*turbopackIgnore: true*/ root_);
  const out: DeckFile[] = [];
  for (const p of paths) {
    const abs = path.resolve(/*turbopackIgnore: true*/ p);
    if (!fs.existsSync(abs)) throw new Error(`${p}: no such file or folder`);
    const files: string[] = [];
    let base: string;
    if (fs.statSync(abs).isDirectory()) {
      walk(abs, files);
      base = abs;
    } else {
      files.push(abs);
      base = path.dirname(abs);
    }
    for (const f of files) {
      const inRoot = f.startsWith(root + path.sep);
      const rel = path.relative(inRoot ? root : base, f).split(path.sep).join("/");
      out.push({ absolute: f, display: path.relative(process.cwd(), f) || f, deckId: rel.replace(/\.md$/i, "") });
    }
  }
  return out;
}

/**
 * The deck file a path under the notes folder names, whether or not it exists (a removed file
 * still names its deck), as findDeckFiles names it; null for a path that is not a deck file
 * there (outside the folder, README.md, not markdown, under a hidden folder or node_modules).
 */
export function deckFileUnder(root_: string, file: string): DeckFile | null {
  const root = path.resolve(/*turbopackIgnore: true*/ root_);
  const absolute = path.resolve(/*turbopackIgnore: true*/ root, file);
  if (!absolute.startsWith(root + path.sep) || !isDeckFile(path.basename(absolute))) return null;
  const parts = path.relative(root, absolute).split(path.sep);
  if (parts.some((p) => p.startsWith(".") || p === "node_modules")) return null;
  return { absolute, display: path.relative(process.cwd(), absolute) || absolute, deckId: parts.join("/").replace(/\.md$/i, "") };
}
