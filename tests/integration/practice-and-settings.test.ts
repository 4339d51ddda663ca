import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importContent } from "../../server/use-cases/import-content";
import { recordReview } from "../../server/use-cases/study/record-review";
import { studyQueue } from "../../server/use-cases/study/study-queue";
import { deckTopics } from "../../server/use-cases/practice/list-deck-topics";
import { practiceNext } from "../../server/use-cases/practice/next-practice-card";
import { getSettings } from "../../server/use-cases/settings/get-settings";
import { saveSettings } from "../../server/use-cases/settings/save-settings";
import { ValidationError } from "../../server/errors";
import { saveDeckOptions } from "../../server/use-cases/deck-options/save-deck-options";
import { DEFAULT_DECK_OPTIONS } from "../../lib/deck-options";
import { count, freshDb, writeContent } from "./helpers";

const T0 = new Date("2026-11-26T02:00:00Z");
let db: ReturnType<typeof freshDb>;

const DECK = `---
title: Net
---

# DHCP

## 报文

DISCOVER 是谁发的？ :: 客户端

OFFER 是谁发的？ :: dnsmasq

## 文件

host 文件存什么？ :: MAC 与 IP

# 路由

SNAT 改什么？ :: 源地址

# 路由器

qrouter 是什么？ :: 路由器的命名空间
`;

beforeEach(async () => {
  db = freshDb();
  const root = writeContent(db.dir, { "net.md": DECK });
  await importContent({ db, paths: [root], contentRoot: root, now: new Date(T0.getTime() - 60_000) });
});
afterEach(async () => {
  await db.close();
});

async function walk(mode: "ahead" | "topic", topic?: string[], now = T0) {
  const prompts: string[] = [];
  let cursor: string | undefined;
  for (;;) {
    const step = await practiceNext({ db, deckId: "net", mode, topic, cursor, now });
    if (!step.card) return prompts;
    prompts.push(step.card.prompt);
    cursor = step.cursor ?? undefined;
  }
}

describe("practice outside the schedule", () => {
  it("reviews a topic and its sub-topics in content order, whole headings only", async () => {
    expect(await walk("topic", ["DHCP"])).toEqual(["DISCOVER 是谁发的？", "OFFER 是谁发的？", "host 文件存什么？"]);
    expect(await walk("topic", ["DHCP", "文件"])).toEqual(["host 文件存什么？"]);
    expect(await walk("topic", ["路由"])).toEqual(["SNAT 改什么？"]);
    expect(await walk("topic", [])).toHaveLength(5);
  });

  it("studies ahead: cards not due yet, soonest first, and writes nothing", async () => {
    const q = await studyQueue({ db, deckId: "net", now: T0, timeZone: "UTC" });
    await recordReview({ db, cardId: q.card!.id, rating: 4, now: T0 }); // due in days
    const q2 = await studyQueue({ db, deckId: "net", now: T0, timeZone: "UTC" });
    await recordReview({ db, cardId: q2.card!.id, rating: 3, now: T0 }); // due in 10 minutes
    const before = db.sqlite.prepare("SELECT * FROM Card ORDER BY id").all();
    expect(await walk("ahead")).toEqual([q2.card!.prompt, q.card!.prompt]);
    expect(db.sqlite.prepare("SELECT * FROM Card ORDER BY id").all()).toEqual(before);
    expect(count(db, "SELECT COUNT(*) n FROM Review")).toBe(2);
  });

  it("refuses a cursor it did not give out", async () => {
    await expect(practiceNext({ db, deckId: "net", mode: "topic", cursor: "not-a-cursor" })).rejects.toBeInstanceOf(ValidationError);
  });

  it("lists the topic tree with counts, sub-topics included", async () => {
    expect(await deckTopics({ db, deckId: "net" })).toEqual([
      { path: ["DHCP"], count: 3 },
      { path: ["DHCP", "报文"], count: 2 },
      { path: ["DHCP", "文件"], count: 1 },
      { path: ["路由"], count: 1 },
      { path: ["路由器"], count: 1 },
    ]);
  });
});

describe("settings", () => {
  it("defaults to a 4 am rollover in the browser's time zone, and saves both", async () => {
    expect(await getSettings({ db })).toEqual({ rolloverHour: 4, timeZone: null });
    expect(await saveSettings({ db, settings: { rolloverHour: 6, timeZone: "Asia/Shanghai" } })).toEqual({ rolloverHour: 6, timeZone: "Asia/Shanghai" });
    expect(await saveSettings({ db, settings: { timeZone: null } })).toEqual({ rolloverHour: 6, timeZone: null });
  });

  it("the stored rollover hour and time zone decide the study day", async () => {
    // 05:30 in Shanghai: with a 6 am rollover it is still yesterday's study day
    const at = new Date("2026-11-26T21:30:00Z");
    await saveSettings({ db, settings: { rolloverHour: 6, timeZone: "Asia/Shanghai" } });
    await saveDeckOptions({ db, deckId: "net", options: { ...DEFAULT_DECK_OPTIONS, newPerDay: 1 } });
    const q = await studyQueue({ db, deckId: "net", now: at, timeZone: "UTC" });
    await recordReview({ db, cardId: q.card!.id, rating: 4, now: at });
    const dayOf = (d: Date) => studyQueue({ db, deckId: "net", now: d, timeZone: "America/New_York" }).then((r) => r.counts.new);
    // the stored zone wins over the browser's: 06:00 Shanghai is 22:00Z
    expect(await dayOf(new Date("2026-11-26T21:59:00Z"))).toBe(0);
    expect(await dayOf(new Date("2026-11-26T22:00:00Z"))).toBe(1);
  });
});
