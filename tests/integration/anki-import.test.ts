/** Issue 17: importing Anki packages (legacy and current) on real SQLite, again, updated, and hostile ones. */
import fs from "node:fs";
import path from "node:path";
import { zipSync, strToU8 } from "fflate";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importAnkiPackage } from "../../server/use-cases/anki/import-anki-package";
import { ANKI_LIMITS, AnkiPackageError } from "../../server/anki/read-package";
import { buildAnkiPackage, FIXTURE, type Format } from "../fixtures/anki/build";
import { count, freshDb } from "./helpers";

const NOW = new Date("2024-03-01T12:00:00Z");
let db: ReturnType<typeof freshDb>;
let root: string;
beforeEach(() => {
  db = freshDb();
  root = path.join(db.dir, "content");
});
afterEach(async () => {
  await db.close();
});

const snapshot = () => ({
  cards: db.sqlite.prepare("SELECT * FROM Card ORDER BY id").all(),
  reviews: db.sqlite.prepare("SELECT * FROM Review ORDER BY id").all(),
  decks: db.sqlite.prepare("SELECT * FROM Deck ORDER BY id").all(),
});
const card = (guid: string, ord: number) => db.sqlite.prepare("SELECT * FROM Card WHERE json_extract(data, '$.anki.guid') = ? AND id LIKE ?").get(guid, `%-${ord}`) as Record<string, unknown>;

describe.each<Format>(["legacy1", "legacy2", "latest"])("a %s package", (format) => {
  it("imports every note type, the deck tree, media, study flags and the revlog; importing it again adds nothing", async () => {
    const result = await importAnkiPackage({ bytes: buildAnkiPackage({ format }), now: NOW, db, contentRoot: root, name: "fixture.apkg" });
    expect(result).toMatchObject({ cardsAdded: 7, cardsSkipped: 0, reviewsAdded: 8, mediaWritten: 2 });
    expect(result.format).toContain(format === "latest" ? "anki21b" : format === "legacy2" ? "anki21)" : "anki2)");
    expect(result.decks.sort()).toEqual(["anki/Interview", "anki/Interview/Networking", "anki/Interview/Networking/TCP"]);
    expect(db.sqlite.prepare("SELECT groupPath, title FROM Deck WHERE id = 'anki/Interview/Networking/TCP'").get()).toEqual({ groupPath: "anki/Interview/Networking", title: "TCP" });

    const basic = card("guid-basic", 0);
    expect(basic.kind).toBe("basic");
    expect(basic.promptHtml).toBe("What does DHCP do?");
    expect(basic.answerHtml).toBe('Hands out IP addresses <img src="/api/v1/assets/anki-media/dhcp.png">');
    // Anki's stored FSRS memory state, and Anki's due (day 70 after the collection's first day)
    expect(basic).toMatchObject({ stability: 12.5, difficulty: 5.2, state: 2, reps: 3, due: FIXTURE.crt * 1000 + 70 * 86_400_000 });
    expect(JSON.parse(basic.data as string).tags).toEqual(["net::dhcp"]);
    expect(card("guid-reversed", 1)).toMatchObject({ kind: "basic", promptHtml: "the first packet of the handshake", answerHtml: "SYN", state: 0 });
    // no stored memory state: the replay's, not zero
    expect(card("guid-reversed", 0).stability as number).toBeGreaterThan(1);
    expect(JSON.parse(card("guid-typed", 0).data as string).typeAnswer).toMatchObject({ expected: "22" });
    expect(card("guid-typed", 0)).toMatchObject({ suspended: 1, flag: 1, lapses: 1 });
    const cloze = card("guid-cloze", 1);
    expect(cloze.kind).toBe("cloze");
    expect(JSON.parse(cloze.data as string)).toMatchObject({ group: 2, cloze: [{ text: "Neutron", hint: "network" }] });
    expect(cloze.promptHtml).toBe('Nova schedules VMs; <span class="cloze">[network]</span> connects them');
    expect(card("guid-cloze", 0)).toMatchObject({ state: 1 });
    expect(card("guid-custom", 0).promptHtml).toBe("Explain <b>VXLAN</b>");
    expect(card("guid-custom", 0).answerHtml).toBe('an overlay network <audio controls src="/api/v1/assets/anki-media/vx.mp3"></audio>');

    // the revlog: 9 rows, the manual reschedule left out; rating, time, duration, type
    expect(count(db, "SELECT COUNT(*) AS n FROM Review WHERE source = 'anki'")).toBe(8);
    expect(db.sqlite.prepare("SELECT rating, reviewedAt, durationMs, prevState FROM Review WHERE cardId = ? ORDER BY reviewedAt").all(basic.id)).toEqual([
      { rating: 3, reviewedAt: Date.UTC(2024, 0, 2, 10), durationMs: 6000, prevState: 0 },
      { rating: 3, reviewedAt: Date.UTC(2024, 0, 5, 10), durationMs: 4000, prevState: 2 },
      { rating: 3, reviewedAt: Date.UTC(2024, 0, 15, 10), durationMs: 3000, prevState: 2 },
    ]);
    expect(fs.readFileSync(path.join(root, "anki-media", "dhcp.png"))).toEqual(Buffer.from(FIXTURE.pngBytes));

    const before = snapshot();
    const again = await importAnkiPackage({ bytes: buildAnkiPackage({ format }), now: new Date(NOW.getTime() + 86_400_000), db, contentRoot: root });
    expect(again).toMatchObject({ cardsAdded: 0, cardsUpdated: 0, cardsUnchanged: 7, reviewsAdded: 0, reviewsAlreadyPresent: 8, mediaWritten: 0 });
    expect(snapshot()).toEqual(before);
  });
});

describe("an updated package", () => {
  it("updates the changed note in place, adds the new review, keeps the history", async () => {
    await importAnkiPackage({ bytes: buildAnkiPackage({ format: "latest" }), now: NOW, db, contentRoot: root });
    const old = card("guid-basic", 0);
    const result = await importAnkiPackage({ bytes: buildAnkiPackage({ format: "latest", updated: true }), now: NOW, db, contentRoot: root });
    expect(result).toMatchObject({ cardsAdded: 0, cardsUpdated: 1, cardsUnchanged: 6, reviewsAdded: 1, reviewsAlreadyPresent: 8 });
    const now = card("guid-basic", 0);
    expect(now.id).toBe(old.id);
    expect(now.answerHtml).toContain("Leases IP addresses");
    expect(count(db, "SELECT COUNT(*) AS n FROM Review WHERE cardId = ?", now.id)).toBe(4);
    expect(now.lastReview).toBe(Date.UTC(2024, 0, 70, 10));
  });
});

describe("hostile packages", () => {
  const refused = async (bytes: Uint8Array, code: string, limits = ANKI_LIMITS) => {
    const before = snapshot();
    const error = await importAnkiPackage({ bytes, now: NOW, db, contentRoot: root, limits }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AnkiPackageError);
    expect((error as AnkiPackageError).code).toBe(code);
    expect((error as AnkiPackageError).status).toBeGreaterThanOrEqual(400);
    expect((error as AnkiPackageError).status).toBeLessThan(500);
    expect(snapshot()).toEqual(before);
    expect(fs.existsSync(path.join(root, "anki-media"))).toBe(false);
    return error as AnkiPackageError;
  };
  it("a media name that climbs out of the media folder", async () => {
    for (const name of ["../evil.png", "a/b.png", ".hidden"]) expect((await refused(buildAnkiPackage({ format: "legacy2", mediaName: name }), "anki_media_name")).message).toContain(JSON.stringify(name));
    await refused(buildAnkiPackage({ format: "latest", mediaName: "../../etc/x" }), "anki_media_name");
  });
  it("an unknown format version or schema version", async () => {
    expect((await refused(buildAnkiPackage({ format: "latest", metaVersion: 9 }), "anki_unsupported_version")).message).toContain("version 9");
    expect((await refused(buildAnkiPackage({ format: "legacy2", schemaVersion: 99 }), "anki_unsupported_schema")).message).toContain("schema version 99");
  });
  it("not a zip, no collection, a corrupt or a foreign SQLite file", async () => {
    await refused(strToU8("hello, not a zip"), "anki_not_a_zip");
    await refused(zipSync({ "notes.txt": strToU8("hi") }), "anki_not_a_package");
    await refused(zipSync({ "collection.anki21": strToU8("SQLite format 3\u0000 and then garbage".repeat(200)) }), "anki_corrupt");
    const foreign = path.join(db.dir, "foreign.db");
    const other = new (await import("better-sqlite3")).default(foreign);
    other.exec("CREATE TABLE t (x)");
    other.close();
    await refused(zipSync({ "collection.anki21": new Uint8Array(fs.readFileSync(foreign)) }), "anki_corrupt");
  });
  it("a zip bomb, a package too large, too many rows", async () => {
    const bomb = zipSync({ "collection.anki21": new Uint8Array(8 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect((await refused(bomb, "anki_too_large", { ...ANKI_LIMITS, uncompressedBytes: 4 * 1024 * 1024 })).status).toBe(413);
    await refused(buildAnkiPackage({ format: "legacy2" }), "anki_too_large", { ...ANKI_LIMITS, packageBytes: 1000 });
    expect((await refused(buildAnkiPackage({ format: "latest" }), "anki_too_many_rows", { ...ANKI_LIMITS, revlog: 3 })).message).toContain("9 reviews");
  });
});
