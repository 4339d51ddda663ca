/** Regressions of notes mode found by reading generated cards, each named after what a reader saw. */
import { describe, expect, it } from "vitest";
import { parseDeck } from "@/lib/content/parse";

const deck = (md: string) => {
  const r = parseDeck(md, { file: "n.md", deckId: "t/n" });
  expect(r.errors).toEqual([]);
  return r.deck!;
};

describe("notes mode regressions", () => {
  it("the export's metadata line (更新时间: 2025-…) became the title of a list read from an indented block", () => {
    const d = deck(
      "# TLS notes\n\n> 来源: 网络安全\n> 更新时间: 2025-12-27T18:03:46.915204+08:00\n\n---\n\n# 1. Certificate chain validation\n" +
        "    Running openssl s_client shows these lines:\n    1. Certificate chain lists the server and the intermediate\n    2. Verify return code 0 means the chain validated\n    3. Post-Handshake New Session Ticket arrives twice\n",
    );
    const texts = d.cards.flatMap((c) => [c.prompt, c.answer, ...c.topic]);
    for (const t of texts) expect(t).not.toContain("更新时间");
    // the list is introduced by its own line, and is read as output to recall, not as steps
    expect(d.cards.find((c) => c.prompt.includes("Running openssl"))?.generatedBy).toBe("notes:facts");
    expect(d.cards.some((c) => c.generatedBy === "notes:next-step")).toBe(false);
  });
});
