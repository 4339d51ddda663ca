/**
 * Distractors for generated choice questions: wrong options drawn from the short answers of
 * other cards in the same deck ("nova-scheduler", "dnsmasq", "host 文件"), of the same kind
 * as the right answer, so that the question is not answered by its shape alone.
 *
 * A term's kind is its script (numbers and quantities, Latin, Chinese or mixed) and its length (within a
 * factor of 2.5). A distractor is never the right answer or one of its aliases, never
 * contains it or is contained in it ("nova" for "nova-api"), and never repeats another
 * distractor; all after normalising (width, case, punctuation, separators). Terms from the
 * same topic come first; ties are broken by the seed, so a seed always gives the same options.
 */
import { normalizeAnswer } from "../answer/normalize";
import { seededShuffle } from "../random";

/** A short answer of a card: a candidate right answer, or a distractor for other cards. */
export interface Term {
  cardId: string;
  text: string;
  aliases: string[];
  topic: string[];
}

export type TermClass = "number" | "latin" | "cjk" | "mixed";

const HAN = /\p{Script=Han}/u;
const LETTER = /\p{L}/u;
const DIGIT = /\p{N}/u;

export function termClass(text: string): TermClass {
  const chars = [...normalizeAnswer(text)];
  const han = chars.filter((c) => HAN.test(c)).length;
  const letters = chars.filter((c) => LETTER.test(c) && !HAN.test(c)).length;
  // quantities: "4789", "67/68", "19 步"
  if (letters === 0 && chars.some((c) => DIGIT.test(c))) return "number";
  if (han === 0) return "latin";
  if (letters === 0) return "cjk";
  return "mixed";
}

const MAX_LENGTH_RATIO = 2.5;

export const DISTRACTORS_NEEDED = 3;

export type DistractorResult = { ok: true; distractors: string[] } | { ok: false; found: number; needed: number; termClass: TermClass; reason: string };

function sharedPrefix(a: readonly string[], b: readonly string[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** Picks `needed` distractors for `answer` from `pool` (the deck's terms), or says why it cannot. */
export function pickDistractors(options: { answer: Term; pool: readonly Term[]; seed: string; needed?: number }): DistractorResult {
  const { answer, pool, seed } = options;
  const needed = options.needed ?? DISTRACTORS_NEEDED;
  const rightForms = [answer.text, ...answer.aliases].map(normalizeAnswer).filter((f) => f !== "");
  const kind = termClass(answer.text);
  const length = normalizeAnswer(answer.text).length;
  const overlaps = (form: string) => rightForms.some((r) => r === form || r.includes(form) || form.includes(r));

  const seen = new Set<string>();
  const fitting: Array<{ term: Term; form: string; near: number }> = [];
  for (const term of pool) {
    if (term.cardId === answer.cardId) continue;
    const form = normalizeAnswer(term.text);
    if (form === "" || seen.has(form)) continue;
    const forms = [form, ...term.aliases.map(normalizeAnswer).filter((f) => f !== "")];
    if (forms.some(overlaps)) continue;
    if (termClass(term.text) !== kind) continue;
    const ratio = form.length / Math.max(1, length);
    if (ratio > MAX_LENGTH_RATIO || ratio < 1 / MAX_LENGTH_RATIO) continue;
    seen.add(form);
    fitting.push({ term, form, near: sharedPrefix(term.topic, answer.topic) });
  }
  // seeded order first, then a stable sort puts the nearest topics first
  const ordered = seededShuffle(fitting, `${seed}:${answer.cardId}`).sort((a, b) => b.near - a.near);
  // two terms from the pool may still be the same as each other under their aliases
  const chosen: typeof ordered = [];
  for (const c of ordered) {
    if (chosen.length === needed) break;
    const forms = [c.form, ...c.term.aliases.map(normalizeAnswer)];
    if (chosen.some((d) => forms.includes(d.form) || d.term.aliases.map(normalizeAnswer).includes(c.form))) continue;
    chosen.push(c);
  }
  if (chosen.length < needed) {
    return {
      ok: false,
      found: chosen.length,
      needed,
      termClass: kind,
      reason: `only ${chosen.length} of the ${needed} wrong options needed: the deck has too few other ${kind} terms like "${answer.text}"`,
    };
  }
  return { ok: true, distractors: chosen.map((c) => c.term.text) };
}
