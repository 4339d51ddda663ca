// The curation API: zod in (4xx with the message), the use case, the card's state out.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, db as appDb } from "../../server/db";
import { importContent } from "../../server/use-cases/import-content";
import { GET as cardCurationRoute, POST as curateRoute } from "../../app/api/v1/cards/[id]/curation/route";
import { GET as deckCurationRoute, POST as keepAllRoute } from "../../app/api/v1/decks/[id]/curation/route";
import { GET as listDecksRoute } from "../../app/api/v1/decks/route";
import { freshDb, writeContent } from "./helpers";

const NOW = new Date("2026-12-02T08:00:00Z");
const NOTES = fs.readFileSync(path.resolve(__dirname, "../fixtures/curation-content/net.md"), "utf8");

beforeAll(async () => {
  const db = freshDb();
  await db.prisma.$disconnect();
  db.sqlite.close();
  process.env.DATABASE_URL = `file:${db.file}`;
  const root = writeContent(db.dir, { "net.md": NOTES, "hand.md": "# Hand\n\nWhich agent runs dnsmasq? :: the DHCP agent\n" });
  await importContent({ paths: [root], contentRoot: root, now: NOW });
});
afterAll(async () => {
  await closeDb();
});

const json = (url: string, body: unknown, method = "POST") =>
  new Request(url, { method, body: typeof body === "string" ? body : JSON.stringify(body), headers: { "content-type": "application/json" } });
const curate = (id: string, body: unknown) => curateRoute(json(`http://localhost/api/v1/cards/${encodeURIComponent(id)}/curation`, body), { params: Promise.resolve({ id }) });
const deck = (id: string) => deckCurationRoute(new Request(`http://localhost/api/v1/decks/${encodeURIComponent(id)}/curation`), { params: Promise.resolve({ id }) });
const keepAll = (id: string, body: unknown) => keepAllRoute(json(`http://localhost/api/v1/decks/${encodeURIComponent(id)}/curation`, body), { params: Promise.resolve({ id }) });
function cards(): Array<{ id: string; kind: string; prompt: string; answer: string; deckId: string }> {
  return appDb().sqlite.prepare(`SELECT id, kind, prompt, answer, deckId FROM Card WHERE retired = 0 ORDER BY deckId, position`).all() as never;
}
const notesCard = (kind: string) => {
  const card = cards().find((c) => c.deckId === "net" && c.kind === kind);
  if (!card) throw new Error(`no ${kind} card`);
  return card;
};

describe("POST /api/v1/cards/:id/curation", () => {
  it("discard takes the card out of the deck's count, restore brings it back", async () => {
    const card = notesCard("cloze");
    const before = (await (await listDecksRoute()).json()).decks.find((d: { id: string }) => d.id === "net").cardCount;
    const res = await curate(card.id, { action: "discard" });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ cardId: card.id, status: "discarded", sourceChanged: false });
    const after = (await (await listDecksRoute()).json()).decks.find((d: { id: string }) => d.id === "net").cardCount;
    expect(after).toBe(before - 1);
    expect(await (await curate(card.id, { action: "restore" })).json()).toEqual({ cardId: card.id, status: "unreviewed", sourceChanged: false });
    expect(cards().some((c) => c.id === card.id)).toBe(true);
  });

  it("edit replaces the card's text under the same id; revert gives back the generated one", async () => {
    const card = notesCard("basic");
    const res = await curate(card.id, { action: "edit", override: { kind: "basic", prompt: "dnsmasq 由哪个 agent 启动？", answer: "neutron 的 **DHCP agent**" } });
    expect(res.status).toBe(200);
    expect((await res.json()).status).toBe("edited");
    expect(cards().find((c) => c.id === card.id)).toMatchObject({ prompt: "dnsmasq 由哪个 agent 启动？", answer: "neutron 的 **DHCP agent**" });
    const form = await (await cardCurationRoute(new Request(`http://localhost/api/v1/cards/${card.id}/curation`), { params: Promise.resolve({ id: card.id }) })).json();
    expect(form).toEqual({ cardId: card.id, status: "edited", sourceChanged: false, fields: { kind: "basic", prompt: "dnsmasq 由哪个 agent 启动？", answer: "neutron 的 **DHCP agent**" } });
    expect((await (await curate(card.id, { action: "revert" })).json()).status).toBe("unreviewed");
    expect(cards().find((c) => c.id === card.id)).toMatchObject({ prompt: card.prompt, answer: card.answer });
  });

  it("an edit of another kind, an empty field or an unknown action is a 400 with the zod message", async () => {
    const card = notesCard("basic");
    const wrongKind = await curate(card.id, { action: "edit", override: { kind: "cloze", text: "{{c1::dnsmasq}} 分配地址" } });
    expect(wrongKind.status).toBe(400);
    const empty = await curate(card.id, { action: "edit", override: { kind: "basic", prompt: "  ", answer: "x" } });
    expect(empty.status).toBe(400);
    expect((await empty.json()).error.message).toMatch(/must not be empty[\s\S]*override\.prompt/);
    const unknown = await curate(card.id, { action: "delete" });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error.message).toMatch(/action must be one of keep, discard, restore, edit, revert/);
    expect((await curate(card.id, "{not json")).status).toBe(400);
  });

  it("a hand-written card is a 400 that says to change its file; an unknown card a 404; restoring a live card a 409", async () => {
    const hand = cards().find((c) => c.deckId === "hand")!;
    const res = await curate(hand.id, { action: "discard" });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/written in its deck's file/);
    expect((await curate("nope", { action: "keep" })).status).toBe(404);
    expect((await curate(notesCard("ordering").id, { action: "restore" })).status).toBe(409);
  });
});

describe("/api/v1/decks/:id/curation", () => {
  it("lists the generated cards with their decisions, and keep all marks the undecided ones only", async () => {
    const ordering = notesCard("ordering");
    await curate(ordering.id, { action: "discard" });
    const listed = await (await deck("net")).json();
    expect(listed.counts.discarded).toBe(1);
    const undecided = listed.counts.unreviewed;
    expect(undecided).toBeGreaterThan(2);
    expect(listed.cards.find((c: { cardId: string }) => c.cardId === ordering.id)).toMatchObject({ status: "discarded", kind: "ordering", fields: { kind: "ordering" } });
    const kept = await keepAll("net", { action: "keep" });
    expect(await kept.json()).toEqual({ kept: undecided });
    const after = await (await deck("net")).json();
    expect(after.counts).toMatchObject({ unreviewed: 0, kept: undecided, discarded: 1 });
    expect((await keepAll("net", { action: "keep-all" })).status).toBe(400);
    expect((await deck("nope")).status).toBe(404);
  });

  it("the deck list says how many generated cards are still to look at", async () => {
    const decks = (await (await listDecksRoute()).json()).decks as Array<{ id: string; toReview: number; notesMode: boolean }>;
    expect(decks.find((d) => d.id === "hand")).toMatchObject({ notesMode: false, toReview: 0 });
    expect(decks.find((d) => d.id === "net")).toMatchObject({ notesMode: true, toReview: 0 });
  });
});
