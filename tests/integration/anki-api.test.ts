/** Issue 17: `POST /api/v1/anki/import` and `npm run anki -- import` over a fixture package. */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as importRoute } from "../../app/api/v1/anki/import/route";
import { closeDb } from "../../server/db";
import { buildAnkiPackage } from "../fixtures/anki/build";
import { freshDb } from "./helpers";

let file = "";
let content = "";
beforeAll(async () => {
  const db = freshDb();
  await db.prisma.$disconnect();
  db.sqlite.close();
  file = db.file;
  content = fs.mkdtempSync(path.join(os.tmpdir(), "mianshi-anki-content-"));
  process.env.DATABASE_URL = `file:${db.file}`;
  process.env.MIANSHI_CONTENT_DIR = content;
});
afterAll(async () => {
  await closeDb();
  delete process.env.MIANSHI_CONTENT_DIR;
  fs.rmSync(content, { recursive: true, force: true });
});

const post = (body: BodyInit, type: string, query = "") => new Request(`http://localhost/api/v1/anki/import${query}`, { method: "POST", body, headers: { "content-type": type } });

describe("the Anki import API", () => {
  it("imports a raw package body and a multipart one; refuses bad input with a clear 4xx", async () => {
    const ok = await importRoute(post(new Uint8Array(buildAnkiPackage({ format: "latest" })), "application/octet-stream", "?name=deck.apkg"));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ cardsAdded: 7, reviewsAdded: 8 });
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(buildAnkiPackage({ format: "latest" }))]), "deck.apkg");
    const again = await importRoute(new Request("http://localhost/api/v1/anki/import", { method: "POST", body: form }));
    expect(await again.json()).toMatchObject({ cardsAdded: 0, cardsUnchanged: 7, reviewsAdded: 0 });

    const notZip = await importRoute(post("plain text", "application/octet-stream"));
    expect(notZip.status).toBe(400);
    expect(((await notZip.json()) as { error: { code: string } }).error.code).toBe("anki_not_a_zip");
    const badName = await importRoute(post("x", "application/octet-stream", "?name=../x"));
    expect(badName.status).toBe(400);
    const empty = await importRoute(post(new Uint8Array(), "application/octet-stream"));
    expect(empty.status).toBe(400);
  });

  it("the command line imports a package file into DATABASE_URL and refuses a bad one with exit 1", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mianshi-anki-cli-"));
    try {
      const pkg = path.join(dir, "legacy.apkg");
      fs.writeFileSync(pkg, buildAnkiPackage({ format: "legacy2" }));
      const env = { ...process.env, DATABASE_URL: `file:${file}`, MIANSHI_CONTENT_DIR: content };
      const out = execFileSync("npx", ["tsx", "scripts/anki.ts", "import", pkg], { env, encoding: "utf8" });
      expect(out).toContain("legacy 2 (collection.anki21)");
      const bad = path.join(dir, "bad.apkg");
      fs.writeFileSync(bad, "nope");
      let code = 0;
      try {
        execFileSync("npx", ["tsx", "scripts/anki.ts", "import", bad], { env, encoding: "utf8", stdio: "pipe" });
      } catch (e) {
        code = (e as { status: number }).status;
      }
      expect(code).toBe(1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
