import fs from "node:fs/promises";
import path from "node:path";
import { contentRoot } from "../content-files";
import { NotFoundError } from "../errors";

const TYPES: Record<string, string> = {
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  // audio of imported Anki notes ([sound:…])
  ".mp3": "audio/mpeg",
  ".ogg": "audio/ogg",
  ".oga": "audio/ogg",
  ".opus": "audio/ogg",
  ".wav": "audio/wav",
  ".m4a": "audio/mp4",
  ".flac": "audio/flac",
};

/**
 * An image (or an imported Anki note's audio) stored under the content root; anything else (or outside it) is not found. "Under"
 * is checked twice: the path as given, then the real path once symbolic links are followed, so a
 * `deck/link.png -> ~/.ssh/id_rsa` (or a linked folder) in a cloned deck repository serves nothing.
 */
export async function readAsset(options: { path: string[]; contentRoot?: string }): Promise<{ body: Buffer; type: string }> {
  const root = path.resolve(/*turbopackIgnore: true*/ options.contentRoot ?? contentRoot());
  const file = path.resolve(/*turbopackIgnore: true*/ root, ...options.path);
  const type = TYPES[path.extname(file).toLowerCase()];
  if (!file.startsWith(root + path.sep) || !type) throw new NotFoundError("no such asset");
  try {
    const [realRoot, realFile] = await Promise.all([fs.realpath(root), fs.realpath(file)]);
    if (!realFile.startsWith(realRoot + path.sep) || TYPES[path.extname(realFile).toLowerCase()] !== type) throw new NotFoundError("no such asset");
    // read by its real path, the one that was checked
    return { body: await fs.readFile(realFile), type };
  } catch {
    throw new NotFoundError("no such asset");
  }
}
