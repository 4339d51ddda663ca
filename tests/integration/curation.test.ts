// The user's decisions on generated cards survive re-import, keep the history, and follow the notes.
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importContent } from "../../server/use-cases/import-content";
import { recordReview } from "../../server/use-cases/study/record-review";
import { discardCard } from "../../server/use-cases/curation/discard-card";
import { restoreCard } from "../../server/use-cases/curation/restore-card";
import { editCard } from "../../server/use-cases/curation/edit-card";
import { revertCard } from "../../server/use-cases/curation/revert-card";
import { keepCards } from "../../server/use-cases/curation/keep-cards";
import { listDeckCuration } from "../../server/use-cases/curation/list-deck-curation";
import { exportAll, restoreAll } from "../../server/use-cases/backup";
import { count, freshDb, writeContent } from "./helpers";

const NOW = new Date("2026-12-02T08:00:00Z");
const LATER = new Date("2026-12-03T08:00:00Z");

// notes in the user's style (no card syntax, bold terms, a process), shared with the curation e2e spec
const NOTES = fs.readFileSync(path.resolve(__dirname, "../fixtures/curation-content/net.md"), "utf8");

let db: ReturnType<typeof freshDb>;
let root: string;
const file = () => path.join(root, "net.md");

beforeEach(async () => {
  db = freshDb();
  root = writeContent(db.dir, { "net.md": NOTES });
  await importContent({ db, contentRoot: root, paths: [root], now: NOW });
});
afterEach(async () => {
  await db.close();
});

function live(): Array<{ id: string; kind: string; prompt: string; answer: string; data: string }> {
  return db.sqlite.prepare(`SELECT id, kind, prompt, answer, data FROM Card WHERE deckId = 'net' AND retired = 0 ORDER BY position`).all() as never;
}
function clozeOn(term: string) {
  const card = live().find((c) => c.kind === "cloze" && c.answer.includes(`**${term}`));
  if (!card) throw new Error(`no cloze on ${term}: ${JSON.stringify(live().map((c) => c.answer))}`);
  return card;
}
/** The "what happens right after this step" card whose step mentions `step`. */
function nextStepAfter(step: string) {
  const card = live().find((c) => c.kind === "basic" && c.prompt.includes(step) && !c.answer.includes(step));
  if (!card) throw new Error(`no next-step card after ${step}: ${JSON.stringify(live().map((c) => c.prompt))}`);
  return card;
}
async function reimport(text?: string) {
  if (text !== undefined) fs.writeFileSync(file(), text);
  return (await importContent({ db, contentRoot: root, paths: [root], now: LATER })).decks[0]!;
}

describe("discarding a generated card", () => {
  it("discarded card stays out after re-importing the unchanged notes and after a change elsewhere in the file", async () => {
    const card = clozeOn("dnsmasq");
    await recordReview({ db, cardId: card.id, rating: 3, now: NOW });
    expect(discardCard({ db, cardId: card.id, now: NOW }).status).toBe("discarded");
    expect(live().some((c) => c.id === card.id)).toBe(false);
    await reimport();
    expect(live().some((c) => c.id === card.id)).toBe(false);
    // another paragraph changes: the file is imported again, the discard still holds
    const report = await reimport(NOTES.replace("三层转发", "三层转发和 SNAT"));
    expect(report.status).toBe("imported");
    expect(report.discarded).toBe(1);
    expect(live().some((c) => c.id === card.id)).toBe(false);
    // history kept
    expect(count(db, `SELECT COUNT(*) AS n FROM Review WHERE cardId = ?`, card.id)).toBe(1);
  });

  it("discarded card comes back when the notes generate it differently", async () => {
    const card = nextStepAfter("DHCPOFFER");
    discardCard({ db, cardId: card.id, now: NOW });
    await reimport(NOTES.replace("虚拟机发送 DHCPREQUEST", "虚拟机广播 DHCPREQUEST"));
    const back = live().find((c) => c.id === card.id);
    expect(back?.answer).toContain("广播 DHCPREQUEST");
    expect(count(db, `SELECT COUNT(*) AS n FROM CardCuration WHERE cardId = ?`, card.id)).toBe(0);
  });

  it("restore brings a discarded card back", () => {
    const card = clozeOn("dnsmasq");
    discardCard({ db, cardId: card.id, now: NOW });
    expect(restoreCard({ db, cardId: card.id, now: NOW }).status).toBe("unreviewed");
    expect(live().some((c) => c.id === card.id)).toBe(true);
  });

  it("a hand-written card cannot be discarded here (it is changed in its file)", async () => {
    fs.writeFileSync(path.join(root, "hand.md"), "# 手写\n\nDHCP 第一步？ :: DHCPDISCOVER\n");
    await importContent({ db, contentRoot: root, paths: [root], now: NOW });
    const hand = db.sqlite.prepare(`SELECT id FROM Card WHERE deckId = 'hand'`).get() as { id: string };
    expect(() => discardCard({ db, cardId: hand.id, now: NOW })).toThrow(/written in its deck's file/);
  });
});

describe("editing a generated card", () => {
  it("edited card keeps its id and history, and the edit survives re-import", async () => {
    const card = clozeOn("qrouter");
    await recordReview({ db, cardId: card.id, rating: 3, now: NOW });
    const state = editCard({ db, cardId: card.id, now: NOW, override: { kind: "cloze", text: "{{c1::qrouter|路由命名空间}} 命名空间负责租户网络之间的三层转发，也做 SNAT。" } });
    expect(state.status).toBe("edited");
    const edited = live().find((c) => c.id === card.id)!;
    expect(edited.answer).toContain("也做 SNAT");
    expect(JSON.parse(edited.data).cloze[0].aliases).toEqual(["路由命名空间"]);
    await reimport(NOTES + "\n另起一段。\n");
    expect(live().find((c) => c.id === card.id)?.answer).toContain("也做 SNAT");
    expect(count(db, `SELECT COUNT(*) AS n FROM Review WHERE cardId = ?`, card.id)).toBe(1);
  });

  it("an edit stays when the notes change the card it was made on, flagged, until the user takes the notes' version", async () => {
    const card = nextStepAfter("DHCPOFFER");
    editCard({ db, cardId: card.id, now: NOW, override: { kind: "basic", prompt: card.prompt, answer: "虚拟机发送 DHCPREQUEST（仍是广播）" } });
    await reimport(NOTES.replace("虚拟机发送 DHCPREQUEST", "虚拟机广播 DHCPREQUEST"));
    expect(live().find((c) => c.id === card.id)?.answer).toBe("虚拟机发送 DHCPREQUEST（仍是广播）");
    const item = listDeckCuration({ db, deckId: "net" }).cards.find((c) => c.cardId === card.id)!;
    expect(item).toMatchObject({ status: "edited", sourceChanged: true });
    revertCard({ db, cardId: card.id, now: LATER });
    expect(live().find((c) => c.id === card.id)?.answer).toContain("虚拟机广播 DHCPREQUEST");
  });

  it("an edit that is not a card is refused with the reason, and nothing changes", () => {
    const card = clozeOn("qrouter");
    expect(() => editCard({ db, cardId: card.id, now: NOW, override: { kind: "cloze", text: "没有标记的句子" } })).toThrow(/\{\{c1::term\}\}/);
    expect(() => editCard({ db, cardId: card.id, now: NOW, override: { kind: "basic", prompt: "q", answer: "a" } })).toThrow(/cloze card/);
    expect(count(db, `SELECT COUNT(*) AS n FROM CardCuration`)).toBe(0);
  });

  it("saving a card unchanged records nothing", () => {
    const item = listDeckCuration({ db, deckId: "net" }).cards[0]!;
    expect(editCard({ db, cardId: item.cardId, now: NOW, override: item.fields }).status).toBe("unreviewed");
    expect(count(db, `SELECT COUNT(*) AS n FROM CardCuration`)).toBe(0);
  });

  it("an edited card that is discarded comes back edited when restored", () => {
    const card = clozeOn("qrouter");
    editCard({ db, cardId: card.id, now: NOW, override: { kind: "cloze", text: "{{c1::qrouter}} 做三层转发。" } });
    discardCard({ db, cardId: card.id, now: NOW });
    expect(restoreCard({ db, cardId: card.id, now: NOW }).status).toBe("edited");
    expect(live().find((c) => c.id === card.id)?.answer).toBe("**qrouter** 做三层转发。");
  });
});

describe("keep all", () => {
  it("marks every undecided generated card kept, and a keep lapses when the notes change the card", async () => {
    const first = clozeOn("dnsmasq");
    discardCard({ db, cardId: first.id, now: NOW });
    const total = listDeckCuration({ db, deckId: "net" }).cards.length;
    expect(keepCards({ db, deckId: "net", now: NOW }).kept).toBe(total - 1);
    const counts = listDeckCuration({ db, deckId: "net" }).counts;
    expect(counts).toMatchObject({ kept: total - 1, discarded: 1, unreviewed: 0 });
    await reimport(NOTES.replace("三层转发", "三层转发（L3）"));
    expect(listDeckCuration({ db, deckId: "net" }).counts.unreviewed).toBeGreaterThan(0);
  });
});

describe("backup", () => {
  it("discards and edits are in the backup export and come back with a restore", async () => {
    const gone = clozeOn("dnsmasq");
    const changed = clozeOn("qrouter");
    discardCard({ db, cardId: gone.id, now: NOW });
    editCard({ db, cardId: changed.id, now: NOW, override: { kind: "cloze", text: "{{c1::qrouter}} 做三层转发。" } });
    const out = path.join(db.dir, "export.json");
    await exportAll({ db, out, now: NOW });
    const target = freshDb();
    try {
      await restoreAll({ db: target, file: out });
      const rows = target.sqlite.prepare(`SELECT cardId, status FROM CardCuration ORDER BY status`).all();
      expect(rows).toEqual([
        { cardId: gone.id, status: "discarded" },
        { cardId: changed.id, status: "edited" },
      ]);
      expect(listDeckCuration({ db: target, deckId: "net" }).cards.find((c) => c.cardId === changed.id)?.fields).toEqual({ kind: "cloze", text: "{{c1::qrouter}} 做三层转发。" });
    } finally {
      await target.close();
    }
  });

  it("an export written before curations existed (no curations table) still restores", async () => {
    const out = path.join(db.dir, "export.json");
    await exportAll({ db, out, now: NOW });
    const old = JSON.parse(fs.readFileSync(out, "utf8")) as { tables: Record<string, unknown> };
    delete old.tables.curations;
    const target = freshDb();
    try {
      await restoreAll({ db: target, text: JSON.stringify(old) });
      expect(count(target, `SELECT COUNT(*) AS n FROM CardCuration`)).toBe(0);
      expect(count(target, `SELECT COUNT(*) AS n FROM Card`)).toBe(count(db, `SELECT COUNT(*) AS n FROM Card`));
    } finally {
      await target.close();
    }
  });
});
