/**
 * Bold terms inside a sentence become cloze cards, one per term, with what would give the
 * term away removed from what is shown:
 * - a gloss right after the term (`**binlog**（二进制日志）`) is hidden with it, and accepted
 *   as an answer; so is either half of a glossed bold term (`**脏页（dirty page）**`);
 * - a term that still stands in the shown sentence, itself or inside a longer word (blank
 *   `SYN` beside `SYN_SENT`), or as its glossary translation, makes no card.
 */
import type { PhrasingContent } from "mdast";
import type { Generator } from "./generator";
import { plainText } from "../markdown";
import { cleanText, md, NOT_ABBREVIATION } from "./text";
import { normalizeAnswer } from "../../answer/normalize";
import { distance } from "fastest-levenshtein";
import { typoBudget } from "../../glossary";
import { acronymExpansion } from "../leaks";
import { isEnglishWord } from "../../interview/keywords";
import { tagWords } from "../../text/segment";

/** Where a paragraph's sentences end: not after "e.g." or "i.e." ("key_share (e.g. X25519)" is one sentence). */
const SENTENCE_END = new RegExp(`(?<=[。！？])|(?<=[.!?])${NOT_ABBREVIATION}\\s+(?=[A-Z])`, "u");
/** The sentence of a paragraph that holds the mark, so a card asks one thing, not a whole paragraph. */
function sentenceWith(text: string, mark: RegExp): number {
  return text.split(SENTENCE_END).findIndex((s) => mark.test(s));
}
function sentenceAt(text: string, k: number): string {
  return text.split(SENTENCE_END)[k]?.trim() ?? text;
}

/** Whether a Latin term stands in the text misspelt ("Buffer Poll" for the hidden Buffer Pool). */
function misspeltIn(text: string, term: string): boolean {
  const key = normalizeAnswer(term);
  const budget = Math.min(1, typoBudget(key.length));
  if (budget === 0 || !/^[a-z0-9]+$/.test(key)) return false;
  const words = text.match(/[A-Za-z0-9]+/g) ?? [];
  const n = term.split(/\s+/).length;
  for (let i = 0; i + n <= words.length; i++) {
    const w = normalizeAnswer(words.slice(i, i + n).join(""));
    if (w !== key && Math.abs(w.length - key.length) <= budget && distance(w, key) <= budget) return true;
  }
  return false;
}

const GLOSS = /^\s*[（(]([^（）()]{1,40})[）)]/u;
/** Longer brackets are asides shown as they are, unless they start with the term's other name. */
const LONG_GLOSS = /^\s*[（(]([^（）()]{41,120})[）)]/u;
const GLOSS_ANYWHERE = /[（(][^（）()]{1,40}[）)]/gu;

/**
 * What the words in brackets right after a term are. A name ("binlog（二进制日志）", "脏页（dirty
 * page）") is hidden with the term and accepted for it. A remark ("everysec（默认）", "(e.g. …)",
 * "(1.2)") stays in the question as the hint it is and is not accepted: typing 默认 must not count.
 * Anything longer ("（第一次，不知道主库的 replid）", "（group.instance.id，2.3+）") may give the
 * term away, so it is hidden, but it is not an answer either.
 */
const REMARK = /^(?:默认|推荐|不推荐|常用|最常用|可选|必选|已废弃|废弃|过时|default|recommended|optional|deprecated|legacy)(?:值|开启|开|关|关闭|配置|方式|行为|策略)?$|^(?:e\.g\.?|i\.e\.?|eg|ie|如|比如|例如|see|见|since)\s|^(?:默认|default)\s*[:：=]?\s*\S+$|^(?:STW|并发|并行|串行|异步|同步|阻塞|非阻塞|很短|很快|很慢|concurrent|parallel|serial|blocking|async|sync)$/iu;
const VERSION = /^(?:v|version\s*|redis\s*|tls\s*|kafka\s*|linux\s*)?\d+(?:\.\d+)*\s*(?:\+|及以上|之后|以后|起|以前|之前)?$/iu;
/** Brackets that give another name: "（以前叫 priorities）", "(a.k.a. PFS)": the name is the answer, not the phrase. */
const OTHER_NAME = /^(?:\p{Script=Han}{0,4}叫做?|旧称|也称|又称|简称|全称|又名|aka|a\.k\.a\.?|formerly|also called|also known as|short for)\s*[:：]?\s*(.+)$/iu;
/**
 * Brackets that explain rather than name ("（名字带 pod-template-hash）", "（可能丢）", "（也就是内存大小）",
 * "（compact 类型）", a quotation, "TLS_RSA_WITH_..."): they may give the term away, so they are
 * hidden, but typing them is no answer.
 */
const EXPLANATION = /^(?:第|首次|名字|可能|会|要|需要|也就是|就是|即|相当于|表示|用于|用来|带|包括|包含|不|没|只|先|后|比|和|跟|与|对|在|是|指|means|i\.e\.?|that is|like|used|only|not|no|with|without|when|if)|类型$|模式$|的$|目录$|文件$|路径$|端口$|默认|default|[“”"‘’'=]|\.\.\.|…/iu;
/** `text` as written (shown on the answer side); `answer`, when typing it counts, what is accepted. */
type Gloss = { text: string; hidden: boolean; answer?: string };
const HAN_CHAR = /\p{Script=Han}/u;
/** A service or component named in lower case with hyphens: cinder-api, nova-compute, kube-proxy. */
const COMPONENT = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$/;
function glossKind(gloss: string, term?: string, synonyms: readonly string[] = []): Gloss {
  const text = gloss.trim();
  // "up（1/0）": a value, with no word in it, is what the term holds, a hint and no answer
  if (REMARK.test(text) || VERSION.test(text) || (term !== undefined && !/[\p{L}]/u.test(text))) return { text, hidden: false };
  // "**cinder-api**（REST入口）", "**nova-scheduler**（选节点）": a component's role in Chinese is
  // what the card asks the name from, a hint to show, not another name (round 6)
  const translation = synonyms.some((w) => normalizeAnswer(w) === normalizeAnswer(text));
  if (term !== undefined && COMPONENT.test(term) && HAN_CHAR.test(text) && !translation && !/[,，、;；:：]/u.test(text)) return { text, hidden: false };
  const name = OTHER_NAME.exec(text)?.[1]?.trim();
  if (name) return /[,，、;；:：]/u.test(name) ? { text, hidden: true } : { text, hidden: true, answer: name };
  // "增量更新（incremental update，CMS 用的，…）": the term's name in the other language, then notes
  // about it; the name gives the blank away and is an answer, the notes are not
  const head = text.split(/[,，;；]/u)[0]!.trim();
  if (term !== undefined && head !== text && isOtherName(head, term)) return { text, hidden: true, answer: head };
  // a Chinese term glossed in Chinese ("不适合告警（抖一下就触发/恢复）") is explained, not renamed
  if (term !== undefined && HAN_CHAR.test(term) && HAN_CHAR.test(text) && !/[A-Za-z]/.test(text)) return { text, hidden: true };
  // a name is short: "二进制日志", "In-Sync Replicas"; "标记开始后才死的对象这轮收不掉" explains
  if (/[,，、;；:：]/u.test(text) || EXPLANATION.test(text) || text.length === 0 || clauseSize(text) > 10) return { text, hidden: true };
  if (term !== undefined && !namesTerm(text, term)) return { text, hidden: true };
  // "follower（参与投票）": a Chinese verb phrase says what the thing does, not what it is called
  if (term !== undefined && !HAN_CHAR.test(term) && HAN_CHAR.test(text) && [...text].length >= 4 && /^v/.test(tagWords(text)[0]?.tag ?? "")) return { text, hidden: true };
  return { text, hidden: true, answer: text };
}
/**
 * Whether brackets that passed as a name can be another name of the term, not something about it
 * (round 7, all accepted as answers): a reference ("DPoP（RFC 9449）"), an address or version
 * ("VRRP advertisement（组播 224.0.0.18）"), what it is stored as or comes from ("L0 SST（BlockBasedTable
 * 格式）", "key-value separation（WiscKey论文）"), an identifier or path where the term is a word
 * ("eBPF（BPF_PROG_TYPE_CGROUP_DEVICE）", "nsexec（libcontainer/nsenter）"), a clause ("conntrack不同步
 * （neutron没用conntrackd）").
 */
function namesTerm(text: string, term: string): boolean {
  if (/\bRFC\s*\d|\d+\.\d+|协议号|(?:格式|论文|文章|项目|实现|源码|版本)$/iu.test(text)) return false;
  // an identifier spelling an acronym out ("BDM（block_device_mapping）") is its name
  const initials = text.split(/[_\s-]+/).map((w) => w[0] ?? "").join("").toLowerCase();
  if (/[_/]/.test(text) && !/[_/]/.test(term) && initials !== term.trim().toLowerCase()) return false;
  return !(HAN_CHAR.test(text) && /[A-Za-z]/.test(text) && /[没不是的了]/u.test(text));
}

/**
 * The term's name in the other language: a plain phrase ("incremental update", "环形缓冲区"), not
 * an identifier of something else ("MSI-X" beside 硬中断, "aof-use-rdb-preamble yes").
 */
function isOtherName(head: string, term: string): boolean {
  if (HAN_CHAR.test(term) === HAN_CHAR.test(head) || !namesTerm(head, term) || clauseSize(head) > 6 || EXPLANATION.test(head) || REMARK.test(head) || VERSION.test(head)) return false;
  return HAN_CHAR.test(head) || /^[a-z]+(?: [a-z]+){0,3}$/.test(head);
}
function glossAfter(text: string, term?: string, synonyms: readonly string[] = []): Gloss | undefined {
  const g = GLOSS.exec(text)?.[1];
  if (g !== undefined) return glossKind(g, term, synonyms);
  const long = LONG_GLOSS.exec(text)?.[1];
  if (long === undefined || term === undefined) return undefined;
  const kind = glossKind(long, term, synonyms);
  return kind.answer !== undefined ? kind : undefined;
}

const BLANK = "\\[…\\]";

/**
 * The cloze question without the spelt-out acronym that follows its blank, and that expansion;
 * null when nothing but the expansion was left to ask ("[…] — HTTP Strict Transport Security.").
 */
function withoutExpansion(prompt: string, term: string): { prompt: string; expansion?: string } | null {
  const found = acronymExpansion(prompt, term);
  const blankEnd = prompt.indexOf(BLANK) + BLANK.length;
  if (!found || found.index < blankEnd) return { prompt };
  const between = prompt.slice(blankEnd, found.index);
  if (!/^[\s:：—–-]*[（(]?\s*$/u.test(between)) return { prompt };
  const after = prompt.slice(found.index + found.text.length);
  // "[…] (Server Name Indication) is…" loses the brackets; "[…]: Server Name Indication, the…" the comma
  const shown = /[（(]/u.test(between)
    ? `${prompt.slice(0, blankEnd)}${between.replace(/[（(]\s*$/u, "")}${after.replace(/^\s*[）)]/u, "")}`
    : `${prompt.slice(0, blankEnd)}${between.replace(/\s*$/u, " ")}${after.replace(/^\s*[,，;；]?\s*/u, "")}`;
  const tidy = cleanText(shown);
  if (normalizeAnswer(tidy.replace(BLANK, " ")).length < 4) return null;
  return { prompt: tidy, expansion: found.text };
}

const GLOSSED = /^(.+?)\s*[（(]([^（）()]{1,40})[）)]$/u;

/** "一句话区分：[…]", "面试怎么答：[…]", "Interview one-liner: […]": a label, the blank, nothing else. */
const LABELLED = /^([^：:\[\]]{2,30}?)\s*[：:]\s*\\\[…\\\]\s*[。.!！]?$/u;

/** How much there is to recall: a Han character counts one, a Latin word (or number) about two and a half. */
function clauseSize(term: string): number {
  const han = term.match(/\p{Script=Han}/gu)?.length ?? 0;
  const words = term.match(/[A-Za-z0-9][A-Za-z0-9_.'-]*/g)?.length ?? 0;
  return han + words * 2.5;
}

/** A blank that is only a label or a connective ("[…]：只保证单分区", "新的写命令[…]写到"): nothing to recall. */
const LABEL_WORDS = new Set(["局限", "注意", "现象", "原因", "结论", "优点", "缺点", "问题", "总结", "区别", "方案", "场景", "作用", "解决", "同时", "然后", "并且", "而且", "直接", "已经", "一起", "note", "pros", "cons", "summary"]);

/** Shorter forms of an English agent noun, whose translation gives it away ("Serializer" beside 序列化, "Partitioner" beside 分区). */
function stems(term: string): string[] {
  const w = term.trim().toLowerCase();
  if (!/^[a-z]{5,}$/.test(w)) return [];
  const out: string[] = [];
  for (const [suffix, keep] of [["izer", "ize"], ["iser", "ise"], ["er", ""], ["or", ""], ["ing", ""], ["ion", ""], ["s", ""]] as const) {
    if (w.endsWith(suffix)) out.push(w.slice(0, w.length - suffix.length) + keep);
  }
  return out.filter((x) => x.length >= 4);
}

/** Two words that are the same word ("staples" and "stapling", "Validating" and "validating"). */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  let k = 0;
  while (k < a.length && k < b.length && a[k] === b[k]) k++;
  return k >= 5 && k >= Math.min(a.length, b.length) - 2;
}

/**
 * Whether a word of a term of several words stands in the shown text: the blank "Deployment
 * controller" beside "看到新 Deployment", "leader epoch" beside "问 leader 这个 epoch", "OCSP
 * stapling" beside "\"staples\" it". Words of three letters or more; a one-word term is
 * handled by the giveaways (itself, its glossary translation).
 */
function sharesWord(shownText: string, term: string): boolean {
  if (sharesPart(shownText, term)) return true;
  // a command with flags ("git push --force-with-lease" after "Push with"): the flags are what is recalled
  const flags = term.match(/(?<=\s)--?[A-Za-z][\w-]*/g);
  const words = ((flags ? flags.join(" ") : term).match(/[A-Za-z][A-Za-z0-9]*/g) ?? []).map((w) => w.toLowerCase()).filter((w) => w.length >= 3 && !isFiller(w));
  if (words.length < 1 || term.trim().split(/\s+/).length < 2) return false;
  const shownWords = (shownText.match(/[A-Za-z][A-Za-z0-9]*/g) ?? []).map((w) => w.toLowerCase());
  return words.some((w) => shownWords.some((s) => sameWord(w, s)));
}
/**
 * Whether a part of a hyphenated name stands alone in the shown text: "[systemd-oomd]、facebook 的
 * oomd", "[snat-<router_id>]：集中式 SNAT" (round 7). A part inside another such name ("nova" of
 * "nova-api" beside the blank nova-scheduler) gives nothing away.
 */
function sharesPart(shownText: string, term: string): boolean {
  if (/\s/.test(term.trim()) || !/[A-Za-z0-9][-_][A-Za-z<]/.test(term)) return false;
  const parts = (term.match(/[A-Za-z][A-Za-z0-9]*/g) ?? []).map((w) => w.toLowerCase()).filter((w) => w.length >= 3 && !isFiller(w));
  // read as text, not markdown: "group\\_by" is group_by, one name
  const text = shownText.replace(/\\([\\`*_{}[\]()#+\-.!|~<>])/g, "$1");
  return parts.some((w) => new RegExp(`(?<![\\w-])${w}(?![\\w-])`, "i").test(text));
}

/**
 * A Chinese phrase in bold ("**下放**", "**一棵树**", "**能看到什么**", "**把随机写变成顺序写**",
 * "**强制回收 + 限速**") is emphasis, not a name: its sentence says it again, and nobody types it
 * word for word. Round 7: a reader kept 4 of 25 bold Chinese blanks, against 41 of 72 on Latin
 * names, and nearly all of the 21 not kept were such phrases. A compound noun stays a blank
 * (惰性删除, 混合持久化, 单点故障, 互斥锁): a phrase has a function word, a numeral, a list, or is
 * long, or is one verb, adverb or place word of two characters (下放, 忽略, 之前).
 */
/** The head noun of a label, not of a term: "一致性保证", "选票PK规则", "part power怎么选", "三个特点". */
const GENERIC_HEAD = /(?:保证|规则|原则|特点|特性|作用|区别|原因|结论|方法|思路|步骤|流程|要点|注意|怎么选|怎么办|怎么做|如何选)$/u;
/** A short label, a colon, the blank, a comma and more: "现象：[…]，请求全部落到 DB". */
const HEADLINE = /^[^，,：:\\[]{1,10}[：:]\s*\\\[…\\\][，,]\s*\S/u;

const PHRASE_WORDS = new Set(
  "的 了 着 过 把 被 在 是 不 没 没有 也 都 就 才 又 还 能 会 要 让 给 从 向 和 与 或 或者 而 而是 所有 每 最 很 更 之前 之后 以前 以后 这 那 这时候 什么 怎么 自己 一起 不是 只 只有".split(" "),
);

/**
 * A clause of Chinese and Latin words ("所有写请求由leader排序", "高32位是epoch", "不要把ZK当数据库",
 * "ZK锁也不是绝对安全"): a statement in bold, said again by its sentence and typed by nobody word for
 * word (round 8: 7 of 7 needed another blank). A copula, a preposition of agent or object, or a
 * grammar word makes it one; "没有floating ip", "共享WAL", "conntrack不同步" stay blanks (kept in round 7).
 */
function mixedClause(term: string): boolean {
  const t = term.trim();
  const han = t.match(/\p{Script=Han}/gu)?.length ?? 0;
  return /[A-Za-z0-9]/.test(t) && han >= 3 && /是|由|把|被|不要|不是|只有|才|也/u.test(t);
}

function chinesePhrase(term: string): boolean {
  const t = term.trim();
  if (mixedClause(t)) return true;
  if (/[A-Za-z0-9]/.test(t) || !/\p{Script=Han}/u.test(t)) return false;
  if (/[、，,+＋\s/]/u.test(t) || [...t].length >= 8) return true;
  const words = tagWords(t);
  // a word of grammar makes it a phrase (的, 把, 都, 所有, 一棵, 之前, 什么); jieba's tags alone do not
  // tell (零拷贝 starts with a numeral, 异步复制 with an "adverb")
  if (/^[一两几每][个棵些层次种条件张]/u.test(t) || words.some((w) => PHRASE_WORDS.has(w.word))) return true;
  return words.length === 1 && [...t].length <= 2 && /^(?:v|vd|d|f)$/.test(words[0]!.tag);
}

/** Small words, and generic head nouns ("master process" beside "worker processes" gives nothing away). */
const isFiller = (w: string): boolean => FILLER.has(w) || (w.endsWith("s") && FILLER.has(w.slice(0, -1))) || (w.endsWith("es") && FILLER.has(w.slice(0, -2)));
const FILLER = new Set(["the", "and", "for", "with", "not", "all", "one", "two", "has", "are", "was", "its", "node", "process", "server", "client", "file", "key", "data", "mode", "type", "list", "table", "thread", "request", "message", "log", "copy", "time", "state", "set", "value", "name", "session", "controller", "manager", "agent", "service", "daemon"]);

/** "「缓存问题」：一句话区分？" with the bold line as the answer. */
function summaryCard(g: Generator, topic: string[], title: string, label: string, sentence: string, line: number) {
  const prompt = g.t.summary(title, md(label));
  g.add({ kind: "basic", topic, line, prompt, answer: sentence, generatedBy: "notes:summary" }, prompt);
}

export function boldClozes(g: Generator, children: PhrasingContent[], topic: string[], title: string, line: number) {
  const strongIdx = children.map((c, k) => (c.type === "strong" ? k : -1)).filter((k) => k >= 0);
  if (strongIdx.length === 0 || strongIdx.length === children.length) return;
  // bold is marked with control characters while the text is tidied, then written as **
  const render = (fn: (term: string, k: number) => string, hideGloss: number | null) => {
    let k = 0;
    let skipGloss = false;
    const parts = children.map((c, idx) => {
      if (c.type === "strong") {
        const term = cleanText(plainText(c));
        const out = fn(term, k);
        skipGloss = hideGloss === k && glossAfter(plainText(children[idx + 1] ?? { type: "text", value: "" }), term, g.glossary.synonyms(term))?.hidden === true;
        k++;
        return out;
      }
      let text = plainText(c);
      if (skipGloss) text = text.replace(GLOSS.test(text) ? GLOSS : LONG_GLOSS, "");
      skipGloss = false;
      return md(text);
    });
    return cleanText(parts.join("")).replace(/[\u0001\u0002]/g, "**");
  };
  const key = render((_, k) => `[c${k + 1}]`, null);
  strongIdx.forEach((idx, group) => {
    const bold = cleanText(plainText(children[idx]!));
    // "**5.7：LOGICAL_CLOCK**", "**Go 1.14: async preemption**": a version before the name; the name
    // is the blank and the version stays in the question (round 9: "5.6：按库并行" was a blank to type)
    const versioned = /^((?:[A-Za-z]+\s*)?v?\d+(?:\.\d+)*\+?)\s*[：:]\s*(\S.*)$/u.exec(bold);
    const term = versioned ? versioned[2]!.trim() : bold;
    const shownBefore = versioned ? `${md(versioned[1]!)}${/[：]/u.test(bold) ? "：" : ": "}` : "";
    if (normalizeAnswer(term).length < 2) return;
    // "**what's sysmon?** → runtime thread…": a bold question is the notes' own question, asked
    // with its answer (notes:question); blanked, it is a whole question to type (round 9: six cards)
    if (/[？?]$/u.test(term)) return;
    // a bold label that names a comparison ("**HW vs LEO**：…") is a heading, not a term to recall
    if (/\bvs\.?\b|versus|区别|对比|比较|\band\b|和/iu.test(term) && !GLOSSED.test(term)) return;
    const after = children[idx + 1];
    const bracket = after && after.type === "text" ? glossAfter(after.value, term, g.glossary.synonyms(term)) : undefined;
    // a remark in brackets stays in the question (render keeps it) and is no answer
    const gloss = bracket?.hidden ? bracket.text : undefined;
    // "rate(x[5m])" is a call, not "rate" glossed by "x[5m]": no bracket right after a word is a gloss
    const glossedTerm = /[A-Za-z0-9_]\(/.test(term) ? null : GLOSSED.exec(term);
    const inner = glossedTerm ? glossKind(glossedTerm[2]!).answer : undefined;
    const glossed = glossedTerm && inner !== undefined ? glossedTerm : null;
    // "**Session ID (1.2)**": the name before a remark in brackets is what the learner recalls
    const named = glossedTerm && !glossed ? [glossedTerm[1]!.trim()] : [];
    const aliases: string[] = [...new Set([...(bracket?.answer !== undefined ? [bracket.answer] : []), ...(glossed ? [glossed[1]!.trim(), inner!] : named)])].filter((a) => a !== term);
    // the notes' misspelling ("**invalidaton**", "async preemtion") is their word, the right spelling the
    // one a learner types: both are accepted (round 10: the correct word was refused)
    // Only a lowercase word no dictionary knows, and not an inflection of its correction ("containers")
    const rightly = term.replace(/(?<![A-Za-z_])[a-z]{6,}(?![A-Za-z_])/g, (w) => {
      const right = isEnglishWord(w) ? null : g.glossary.correction(w);
      return right && !w.startsWith(right) && !right.startsWith(w) ? right : w;
    });
    if (rightly !== term && !aliases.includes(rightly)) aliases.push(rightly);
    const whole = render((x, k) => (k === group ? `${shownBefore}\\[…\\]` : md(x)), group);
    const at = sentenceWith(whole, /\\\[…\\\]/);
    const sentence0 = sentenceAt(whole, at);
    // an acronym spelt out right after its blank ("[…]: Server Name Indication, the hostname…")
    // is hidden with it, as a gloss is, and accepted; spelt out anywhere else, the card leaks
    const spelt = withoutExpansion(sentence0, term);
    if (spelt === null) return;
    if (spelt.expansion) aliases.push(spelt.expansion);
    const prompt = spelt.prompt;
    const shown = normalizeAnswer(prompt.replace(/\\\[…\\\]/g, " "));
    // the whole line in bold behind a label ("一句话区分：**…**", "Interview one-liner: **…**") asks
    // the label, as a question; with nothing around it at all it asks nothing
    const labelled = LABELLED.exec(prompt);
    if (labelled && clauseSize(term) >= 8) return summaryCard(g, topic, title, labelled[1]!.trim(), md(term), line);
    if (shown.length < 3 || clauseSize(term) > 20 || LABEL_WORDS.has(normalizeAnswer(term))) return;
    if (chinesePhrase(term) && !g.glossary.has(term)) return;
    // "[一致性保证]（官网列的几条）：顺序一致性、原子性…", "[选票PK规则]：先比 epoch…": a label over what it
    // labels asks the heading back from its content (round 8: 4 such blanks, all to be turned round)
    if (HAN_CHAR.test(term) && GENERIC_HEAD.test(term.trim()) && /^\\\[…\\\]\s*(?:[（(][^）)]*[）)])?\s*[：:]/u.test(prompt)) return;
    // "问题1：[单点故障]，网络节点挂了，上面所有router都断", "缺点：[共享内核]，内核漏洞 = 逃逸": a
    // headline between a label and its own explanation is said again by the clause after it
    // (round 7: 3 of 3 such Chinese blanks discarded as given away)
    if (HAN_CHAR.test(term) && HEADLINE.test(prompt)) return;
    // "**Eden**、**Survivor**（年轻代）": the other bold terms are all there is around the blank
    const bareText = sentenceAt(render((_, k) => (k === group ? " " : " "), group), at).replace(GLOSS_ANYWHERE, " ");
    const bare = normalizeAnswer(bareText);
    if (bare.length < 3) return;
    // "服务器角色：**leader**、**follower**（参与投票）、**observer**（…）": a label over a list of bold
    // names is the same thing, one of three names to fill in from the other two (round 8: trivia)
    if (strongIdx.length >= 2 && normalizeAnswer(bareText.replace(/^[^：:]{1,16}[：:]/u, "")).length < 3) return;
    const named0 = glossed ? glossed[1]! : term;
    const giveaways = [term, ...aliases, ...g.glossary.synonyms(named0), ...stems(named0).flatMap((w) => g.glossary.synonyms(w).slice(1))].map(normalizeAnswer).filter((w) => w.length >= 2);
    if (giveaways.some((w) => shown.includes(w)) || misspeltIn(prompt, term) || sharesWord(prompt.replace(/\\\[…\\\]/g, " "), named0)) return;
    // "**qrouter** 命名空间负责…" already asks "[…]负责…" for "qrouter 命名空间": the same card twice
    const asked = normalizeAnswer(term);
    if (g.cards.some((c) => c.line === line && c.generatedBy === "notes:responsibility" && c.kind === "cloze" && c.cloze.some((x) => normalizeAnswer(x.text).includes(asked)))) return;
    // "A **segment** is an immutable sub-index…" already asks "what is segment?" from that sentence
    const sentence = normalizeAnswer(sentence0.replace(/\\\[…\\\]/g, term));
    if (g.cards.some((c) => c.line === line && c.generatedBy === "notes:definition" && normalizeAnswer(c.prompt).includes(asked) && normalizeAnswer(c.answer) === sentence)) return;
    // the first step of a process is asked by its own card ("「告警处理」的第一步是什么？" → "dispatcher 按
    // route 树匹配…"): a blank in the same sentence is the same fact twice (round 6)
    // (the first-step card carries the line of its step, the first of the run)
    if (g.cards.some((c) => c.generatedBy === "notes:first-step" && c.line === line)) return;
    const answer = sentenceAt(render((x, k) => (k === group ? `${shownBefore}\u0001${md(versioned ? term : x)}\u0002${gloss ? `（${md(gloss)}）` : ""}` : md(x)), group), at);
    g.add(
      { kind: "cloze", topic, line, prompt, answer, group: group + 1, cloze: [{ text: term, ...(aliases.length ? { aliases } : {}) }], generatedBy: "notes:bold-cloze" },
      `${key}\u0000${group + 1}`,
    );
  });
}
