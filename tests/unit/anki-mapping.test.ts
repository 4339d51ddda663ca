/** Issue 17: Anki notes, revlog and scheduling to ours (lib/anki, pure). */
import { describe, expect, it } from "vitest";
import { mapCard, ankiCardId, clozeGroups, noteTags, stripHtml } from "../../lib/anki/notes";
import { mapDeckName, mapSchedule, ankiDue, isReview } from "../../lib/anki/schedule";
import type { AnkiCard, AnkiNote, AnkiNotetype, AnkiRevlog } from "../../lib/anki/types";
import { createScheduler } from "../../lib/scheduling";

const basic: AnkiNotetype = {
  id: 1,
  name: "Basic (and reversed card)",
  kind: "normal",
  fields: ["Front", "Back"],
  templates: [
    { name: "Card 1", ord: 0, qfmt: "{{Front}}", afmt: "{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}" },
    { name: "Card 2", ord: 1, qfmt: "{{Back}}", afmt: "{{FrontSide}}<hr id=answer>{{Front}}" },
  ],
};
const typed: AnkiNotetype = { id: 2, name: "Basic (type in the answer)", kind: "normal", fields: ["Front", "Back"], templates: [{ name: "Card 1", ord: 0, qfmt: "{{Front}}\n\n{{type:Back}}", afmt: "{{Front}}<hr id=answer>{{type:Back}}" }] };
const cloze: AnkiNotetype = { id: 3, name: "Cloze", kind: "cloze", fields: ["Text", "Back Extra"], templates: [{ name: "Cloze", ord: 0, qfmt: "{{cloze:Text}}", afmt: "{{cloze:Text}}<br>\n{{Back Extra}}" }] };
const custom: AnkiNotetype = {
  id: 4,
  name: "Term",
  kind: "normal",
  fields: ["Term", "Meaning", "Example"],
  templates: [{ name: "Recall", ord: 0, qfmt: "What is <b>{{Term}}</b>?{{#Example}}<p>e.g. {{Example}}</p>{{/Example}}", afmt: "{{FrontSide}}<hr id=answer>{{Meaning}}{{^Example}}(no example){{/Example}}" }],
};
const note = (mid: number, flds: string[], guid = "g1"): AnkiNote => ({ id: 10, guid, mid, mod: 0, tags: " net::tcp  basics ", flds: flds.join("\u001f") });
const special = { deck: "Interview::Net", tags: ["net::tcp"] };

describe("notes to cards", () => {
  it("Basic (and reversed card): two basic cards, the answer without the repeated front", () => {
    const n = note(1, ["TCP handshake?", "SYN, SYN-ACK, ACK"]);
    expect(mapCard(basic, n, 0, special)).toEqual({ kind: "basic", promptHtml: "TCP handshake?", answerHtml: "SYN, SYN-ACK, ACK" });
    expect(mapCard(basic, n, 1, special)).toEqual({ kind: "basic", promptHtml: "SYN, SYN-ACK, ACK", answerHtml: "TCP handshake?" });
  });
  it("an empty front makes no card (Anki keeps none)", () => {
    expect(mapCard(basic, note(1, ["", "x"]), 0, special)).toBeNull();
  });
  it("Basic (type in the answer): typed, expecting the field's plain text", () => {
    const c = mapCard(typed, note(2, ["Port of SSH?", "<b>22</b>"]), 0, special);
    expect(c).toMatchObject({ kind: "basic", typeAnswer: "22" });
    expect(c?.promptHtml).toBe("Port of SSH?");
  });
  it("Cloze: one card per group, terms and hints kept, other groups shown", () => {
    const text = "{{c1::Nova}} schedules, {{c2::Neutron::network service}} connects";
    expect(clozeGroups(text)).toEqual([1, 2]);
    const c2 = mapCard(cloze, note(3, [text, "extra"]), 1, special);
    expect(c2).toMatchObject({ kind: "cloze", group: 2, cloze: [{ text: "Neutron", hint: "network service" }] });
    expect(c2?.promptHtml).toBe('Nova schedules, <span class="cloze">[network service]</span> connects');
    expect(c2?.answerHtml).toContain('<span class="cloze"><b>Neutron</b></span>');
    expect(c2?.answerHtml).toContain("extra");
    expect(mapCard(cloze, note(3, [text, ""]), 4, special)).toBeNull();
  });
  it("a custom note type: its template with fields, sections and media", () => {
    const c = mapCard(custom, note(4, ["VXLAN", "overlay [sound:vx.mp3]", ""]), 0, special);
    expect(c?.promptHtml).toBe("What is <b>VXLAN</b>?");
    expect(c?.answerHtml).toBe('overlay <audio controls src="vx.mp3"></audio>(no example)');
    expect(mapCard(custom, note(4, ["VXLAN", "overlay", "VNI 5001"]), 0, special)?.promptHtml).toBe("What is <b>VXLAN</b>?<p>e.g. VNI 5001</p>");
  });
  it("ids are the GUID and ordinal; tags split; HTML stripped as Anki's text filter", () => {
    expect(ankiCardId("g1", 0)).toBe(ankiCardId("g1", 0));
    expect(ankiCardId("g1", 0)).not.toBe(ankiCardId("g1", 1));
    expect(noteTags(" net::tcp  basics ")).toEqual(["net::tcp", "basics"]);
    expect(stripHtml("a<br>b &amp; <i>c</i>&nbsp;")).toBe("a b & c");
  });
});

describe("decks", () => {
  it("A::B::C is deck C in group anki/A/B; schema 18's separator too; unsafe characters replaced", () => {
    expect(mapDeckName("Interview::Net::TCP")).toEqual({ id: "anki/Interview/Net/TCP", groupPath: "anki/Interview/Net", title: "TCP" });
    expect(mapDeckName("Interview\u001fNet")).toEqual({ id: "anki/Interview/Net", groupPath: "anki/Interview", title: "Net" });
    expect(mapDeckName("a/b::..c")).toEqual({ id: "anki/a-b/-c", groupPath: "anki/a-b", title: "..c" });
  });
});

const CRT = Date.UTC(2024, 0, 1, 4) / 1000; // the collection's first day starts at 04:00 UTC
const NOW = Date.UTC(2024, 2, 1, 12);
const card = (over: Partial<AnkiCard>): AnkiCard => ({ id: 1, nid: 10, did: 1, ord: 0, type: 2, queue: 2, due: 70, ivl: 10, reps: 3, lapses: 0, odue: 0, odid: 0, flags: 0, data: "", ...over });
const rev = (day: number, ease: number, type = 1, time = 5000): AnkiRevlog => ({ id: Date.UTC(2024, 0, day, 10), cid: 1, ease, time, type });
const scheduler = createScheduler();

describe("scheduling", () => {
  it("a review card is due on Anki's day, its history replayed to reviews with Anki's types", () => {
    const revlog = [rev(20, 3), rev(2, 3, 0), rev(5, 1, 1), rev(5, 3, 2), rev(6, 0, 4)];
    const m = mapSchedule({ card: card({}), revlog, crt: CRT, now: NOW, scheduler, cardId: "x" });
    expect(m.state.due.getTime()).toBe(CRT * 1000 + 70 * 86_400_000);
    expect(m.state).toMatchObject({ state: 2, reps: 3, lapses: 0, scheduledDays: 10 });
    // the manual reschedule (ease 0) is no review
    expect(m.reviews.map((r) => [r.rating, r.prevState])).toEqual([
      [3, 0],
      [1, 2],
      [3, 3],
      [3, 2],
    ]);
    expect(m.reviews[0]!.durationMs).toBe(5000);
    expect(m.state.lastReview?.getTime()).toBe(rev(20, 3).id);
    // without Anki's memory state, the replay's
    expect(m.state.stability).toBe(m.reviews[3]!.after.stability);
  });
  it("Anki's stored FSRS memory state wins over the replay", () => {
    const m = mapSchedule({ card: card({ data: '{"s":42.5,"d":6.1,"dr":0.9}' }), revlog: [rev(2, 3, 0)], crt: CRT, now: NOW, scheduler, cardId: "x" });
    expect(m.state).toMatchObject({ stability: 42.5, difficulty: 6.1 });
  });
  it("suspended, buried, flags, filtered decks and learning dues", () => {
    expect(mapSchedule({ card: card({ queue: -1, flags: 2 }), revlog: [], crt: CRT, now: NOW, scheduler, cardId: "x" })).toMatchObject({ suspended: true, flag: 2, buriedUntil: null });
    const buried = mapSchedule({ card: card({ queue: -3, flags: 6 }), revlog: [], crt: CRT, now: NOW, scheduler, cardId: "x" });
    expect(buried.flag).toBe(0);
    expect(buried.buriedUntil).toBe(Date.UTC(2024, 2, 2, 4));
    expect(mapSchedule({ card: card({ did: 9, odid: 1, odue: 80 }), revlog: [], crt: CRT, now: NOW, scheduler, cardId: "x" }).deckId).toBe(1);
    expect(ankiDue(card({ did: 9, odid: 1, odue: 80 }), CRT, NOW)).toBe(CRT * 1000 + 80 * 86_400_000);
    expect(ankiDue(card({ type: 1, queue: 1, due: 1_709_300_000 }), CRT, NOW)).toBe(1_709_300_000_000);
    const fresh = mapSchedule({ card: card({ type: 0, queue: 0, due: 5 }), revlog: [], crt: CRT, now: NOW, scheduler, cardId: "x" });
    expect(fresh.state).toMatchObject({ state: 0, reps: 0 });
    expect(isReview(rev(1, 0, 5))).toBe(false);
  });
});
