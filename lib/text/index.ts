/** Small text helpers shared by the content pipeline. */

const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]/u;
const CJK_PUNCT = /[\u3000-\u303f\uff00-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]/u;

export function isCjk(ch: string): boolean {
  return CJK.test(ch);
}

/**
 * Collapses runs of white space to one space, and drops a space between two CJK characters
 * or next to CJK punctuation (exported notes pad text with runs of spaces).
 */
export function tidySpaces(text: string): string {
  const collapsed = text.replace(/\s+/gu, " ").trim();
  let out = "";
  for (let i = 0; i < collapsed.length; i++) {
    const ch = collapsed[i]!;
    if (ch === " ") {
      const prev = out[out.length - 1] ?? "";
      const next = collapsed[i + 1] ?? "";
      const joinsCjk = (isCjk(prev) || CJK_PUNCT.test(prev)) && (isCjk(next) || CJK_PUNCT.test(next));
      const nextToPunct = CJK_PUNCT.test(prev) || CJK_PUNCT.test(next);
      if (joinsCjk || nextToPunct) continue;
    }
    out += ch;
  }
  return out;
}

/** Share of letters that are CJK, used to guess a deck's language. */
export function cjkShare(text: string): number {
  let cjk = 0;
  let letters = 0;
  for (const ch of text) {
    if (isCjk(ch)) {
      cjk++;
      letters++;
    } else if (/\p{L}/u.test(ch)) letters++;
  }
  return letters === 0 ? 0 : cjk / letters;
}

/** "2.1 ", "4.4 ", "5.1.2 ": a section number of several levels, not a version compared ("1.2 vs 1.3"). */
const SECTION_NUMBER = /^\s*[0-9]{1,3}(?:\.[0-9]{1,3})+\.?\s+(?!vs\.?\b|versus\b|和|与|跟|对比|比较|→|->|to\b)/u;

/** Drops a leading enumeration such as "一、", "3.", "1）", "2.1 ", "(2)", "第三步：" from a heading. */
export function stripEnumeration(text: string): string {
  if (SECTION_NUMBER.test(text)) {
    const rest = text.replace(SECTION_NUMBER, "").trim();
    if (rest.length > 0) return rest;
  }
  const stripped = text
    .replace(/^\s*(?:第[一二三四五六七八九十百零〇0-9]+(?:[步章节部篇][、.．:：)）]?|[、.．:：)）])|[一二三四五六七八九十百零〇]+[、.．:：)）]|\(?[0-9]{1,3}[).．、:：）](?![0-9])|[（(][0-9一二三四五六七八九十]{1,3}[)）])\s*/u, "")
    .trim();
  return stripped.length > 0 ? stripped : text.trim();
}

/** Two letters side by side swapped ("repilca", "agnet", "kye"): one slip of the fingers, two edits for Levenshtein. */
export function swappedLetters(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diff = [...a].flatMap((ch, i) => (ch === b[i] ? [] : [i]));
  return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
}
