/**
 * Notes in through the New deck page / import API (issue "your notes in, while it runs"): the
 * preview writes nothing, the import saves the files under the notes folder and imports them with
 * the one content import, a re-import with replace keeps review history, names that would leave
 * the notes folder and uploads over the caps are refused, and a deck with an error writes nothing.
 * Real SQLite files, real folders.
 */
import fs from "node:fs";
import path from "node:path";
import { zipSync } from "fflate";
import { afterEach, describe, expect, it } from "vitest";
import { notesImportSchema, notesPreviewSchema } from "../../lib/api-schemas";
import { UPLOAD_LIMITS } from "../../lib/content/upload";
import { AppError, ConflictError, PayloadTooLargeError, ValidationError } from "../../server/errors";
import { importNotes } from "../../server/use-cases/decks/import-notes";
import { previewNotes } from "../../server/use-cases/decks/preview-notes";
import { recordReview } from "../../server/use-cases/study/record-review";
import { readAsset } from "../../server/use-cases/read-asset";
import { count, freshDb } from "./helpers";

const NOW = new Date("2026-12-01T08:00:00Z");
const FIXTURES = path.join(import.meta.dirname, "..", "fixtures", "new-deck");
const k8s = fs.readFileSync(path.join(FIXTURES, "k8s-notes.md"), "utf8");
const file = (name: string, from = name) => ({ name, bytes: new Uint8Array(fs.readFileSync(path.join(FIXTURES, from))) });
const text = (name: string, s: string) => ({ name, bytes: new TextEncoder().encode(s) });

const dbs: Array<ReturnType<typeof freshDb>> = [];
afterEach(async () => {
  for (const d of dbs.splice(0)) await d.close();
});
function setup() {
  const db = freshDb();
  dbs.push(db);
  const root = path.join(db.dir, "notes");
  return { db, root, opts: { db, contentRoot: root, now: NOW } };
}
/** Every file under a folder, relative, sorted ([] when it does not exist). */
function filesUnder(root: string): string[] {
  if (!fs.existsSync(root)) return [];
  return (fs.readdirSync(root, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .sort();
}
async function refusal(p: Promise<unknown> | (() => unknown)): Promise<AppError> {
  try {
    await (typeof p === "function" ? p() : p);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("not refused");
}

describe("preview", () => {
  it("shows the deck, its cards by kind and topic with counts, and the audit's warnings with lines; writes no file and no row", () => {
    const { db, root, opts } = setup();
    const preview = previewNotes({ ...opts, text: k8s, group: "k8s" });
    notesPreviewSchema.parse(preview);
    expect(preview.canImport).toBe(true);
    expect(preview.decks).toHaveLength(1);
    const deck = preview.decks[0]!;
    expect(deck).toMatchObject({ deckId: "k8s/Kubernetes面试问题", file: "k8s/Kubernetes面试问题.md", title: "Kubernetes面试问题", name: "pasted notes", notesMode: true, exists: false, cardCount: 13 });
    expect(deck.kinds).toEqual([
      { kind: "basic", count: 7 },
      { kind: "cloze", count: 2 },
      { kind: "ordering", count: 1 },
      { kind: "open", count: 3 },
    ]);
    const ordering = deck.groups.find((g) => g.kind === "ordering")!;
    expect(ordering).toEqual({ kind: "ordering", topic: ["Kubernetes创建Pod流程"], cards: [{ line: 5, prompt: "把「Kubernetes创建Pod流程」的步骤按顺序排好", generatedBy: expect.any(String) }] });
    expect(deck.groups.reduce((n, g) => n + g.cards.length, 0)).toBe(13);
    expect(deck.warnings).toEqual([
      expect.objectContaining({ file: "k8s/Kubernetes面试问题.md", line: 18, kind: "empty-section" }),
      expect.objectContaining({ file: "k8s/Kubernetes面试问题.md", line: 19, kind: "unused-prose" }),
    ]);
    expect(deck.errors).toEqual([]);
    expect(filesUnder(root)).toEqual([]);
    expect(count(db, "SELECT COUNT(*) AS n FROM Deck")).toBe(0);
    expect(count(db, "SELECT COUNT(*) AS n FROM Card")).toBe(0);
  });

  it("a title the notes do not carry goes into front matter, and the preview still reports lines of the text as pasted", () => {
    const { opts } = setup();
    const preview = previewNotes({ ...opts, text: k8s, title: "K8s 面试: Pod & Service" });
    const deck = preview.decks[0]!;
    expect(deck).toMatchObject({ file: "K8s-面试-Pod-Service.md", title: "K8s 面试: Pod & Service" });
    expect(deck.warnings.map((w) => w.line)).toContain(19);
  });
});

describe("import", () => {
  it("saves the pasted notes under the notes folder and imports the deck and its cards", async () => {
    const { db, root, opts } = setup();
    const result = await importNotes({ ...opts, text: k8s, group: "k8s", title: "Kubernetes面试问题" });
    notesImportSchema.parse(result);
    expect(result.decks).toEqual([{ deckId: "k8s/Kubernetes面试问题", file: "k8s/Kubernetes面试问题.md", title: "Kubernetes面试问题", status: "imported", added: 13, updated: 0, retired: 0, unchanged: 0 }]);
    expect(filesUnder(root)).toEqual(["k8s/Kubernetes面试问题.md"]);
    // the title was the notes' own: the file is the text as pasted, byte for byte
    expect(fs.readFileSync(path.join(root, "k8s", "Kubernetes面试问题.md"), "utf8")).toBe(k8s);
    expect(db.sqlite.prepare("SELECT groupPath, notesMode, title FROM Deck WHERE id = ?").get("k8s/Kubernetes面试问题")).toEqual({ groupPath: "k8s", notesMode: 1, title: "Kubernetes面试问题" });
    expect(count(db, "SELECT COUNT(*) AS n FROM Card WHERE deckId = ? AND retired = 0", "k8s/Kubernetes面试问题")).toBe(13);
  });

  it("uploads two files and an image: saved beside each other, the card's image served from the notes folder", async () => {
    const { db, root, opts } = setup();
    const result = await importNotes({ ...opts, group: "net", files: [file("tcp-handshake.md", "upload/tcp-handshake.md"), file("dns-basics.md", "upload/dns-basics.md"), file("images/handshake.png", "upload/images/handshake.png")] });
    expect(result.decks.map((d) => [d.deckId, d.added])).toEqual([
      ["net/tcp-handshake", 2],
      ["net/dns-basics", 1],
    ]);
    expect(result.images).toEqual(["net/images/handshake.png"]);
    expect(filesUnder(root)).toEqual(["net/dns-basics.md", "net/images/handshake.png", "net/tcp-handshake.md"]);
    const html = (db.sqlite.prepare("SELECT answerHtml FROM Card WHERE deckId = 'net/tcp-handshake' AND prompt LIKE 'Which three%'").get() as { answerHtml: string }).answerHtml;
    expect(html).toContain('src="/api/v1/assets/net/images/handshake.png"');
    const asset = await readAsset({ path: ["net", "images", "handshake.png"], contentRoot: root });
    expect(asset.type).toBe("image/png");
  });

  it("an image chosen by its bare name goes where the notes link to it", async () => {
    const { root, opts } = setup();
    const preview = previewNotes({ ...opts, group: "net", files: [file("tcp-handshake.md", "upload/tcp-handshake.md"), file("handshake.png", "upload/images/handshake.png")] });
    expect(preview.images).toEqual([{ name: "images/handshake.png", file: "net/images/handshake.png", bytes: 113, exists: false }]);
    await importNotes({ ...opts, group: "net", files: [file("tcp-handshake.md", "upload/tcp-handshake.md"), file("handshake.png", "upload/images/handshake.png")] });
    expect(filesUnder(root)).toEqual(["net/images/handshake.png", "net/tcp-handshake.md"]);
  });

  it("a zip of notes with their images imports the same way; hidden files and other types are left out and said so", async () => {
    const { root, opts } = setup();
    const zip = zipSync({
      "notes/tcp-handshake.md": fs.readFileSync(path.join(FIXTURES, "upload/tcp-handshake.md")),
      "notes/images/handshake.png": fs.readFileSync(path.join(FIXTURES, "upload/images/handshake.png")),
      "notes/.DS_Store": new Uint8Array([0]),
      "notes/todo.txt": new TextEncoder().encode("later"),
    });
    const preview = previewNotes({ ...opts, files: [{ name: "notes.zip", bytes: zip }] });
    expect(preview.skipped).toEqual([{ name: "notes/todo.txt", reason: expect.stringContaining("only .md notes") }]);
    await importNotes({ ...opts, files: [{ name: "notes.zip", bytes: zip }] });
    expect(filesUnder(root)).toEqual(["notes/images/handshake.png", "notes/tcp-handshake.md"]);
  });

  it("refuses to overwrite an existing deck without replace (409, nothing written); with replace it re-imports and keeps review history", async () => {
    const { db, root, opts } = setup();
    await importNotes({ ...opts, text: k8s, group: "k8s" });
    const card = db.sqlite.prepare("SELECT id FROM Card WHERE deckId = ? AND kind = 'ordering'").get("k8s/Kubernetes面试问题") as { id: string };
    await recordReview({ db, cardId: card.id, rating: 3, now: new Date(NOW.getTime() + 60_000) });
    const edited = k8s.replace("kube-scheduler 把绑定结果写回 apiserver。", "kube-scheduler 把绑定结果（Binding）写回 apiserver。");

    const preview = previewNotes({ ...opts, text: edited, group: "k8s" });
    expect(preview.decks[0]).toMatchObject({ exists: true, existingTitle: "Kubernetes面试问题" });
    expect(preview).toMatchObject({ conflicts: ["k8s/Kubernetes面试问题.md"], canImport: false });
    const refused = await refusal(importNotes({ ...opts, text: edited, group: "k8s" }));
    expect(refused).toBeInstanceOf(ConflictError);
    expect(refused.message).toMatch(/k8s\/Kubernetes面试问题\.md already exists; import with replace/);
    expect(fs.readFileSync(path.join(root, "k8s", "Kubernetes面试问题.md"), "utf8")).toBe(k8s);

    const again = await importNotes({ ...opts, text: edited, group: "k8s", replace: true });
    expect(again.decks[0]).toMatchObject({ status: "imported", added: 0, retired: 0 });
    expect(again.decks[0]!.updated).toBeGreaterThan(0);
    expect(fs.readFileSync(path.join(root, "k8s", "Kubernetes面试问题.md"), "utf8")).toBe(edited);
    expect(count(db, "SELECT COUNT(*) AS n FROM Review WHERE cardId = ?", card.id)).toBe(1);
    expect(db.sqlite.prepare("SELECT reps, retired FROM Card WHERE id = ?").get(card.id)).toEqual({ reps: 1, retired: 0 });
  });

  it("the same file sent again with replace (a watcher's call) is unchanged and not rewritten", async () => {
    const { root, opts } = setup();
    await importNotes({ ...opts, files: [text("a.md", "# A\n\nQ :: A\n")] });
    const before = fs.statSync(path.join(root, "a.md")).mtimeMs;
    const again = await importNotes({ ...opts, files: [text("a.md", "# A\n\nQ :: A\n")], replace: true });
    expect(again.decks[0]).toMatchObject({ status: "unchanged", unchanged: 1 });
    expect(fs.statSync(path.join(root, "a.md")).mtimeMs).toBe(before);
  });
});

describe("refusals: nothing written", () => {
  it.each([
    ["../escape.md", /".." would leave the notes folder/],
    ["notes/../../escape.md", /".." would leave the notes folder/],
    ["/etc/escape.md", /absolute path is refused/],
    ["C:/escape.md", /absolute path is refused/],
    ["notes\\escape.md", /backslash/],
    ["esc\u0000ape.md", /NUL/],
  ])("a file named %j is refused (400)", async (name, message) => {
    const { db, root, opts } = setup();
    const e = await refusal(importNotes({ ...opts, files: [text(name, "# X\n\nQ :: A\n")] }));
    expect(e).toBeInstanceOf(ValidationError);
    expect(e.message).toMatch(message);
    expect(filesUnder(root)).toEqual([]);
    expect(filesUnder(path.dirname(root)).filter((f) => f.includes("escape"))).toEqual([]);
    expect(count(db, "SELECT COUNT(*) AS n FROM Deck")).toBe(0);
  });

  it("a group or zip entry that would leave the notes folder is refused", async () => {
    const { opts } = setup();
    expect((await refusal(importNotes({ ...opts, text: "Q :: A", group: "../up" }))).message).toMatch(/group .*".." would leave the notes folder/);
    const zip = zipSync({ "../evil.md": new TextEncoder().encode("Q :: A\n") });
    expect((await refusal(importNotes({ ...opts, files: [{ name: "n.zip", bytes: zip }] }))).message).toMatch(/".." would leave the notes folder/);
  });

  it("a folder of the notes root that links outside it is refused", async () => {
    const { db, root, opts } = setup();
    const outside = path.join(db.dir, "outside");
    fs.mkdirSync(outside);
    fs.mkdirSync(root);
    fs.symlinkSync(outside, path.join(root, "linked"));
    const e = await refusal(importNotes({ ...opts, group: "linked", text: "# X\n\nQ :: A\n" }));
    expect(e.message).toMatch(/leads outside the notes folder/);
    expect(fs.readdirSync(outside)).toEqual([]);
  });

  it("over the caps: too many files, a markdown file over 2 MB, an upload over 20 MB are 413 with a clear message", async () => {
    const { root, opts } = setup();
    const many = Array.from({ length: UPLOAD_LIMITS.files + 1 }, (_, i) => text(`d${i}.md`, `Q${i} :: A\n`));
    const tooMany = await refusal(importNotes({ ...opts, files: many }));
    expect(tooMany).toBeInstanceOf(PayloadTooLargeError);
    expect(tooMany.message).toBe("51 files: at most 50 files can be imported at once");
    const big = await refusal(importNotes({ ...opts, files: [text("big.md", "Q :: A\n" + "x".repeat(2 * 1024 * 1024))] }));
    expect(big.message).toBe("big.md is 2 MB: a deck file may be at most 2 MB");
    const png = fs.readFileSync(path.join(FIXTURES, "upload/images/handshake.png"));
    const images = Array.from({ length: 5 }, (_, i) => ({ name: `i${i}.png`, bytes: new Uint8Array(Buffer.concat([png, Buffer.alloc(4.5 * 1024 * 1024)])) }));
    const total = await refusal(importNotes({ ...opts, files: [text("a.md", "Q :: A\n"), ...images] }));
    expect(total).toBeInstanceOf(PayloadTooLargeError);
    expect(total.message).toMatch(/^the files add up to 22\.5 MB: at most 20 MB can be imported at once$/);
    const bomb = zipSync({ "a.md": new Uint8Array(25 * 1024 * 1024) });
    expect((await refusal(importNotes({ ...opts, files: [{ name: "bomb.zip", bytes: bomb }] }))).message).toBe("bomb.zip unpacks to 25 MB: at most 20 MB can be imported at once");
    expect(filesUnder(root)).toEqual([]);
  });

  it("an SVG, or an image whose bytes are not its type, is refused", async () => {
    const { opts } = setup();
    const svg = await refusal(importNotes({ ...opts, files: [text("a.md", "Q :: A\n"), text("x.svg", "<svg onload='alert(1)'/>")] }));
    expect(svg.message).toMatch(/x\.svg: SVG images are refused/);
    const fake = await refusal(importNotes({ ...opts, files: [text("a.md", "Q :: A\n"), text("x.png", "<html>")] }));
    expect(fake.message).toBe("x.png is not a PNG image (its bytes say otherwise)");
  });

  it("malformed markdown: the preview names file and line, the import is a 400 naming them, and nothing is written", async () => {
    const { db, root, opts } = setup();
    const broken = "# Deck\n\nGood :: card\n\n```js\nnever closed\n";
    const files = [text("good.md", "# Good\n\nQ :: A\n"), text("broken.md", broken)];
    const preview = previewNotes({ ...opts, files, group: "g" });
    expect(preview.canImport).toBe(false);
    expect(preview.errors).toEqual([{ file: "g/broken.md", line: 5, message: "code fence ``` opened here is never closed" }]);
    const e = await refusal(importNotes({ ...opts, files, group: "g" }));
    expect(e).toBeInstanceOf(ValidationError);
    expect(e.message).toBe("nothing was imported: g/broken.md:5: code fence ``` opened here is never closed");
    expect(filesUnder(root)).toEqual([]);
    expect(count(db, "SELECT COUNT(*) AS n FROM Deck")).toBe(0);
  });

  it("nothing to import, or a title for several decks, is a 400", async () => {
    const { opts } = setup();
    expect((await refusal(importNotes({ ...opts, text: "  " }))).message).toMatch(/nothing to import/);
    expect((await refusal(importNotes({ ...opts, title: "T", files: [text("a.md", "Q :: A\n"), text("b.md", "Q :: B\n")] }))).message).toMatch(/a title names one deck/);
  });
});
