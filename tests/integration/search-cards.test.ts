import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createScheduler, newCardState } from "@/lib/scheduling";
import { importContent } from "../../server/use-cases/import-content";
import { recordReview } from "../../server/use-cases/study/record-review";
import { applyCardAction } from "../../server/use-cases/cards/apply-card-action";
import { searchCards, plainPreview } from "../../server/use-cases/search-cards";
import { cardDetail } from "../../server/use-cases/cards/get-card-detail";
import { NotFoundError, ValidationError } from "../../server/errors";
import { searchCardsQuerySchema } from "../../lib/api-schemas";
import { count, freshDb, writeContent } from "./helpers";

const T0 = new Date("2026-11-26T02:00:00Z");
const MIN = 60_000;
const DAY = 86_400_000;
let db: ReturnType<typeof freshDb>;
let root: string;

const NOVA = `---
title: 创建虚拟机
---

# 认证

keystone 在创建虚拟机时的作用是什么？ :: 校验用户凭证并签发 **token**。

nova-api 收到请求后先做什么？ :: 再次到 keystone 校验 token。

## 细节

token 的默认有效期是多少？ :: 一小时。

# 调度

The {{c1::nova-scheduler}} picks a host.

Which of these run on a compute node?

- [x] nova-compute
- [ ] nova-api

# 调度器

What does 100% CPU allocation ratio mean? :: No overcommit.

What does max_connections limit? :: The database connections.

What does maxXconnections mean? :: Nothing, it is a decoy.
`;

const NET = `---
title: Networking
---

# Basics

What does DHCP stand for? :: Dynamic Host Configuration Protocol.

What is 校验和 in English? :: A checksum.
`;

beforeEach(async () => {
  db = freshDb();
  root = writeContent(db.dir, { "openstack/nova.md": NOVA, "net.md": NET });
  await importContent({ db, paths: [root], contentRoot: root, now: T0 });
});
afterEach(async () => {
  await db.close();
});

const ids = (r: { cards: { id: string }[] }) => r.cards.map((c) => c.id);
const idOf = (sql: string, ...p: unknown[]) => (db.sqlite.prepare(sql).get(...p) as { id: string }).id;

describe("searchCards", () => {
  it("finds Chinese substrings in prompts and answers, across decks", async () => {
    const r = await searchCards({ db, text: "校验", now: T0 });
    expect(r.total).toBe(3);
    expect(r.cards.map((c) => c.prompt).sort()).toEqual(["What is 校验和 in English?", "keystone 在创建虚拟机时的作用是什么？", "nova-api 收到请求后先做什么？"].sort());
    const one = await searchCards({ db, text: "创建虚拟机时", now: T0 });
    expect(one.cards).toHaveLength(1);
    expect(one.cards[0]).toMatchObject({ deckId: "openstack/nova", deckTitle: "创建虚拟机", kind: "basic", topic: ["认证"], state: "new", flag: 0, suspended: false, retired: false, reps: 0, lapses: 0 });
    // ASCII is matched case-insensitively
    expect((await searchCards({ db, text: "dhcp", now: T0 })).total).toBe(1);
  });

  it("regression (new-user issue, item 14): searching 令牌 found nothing when the cards say token", async () => {
    const zh = await searchCards({ db, text: "令牌", now: T0 });
    const en = await searchCards({ db, text: "token", now: T0 });
    expect(zh.total).toBe(en.total);
    expect(zh.total).toBeGreaterThanOrEqual(3);
    expect(zh.alsoSearched).toContain("token");
    // a word the glossary does not know is searched as it is
    expect((await searchCards({ db, text: "创建虚拟机时", now: T0 })).alsoSearched).toEqual([]);
  });

  it("regression (new-user issue, item 14): results could not be sorted; by due, reviews and lapses, every card once across pages", async () => {
    const dhcp = idOf("SELECT id FROM Card WHERE prompt LIKE 'What does DHCP%'");
    const cloze = idOf("SELECT id FROM Card WHERE kind = 'cloze'");
    // DHCP: two reviews, one forgotten; the cloze: one review
    await recordReview({ db, cardId: dhcp, rating: 1, now: T0 });
    await recordReview({ db, cardId: dhcp, rating: 3, now: new Date(T0.getTime() + 10 * MIN) });
    await recordReview({ db, cardId: cloze, rating: 3, now: T0 });
    const lapsed = db.sqlite.prepare("UPDATE Card SET lapses = 2 WHERE id = ?").run(dhcp);
    expect(lapsed.changes).toBe(1);

    const content = ids(await searchCards({ db, limit: 200, now: T0 }));
    const byReviews = await searchCards({ db, sort: "reviews", limit: 200, now: T0 });
    expect(ids(byReviews).slice(0, 2)).toEqual([dhcp, cloze]);
    // the rest in content order
    expect(ids(byReviews).slice(2)).toEqual(content.filter((id) => id !== dhcp && id !== cloze));
    expect(ids(await searchCards({ db, sort: "lapses", limit: 200, now: T0 }))[0]).toBe(dhcp);
    const byDue = (await searchCards({ db, sort: "due", limit: 200, now: T0 })).cards;
    expect(byDue.map((c) => c.due)).toEqual([...byDue.map((c) => c.due)].sort());
    expect(byDue.at(-1)?.id).toBe(dhcp);

    // pages of 3 in each order give every card exactly once, in the same order as one page
    for (const sort of ["content", "due", "reviews", "lapses"] as const) {
      const whole = ids(await searchCards({ db, sort, limit: 200, now: T0 }));
      const paged: string[] = [];
      let cursor: string | undefined;
      for (let i = 0; i < 10; i++) {
        const page = await searchCards({ db, sort, limit: 3, now: T0, ...(cursor ? { cursor } : {}) });
        paged.push(...ids(page));
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      expect(paged, sort).toEqual(whole);
      // the same with text (the matched rows go through a temporary table)
      const withText = ids(await searchCards({ db, sort, text: "token", limit: 200, now: T0 }));
      const first = await searchCards({ db, sort, text: "token", limit: 2, now: T0 });
      const second = await searchCards({ db, sort, text: "token", limit: 200, now: T0, cursor: first.nextCursor! });
      expect([...ids(first), ...ids(second)], sort).toEqual(withText);
    }
    // a cursor of one order means nothing in another: refused, not a wrong page
    const reviewsCursor = (await searchCards({ db, sort: "reviews", limit: 3, now: T0 })).nextCursor!;
    await expect(searchCards({ db, sort: "content", cursor: reviewsCursor, now: T0 })).rejects.toThrow(ValidationError);
    const contentCursor = (await searchCards({ db, limit: 3, now: T0 })).nextCursor!;
    await expect(searchCards({ db, sort: "due", cursor: contentCursor, now: T0 })).rejects.toThrow(ValidationError);
    expect(searchCardsQuerySchema.safeParse({ sort: "random" }).error?.issues[0]?.message).toBe("sort must be one of content, due, reviews, lapses");
  });

  it("regression (new-user issue, item 14): a result matched in its answer did not say where; the answer's words around the match come with it", async () => {
    const r = await searchCards({ db, text: "签发", now: T0 });
    expect(r.cards).toHaveLength(1);
    expect(r.cards[0]?.prompt).toBe("keystone 在创建虚拟机时的作用是什么？");
    expect(r.cards[0]?.answerSnippet).toBe("校验用户凭证并签发 token。");
    expect(r.searched).toEqual(["签发"]);
    // matched in the prompt: the prompt shows it, no snippet
    const inPrompt = await searchCards({ db, text: "DHCP", now: T0 });
    expect(inPrompt.cards[0]?.answerSnippet).toBeNull();
    // no text, no snippet
    expect((await searchCards({ db, now: T0 })).cards.every((c) => c.answerSnippet === null)).toBe(true);
    // the glossary's word is marked too
    expect((await searchCards({ db, text: "令牌", now: T0 })).searched.slice(0, 2)).toEqual(["令牌", "token"]);
  });

  it("treats % and _ as literal characters, and the text as a bound parameter", async () => {
    expect((await searchCards({ db, text: "100%", now: T0 })).cards.map((c) => c.prompt)).toEqual(["What does 100% CPU allocation ratio mean?"]);
    expect((await searchCards({ db, text: "%", now: T0 })).total).toBe(1);
    expect((await searchCards({ db, text: "max_connections", now: T0 })).cards.map((c) => c.prompt)).toEqual(["What does max_connections limit?"]);
    expect((await searchCards({ db, text: "_", now: T0 })).total).toBe(1);
    // the escape character itself is literal too: only the cloze prompt (stored as The \[…\] picks a host.) has one
    expect((await searchCards({ db, text: "\\", now: T0 })).cards.map((c) => c.kind)).toEqual(["cloze"]);
    expect((await searchCards({ db, text: "' OR 1=1 --", now: T0 })).total).toBe(0);
    expect(count(db, "SELECT COUNT(*) n FROM Card")).toBe(10);
  });

  it("filters by deck, kind, state, flag, suspended and due range", async () => {
    expect((await searchCards({ db, deckId: "net", now: T0 })).total).toBe(2);
    expect((await searchCards({ db, deckId: "openstack/nova", now: T0 })).total).toBe(8);
    expect((await searchCards({ db, deckId: "openstack", now: T0 })).total).toBe(0);
    expect((await searchCards({ db, kind: "cloze", now: T0 })).cards.map((c) => c.kind)).toEqual(["cloze"]);
    expect((await searchCards({ db, kind: "choice", now: T0 })).total).toBe(1);

    const reviewed = idOf("SELECT id FROM Card WHERE prompt LIKE 'What does DHCP%'");
    await recordReview({ db, cardId: reviewed, rating: 3, now: T0 });
    const learning = await searchCards({ db, state: "learning", now: T0 });
    expect(ids(learning)).toEqual([reviewed]);
    expect(learning.cards[0]).toMatchObject({ reps: 1, state: "learning" });
    expect((await searchCards({ db, state: "new", now: T0 })).total).toBe(9);
    expect((await searchCards({ db, state: "review", now: T0 })).total).toBe(0);

    const flagged = idOf("SELECT id FROM Card WHERE kind = 'cloze'");
    await applyCardAction({ db, cardId: flagged, action: { action: "flag", flag: 2 }, now: T0 });
    expect(ids(await searchCards({ db, flag: 2, now: T0 }))).toEqual([flagged]);
    expect((await searchCards({ db, flag: 0, now: T0 })).total).toBe(9);
    expect((await searchCards({ db, flag: 1, now: T0 })).total).toBe(0);

    await applyCardAction({ db, cardId: flagged, action: { action: "suspend" }, now: T0 });
    expect(ids(await searchCards({ db, suspended: true, now: T0 }))).toEqual([flagged]);
    expect((await searchCards({ db, suspended: false, now: T0 })).total).toBe(9);

    // new cards are due at import time (T0); the reviewed one a few minutes later
    const due = new Date(T0.getTime() + 5 * MIN);
    expect(ids(await searchCards({ db, dueAfter: due, now: T0 }))).toEqual([reviewed]);
    expect((await searchCards({ db, dueBefore: due, now: T0 })).total).toBe(9);
    expect((await searchCards({ db, dueAfter: T0, dueBefore: new Date(T0.getTime() + DAY), now: T0 })).total).toBe(10);
    expect((await searchCards({ db, dueBefore: T0, now: T0 })).total).toBe(0);

    // filters combine
    expect((await searchCards({ db, deckId: "openstack/nova", text: "token", kind: "basic", state: "new", flag: 0, now: T0 })).total).toBe(3);
  });

  it("matches a topic path as a prefix of whole headings", async () => {
    const auth = await searchCards({ db, topic: ["认证"], now: T0 });
    expect(auth.total).toBe(3);
    expect(auth.cards.map((c) => c.topic)).toEqual([["认证"], ["认证"], ["认证", "细节"]]);
    expect((await searchCards({ db, topic: ["认证", "细节"], now: T0 })).total).toBe(1);
    // "调度" is a prefix of the heading "调度器" as a string, but not as a heading
    expect((await searchCards({ db, topic: ["调度"], now: T0 })).total).toBe(2);
    expect((await searchCards({ db, topic: ["调度器"], now: T0 })).total).toBe(3);
    expect((await searchCards({ db, topic: ["认"], now: T0 })).total).toBe(0);
    // through the query schema, as the page and the API give it
    const q = searchCardsQuerySchema.parse({ topic: "认证 › 细节" });
    expect(q.topic).toEqual(["认证", "细节"]);
    expect((await searchCards({ db, ...q, now: T0 })).total).toBe(1);
  });

  it("pages through every card exactly once, in deck and content order", async () => {
    const all = await searchCards({ db, limit: 200, now: T0 });
    expect(all.total).toBe(10);
    expect(all.nextCursor).toBeNull();
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await searchCards({ db, limit: 3, cursor, now: T0 });
      expect(page.total).toBe(10);
      expect(page.cards.length).toBeLessThanOrEqual(3);
      seen.push(...ids(page));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(4);
    expect(seen).toEqual(ids(all));
    expect(new Set(seen).size).toBe(10);
    const expected = (db.sqlite.prepare("SELECT id FROM Card ORDER BY deckId, position, id").all() as { id: string }[]).map((r) => r.id);
    expect(seen).toEqual(expected);

    // a filtered search pages too
    const first = await searchCards({ db, text: "校验", limit: 2, now: T0 });
    const second = await searchCards({ db, text: "校验", limit: 2, cursor: first.nextCursor!, now: T0 });
    expect([...ids(first), ...ids(second)]).toHaveLength(3);
    expect(second.nextCursor).toBeNull();

    await expect(searchCards({ db, cursor: "not-a-cursor", now: T0 })).rejects.toBeInstanceOf(ValidationError);
  });

  it("leaves retired cards out unless asked for", async () => {
    await importContent({ db, paths: [root], contentRoot: root, now: T0 });
    writeContent(db.dir, { "net.md": NET.replace(/What is 校验和.*\n/, "") });
    await importContent({ db, paths: [root], contentRoot: root, now: T0 });
    expect(count(db, "SELECT COUNT(*) n FROM Card WHERE retired = 1")).toBe(1);
    expect((await searchCards({ db, text: "校验和", now: T0 })).total).toBe(0);
    const withRetired = await searchCards({ db, text: "校验和", includeRetired: true, now: T0 });
    expect(withRetired.cards).toHaveLength(1);
    expect(withRetired.cards[0]!.retired).toBe(true);
  });

  it("shows prompts as plain, truncated text", () => {
    expect(plainPreview("The \\[…\\] schedules **processes** with `nice`.")).toBe("The […] schedules processes with nice.");
    const long = plainPreview("校".repeat(300));
    expect([...long]).toHaveLength(120);
    expect(long.endsWith("…")).toBe(true);
  });
});

describe("searchCardsQuerySchema", () => {
  it("reads URL strings: empty fields are no filter, numbers, dates and booleans are coerced", () => {
    expect(searchCardsQuerySchema.parse({ text: "", deck: "", kind: "", state: "", flag: "", dueBefore: "" })).toEqual({});
    const q = searchCardsQuerySchema.parse({ text: " 校验 ", deck: "net", kind: "cloze", state: "review", flag: "0", dueBefore: "2026-12-01", suspended: "false", includeRetired: "1", limit: "20" });
    expect(q).toEqual({ text: "校验", deckId: "net", kind: "cloze", state: "review", flag: 0, dueBefore: new Date("2026-12-01T00:00:00Z"), suspended: false, includeRetired: true, limit: 20 });
    for (const bad of [{ kind: "essay" }, { state: "old" }, { flag: "5" }, { flag: "x" }, { dueAfter: "soon" }, { limit: "201" }, { limit: "0" }, { suspended: "maybe" }]) {
      expect(searchCardsQuerySchema.safeParse(bad).success).toBe(false);
    }
  });
});

describe("cardDetail", () => {
  it("shows the content, the schedule with retrievability now and the history newest first", async () => {
    const id = idOf("SELECT id FROM Card WHERE prompt LIKE 'keystone%'");
    const fresh = await cardDetail({ db, cardId: id, now: T0 });
    expect(fresh).toMatchObject({ id, deckId: "openstack/nova", deckTitle: "创建虚拟机", kind: "basic", topic: ["认证"], reviews: [] });
    expect(fresh.answerHtml).toContain("<strong>token</strong>");
    expect(fresh.schedule).toMatchObject({ state: "new", retrievability: 0, reps: 0, lapses: 0, lastReview: null, suspended: false, buriedUntil: null, flag: 0, retired: false });

    await recordReview({ db, cardId: id, rating: 3, now: T0, durationMs: 4000 });
    await recordReview({ db, cardId: id, rating: 1, now: new Date(T0.getTime() + 10 * MIN), durationMs: 9000 });
    await recordReview({ db, cardId: id, rating: 4, now: new Date(T0.getTime() + 20 * MIN) });
    await applyCardAction({ db, cardId: id, action: { action: "flag", flag: 3 }, now: T0 });

    const now = new Date(T0.getTime() + 3 * DAY);
    const d = await cardDetail({ db, cardId: id, now });
    expect(d.reviews.map((r) => r.rating)).toEqual([4, 1, 3]);
    expect(d.reviews.map((r) => r.durationMs)).toEqual([null, 9000, 4000]);
    expect(d.reviews[0]).toMatchObject({ reviewedAt: new Date(T0.getTime() + 20 * MIN).toISOString(), source: "study" });
    const times = d.reviews.map((r) => Date.parse(r.reviewedAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const card = db.sqlite.prepare("SELECT * FROM Card WHERE id = ?").get(id) as { due: number; stability: number; difficulty: number; reps: number; lapses: number };
    expect(d.reviews[0]).toMatchObject({ due: new Date(card.due).toISOString(), stability: card.stability, difficulty: card.difficulty });
    expect(d.schedule).toMatchObject({ due: new Date(card.due).toISOString(), stability: card.stability, difficulty: card.difficulty, reps: 3, lapses: card.lapses, flag: 3, lastReview: new Date(T0.getTime() + 20 * MIN).toISOString() });
    expect(d.schedule.retrievability).toBeGreaterThan(0);
    expect(d.schedule.retrievability).toBeLessThan(1);
    // recall when each review happened, from the review before it (none before the first)
    expect(d.reviews[2]!.recall).toBeNull();
    const afterFirst = db.sqlite.prepare("SELECT * FROM Review WHERE cardId = ? ORDER BY id").all(id) as Array<{ stability: number; difficulty: number; state: number; reviewedAt: number }>;
    const expected = createScheduler().retrievability(
      { ...newCardState(T0), state: afterFirst[0]!.state, stability: afterFirst[0]!.stability, difficulty: afterFirst[0]!.difficulty, lastReview: T0 },
      new Date(T0.getTime() + 10 * MIN),
    );
    expect(d.reviews[1]!.recall).toBeCloseTo(expected, 10);
    expect(d.reviews[1]!.recall).toBeGreaterThan(0.9);
    // recall fades with time
    const later = await cardDetail({ db, cardId: id, now: new Date(T0.getTime() + 300 * DAY) });
    expect(later.schedule.retrievability).toBeLessThan(d.schedule.retrievability);
  });

  it("is 404 for an unknown card", async () => {
    await expect(cardDetail({ db, cardId: "nope", now: T0 })).rejects.toBeInstanceOf(NotFoundError);
  });
});
