import { describe, expect, it } from "vitest";
import { negotiateLocale } from "@/i18n/config";
import en from "@/messages/en.json";
import zh from "@/messages/zh.json";

describe("negotiateLocale", () => {
  it.each([
    [null, "en"],
    ["", "en"],
    ["en-US,en;q=0.9", "en"],
    ["zh-CN,zh;q=0.9,en;q=0.8", "zh"],
    ["zh-TW", "zh"],
    ["zh-Hant-HK", "zh"],
    ["ZH", "zh"],
    ["fr-FR,fr;q=0.9", "en"],
    ["fr-FR,zh;q=0.5,en;q=0.3", "zh"],
    ["en;q=0.5,zh;q=0.8", "zh"],
    ["zh;q=0,en", "en"],
    ["*", "en"],
  ])("%j → %s", (header, locale) => {
    expect(negotiateLocale(header)).toBe(locale);
  });
});

/** Every key path of a messages object, with the placeholders of its message. */
function entries(messages: object, prefix = ""): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [k, v] of Object.entries(messages)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") {
      const args = [...v.matchAll(/\{\s*(\w+)/g)].map((m) => m[1]!).filter((a) => a !== "one" && a !== "other");
      const tags = [...v.matchAll(/<(\w+)>/g)].map((m) => `<${m[1]}>`);
      out.set(key, [...new Set([...args, ...tags])].sort());
    } else for (const [kk, vv] of entries(v as object, key)) out.set(kk, vv);
  }
  return out;
}

describe("messages", () => {
  it("en and zh have the same keys", () => {
    expect([...entries(zh).keys()].sort()).toEqual([...entries(en).keys()].sort());
  });
  it("a Chinese message uses only the arguments the English one gets, and the same tags", () => {
    // (Chinese has no plural forms: "{count, plural, one {card} other {cards}}" may be just "张卡片")
    const enEntries = entries(en);
    for (const [key, args] of entries(zh)) {
      const expected = enEntries.get(key) ?? [];
      expect(args.filter((a) => !expected.includes(a)), key).toEqual([]);
      expect(args.filter((a) => a.startsWith("<")), key).toEqual(expected.filter((a) => a.startsWith("<")));
    }
  });
});
