import type { ReactNode } from "react";

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * `text` with every occurrence of the terms wrapped in <mark> (case-insensitive, longest term
 * first so "token bucket" wins over "token"). Plain text in, React nodes out: nothing is parsed
 * as HTML, so a search cannot inject markup.
 */
export function Highlighted({ text, terms }: { text: string; terms: readonly string[] }): ReactNode {
  const words = [...new Set(terms.map((t) => t.trim()).filter((t) => t.length > 0))].sort((a, b) => b.length - a.length);
  if (words.length === 0) return text;
  const pattern = new RegExp(`(${words.map(escapeRegExp).join("|")})`, "giu");
  return text.split(pattern).map((part, i) => (i % 2 === 1 ? <mark key={i}>{part}</mark> : part));
}
