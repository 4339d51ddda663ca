/**
 * The bilingual glossary: sets of words that mean the same thing in an answer (token / 令牌,
 * image / 镜像, verify / 校验 / 验证). Shipped as data (glossary.json); a deck adds entries of
 * its own in front matter (`glossary: [[L3 agent, 三层代理]]`). Typed answers, quiz answers
 * and rubric keywords all expand a term through it, so an answer in either language counts.
 *
 * Lookups are one hop: a term matches every entry it stands in, not the entries those
 * entries' other words stand in (API ~ 接口 and interface ~ 接口, but API is not interface).
 */
import { distance } from "fastest-levenshtein";
import data from "./glossary.json";
import { normalizeAnswer } from "../answer/normalize";

export type GlossaryEntry = readonly string[];

/** The notes a rubric is made from, compacted once (see notesContext): where an ambiguous word's sense is looked up. */
export type NotesContext = {
  readonly compact: string;
  readonly latinWords: ReadonlySet<string>;
  /** how often the notes write each Latin word, any case ("multixact": MultiXact, pg_multixact…) */
  readonly latinCounts: ReadonlyMap<string, number>;
};

/** The notes' text as the glossary looks words up in it: Chinese as one compact string, Latin words whole ("row" is not in "GROWSDOWN"). */
export function notesContext(texts: readonly string[]): NotesContext {
  const text = texts.join(" ");
  const latin = text.toLowerCase().match(/[a-z0-9]+(?: [a-z0-9]+)*/g) ?? [];
  // every run of one to three words, as the glossary's phrases ("rest api") are looked up
  const latinWords = new Set<string>();
  const latinCounts = new Map<string, number>();
  for (const run of latin) {
    const words = run.split(" ");
    for (const w of words) latinCounts.set(w, (latinCounts.get(w) ?? 0) + 1);
    for (let i = 0; i < words.length; i++) for (let n = 1; n <= 3 && i + n <= words.length; n++) latinWords.add(normalizeAnswer(words.slice(i, i + n).join(" ")));
  }
  return { compact: normalizeAnswer(text), latinWords, latinCounts };
}

export interface Glossary {
  /**
   * The term itself and every word an entry holding it gives as the same, first the term. With
   * the notes' context, an entry where the term is ambiguous (glossary.json "ambiguous": horizon
   * is OpenStack's dashboard or PostgreSQL's xmin horizon) counts only if the notes use another
   * of its words.
   */
  synonyms(term: string, context?: NotesContext): string[];
  /** the glossary word a misspelt Latin term stands for (`Hypersior` → `hypervisor`), or null */
  correction(term: string): string | null;
  /** whether the glossary knows this word */
  has(term: string): boolean;
  /** the longest glossary word whose compact form is this key, if any */
  lookup(compactKey: string): boolean;
}

/**
 * Misspelt glossary words in a text: runs of one to three Latin words within the typo budget
 * of a glossary word (`Buffer Poll` → buffer pool, `Hypersior` → hypervisor, `I3 agent` → l3 agent).
 */
export function spotTypos(text: string, glossary: Glossary): Array<{ word: string; right: string; at: number; end: number }> {
  const out: Array<{ word: string; right: string; at: number; end: number }> = [];
  const words = [...text.matchAll(/[A-Za-z][A-Za-z0-9]*/g)];
  let k = 0;
  while (k < words.length) {
    let hit: { word: string; right: string; at: number; end: number; span: number } | null = null;
    for (let span = 3; span >= 1 && !hit; span--) {
      const run = words.slice(k, k + span);
      if (run.length < span) continue;
      const at = run[0]!.index;
      const last = run[span - 1]!;
      const end = last.index + last[0].length;
      const phrase = text.slice(at, end);
      // only words separated by single spaces make a phrase
      if (span > 1 && !/^[A-Za-z0-9]+(?: [A-Za-z0-9]+)*$/.test(phrase)) continue;
      const right = glossary.correction(phrase);
      if (right) hit = { word: phrase, right, at, end, span };
    }
    if (hit) {
      out.push({ word: hit.word, right: hit.right, at: hit.at, end: hit.end });
      k += hit.span;
    } else k++;
  }
  return out;
}

/** Units of text a glossary word is made of: whole Latin words (nova-api is one) and single Chinese characters. */
const UNIT = /[A-Za-z0-9]+(?:[-_./][A-Za-z0-9]+)*|\p{Script=Han}/gu;
/** The most units a glossary word spans ("union file system", "网络命名空间"). */
const MAX_UNITS = 8;

/**
 * Every glossary word in a text with where it stands, the longest where they overlap. A word
 * starts and ends on whole units, so "api" is not found inside "nova-api", nor "db" in
 * "DB_TRX_ID"; spacing and hyphens do not matter ("floating ip", "floating-ip", "浮动 ip").
 */
export function spotTerms(text: string, glossary: Glossary): Array<{ word: string; at: number; end: number }> {
  const units = [...text.matchAll(UNIT)].map((m) => ({ at: m.index, end: m.index + m[0].length }));
  const out: Array<{ word: string; at: number; end: number }> = [];
  for (let i = 0; i < units.length; ) {
    let hit = 0;
    for (let n = Math.min(MAX_UNITS, units.length - i); n >= 1 && hit === 0; n--) {
      const at = units[i]!.at;
      const end = units[i + n - 1]!.end;
      // units of one word are next to each other: at most a space or a hyphen between them
      if (n > 1 && /[^\s_-]/u.test(text.slice(units[i]!.end, units[i + 1]!.at))) continue;
      if (n > 2 && units.slice(i + 1, i + n - 1).some((u, k) => /[^\s_-]/u.test(text.slice(u.end, units[i + k + 2]!.at)))) continue;
      if (glossary.lookup(normalizeAnswer(text.slice(at, end)))) {
        out.push({ word: text.slice(at, end), at, end });
        hit = n;
      }
    }
    i += hit || 1;
  }
  return out;
}

const LATIN = /^[a-z0-9][a-z0-9 ._/-]*$/i;
/** First letters that look alike and get mistyped for each other ("I3 agent" for "l3 agent"). */
const LOOKALIKE = new Set(["il", "li", "l1", "1l", "i1", "1i", "o0", "0o"]);

/** The edit distance tolerated for a misspelling of a term with this many letters (none under 7). */
export function typoBudget(length: number): number {
  // short words are other words, not typos ("groups" is not "cgroups")
  return length >= 9 ? 2 : length >= 7 ? 1 : 0;
}

/** Per entry head, its words that mean another thing in another field. */
const AMBIGUOUS = new Map<string, Set<string>>(
  Object.entries(data.ambiguous)
    .filter((e): e is [string, string[]] => Array.isArray(e[1]))
    .map(([head, words]) => [normalizeAnswer(head), new Set(words.map(normalizeAnswer))]),
);

export function makeGlossary(extra: readonly GlossaryEntry[] = []): Glossary {
  const entries = [...(data.terms as string[][]), ...extra.map((e) => [...e])];
  /** the entry means what the notes mean by `key`: the word is not ambiguous there, or the notes use another of its words */
  const senseHolds = (k: number, key: string, context: NotesContext | undefined): boolean => {
    const entry = entries[k]!;
    const ambiguous = AMBIGUOUS.get(normalizeAnswer(entry[0] ?? ""));
    if (!context || !ambiguous?.has(key)) return true;
    return entry.some((w) => {
      const other = normalizeAnswer(w);
      if (other === key || ambiguous.has(other) || other.length < 2) return false;
      return LATIN.test(other) ? context.latinWords.has(other) : context.compact.includes(other);
    });
  };
  const byWord = new Map<string, number[]>();
  entries.forEach((entry, k) => {
    for (const word of entry) {
      const key = normalizeAnswer(word);
      if (key === "") continue;
      const list = byWord.get(key) ?? [];
      if (!list.includes(k)) list.push(k);
      byWord.set(key, list);
    }
  });
  // misspellings are looked for among words of about the same length, and remembered
  const byLength = new Map<number, string[]>();
  for (const w of byWord.keys()) {
    if (!LATIN.test(w) || w.length < 6) continue;
    byLength.set(w.length, [...(byLength.get(w.length) ?? []), w]);
  }
  const corrections = new Map<string, string | null>();
  return {
    lookup(key) {
      return byWord.has(key);
    },
    synonyms(term, context) {
      const key = normalizeAnswer(term);
      const out = new Map<string, string>([[key, term]]);
      for (const k of byWord.get(key) ?? []) {
        if (!senseHolds(k, key, context)) continue;
        const ambiguous = AMBIGUOUS.get(normalizeAnswer(entries[k]![0] ?? ""));
        for (const w of entries[k]!) {
          const other = normalizeAnswer(w);
          if (out.has(other)) continue;
          // and the other way round: "dashboard" in Prometheus notes brings no "horizon" (OpenStack's
          // dashboard) unless the notes say horizon too
          if (context && ambiguous?.has(other) && !(LATIN.test(other) ? context.latinWords.has(other) : context.compact.includes(other))) continue;
          out.set(other, w);
        }
      }
      return [...out.values()];
    },
    correction(term) {
      const key = normalizeAnswer(term);
      if (!LATIN.test(key) || byWord.has(key)) return null;
      const budget = typoBudget(key.length);
      if (budget === 0) return null;
      const known = corrections.get(key);
      if (known !== undefined) return known;
      let best: string | null = null;
      let bestDistance = budget + 1;
      for (let len = key.length - budget; len <= key.length + budget; len++) {
        for (const w of byLength.get(len) ?? []) {
          // a misspelling keeps its first letter: "application" is another word, not "replication"
          // mistyped, nor "matching" "watching" (the notes' "Hypersior" is still "hypervisor")
          if (w[0] !== key[0] && !LOOKALIKE.has(`${w[0]}${key[0]}`)) continue;
          const d = distance(w, key);
          if (d < bestDistance) {
            best = w;
            bestDistance = d;
          }
        }
      }
      // the glossary's own spelling of the word, not its compact key
      const right = best === null ? null : (entries[byWord.get(best)![0]!]!.find((w) => normalizeAnswer(w) === best) ?? best);
      corrections.set(key, right);
      return right;
    },
    has(term) {
      return byWord.has(normalizeAnswer(term));
    },
  };
}

/** The shipped glossary, without deck entries. */
export const baseGlossary: Glossary = makeGlossary();
