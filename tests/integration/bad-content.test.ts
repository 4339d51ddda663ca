/**
 * Every malformed or hostile file in tests/fixtures/bad-content (and the big ones that
 * generate.ts writes at test time) against a database that already holds a deck with review
 * history. Each file is imported as a new version of that deck's file and as a new file:
 * the errors must be exactly those of expected.json, and the existing deck's Deck, Card and
 * Review rows must stay byte for byte what they were. The valid-but-hostile files import,
 * and their stored HTML holds nothing that could run script or load anything.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { importContent } from "../../server/use-cases/import-content";
import { nextCard } from "../../server/use-cases/study/next-card";
import { recordReview } from "../../server/use-cases/study/record-review";
import { ROOT } from "../../scripts/lib/setup";
import { writeGeneratedFixtures, GENERATED } from "../fixtures/bad-content/generate";
import { freshDb, writeContent } from "./helpers";

type Expected = { category: string; errors?: string[]; imports?: true; cards?: number };

const FIXTURES = path.resolve(__dirname, "../fixtures/bad-content");
const EXPECTED = JSON.parse(fs.readFileSync(path.join(FIXTURES, "expected.json"), "utf8")) as Record<string, Expected>;
const GENERATED_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "mianshi-bad-content-"));
writeGeneratedFixtures(GENERATED_DIR);
afterAll(() => fs.rmSync(GENERATED_DIR, { recursive: true, force: true }));

const committed = fs.readdirSync(FIXTURES).filter((f) => f.endsWith(".md")).sort();
const generated = Object.keys(GENERATED).sort();
const fixturePath = (name: string) => (name in GENERATED ? path.join(GENERATED_DIR, name) : path.join(FIXTURES, name));

const NOW = new Date("2026-11-26T08:00:00Z");
const LATER = new Date("2026-11-27T08:00:00Z");
const GOOD = `---
title: DHCP
language: zh
---

# 获取地址

dnsmasq 从哪个文件查 MAC 与 IP 的对应？ :: host 文件

nova-compute 通过 {{c1::libvirt}} 启动虚拟机。

哪个 agent 提供 DHCP？

- [x] dhcp-agent
- [ ] l3-agent

Order: 把 DHCP 报文排好顺序

1. DHCPDISCOVER
2. DHCPOFFER
3. DHCPREQUEST
4. DHCPACK
`;

type Db = ReturnType<typeof freshDb>;

/** The existing deck's rows, dumped with plain SQL (every column, in a fixed order). */
function dump(db: Db, deckId = "net/dhcp"): string {
  const rows = {
    deck: db.sqlite.prepare("SELECT * FROM Deck WHERE id = ?").all(deckId),
    cards: db.sqlite.prepare("SELECT * FROM Card WHERE deckId = ? ORDER BY id").all(deckId),
    reviews: db.sqlite.prepare("SELECT * FROM Review WHERE cardId IN (SELECT id FROM Card WHERE deckId = ?) ORDER BY id").all(deckId),
  };
  return JSON.stringify(rows, (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString("hex") : v));
}

/** A database with the good deck imported and two reviews recorded. */
async function seeded(): Promise<{ db: Db; root: string; deckFile: string }> {
  const db = freshDb();
  const root = writeContent(db.dir, { "net/dhcp.md": GOOD });
  const r = await importContent({ db, paths: [root], contentRoot: root, now: NOW });
  expect(r.errors).toEqual([]);
  for (const rating of [3, 1] as const) {
    const card = await nextCard({ db, deckId: "net/dhcp", now: NOW });
    await recordReview({ db, cardId: card!.id, rating, now: NOW });
  }
  expect(db.sqlite.prepare("SELECT COUNT(*) n FROM Review").get()).toEqual({ n: 2 });
  return { db, root, deckFile: path.join(root, "net", "dhcp.md") };
}

const display = (file: string) => path.relative(process.cwd(), file) || file;

/** Stored HTML that could run script or load something (real tags only: escaped text is harmless). */
const UNSAFE: Array<[string, RegExp]> = [
  ["a dangerous element", /<(?:script|iframe|frame|svg|math|object|embed|style|link|meta|base|form|button|input|body|html)\b/i],
  ["an event handler", /<[a-z][^>]*\son[a-z]+\s*=/i],
  ["a javascript:, vbscript: or data: URL", /<[a-z][^>]*\s(?:href|src|action|formaction|xlink:href)\s*=\s*["']?\s*(?:javascript|vbscript|data):/i],
  ["a remote resource", /<[a-z][^>]*\ssrc\s*=\s*["']?\s*(?:https?:)?\/\//i],
];

function htmlOf(card: { promptHtml: string; answerHtml: string; data: string }): string[] {
  const out = [card.promptHtml, card.answerHtml];
  const data = JSON.parse(card.data) as Record<string, unknown>;
  for (const [key, value] of Object.entries(data)) {
    if (!key.endsWith("Html")) continue;
    if (Array.isArray(value)) out.push(...(value as string[]));
    else out.push(value as string);
  }
  return out;
}

function expectSanitized(db: Db, deckId: string) {
  const cards = db.sqlite.prepare("SELECT promptHtml, answerHtml, data FROM Card WHERE deckId = ? AND retired = 0").all(deckId) as Array<{ promptHtml: string; answerHtml: string; data: string }>;
  expect(cards.length).toBeGreaterThan(0);
  for (const card of cards) {
    for (const html of htmlOf(card)) {
      for (const [what, re] of UNSAFE) expect(re.test(html), `${what} in ${html}`).toBe(false);
    }
  }
}

describe("the checks themselves", () => {
  it("the sanitization check catches each kind of unsafe HTML, and passes escaped text", () => {
    const bad = ["<script>x</script>", '<img src="x" onerror="y">', '<a href="javascript:x">', '<img src="data:image/png;base64,AA">', '<img src="https://e.example/t.png">'];
    for (const html of bad) expect(UNSAFE.some(([, re]) => re.test(html)), html).toBe(true);
    expect(UNSAFE.some(([, re]) => re.test('<p>&#x3C;iframe src="javascript:alert(1)"> onload=x</p>'))).toBe(false);
  });
});

describe("the fixture table", () => {
  it("lists every fixture, committed and generated, and nothing else; at least 30", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...committed, ...generated].sort());
    expect(Object.keys(EXPECTED).length).toBeGreaterThanOrEqual(30);
    for (const [name, e] of Object.entries(EXPECTED)) expect(e.errors !== undefined || e.imports === true, name).toBe(true);
  });
});

describe.each([...committed, ...generated])("%s", (name) => {
  const expected = EXPECTED[name]!;
  const bytes = () => fs.readFileSync(fixturePath(name));

  it(`as a new version of an imported deck's file: ${expected.errors ? "exact errors, deck untouched" : "imports, sanitized, history kept"}`, async () => {
    const { db, root, deckFile } = await seeded();
    try {
      const before = dump(db);
      const reviewsBefore = JSON.stringify(db.sqlite.prepare("SELECT * FROM Review ORDER BY id").all());
      fs.writeFileSync(deckFile, bytes());
      const r = await importContent({ db, paths: [root], contentRoot: root, now: LATER });
      if (expected.errors) {
        expect(r.errors.map((e) => `${e.line}: ${e.message}`)).toEqual(expected.errors);
        expect(new Set(r.errors.map((e) => e.file))).toEqual(new Set([display(deckFile)]));
        expect(r.decks).toEqual([expect.objectContaining({ deckId: "net/dhcp", status: "failed" })]);
        expect(dump(db)).toBe(before);
      } else {
        expect(r.errors).toEqual([]);
        expect(r.decks).toEqual([expect.objectContaining({ deckId: "net/dhcp", status: "imported" })]);
        expect(db.sqlite.prepare("SELECT COUNT(*) n FROM Card WHERE deckId = 'net/dhcp' AND retired = 0").get()).toEqual({ n: expected.cards });
        // the old cards are retired, never deleted, and their reviews stay: with their card, or with the
        // new card that took its progress over (bom-crlf.md asks the same question under another heading)
        const withoutCard = (rows: unknown[]) => JSON.stringify(rows.map((r) => ({ ...(r as Record<string, unknown>), cardId: undefined })));
        expect(withoutCard(db.sqlite.prepare("SELECT * FROM Review ORDER BY id").all())).toBe(withoutCard(JSON.parse(reviewsBefore) as unknown[]));
        expect(db.sqlite.prepare("SELECT COUNT(*) n FROM Review r WHERE NOT EXISTS (SELECT 1 FROM Card c WHERE c.id = r.cardId)").get()).toEqual({ n: 0 });
        expectSanitized(db, "net/dhcp");
      }
    } finally {
      await db.close();
    }
  });

  it(`as a new file beside an imported deck: ${expected.errors ? "exact errors, nothing imported" : "imports"}; the deck stays byte-identical`, async () => {
    const { db, root } = await seeded();
    try {
      const before = dump(db);
      const file = path.join(root, "bad", name);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, bytes());
      const deckId = `bad/${name.replace(/\.md$/, "")}`;
      const r = await importContent({ db, paths: [root], contentRoot: root, now: LATER });
      expect(r.decks).toEqual([
        expect.objectContaining({ deckId, status: expected.errors ? "failed" : "imported" }),
        expect.objectContaining({ deckId: "net/dhcp", status: "unchanged" }),
      ]);
      if (expected.errors) {
        expect(r.errors.map((e) => `${e.line}: ${e.message}`)).toEqual(expected.errors);
        expect(new Set(r.errors.map((e) => e.file))).toEqual(new Set([display(file)]));
        expect(db.sqlite.prepare("SELECT COUNT(*) n FROM Deck WHERE id = ?").get(deckId)).toEqual({ n: 0 });
        expect(db.sqlite.prepare("SELECT COUNT(*) n FROM Card WHERE deckId = ?").get(deckId)).toEqual({ n: 0 });
      } else {
        expect(r.errors).toEqual([]);
        expect(db.sqlite.prepare("SELECT COUNT(*) n FROM Card WHERE deckId = ?").get(deckId)).toEqual({ n: expected.cards });
        expectSanitized(db, deckId);
      }
      expect(dump(db)).toBe(before);
    } finally {
      await db.close();
    }
  });
});

describe("npm run content -- check over every fixture", () => {
  it("prints exactly the file:line: message lines of the table and exits 1", () => {
    const tsx = path.join(ROOT, "node_modules", ".bin", "tsx");
    const r = spawnSync(tsx, ["scripts/content.ts", "check", FIXTURES, GENERATED_DIR], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    expect(r.stderr).toMatch(/error\(s\)/);
    expect(r.status).toBe(1);
    const want = Object.entries(EXPECTED).flatMap(([name, e]) =>
      (e.errors ?? []).map((line) => `${path.relative(ROOT, fixturePath(name))}:${line}`),
    );
    expect(r.stdout.trim().split("\n").sort()).toEqual(want.sort());
  }, 120000);
});
