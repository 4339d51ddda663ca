/**
 * Answer comparison that understands Chinese text with English technical terms. Shared by
 * typed answers in study, quizzes and rubric matching in mock interviews.
 *
 * - Unicode NFKC folds full-width letters, digits and punctuation to their ASCII forms
 *   (ｎｏｖａ → nova, ＡＰＩ → API, full-width space → space).
 * - Case is folded; Chinese and ASCII punctuation, white space and the separators - _ . /
 *   are not significant ("nova-compute", "nova compute", "nova_compute", "Nova Compute").
 * No library does this mix (CJK width folding + term separators), so it is written here.
 */

/** Punctuation, symbols and separators in any script (Unicode P*, S*, Z* and white space). */
const INSIGNIFICANT = /[\p{P}\p{S}\p{Z}\s]+/gu;
const HAN = /\p{Script=Han}/u;

function fold(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

/**
 * The compact form of an answer: folded, with every punctuation mark, symbol and space
 * removed. Two answers are the same when their compact forms are equal. Idempotent.
 */
export function normalizeAnswer(text: string): string {
  return fold(text).replace(INSIGNIFICANT, "");
}

/**
 * The answer as a sequence of tokens: Latin words and numbers are tokens, and every Han
 * character is one (Chinese has no spaces between words). Used where word boundaries matter.
 */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const m of fold(text).matchAll(/[\p{L}\p{N}]+/gu)) {
    let word = "";
    for (const ch of m[0]) {
      if (HAN.test(ch)) {
        if (word) out.push(word);
        word = "";
        out.push(ch);
      } else word += ch;
    }
    if (word) out.push(word);
  }
  return out;
}

/** Whether a typed answer matches the expected answer or one of its accepted aliases. */
export function answerMatches(typed: string, expected: string, aliases: readonly string[] = []): boolean {
  const t = normalizeAnswer(typed);
  if (t === "") return false;
  return [expected, ...aliases].some((a) => normalizeAnswer(a) === t);
}

/**
 * Whether a text mentions a keyword. Latin words must match whole words, though separators
 * may differ or be missing ("nova-compute" is found in "nova compute" and "novacompute",
 * "ip" is not found in "skip"); Chinese is matched as a run of characters.
 */
export function containsKeyword(text: string, keyword: string): boolean {
  const hay = tokenize(text);
  const needle = tokenize(keyword);
  if (needle.length === 0) return false;
  const joined = needle.join("");
  for (let i = 0; i < hay.length; i++) {
    // the keyword's tokens in a row, or glued into fewer tokens of the text
    let acc = "";
    for (let j = i; j < hay.length && acc.length < joined.length; j++) {
      acc += hay[j];
      if (acc === joined) return true;
    }
  }
  return false;
}

/** Whether a text mentions any of the aliases of a keyword group. */
export function mentionsAny(text: string, aliases: readonly string[]): boolean {
  return aliases.some((a) => containsKeyword(text, a));
}
