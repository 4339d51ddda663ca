/**
 * Anki notes to our cards. One Anki card (a note and a template, or a note and a cloze number)
 * becomes one card here:
 *
 * - a cloze note type (Cloze, and any note type Anki marks as cloze): a cloze card of the group
 *   `card.ord + 1`, its terms and hints kept;
 * - any other note type (Basic, Basic (and reversed card), custom ones): a basic card whose
 *   question and answer are the card's templates with the note's fields substituted. A template
 *   with `{{type:Field}}` (Basic (type in the answer)) makes the card typed, expecting that field.
 *
 * The answer side drops its leading `{{FrontSide}}<hr id=answer>`: Anki shows the question
 * again above the answer; our study screen already does. HTML comes out raw: the caller
 * sanitizes it (lib/content/render.ts renderAnkiHtml) before storing.
 */
import { createHash } from "node:crypto";
import type { ClozeTerm } from "../content/types";
import { FIELD_SEPARATOR, type AnkiNote, type AnkiNotetype } from "./types";

export interface MappedContent {
  kind: "basic" | "cloze";
  /** raw (unsanitized) HTML */
  promptHtml: string;
  answerHtml: string;
  /** cloze cards: the group and its terms */
  group?: number;
  cloze?: ClozeTerm[];
  /** typed cards: the answer expected (plain text of the field `{{type:…}}` names) */
  typeAnswer?: string;
}

/** A card's id here: the note's GUID (stable across exports and edits) and the card's ordinal. */
export function ankiCardId(guid: string, ord: number): string {
  return `anki-${createHash("sha256").update(guid).digest("hex").slice(0, 20)}-${ord}`;
}

/** The note's fields by name. */
export function noteFields(notetype: AnkiNotetype, note: AnkiNote): Map<string, string> {
  const values = note.flds.split(FIELD_SEPARATOR);
  return new Map(notetype.fields.map((name, i) => [name, values[i] ?? ""]));
}

/** A note's tags ("  a  b::c " → ["a", "b::c"]). */
export function noteTags(tags: string): string[] {
  return tags.split(/\s+/u).filter((t) => t !== "");
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/** Plain text of a field's HTML, as Anki's `text:` filter gives it (for typed answers and search). */
export function stripHtml(html: string): string {
  return html
    .replace(/<(?:br|\/p|\/div|\/li)\b[^>]*>/giu, " ")
    .replace(/<[^>]*>/gu, "")
    .replace(/\[sound:[^\]]*\]/gu, "")
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/giu, (m, e: string) => {
      if (e.startsWith("#x") || e.startsWith("#X")) return String.fromCodePoint(parseInt(e.slice(2), 16));
      if (e.startsWith("#")) return String.fromCodePoint(Number(e.slice(1)));
      return ENTITIES[e.toLowerCase()] ?? m;
    })
    .replace(/\s+/gu, " ")
    .trim();
}

/** `{{c1::text::hint}}` (Anki's cloze syntax; the hint is optional). */
const CLOZE = /\{\{c(\d+)::([\s\S]*?)(?:::([\s\S]*?))?\}\}/gu;

/** The cloze numbers a note's text uses (its cards are those numbers minus one). */
export function clozeGroups(text: string): number[] {
  return [...new Set([...text.matchAll(CLOZE)].map((m) => Number(m[1])))].sort((a, b) => a - b);
}

function renderCloze(text: string, group: number, side: "q" | "a", terms: ClozeTerm[] | null): string {
  return text.replace(CLOZE, (_m, n: string, body: string, hint: string | undefined) => {
    if (Number(n) !== group) return body;
    if (terms) terms.push(hint ? { text: stripHtml(body), hint: stripHtml(hint) } : { text: stripHtml(body) });
    return side === "q" ? `<span class="cloze">[${hint ?? "…"}]</span>` : `<span class="cloze"><b>${body}</b></span>`;
  });
}

interface RenderContext {
  fields: Map<string, string>;
  side: "q" | "a";
  /** the cloze group of this card (cloze note types) */
  group: number | null;
  /** filled in as the template is rendered */
  terms: ClozeTerm[];
  typed: string | null;
  frontSide: string;
  special: Record<string, string>;
}

/** `{{#F}}…{{/F}}` shown when F is not empty, `{{^F}}…{{/F}}` when it is (innermost first). */
function sections(template: string, ctx: RenderContext): string {
  const SECTION = /\{\{([#^])\s*([^}]+?)\s*\}\}((?:(?!\{\{[#^])[\s\S])*?)\{\{\/\s*\2\s*\}\}/u;
  let out = template;
  for (let m = SECTION.exec(out); m; m = SECTION.exec(out)) {
    const value = ctx.fields.get(m[2]!) ?? ctx.special[m[2]!] ?? "";
    const filled = stripHtml(value) !== "" || /<img\b/iu.test(value);
    const keep = m[1] === "#" ? filled : !filled;
    out = out.slice(0, m.index) + (keep ? m[3]! : "") + out.slice(m.index + m[0].length);
  }
  return out;
}

function replacement(spec: string, ctx: RenderContext): string {
  const parts = spec.split(":").map((p) => p.trim());
  const name = parts.pop() ?? "";
  const filters = parts;
  if (name === "FrontSide") return ctx.frontSide;
  let value = ctx.fields.get(name) ?? ctx.special[name] ?? "";
  for (const filter of filters.reverse()) {
    if (filter === "type" || filter.startsWith("type")) {
      // the answer box: our study screen draws its own, and checks against this field
      if (ctx.typed === null) ctx.typed = stripHtml(filters.includes("cloze") && ctx.group !== null ? "" : value);
      return "";
    }
    if (filter === "cloze") value = ctx.group === null ? value : renderCloze(value, ctx.group, ctx.side, ctx.side === "q" ? ctx.terms : null);
    else if (filter === "text") value = stripHtml(value);
    else if (filter === "kana") value = value.replace(/ ?([^ >]+?)\[(.+?)\]/gu, "$2");
    else if (filter === "kanji") value = value.replace(/ ?([^ >]+?)\[(.+?)\]/gu, "$1");
    else if (filter === "furigana") value = value.replace(/ ?([^ >]+?)\[(.+?)\]/gu, "<ruby>$1<rt>$2</rt></ruby>");
    else if (filter.startsWith("tts")) value = "";
    // hint and unknown filters: the value as it is (Anki's hint only folds it behind a link)
  }
  return value;
}

function render(template: string, ctx: RenderContext): string {
  return sections(template, ctx).replace(/\{\{(?![#^/])([^}]+?)\}\}/gu, (_m, spec: string) => replacement(spec, ctx));
}

/** `[sound:a.mp3]` → an audio element (its source is resolved and checked by the sanitizer). */
function soundTags(html: string): string {
  return html.replace(/\[sound:([^\]]+)\]/gu, (_m, name: string) => `<audio controls src="${name.replace(/"/gu, "&quot;")}"></audio>`);
}

/** Anki's answer template starts with the question again, then a rule: we show the question already. */
const FRONT_SIDE_HEAD = /^\s*\{\{\s*FrontSide\s*\}\}\s*(?:<hr\s+id\s*=\s*["']?answer["']?\s*\/?>)?/iu;

/**
 * The card `ord` of a note, or null when that card would be empty (Anki keeps no empty cards;
 * a package may still hold one whose note was edited since).
 */
export function mapCard(notetype: AnkiNotetype, note: AnkiNote, ord: number, special: { deck: string; tags: string[] }): MappedContent | null {
  const fields = noteFields(notetype, note);
  const cloze = notetype.kind === "cloze";
  // a cloze note type has one template whatever the card; others one per card
  const template = cloze ? notetype.templates[0] : notetype.templates.find((t) => t.ord === ord);
  if (!template) return null;
  const group = cloze ? ord + 1 : null;
  const base = { fields, group, terms: [] as ClozeTerm[], typed: null as string | null, special: { Tags: special.tags.join(" "), Deck: special.deck, Subdeck: special.deck.split("::").pop() ?? "", Card: template.name, Type: notetype.name } };
  const qctx: RenderContext = { ...base, side: "q", frontSide: "" };
  const prompt = render(template.qfmt, qctx);
  const actx: RenderContext = { ...base, side: "a", terms: [], typed: qctx.typed, frontSide: prompt };
  const answer = render(template.afmt.replace(FRONT_SIDE_HEAD, ""), actx);
  if (cloze && qctx.terms.length === 0) return null;
  if (!cloze && stripHtml(prompt) === "" && !/<img\b|\[sound:/iu.test(prompt)) return null;
  const out: MappedContent = { kind: cloze ? "cloze" : "basic", promptHtml: soundTags(prompt.trim()), answerHtml: soundTags(answer.trim()) };
  if (cloze) {
    out.group = group!;
    out.cloze = qctx.terms;
  }
  const typed = qctx.typed ?? actx.typed;
  if (typed) out.typeAnswer = typed;
  return out;
}
