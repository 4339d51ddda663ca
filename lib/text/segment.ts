/**
 * Chinese word segmentation and term weights, from jieba (`@node-rs/jieba`, its bundled
 * dictionary and IDF table). Chinese has no spaces between words: without segmentation a
 * rubric could only require runs of Latin letters, and a Chinese explanation would never be
 * checked. Latin text is left to the callers (jieba splits `nova-api` at the hyphen).
 *
 * The dictionary loads once, lazily (about 0.2 s), on the server only: nothing in the browser
 * imports this module.
 */
import { Jieba, TfIdf } from "@node-rs/jieba";
import { dict, idf } from "@node-rs/jieba/dict.js";

export interface Word {
  word: string;
  /** jieba's part-of-speech tag: n noun, v verb, vn verbal noun, p preposition, c conjunction, u particle, d adverb, r pronoun, eng Latin, x other */
  tag: string;
}

let engine: { jieba: Jieba; tfidf: TfIdf } | null = null;
let idfTable: Map<string, number> | null = null;

function load() {
  if (!engine) engine = { jieba: Jieba.withDict(dict), tfidf: TfIdf.withDict(idf) };
  return engine;
}

/** The words of a text with their part of speech, white space dropped unless asked for. */
export function tagWords(text: string, options: { keepSpaces?: boolean } = {}): Word[] {
  if (text.trim() === "") return [];
  const words = load().jieba.tag(text, true);
  return options.keepSpaces ? words : words.filter((w) => w.word.trim() !== "");
}

/** The words of a text, white space dropped. */
export function cutWords(text: string): string[] {
  if (text.trim() === "") return [];
  return load()
    .jieba.cut(text, true)
    .filter((w) => w.trim() !== "");
}

/** TF-IDF weights of the words of a text that have one of the given parts of speech, highest first. */
export function weightedWords(text: string, limit: number, parts: string[]): Array<{ word: string; weight: number }> {
  if (text.trim() === "") return [];
  const { jieba, tfidf } = load();
  return tfidf.extractKeywords(jieba, text, limit, parts).map((k) => ({ word: k.keyword, weight: k.weight }));
}

/**
 * How telling a Chinese word is: its inverse document frequency in jieba's corpus (创建 6.9,
 * 绑定 10.3, 校验 11.5); a word the corpus does not know (命名空间) is taken as rare.
 */
export function idfOf(word: string): number {
  if (!idfTable) {
    idfTable = new Map();
    for (const line of Buffer.from(idf).toString("utf8").split("\n")) {
      const space = line.lastIndexOf(" ");
      if (space > 0) idfTable.set(line.slice(0, space), Number(line.slice(space + 1)));
    }
  }
  return idfTable.get(word) ?? UNKNOWN_IDF;
}

/** The IDF given to words jieba's corpus does not have: rarer than most it has. */
export const UNKNOWN_IDF = 11;
