import { createHash } from "node:crypto";
import type { CardKind } from "./types";

/** Bumped whenever parsing or rendering changes what a file produces, to force re-import. */
export const PARSER_VERSION = "5"; // 2: code blocks highlighted; 3: typed answers stored; 4: stricter errors (hostile input); 5: notes mode by list kind, rubrics by meaning, topic levels hidden before the reveal

/** Normalises a question for identity: white space never changes a card. */
export function questionKey(text: string): string {
  return text.replace(/\s+/gu, " ").trim();
}

/** A card's stable id: deck, topic path, kind and question; never the answer. */
export function cardId(deckId: string, topic: string[], kind: CardKind, question: string): string {
  const h = createHash("sha256");
  h.update([deckId, topic.join("\u001f"), kind, questionKey(question)].join("\u0000"));
  return h.digest("hex").slice(0, 24);
}

export function contentHash(bytes: Uint8Array | string): string {
  return createHash("sha256").update(PARSER_VERSION).update("\u0000").update(bytes).digest("hex");
}
