/**
 * The invariant of generated content: nothing shown before the reveal (question, topic path
 * as the study screen shows it, deck title) contains the answer, over every notes fixture.
 */
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { parseDeck } from "@/lib/content/parse";
import { acronymExpansion, leaksOf, shownTopic } from "@/lib/content/leaks";
import type { ParsedCard } from "@/lib/content/types";

const FIXTURES = path.resolve(__dirname, "../../../fixtures");
const NOTES = [
  ...fs.readdirSync(path.join(FIXTURES, "notes")).filter((f) => f.endsWith(".md")).map((f) => path.join(FIXTURES, "notes", f)),
  path.join(FIXTURES, "seeds", "openstack-interview-notes.md"),
];

function deckOf(file: string) {
  const r = parseDeck(new Uint8Array(fs.readFileSync(file)), { file, deckId: `notes/${path.basename(file, ".md")}` });
  expect(r.errors).toEqual([]);
  return r.deck!;
}

const asLeakCard = (c: ParsedCard) => ({ ...c, options: c.kind === "choice" ? c.options : undefined, cloze: c.kind === "cloze" ? c.cloze : undefined });

describe("no generated card shows its answer before the reveal", () => {
  it.each(NOTES.map((f) => [path.basename(f), f]))("%s", (_name, file) => {
    const deck = deckOf(file);
    const leaks = deck.cards.flatMap((c) => leaksOf(asLeakCard(c), deck.title).map((l) => `${c.generatedBy} line ${c.line}: ${l.where} shows "${l.answer}" — ${c.prompt.slice(0, 60)}`));
    expect(leaks).toEqual([]);
  }, 30_000);
});

describe("shownTopic: the topic levels the study screen shows", () => {
  const card = (topic: string[], answer: string, kind: "basic" | "choice" = "choice") => ({
    kind,
    prompt: "「OpenStack创建虚拟机流程」中，下面这一步属于哪个阶段？",
    answer: `- ${answer}`,
    topic,
    options: [
      { text: "用户登录认证阶段", correct: answer === "用户登录认证阶段" },
      { text: "nova 准备创建虚拟机阶段", correct: answer === "nova 准备创建虚拟机阶段" },
    ],
  });

  it("regression: a 'which phase' card filed under its phase showed the phase above the question", () => {
    const c = card(["OpenStack创建虚拟机流程", "nova 准备创建虚拟机阶段"], "nova 准备创建虚拟机阶段");
    expect(shownTopic(c)).toEqual(["OpenStack创建虚拟机流程"]);
    expect(leaksOf(c, "OpenStack面试问题")).toEqual([]);
  });

  it("keeps every level that does not name the answer", () => {
    const c = card(["OpenStack创建虚拟机流程", "用户登录认证阶段"], "nova 准备创建虚拟机阶段");
    expect(shownTopic(c)).toEqual(["OpenStack创建虚拟机流程", "用户登录认证阶段"]);
  });

  it("finds a cloze term in the question, and a glossary translation of it", () => {
    const base = { kind: "cloze" as const, answer: "", topic: [] };
    expect(leaksOf({ ...base, prompt: "客户端发送 \\[…\\] 报文，进入 SYN_SENT 状态", cloze: [{ text: "SYN" }] }, "TCP")).toEqual([{ where: "prompt", answer: "SYN" }]);
    expect(leaksOf({ ...base, prompt: "nova 用 \\[…\\]（令牌）访问 glance", cloze: [{ text: "token" }] }, "OpenStack")).toEqual([{ where: "prompt", answer: "令牌" }]);
    expect(leaksOf({ ...base, prompt: "nova 用 \\[…\\] 访问 glance", cloze: [{ text: "token" }] }, "OpenStack")).toEqual([]);
  });
});

describe("acronymExpansion (a cloze on SNI whose question said 'Server Name Indication')", () => {
  it.each([
    ["[…]: Server Name Indication, the hostname", "SNI", "Server Name Indication"],
    ["[…]: Application-Layer Protocol Negotiation, picks h2", "ALPN", "Application-Layer Protocol Negotiation"],
    ["[…] — HTTP Strict Transport Security.", "HSTS", "HTTP Strict Transport Security"],
    ["写时复制（Copy on Write）", "COW", "Copy on Write"],
    ["a Point of Presence near the user", "POP", "Point of Presence"],
  ])("%s spells out %s", (text, term, expansion) => {
    expect(acronymExpansion(text, term)?.text).toBe(expansion);
  });

  it.each([
    ["in particular the address", "IP"], // two letters need capitalised words
    ["the TLS handshake", "TLS"], // the acronym itself is no expansion
    ["Server, Name, Indication", "SNI"], // not consecutive words
    ["Server Name", "SNI"], // not all the letters
    ["server name indication", "sni"], // not an acronym
  ])("%s does not spell out %s", (text, term) => {
    expect(acronymExpansion(text, term)).toBeNull();
  });

  it("a cloze whose question spells out its acronym is a leak", () => {
    const card = { kind: "cloze" as const, prompt: "[…] means Server Name Indication here", answer: "**SNI** means Server Name Indication here", topic: [], cloze: [{ text: "SNI" }] };
    expect(leaksOf(card, "TLS")).toEqual([{ where: "prompt", answer: "SNI" }]);
  });
});
