/**
 * The notes-folder watcher (server/notes-watcher.ts) on a real temporary folder and a real
 * SQLite file: a saved file is imported again, a burst of saves makes one import, a broken file
 * leaves its deck as it was and its error is kept with its line until the file is fixed, and a
 * removed file retires its cards (reviews kept) that come back with it. Nothing sleeps to wait
 * for an outcome: each test awaits the watcher's next event and `settled()`.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importContent } from "../../server/use-cases/import-content";
import { recordReview } from "../../server/use-cases/study/record-review";
import { listNotesEvents } from "../../server/use-cases/decks/list-notes-events";
import { listDecks } from "../../server/use-cases/study/list-decks";
import { clearNotesEvents, type NotesEvent } from "../../server/notes-events";
import { watchNotes, type NotesWatcher } from "../../server/notes-watcher";
import { count, freshDb, writeContent } from "./helpers";

const NOW = new Date("2026-11-26T08:00:00Z");

const DECK = `---
title: 网络笔记
language: zh
---

# 获取地址

dnsmasq 从哪个文件查 MAC 与 IP 的对应？ :: host 文件

DHCP 报文顺序的第一步是什么？ :: DHCPDISCOVER，因为客户端还没有地址只能广播。
`;
const MORE = `${DECK}
哪一层负责路由？ :: 网络层
`;
const BROKEN_QUESTION = "哪个 agent 提供 DHCP？";
const BROKEN = `${DECK}
${BROKEN_QUESTION}

- [ ] dhcp-agent
- [ ] l3-agent
`;

let db: ReturnType<typeof freshDb>;
let root: string;
let watcher: NotesWatcher;
let events: NotesEvent[];
const file = () => path.join(root, "net", "网络笔记.md");
const live = () => count(db, "SELECT COUNT(*) n FROM Card WHERE deckId = 'net/网络笔记' AND retired = 0");
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeEach(async () => {
  clearNotesEvents();
  db = freshDb();
  root = writeContent(db.dir, { "net/网络笔记.md": DECK, "README.md": "# docs, not a deck" });
  // what npm start does before the server watches: the folder imported once
  await importContent({ db, paths: [root], contentRoot: root, now: NOW });
  events = [];
  watcher = watchNotes({ root, db, quietMs: 150, now: () => NOW, onEvent: (e) => events.push(e) });
  await watcher.ready;
});
afterEach(async () => {
  await watcher.close();
  await db.close();
});

/** Does `change` to the folder and waits for the watcher's event about the deck, then for it to be idle. */
async function after(change: () => void | Promise<void>): Promise<NotesEvent> {
  const next = watcher.next((e) => e.deckId === "net/网络笔记");
  await change();
  const event = await next;
  await watcher.settled();
  return event;
}

describe("the notes folder is watched", () => {
  it("a saved file is imported again: its new card appears and the event says so", async () => {
    expect(live()).toBe(2);
    const event = await after(() => fs.writeFileSync(file(), MORE));
    expect(event).toMatchObject({ kind: "imported", deckId: "net/网络笔记", title: "网络笔记", added: 1, retired: 0, errors: [] });
    expect(live()).toBe(3);
    expect(count(db, "SELECT COUNT(*) n FROM Card WHERE prompt = '哪一层负责路由？' AND retired = 0")).toBe(1);
    expect(listNotesEvents().events[0]).toMatchObject({ kind: "imported", name: "net/网络笔记.md", added: 1 });
  });

  it("a new file in a new folder becomes a deck; README.md and hidden files are not decks", async () => {
    const next = watcher.next((e) => e.deckId === "k8s/pod");
    fs.writeFileSync(path.join(root, "README.md"), "# still docs");
    fs.writeFileSync(path.join(root, ".swap.md"), "a :: b");
    fs.mkdirSync(path.join(root, "k8s"));
    fs.writeFileSync(path.join(root, "k8s", "pod.md"), "# Pod\n\nPod 是什么？ :: 最小的调度单位\n");
    expect(await next).toMatchObject({ kind: "imported", added: 1 });
    await watcher.settled();
    expect(events.map((e) => e.deckId)).toEqual(["k8s/pod"]);
    expect(count(db, "SELECT COUNT(*) n FROM Deck")).toBe(2);
  });

  it("a burst of five saves (an editor writing a file several times) is imported once", async () => {
    const event = await after(async () => {
      for (let i = 0; i < 5; i++) {
        fs.writeFileSync(file(), i % 2 === 0 ? MORE : `${MORE}\n<!-- save ${i} -->\n`);
        await pause(20);
      }
    });
    expect(event).toMatchObject({ kind: "imported", added: 1 });
    expect(events).toHaveLength(1);
    expect(live()).toBe(3);
  });

  it("a broken file leaves its deck as it was, its error is kept with its line, and fixing it clears the error", async () => {
    const before = db.sqlite.prepare("SELECT * FROM Card ORDER BY id").all();
    const failed = await after(() => fs.writeFileSync(file(), BROKEN));
    const line = BROKEN.split("\n").indexOf(BROKEN_QUESTION) + 1;
    expect(failed.kind).toBe("failed");
    expect(failed.errors).toEqual([expect.objectContaining({ line, message: expect.stringMatching(/no correct option/) })]);
    expect(db.sqlite.prepare("SELECT * FROM Card ORDER BY id").all()).toEqual(before);
    expect(listNotesEvents().broken).toEqual([expect.objectContaining({ deckId: "net/网络笔记", errors: [expect.objectContaining({ line })] })]);

    const fixed = await after(() => fs.writeFileSync(file(), BROKEN.replace("- [ ] dhcp-agent", "- [x] dhcp-agent")));
    expect(fixed).toMatchObject({ kind: "imported", added: 1, errors: [] });
    expect(listNotesEvents().broken).toEqual([]);
    expect(live()).toBe(3);
  });

  it("a removed file retires its cards with their reviews kept, and they come back when it returns", async () => {
    const card = db.sqlite.prepare("SELECT id FROM Card WHERE prompt LIKE 'dnsmasq%'").get() as { id: string };
    await recordReview({ db, cardId: card.id, rating: 3, now: NOW });

    const removed = await after(() => fs.rmSync(file()));
    expect(removed).toMatchObject({ kind: "removed", title: "网络笔记", retired: 2 });
    expect(live()).toBe(0);
    expect(count(db, "SELECT COUNT(*) n FROM Review WHERE cardId = ?", card.id)).toBe(1);
    expect(db.sqlite.prepare("SELECT reps FROM Card WHERE id = ?").get(card.id)).toEqual({ reps: 1 });

    const back = await after(() => fs.writeFileSync(file(), DECK));
    expect(back).toMatchObject({ kind: "imported", added: 0, updated: 2, restored: 2, retired: 0 });
    expect(live()).toBe(2);
    expect(db.sqlite.prepare("SELECT reps, retired FROM Card WHERE id = ?").get(card.id)).toEqual({ reps: 1, retired: 0 });
    expect(count(db, "SELECT COUNT(*) n FROM Review WHERE cardId = ?", card.id)).toBe(1);
  });

  it("a renamed and moved file keeps its cards' history in the deck of its new name, and the old deck leaves the list", async () => {
    const card = db.sqlite.prepare("SELECT id FROM Card WHERE prompt LIKE 'dnsmasq%'").get() as { id: string };
    await recordReview({ db, cardId: card.id, rating: 3, now: NOW });
    db.sqlite.prepare("UPDATE Card SET flag = 2 WHERE id = ?").run(card.id);
    const learnt = db.sqlite.prepare("SELECT due, stability, difficulty, reps, state, lastReview, flag FROM Card WHERE id = ?").get(card.id);
    fs.mkdirSync(path.join(root, "网络"));
    const moved = path.join(root, "网络", "笔记.md");

    const next = watcher.next((e) => e.deckId === "网络/笔记");
    fs.renameSync(file(), moved);
    const event = await next;
    await watcher.settled();
    expect(event).toMatchObject({ kind: "imported", renamedFrom: "net/网络笔记", carried: 2, added: 2 });
    // the old file's removal has nothing left to retire: no second event
    expect(events.map((e) => e.deckId)).toEqual(["网络/笔记"]);
    const now = db.sqlite.prepare("SELECT id, deckId FROM Card WHERE prompt LIKE 'dnsmasq%' AND retired = 0").all() as Array<{ id: string; deckId: string }>;
    expect(now).toEqual([{ id: expect.not.stringMatching(card.id), deckId: "网络/笔记" }]);
    expect(db.sqlite.prepare("SELECT due, stability, difficulty, reps, state, lastReview, flag FROM Card WHERE id = ?").get(now[0]!.id)).toEqual(learnt);
    expect(db.sqlite.prepare("SELECT cardId, deckId FROM Review").all()).toEqual([{ cardId: now[0]!.id, deckId: "网络/笔记" }]);
    expect(live()).toBe(0);
    const decks = await listDecks({ db, now: NOW });
    expect(decks.filter((d) => !d.fileRemoved).map((d) => d.id)).toEqual(["网络/笔记"]);

    // and back again: the history follows the file
    const back = await after(() => fs.renameSync(moved, file()));
    expect(back).toMatchObject({ kind: "imported", renamedFrom: "网络/笔记", carried: 2 });
    expect(db.sqlite.prepare("SELECT reps, flag, retired FROM Card WHERE id = ?").get(card.id)).toEqual({ reps: 1, flag: 2, retired: 0 });
    expect(count(db, "SELECT COUNT(*) n FROM Review WHERE cardId = ?", card.id)).toBe(1);
  });

  it("a copy of a file is a new deck: the original keeps its history", async () => {
    const next = watcher.next((e) => e.deckId === "net/copy");
    fs.copyFileSync(file(), path.join(root, "net", "copy.md"));
    const event = await next;
    await watcher.settled();
    expect(event.renamedFrom).toBeUndefined();
    expect(live()).toBe(2);
  });

  it("a removed broken file clears its error", async () => {
    await after(() => fs.writeFileSync(file(), BROKEN));
    expect(listNotesEvents().broken).toHaveLength(1);
    await after(() => fs.rmSync(file()));
    expect(listNotesEvents().broken).toEqual([]);
  });
});
