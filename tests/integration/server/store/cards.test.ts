/**
 * server/store/cards.ts, a card's status on a real database: what setCardStatus writes reads
 * back through getCardStatus (checked with plain SQL), booleans as booleans, times in ms, and a
 * row that is not what the app writes is a StoredRowError naming the column.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { StoredRowError } from "../../../../server/store/json-column";
import { getCardStatus, setCardStatus } from "../../../../server/store/cards";
import { importContent } from "../../../../server/use-cases/import-content";
import { freshDb, writeContent } from "../../helpers";

const T0 = new Date("2026-11-01T10:00:00Z");
let db: ReturnType<typeof freshDb>;
let card: string;

beforeEach(async () => {
  db = freshDb();
  const root = writeContent(db.dir, { "n.md": "---\ntitle: Network\n---\n\n# A\n\nq1 :: a\n" });
  await importContent({ db, paths: [root], contentRoot: root, now: T0 });
  card = (db.sqlite.prepare("SELECT id FROM Card").get() as { id: string }).id;
});
afterEach(async () => {
  await db.close();
});

const plain = () => db.sqlite.prepare("SELECT suspended, buriedUntil, flag, updatedAt FROM Card WHERE id = ?").get(card);

describe("a card's status", () => {
  it("reads back as set, with its deck's title", () => {
    expect(getCardStatus(db.sqlite, card)).toEqual({ id: card, deckTitle: "Network", suspended: false, buriedUntil: null, flag: 0, state: 0 });
    const now = new Date(T0.getTime() + 1000);
    expect(setCardStatus(db.sqlite, card, { suspended: true }, now)).toBe(true);
    expect(setCardStatus(db.sqlite, card, { buriedUntil: T0.getTime() + 86_400_000 }, now)).toBe(true);
    expect(setCardStatus(db.sqlite, card, { flag: 3 }, now)).toBe(true);
    expect(plain()).toEqual({ suspended: 1, buriedUntil: T0.getTime() + 86_400_000, flag: 3, updatedAt: now.getTime() });
    expect(getCardStatus(db.sqlite, card)).toMatchObject({ suspended: true, buriedUntil: T0.getTime() + 86_400_000, flag: 3 });
    setCardStatus(db.sqlite, card, { suspended: false }, now);
    setCardStatus(db.sqlite, card, { buriedUntil: null }, now);
    expect(getCardStatus(db.sqlite, card)).toMatchObject({ suspended: false, buriedUntil: null });
    expect(setCardStatus(db.sqlite, "no such card", { flag: 1 }, now)).toBe(false);
    expect(getCardStatus(db.sqlite, "no such card")).toBeNull();
  });

  it("a row that is not what the app writes is a StoredRowError naming the card and the column", () => {
    db.sqlite.prepare("UPDATE Card SET suspended = 'yes' WHERE id = ?").run(card);
    expect(() => getCardStatus(db.sqlite, card)).toThrow(StoredRowError);
    expect(() => getCardStatus(db.sqlite, card)).toThrow(new RegExp(`Card ${card} cannot be read.*suspended`, "s"));
  });
});
