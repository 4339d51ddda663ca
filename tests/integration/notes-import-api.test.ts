/**
 * `POST /api/v1/decks/import` (the route handler, in-process, on a real SQLite file and a real
 * notes folder): `?preview=1` writes nothing, the import answers what it did, bad input is a 4xx
 * with a message (never a 500), a body over the cap is a 413, another machine without a
 * passphrase a 403.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notesImportSchema, notesPreviewSchema } from "../../lib/api-schemas";
import { FRONT_DOOR } from "../../server/auth";
import { closeDb } from "../../server/db";
import { POST } from "../../app/api/v1/decks/import/route";
import { freshDb } from "./helpers";

let dir: string;
let root: string;
const env = { ...process.env };

beforeAll(async () => {
  const db = freshDb();
  dir = db.dir;
  await db.prisma.$disconnect();
  db.sqlite.close();
  root = path.join(dir, "notes");
  process.env.DATABASE_URL = `file:${db.file}`;
  process.env.MIANSHI_CONTENT_DIR = root;
});
afterAll(async () => {
  await closeDb();
  process.env = env;
  fs.rmSync(dir, { recursive: true, force: true });
});

const form = (fields: Record<string, string>, files: Array<[string, string | Uint8Array]> = []) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  for (const [name, body] of files) f.append("files", new Blob([typeof body === "string" ? body : new Uint8Array(body)]), name);
  return f;
};
const post = (body: FormData | string, query = "", headers: Record<string, string> = {}) => POST(new Request(`http://localhost/api/v1/decks/import${query}`, { method: "POST", body, headers }));

describe("POST /api/v1/decks/import", () => {
  it("?preview=1 answers the decks and cards and writes nothing; then the import writes the file and the deck", async () => {
    const fields = { text: "# Ops\n\nWhich agent runs dnsmasq? :: the DHCP agent\n", group: "ops" };
    const preview = await post(form(fields), "?preview=1");
    expect(preview.status).toBe(200);
    const body = notesPreviewSchema.parse(await preview.json());
    expect(body.decks.map((d) => [d.file, d.cardCount])).toEqual([["ops/Ops.md", 1]]);
    expect(fs.existsSync(root)).toBe(false);

    const imported = await post(form(fields));
    expect(imported.status).toBe(200);
    expect(notesImportSchema.parse(await imported.json()).decks).toEqual([expect.objectContaining({ deckId: "ops/Ops", status: "imported", added: 1 })]);
    expect(fs.readFileSync(path.join(root, "ops", "Ops.md"), "utf8")).toBe(fields.text);

    const again = await post(form(fields));
    expect(again.status).toBe(409);
    expect((await again.json()).error).toEqual({ code: "conflict", message: expect.stringContaining("ops/Ops.md already exists") });
    const replaced = await post(form({ ...fields, replace: "1" }));
    expect(replaced.status).toBe(200);
  });

  it("uploads files as multipart parts named files", async () => {
    const res = await post(form({ group: "up" }, [["a.md", "# A\n\nQ :: A\n"], ["b.md", "# B\n\nQ :: B\n"]]));
    expect(res.status).toBe(200);
    expect((await res.json()).decks.map((d: { deckId: string }) => d.deckId)).toEqual(["up/a", "up/b"]);
  });

  it.each([
    ["a traversal name", () => post(form({}, [["../x.md", "Q :: A\n"]])), 400, /".." would leave the notes folder/],
    ["an unknown field", () => post(form({ text: "Q :: A", colour: "red" })), 400, /colour/],
    ["a bad flag", () => post(form({ text: "Q :: A" }), "?preview=maybe"), 400, /preview/],
    ["a text field named files", () => post(form({ files: "x" })), 400, /files must be files/],
    ["a JSON body", () => post(JSON.stringify({ text: "Q :: A" }), "", { "content-type": "application/json" }), 415, /multipart\/form-data/],
    ["broken markdown", () => post(form({ text: "# D\n\n```\nopen\n", title: "Broken" })), 400, /^nothing was imported: Broken\.md:3: code fence/],
  ])("%s is a 4xx with the reason", async (_what, send, status, message) => {
    const res = await send();
    expect(res.status).toBe(status);
    expect((await res.json()).error.message).toMatch(message);
    expect(fs.existsSync(path.join(root, "x.md")) || fs.existsSync(path.join(dir, "x.md"))).toBe(false);
  });

  it("a body that says it is over the cap is a 413 before it is read", async () => {
    const res = await post(form({ text: "Q :: A" }), "", { "content-length": String(30 * 1024 * 1024) });
    expect(res.status).toBe(413);
    expect((await res.json()).error.message).toBe("an upload (at most 20 MB of files) may be at most 21 MB");
  });

  it("without a passphrase, a client on another machine may not import (403); one on this machine may", async () => {
    const global = globalThis as Record<symbol, unknown>;
    const was = global[FRONT_DOOR];
    global[FRONT_DOOR] = true;
    try {
      const far = await post(form({ text: "# Far\n\nQ :: A\n" }), "", { "x-forwarded-for": "192.168.1.20" });
      expect(far.status).toBe(403);
      expect((await far.json()).error.code).toBe("forbidden");
      const near = await post(form({ text: "# Near\n\nQ :: A\n" }), "?preview=1", { "x-forwarded-for": "127.0.0.1" });
      expect(near.status).toBe(200);
    } finally {
      global[FRONT_DOOR] = was;
    }
  });
});
