import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../../scripts/lib/setup";

const tsx = path.join(ROOT, "node_modules", ".bin", "tsx");
const content = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(tsx, ["scripts/content.ts", ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, ...env } });

function tmpDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mianshi-cli-"));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

describe("npm run content", () => {
  it("check --json prints decks with cards of every kind and their fields", () => {
    const r = content(["check", "content/openstack/05-dhcp-exchange.md", "content/openstack/01-vm-creation.md", "--json"]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { decks: Array<{ title: string; source: string; cards: Array<Record<string, unknown>> }>; errors: unknown[] };
    expect(out.errors).toEqual([]);
    expect(out.decks).toHaveLength(2);
    const cards = out.decks.flatMap((d) => d.cards);
    const byKind = (k: string) => cards.filter((c) => c.kind === k);
    for (const c of cards) {
      expect(c).toEqual(expect.objectContaining({ id: expect.any(String), kind: expect.any(String), topic: expect.any(Array), prompt: expect.any(String), answer: expect.any(String) }));
    }
    expect(byKind("ordering")[0]).toEqual(expect.objectContaining({ steps: expect.arrayContaining([expect.any(String)]) }));
    expect(byKind("choice")[0]!.options).toEqual(expect.arrayContaining([expect.objectContaining({ text: expect.any(String), correct: true })]));
    expect(byKind("open")[0]!.points).toEqual(expect.arrayContaining([expect.objectContaining({ text: expect.any(String) })]));
  });

  it("check prints file:line: message for every error and exits 1", () => {
    const dir = tmpDir({
      "bad.md": "# Bad\n\nQ1 :: A1\n\nWhich one?\n\n- [ ] a\n- [ ] b\n\nempty ::\n",
      "good.md": "# Good\n\nQ :: A\n",
    });
    const r = content(["check", dir]);
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split("\n");
    const rel = path.relative(ROOT, path.join(dir, "bad.md"));
    expect(lines).toEqual([`${rel}:5: choice question has no correct option: mark one with - [x]`, `${rel}:10: question has no answer after ::`]);
  });

  it("import migrates the database, imports, and reports per deck; a second run changes nothing", () => {
    const dir = tmpDir({ "deck.md": "# Deck\n\nQ1 :: A1\n\nQ2 :: A2\n" });
    const env = { DATABASE_URL: `file:${path.join(dir, "cli.db")}` };
    const first = content(["import", dir], env);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain("deck.md: 2 added, 0 updated, 0 retired, 0 unchanged");
    const second = content(["import", dir], env);
    expect(second.stdout).toContain("deck.md: 0 added, 0 updated, 0 retired, 2 unchanged (file unchanged)");
  });
});
