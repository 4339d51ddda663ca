/**
 * Keywords of generated rubric points, from the meaning of their text in either language.
 *
 * - Glossary words are spotted first, in both scripts and across them (`浮动ip`, `veth pair`,
 *   `块存储`), so a concept the glossary can translate is checked in both languages.
 * - Other Latin terms are single names (`kube-proxy`, `Service`), never runs of words;
 *   two-letter words count only when the glossary knows them (`IP` yes; `ID`, `ns`, `e.g` no).
 *   In English text plain content words are concepts too, weighted below names.
 * - Other Chinese concepts come from jieba's segmentation ranked by TF-IDF (nouns, verbs), so
 *   校验, 分配, 挂接 are checked, not only the English names around them.
 * - A misspelt long term (`Hypersior`) becomes the glossary's word with the typo as an alias, and
 *   so does a misspelling of a word the notes themselves write more often (`repilca`, see notesTypos);
 * - Placeholders (`KUBE-SVC-XXXX`, `caliYYY`) are no keywords;
 *   an ALL-CAPS glued name (`DHCPOFFER`, `2MSL`) also accepts its parts (`offer`, `MSL`).
 * - `A 或者 B`, `A 或 B`, `A or B`: the two terms are one group, either counts.
 * - Weights fall with the number of points of the same rubric that share the term: in the VM
 *   creation steps `nova-compute` is in eight points and tells them apart from nothing, while
 *   `glance-api` names its point. The point's most telling group is its anchor: an answer must
 *   mention it. At most four groups (three Latin names), and in Chinese text at least one
 *   Chinese concept, a relation such as 校验 first, so a list of component names covers nothing.
 * - A point needs half of its groups, rounded up, the anchor among them.
 */
import { spotTerms, spotTypos, typoBudget, type Glossary, type NotesContext } from "../glossary";
import { normalizeAnswer } from "../answer/normalize";
import { cutWords, idfOf, UNKNOWN_IDF, weightedWords } from "../text/segment";
import { swappedLetters } from "../text";
import stopwords from "stopwords-iso/stopwords-iso.json";
import { distance } from "fastest-levenshtein";
import englishWords from "an-array-of-english-words/index.json";

/**
 * English words (an-array-of-english-words, MIT, ~275,000 words): a word of the dictionary is a
 * word, never someone's typo of another ("protect" is not "project" mistyped, "execution" not
 * "election"). Loaded on first use; this module runs on the server only (rubrics are made at import).
 */
let english: Set<string> | null = null;
/** "downloads" of "download", "servers" of "server": the same word inflected, not another word. */
function inflectionOf(word: string, base: string): boolean {
  const w = word.toLowerCase();
  const b = base.toLowerCase();
  return w.length >= b.length && w.length - b.length <= 3 && w.startsWith(b.replace(/e$/, ""));
}
export function isEnglishWord(word: string): boolean {
  english ??= new Set(englishWords as string[]);
  return /^[a-z]+$/i.test(word) && english.has(word.toLowerCase());
}

export interface PointKeywords {
  keywords: string[][];
  /** how many groups an answer must mention */
  need: number;
  /** the group (index into keywords) an answer must mention */
  anchor: number;
  /**
   * one general word is all the point has to listen for ([迁移], [容器]): any answer on the topic
   * says it, so the point would be covered for free
   */
  weak?: boolean;
}

/** Below this weight a lone keyword group is a general word of the topic, not the point's own term. */
const WEAK_WEIGHT = 1.5;

/** Share of a generated point's keyword groups an answer must mention. */
export const GROUP_SHARE = 0.5;
const MAX_GROUPS = 4;
const MAX_LATIN = 3;

// stopwords-iso's lists, and the words of notes that say nothing about a point
const EN_STOP = new Set([
  ...(stopwords.en as string[]),
  ...("a an and are as at be been by for from has have in into is it its of on or that the their then there these this those to was were which with via when where while will would can could should may might not no yes " +
    "e.g eg i.e ie etc vs also only just each every any all some more most other such than so if else after before first next finally then once both either neither same new old one two three " +
    "do does did done make makes made use uses used using get gets got set sets let lets put puts take takes see seen way ways thing things part parts kind kinds lot lots step steps " +
    // filler a careful reader found in rubrics made from English notes
    "bunch holds hold note notes exist exists failed rough bring brings normal drop searches notices left single valid cheap ish pile eventually roughly basically usually " +
    "optional trips liner one-liner true false null none").split(" "),
]);

/** Chinese words too general to check: their presence says nothing about the point. */
const ZH_STOP = new Set([
  ...(stopwords.zh as string[]),
  ...("进行 一个 一些 这个 那个 这些 那些 通过 使用 然后 之后 以后 之前 可以 需要 包括 用来 相关 对应 其中 以及 或者 或是 还是 并且 同时 所有 每个 整个 过程 流程 步骤 阶段 方式 情况 时候 问题 内容 信息 东西 部分 结果 " +
    "操作 处理 实现 完成 开始 结束 发生 出现 存在 成为 作为 属于 没有 不是 就是 还有 比如 例如 因为 所以 如果 但是 而且 另外 其他 其它 当前 此时 这时 他们 自己 主要 一般 通常 直接 自动 首先 最后 接着 " +
    "说明 注意 表示 等于 意味着 相当于 挂到 写回去 拿到 得到 变成 有关 关于 一样 不同 同样 其实 本身 对应项 " +
    "后续 数据 地址 功能 作用 有没有 是否 默认 一直 已经 马上 立即 之前 以前 方面 一下 一次 一条 一种 里面 上面 下面 这里 那里 这样 那样 如何 怎么 为什么 什么 时候 " +
    // words of how a note is said, not of what it says (found in rubrics read by a careful reader)
    "知道 可能 只能 不了 不用 没关系 记不住 回来 看到 发来 带上 交给 要求 实际 做法 办法 写成 做成 没拿到 跟不上 约等于 个数 负责 " +
    // and more, from the third held-out reading (PostgreSQL, Linux memory, Elasticsearch)
    "不会 不能 继续 避免 尝试 小于 大于 看不见 够用 每隔 条目 列表 视角 表里 整块 机器 工具 系统 位置 命令 程序处理 " +
    // and from the fourth (Kafka, the pod lifecycle, Redis, TLS): words of any section of any notes
    "认出 准备 分数 业务 上报 决定 划算 意义 判断 级别 收到 允许 时刻 保证 不可 小心 接受 显示 看着 指向 写错 接近 次数 记下来 收完 进入 太小 优缺点 总结 影响 效果 所有人 放弃 经典 记一下 一句话 " +
    // and from the sixth (Cinder, Prometheus): how a line begins or what a thing comes with
    "开头 自带 产出 理由 面试 写法 惯例 参数 不起作用 取决于").split(" "),
]);

/**
 * A verb with a result or direction glued on ("改成", "填好", "减掉", "凑够", "锁上", "加进去",
 * "放在", "发过来") or a passive ("被删"): how a note says a thing happens, not a concept to listen for.
 */
const VERB_COMPLEMENT = /^(?:被\p{Script=Han}{1,2}|再\p{Script=Han}|\p{Script=Han}{1,2}(?:成|好|掉|够|上|进|进去|在|过来|过去|起来|出来|下来|回去|上去|下去|到))$/u;

/** A verb with 不 and its result inside ("分不清", "看不见", "跟不上"): how a note says a thing cannot happen. */
const POTENTIAL = /^\p{Script=Han}不\p{Script=Han}{1,2}$/u;

interface Candidate {
  term: string;
  /** where it starts in the text, for reading order and "or" pairs */
  at: number;
  end: number;
  weight: number;
  latin: boolean;
  relation: boolean;
  aliases: string[];
  /** a word of the question's topic (KeywordOptions.topic) */
  topic?: boolean;
  /** a word most of the deck's questions say (COMMON_SHARE) */
  common?: boolean;
}

const LATIN_TERM = /[A-Za-z][A-Za-z0-9]*(?:[-_./][A-Za-z0-9]+)*/g;
const HAN = /\p{Script=Han}/u;

/** A Latin word that names something: an acronym, mixed case, digits or separators, or a capitalised name. */
function looksTechnical(word: string): boolean {
  return /[-_./0-9]/.test(word) || /^[A-Z]{2,}s?$/.test(word) || /[a-z][A-Z]/.test(word) || /^[A-Z][a-z]/.test(word);
}

/** The glossary's word for an inflected English word (validates → validate). */
function englishBase(word: string, glossary: Glossary): string | null {
  const w = word.toLowerCase();
  // an acronym is not inflected, but for a plural s of its own ("VMs"): CAS is no "CA" (round 9
  // keyed a lock-free CAS point on "certificate authority", and "ca" was in every "cache")
  const forms = /^[A-Z0-9]{2,}$/.test(word)
    ? [w]
    : /^[A-Z0-9]{2,}s$/.test(word)
      ? [w, w.slice(0, -1)]
      : [w, w.replace(/s$/, ""), w.replace(/es$/, ""), w.replace(/ed$/, ""), w.replace(/d$/, ""), w.replace(/ing$/, ""), w.replace(/ing$/, "e")];
  return forms.find((f) => f.length >= 2 && glossary.has(f)) ?? null;
}

/**
 * Glued ALL-CAPS names are said in parts too: `DHCPOFFER` as `offer`, `2MSL` as `MSL`, when the
 * glued part is a number or a short protocol name the glossary knows (dhcp, tcp, arp): not
 * `COMMITTED` as `ted`.
 */
function gluedParts(word: string, glossary: Glossary): string[] {
  if (!/^[A-Z0-9]{5,}$/.test(word) || !/[A-Z]/.test(word)) return [];
  const key = word.toLowerCase();
  const prefix = (p: string) => /^\d+$/.test(p) || (p.length >= 3 && p.length <= 4 && glossary.has(p));
  const out: string[] = [];
  for (let i = 1; i < key.length; i++) {
    const head = key.slice(0, i);
    const tail = key.slice(i);
    if (tail.length >= 3 && prefix(head)) out.push(tail);
    if (head.length >= 3 && /^\d+$/.test(tail)) out.push(head);
  }
  return out;
}

/** Literal values, paths, file names and settings: checked in an answer only as a last resort, never its anchor. */
function isLiteral(word: string): boolean {
  return /[/=]/.test(word) || /^\d/.test(word) || (word.match(/[._]/g)?.length ?? 0) >= 2 || /\.(?:info|json|conf|log|sock|txt|ya?ml|ini|xml|sh)$/i.test(word);
}

/** Weight of a Chinese concept by how telling the word is (see idfOf): 创建 0.9, 实例 1.6, 校验 2.4. */
function specificity(word: string, known?: number): number {
  const han = [...word].filter((ch) => HAN.test(ch)).join("");
  const idf = known ?? (han === "" ? UNKNOWN_IDF : idfOf(han) === UNKNOWN_IDF ? Math.max(...cutWords(han).map(idfOf)) : idfOf(han));
  return 0.6 + 2 * Math.min(1, Math.max(0, (idf - 6) / 6));
}

/** A placeholder the notes wrote for a value ("KUBE-SVC-XXXX", "caliYYY", "<pid>"): nobody says it in an answer. */
const PLACEHOLDER = /XXX|YYY|xxx|yyy|\*{3}/;

export interface KeywordOptions {
  glossary: Glossary;
  english: boolean;
  /** misspellings of the notes' own words, lower case → the spelling the notes use most ("repilca" → "replica") */
  typos?: ReadonlyMap<string, string>;
  /** the notes the points come from: an ambiguous word (horizon, VM, 接口) takes the glossary's sense only if they use it */
  context?: NotesContext;
  /**
   * what the question is about (the deck title, the section heading): its words are said by
   * every answer on the topic ("Prometheus" in Prometheus notes, 告警 under "Alerting rules"), so
   * they tell no point apart and are never a point's anchor
   */
  topic?: readonly string[];
}

/** Weight left to a word of the question's topic (see KeywordOptions.topic). */
const TOPIC_WEIGHT = 0.3;

/**
 * The notes' own misspellings: a Latin word written once that is, within the typo budget and
 * with the same first letter, a word the same notes write at least twice ("repilca" beside
 * "replica", "CoerDNS" beside "CoreDNS"). No dictionary knows the names of every system; the
 * notes themselves do. Hand-written: no library does this for a document's vocabulary.
 */
export function notesTypos(texts: readonly string[]): Map<string, string> {
  const counts = new Map<string, { n: number; forms: Map<string, number> }>();
  for (const t of texts) {
    for (const m of t.matchAll(/[A-Za-z][A-Za-z0-9]{5,}/g)) {
      const key = m[0].toLowerCase();
      const c = counts.get(key) ?? { n: 0, forms: new Map() };
      c.n++;
      c.forms.set(m[0], (c.forms.get(m[0]) ?? 0) + 1);
      counts.set(key, c);
    }
  }
  const frequent = [...counts].filter(([, c]) => c.n >= 2);
  const out = new Map<string, string>();
  for (const [word, c] of counts) {
    if (c.n !== 1 || isEnglishWord(word)) continue;
    const budget = typoBudget(word.length);
    if (budget === 0) continue;
    let best: [string, number] | null = null;
    for (const [other, o] of frequent) {
      if (other[0] !== word[0] || Math.abs(other.length - word.length) > budget) continue;
      const d = swappedLetters(other, word) ? 1 : distance(other, word);
      if (d > 0 && d <= budget && (!best || d < best[1] || (d === best[1] && o.n > counts.get(best[0])!.n))) best = [other, d];
    }
    if (best) {
      const forms = counts.get(best[0])!.forms;
      out.set(word, [...forms].sort((a, b) => b[1] - a[1])[0]![0]);
    }
  }
  return out;
}

/** A name of several parts with a misspelt one ("nuetron-server" beside the notes' neutron): the parts corrected. */
function partsCorrected(word: string, typos: ReadonlyMap<string, string>): string | null {
  const parts = word.split(/([-_./])/);
  if (parts.length < 3) return null;
  let changed = false;
  const fixed = parts.map((p) => {
    const right = typos.get(p.toLowerCase());
    if (!right) return p;
    changed = true;
    return p === p.toLowerCase() ? right.toLowerCase() : right;
  });
  return changed ? fixed.join("") : null;
}

function candidatesOf(text: string, options: KeywordOptions): Candidate[] {
  const { glossary, english, context } = options;
  const typos = options.typos ?? new Map<string, string>();
  const synonyms = (term: string) => glossary.synonyms(term, context);
  // a CamelCase word, or one the notes write again and again, is a name spelt on purpose
  // (MultiXact, pg_multixact: no misspelt multicast)
  const onPurpose = (word: string) => /[a-z][A-Z]/.test(word) || (context?.latinCounts.get(word.toLowerCase()) ?? 0) >= 2;
  const candidates: Candidate[] = [];
  const taken: Array<[number, number]> = [];
  const free = (a: number, b: number) => !taken.some(([x, y]) => a < y && b > x);
  const add = (c: Candidate) => {
    taken.push([c.at, c.end]);
    candidates.push(c);
  };

  for (const t of spotTypos(text, glossary)) {
    // a word is no typo, and a phrase with a filler word in it is a term plus grammar ("timeout is", "connect vs")
    if ((isEnglishWord(t.word) && !inflectionOf(t.word, t.right)) || t.word.split(/\s+/).some((w) => w.length < 2 || EN_STOP.has(w.toLowerCase()))) continue;
    if (onPurpose(t.word)) continue;
    add({ term: t.right, at: t.at, end: t.end, weight: 3, latin: true, relation: false, aliases: [...new Set([...synonyms(t.right), t.word])] });
  }
  for (const g of spotTerms(text, glossary)) {
    if (!free(g.at, g.end)) continue;
    const han = HAN.test(g.word);
    if (han && [...g.word].length < 2) continue;
    if (han && ZH_STOP.has(g.word)) continue;
    if (!han && (g.word.length < 2 || EN_STOP.has(g.word.toLowerCase()))) continue;
    const named = !han && looksTechnical(g.word);
    const plainEnglish = !han && !named;
    // in Chinese text a plain English word the glossary knows ("image") still names the concept
    // a component's own name tells more than a glossary word (keystone over token, roles)
    // a Chinese glossary term jieba cuts in parts (服务发现, 分位数) is one technical term, as rare as one jieba does not know
    const compound = han && cutWords(g.word).length > 1;
    const weight = han ? 1.2 * (compound ? specificity(g.word, UNKNOWN_IDF) : specificity(g.word)) : named ? 2.8 : !english ? 2.4 : 1.6;
    add({ term: g.word, at: g.at, end: g.end, weight, latin: !han, relation: plainEnglish && english, aliases: synonyms(g.word) });
  }
  for (const m of text.matchAll(LATIN_TERM)) {
    const word = m[0].replace(/[._/-]+$/, "");
    if (!free(m.index, m.index + word.length)) continue;
    if (EN_STOP.has(word.toLowerCase()) || PLACEHOLDER.test(word)) continue;
    // an example value: after "=" ("code=SplxlO…", "state=xyz") or cut short with "..." ("E9Melhoa2Owv...")
    if (text[m.index - 1] === "=" || /^(?:\.{3}|…)/u.test(text.slice(m.index + word.length))) continue;
    // a host in an address ("zk1:2181,zk2:2181"): an example of a value, not a term
    if (/^:\d{2,5}\b/u.test(text.slice(m.index + word.length))) continue;
    const base = englishBase(word, glossary);
    // one- and two-letter words are noise (e.g, ID, ns, the r and n of an escaped \r\n) unless the glossary knows them
    if (word.length < 2 || (word.length === 2 && base === null)) continue;
    const corrected = base === null && !isEnglishWord(word) && !onPurpose(word) ? (typos.get(word.toLowerCase()) ?? partsCorrected(word, typos) ?? glossary.correction(word)) : null;
    // a capital at the start of a sentence is grammar, not a name
    const sentenceStart = english && (m.index === 0 || /[.!?:;]\s*$/u.test(text.slice(Math.max(0, m.index - 3), m.index)));
    // in Chinese text every Latin word is a name (libvirt, dnsmasq); in English only those that look like one
    const named = (!english && word.length >= 3) || (looksTechnical(word) && !(sentenceStart && /^[A-Z][a-z]+$/.test(word)));
    if (!named && base === null && corrected === null && word.length < 4) continue;
    const right = corrected ?? word;
    const aliases = [...new Set([right, ...synonyms(base ?? right), ...(corrected ? [word] : []), ...gluedParts(word, glossary)])];
    const weight = isLiteral(word) ? 0.4 : /[-_./0-9]/.test(word) || /^[A-Z]{2,}/.test(word) || /[a-z][A-Z]/.test(word) || (named && !english) ? 3 : named || corrected ? 2.5 : base ? 1.6 : 0.8;
    add({ term: right, at: m.index, end: m.index + word.length, weight, latin: true, relation: english && !named && base !== null, aliases });
  }
  if (!english) {
    const verbs = new Set(weightedWords(text, 16, ["v", "vd"]).map((k) => k.word));
    const han = weightedWords(text, 16, ["n", "nz", "nt", "ns", "v", "vn", "an", "l", "i"]).filter(
      (k) =>
        /^\p{Script=Han}{2,}$/u.test(k.word) &&
        !ZH_STOP.has(k.word) &&
        !(verbs.has(k.word) && VERB_COMPLEMENT.test(k.word) && !glossary.has(k.word)) &&
        // "分不清", "看不见", "跟不上": whether a thing can be done, whatever jieba tags it
        !(POTENTIAL.test(k.word) && !glossary.has(k.word)),
    );
    for (const k of han) {
      const at = text.indexOf(k.word);
      if (at < 0 || !free(at, at + k.word.length)) continue;
      const aliases = synonyms(k.word);
      // a concept the glossary can translate is checked in both languages: it is worth more
      const weight = specificity(k.word) * (aliases.length > 1 ? 1.2 : 1);
      add({ term: k.word, at, end: at + k.word.length, weight, latin: false, relation: verbs.has(k.word), aliases });
    }
  }
  // glossary verbs spotted in Chinese text are relations too
  if (!english) {
    const verbs = new Set(weightedWords(text, 24, ["v", "vd"]).map((k) => k.word));
    for (const c of candidates) if (!c.latin && verbs.has(c.term)) c.relation = true;
  }
  return candidates;
}

/** One group per meaning: a term inside a longer one ("Scheduler" in "nova-scheduler") or one sharing a glossary word with another joins it. */
function groupsOf(candidates: Candidate[]): Candidate[] {
  const groups: Candidate[] = [];
  for (const c of [...candidates].sort((a, b) => b.weight - a.weight || a.at - b.at)) {
    const keys = new Set(c.aliases.map(normalizeAnswer));
    const partOf = (short: string, long: string) => long.toLowerCase().split(/[-_./ ]/).includes(short.toLowerCase());
    const same = groups.find(
      (g) =>
        g.aliases.some((a) => keys.has(normalizeAnswer(a))) ||
        (c.latin && g.latin && (partOf(c.term, g.term) || partOf(g.term, c.term))) ||
        // 节点 inside 计算节点: one word of the point, not two groups that one mention covers
        (!c.latin && !g.latin && (g.term.includes(c.term) || c.term.includes(g.term))),
    );
    // the joined term is accepted as written; its own glossary words are not (one hop only).
    // A term inside a longer one joins it, whichever came first: the group is named by the longer
    if (same) {
      if (c.latin && same.latin && partOf(same.term, c.term) && c.term.length > same.term.length) same.term = c.term;
      if (!c.latin && !same.latin && c.term.includes(same.term) && c.term.length > same.term.length) same.term = c.term;
      if (!same.aliases.some((a) => normalizeAnswer(a) === normalizeAnswer(c.term))) same.aliases.push(c.term);
      same.at = Math.min(same.at, c.at);
    } else groups.push({ ...c, aliases: [...c.aliases] });
  }
  return groups;
}

/** `A 或者 B` / `A or B`: the nearest groups on each side of the word become one group. */
function mergeAlternatives(text: string, groups: Candidate[]) {
  for (const m of text.matchAll(/\s*(?:或者|或是|或|还是|\bor\b)\s*/g)) {
    const before = groups.filter((g) => g.end <= m.index && m.index - g.end <= 1).sort((a, b) => b.at - a.at)[0];
    const after = groups.filter((g) => g.at >= m.index + m[0].length && g.at - (m.index + m[0].length) <= 1).sort((a, b) => a.at - b.at)[0];
    if (!before || !after || before === after) continue;
    before.aliases = [...new Set([...before.aliases, after.term, ...after.aliases])];
    before.weight = Math.max(before.weight, after.weight);
    groups.splice(groups.indexOf(after), 1);
  }
}

/**
 * A term and its other name side by side: "事务日志（txn log）", "snapshot（快照）", "PERSISTENT 持久节点：".
 * The groups found on both sides become one group that either name covers: as two groups, the
 * Latin one was the anchor and a Chinese answer saying 事务日志 or 持久节点 missed the point
 * (round 8: ZooKeeper's first question scored a good Chinese answer 0.17, the English one 1.00).
 */
const GLOSSED_PAIRS = [
  /(\p{Script=Han}{2,10})\s*[（(]\s*([A-Za-z][A-Za-z0-9 ._/-]{1,40}?)\s*[）)]/gu,
  /([A-Za-z][A-Za-z0-9._-]{1,40})\s*[（(]\s*(\p{Script=Han}{2,10})\s*[）)]/gu,
  /\b([A-Z][A-Z0-9_]{2,40})\s+(\p{Script=Han}{2,10})\s*[：:]/gu,
  // an acronym and its expansion, "ZAB（ZooKeeper Atomic Broadcast）": one name, not three words to listen for
  /\b([A-Z][A-Z0-9]{1,7})\s*[（(]\s*([A-Z][A-Za-z]*(?:[ -][A-Za-z]+){1,6})\s*[）)]/gu,
];

/** "ZooKeeper Atomic Broadcast" spells ZAB: the initials of its capitalised words (and its inner capitals) are the acronym. */
function spells(acronym: string, expansion: string): boolean {
  const initials = expansion
    .split(/[ -]+/u)
    .filter((w) => /^[A-Z]/u.test(w))
    .map((w) => w[0]!)
    .join("");
  const inner = (expansion.match(/[A-Z]/gu) ?? []).join("");
  const a = acronym.replace(/[0-9]/gu, "");
  return initials === a || inner === a;
}
function mergeGlossed(text: string, groups: Candidate[]) {
  for (const pattern of GLOSSED_PAIRS) {
    for (const m of text.matchAll(pattern)) {
      // "磁盘上是事务日志（txn log）": the name is what follows the sentence's last copula or particle
      const trim = (x: string) => x.replace(/^.*[是的在把和与及或被]/u, "") || x;
      const first = m[0].startsWith(m[1]!) && HAN.test(m[1]!) ? trim(m[1]!) : m[1]!;
      const second = m[2]!;
      if (/^[A-Z][A-Z0-9]*$/u.test(first) && /\s/u.test(second) && !HAN.test(second) && !spells(first, second)) continue;
      const at = m.index;
      const firstEnd = at + m[0].indexOf(m[1]!) + m[1]!.length;
      const secondAt = at + m[0].lastIndexOf(second);
      const inFirst = groups.filter((g) => g.at >= at && g.end <= firstEnd);
      const inSecond = groups.filter((g) => g.at >= secondAt && g.end <= secondAt + second.length);
      if (inFirst.length === 0 || inSecond.length === 0) continue;
      const both = [...inFirst, ...inSecond];
      const keep = both.reduce((a, b) => (b.weight > a.weight ? b : a));
      // the whole names, and the aliases of a group that is a whole name (a glossary word): not the
      // aliases of a part ("日志" of 事务日志 would let any log cover the point)
      const whole = both.filter((g) => [first, second].some((n) => normalizeAnswer(n) === normalizeAnswer(g.term)));
      keep.aliases = [...new Set([first.trim(), second.trim(), ...whole.flatMap((g) => [g.term, ...g.aliases]), ...(keep.latin ? keep.aliases : [])])].filter((a) => normalizeAnswer(a) !== normalizeAnswer(keep.term));
      keep.at = Math.min(...both.map((g) => g.at));
      keep.end = Math.max(...both.map((g) => g.end));
      for (const g of both) if (g !== keep) groups.splice(groups.indexOf(g), 1);
    }
  }
}

/**
 * A word the points of this many of a deck's questions say is the deck's common vocabulary
 * (客户端, server, 状态, 注册 in ZooKeeper notes; leader, epoch in Raft's): every answer about
 * the system says it, the off-topic one on a neighbour included. Round 8: an etcd answer to
 * ZooKeeper's watch question covered 6 of 10 points with 客户端/server/变更/顺序/更新, above a
 * partial answer, because such words were the points' anchors.
 */
const COMMON_SHARE = 0.4;
const COMMON_MIN = 3;
/** Weight left to a word of the deck's common vocabulary. */
const COMMON_WEIGHT = 1;

/**
 * The keywords of every point of every question of a deck (`sections`: the points' texts, one
 * list per question). Terms shared by many points of one question weigh less (they tell the
 * points apart from nothing), and so do terms most of the deck's questions share; see the module
 * comment for the rest.
 */
export function deckRubricKeywords(sections: ReadonlyArray<readonly string[]>, options: KeywordOptions): PointKeywords[][] {
  // a topic word is one of the topic's Latin words, or a Chinese word standing in it
  // a title made from a file name ("zookeeper-zab", "swift-object-storage") names its parts too
  const topicTokens = (options.topic ?? []).flatMap((t) => t.match(/[A-Za-z][A-Za-z0-9]*(?:[-_.][A-Za-z0-9]+)*/g) ?? []);
  const topicLatin = new Set([...topicTokens, ...topicTokens.flatMap((w) => w.split(/[-_.]/).filter((p) => p.length >= 3 && !EN_STOP.has(p.toLowerCase())))].map(normalizeAnswer));
  const topicHan = (options.topic ?? []).join(" ");
  const inTopic = (word: string) => (HAN.test(word) ? [...word].length >= 2 && topicHan.includes(word) : topicLatin.has(normalizeAnswer(word)));
  const perSection = sections.map((texts) =>
    texts.map((t) => {
      const groups = groupsOf(candidatesOf(t, options));
      mergeAlternatives(t, groups);
      mergeGlossed(t, groups);
      return groups;
    }),
  );
  const sectionsSaying = new Map<string, number>();
  for (const perPoint of perSection) {
    const seen = new Set<string>();
    for (const groups of perPoint) for (const g of groups) for (const a of [g.term, ...g.aliases]) seen.add(normalizeAnswer(a));
    for (const k of seen) sectionsSaying.set(k, (sectionsSaying.get(k) ?? 0) + 1);
  }
  const commonAt = Math.max(COMMON_MIN, Math.ceil(sections.length * COMMON_SHARE));
  const common = (g: Candidate) => sections.length >= COMMON_MIN && (sectionsSaying.get(normalizeAnswer(g.term)) ?? 0) >= commonAt;
  return perSection.map((perPoint) => {
    const df = new Map<string, number>();
    for (const groups of perPoint) {
      const seen = new Set<string>();
      for (const g of groups) for (const a of g.aliases) seen.add(normalizeAnswer(a));
      for (const k of seen) df.set(k, (df.get(k) ?? 0) + 1);
    }
    return perPoint.map((groups) => pointOf(groups, df, inTopic, common, options));
  });
}

function pointOf(groups: Candidate[], df: ReadonlyMap<string, number>, inTopic: (w: string) => boolean, common: (g: Candidate) => boolean, options: KeywordOptions): PointKeywords {
  for (const g of groups) g.weight /= 1 + Math.log2(df.get(normalizeAnswer(g.term)) ?? 1);
  for (const g of groups) {
    if (!g.aliases.concat(g.term).some((a) => inTopic(a))) continue;
    g.topic = true;
    g.weight *= TOPIC_WEIGHT;
  }
  for (const g of groups) {
    if (g.topic || !common(g)) continue;
    g.common = true;
    g.weight *= COMMON_WEIGHT;
  }
  groups.sort((a, b) => b.weight - a.weight || a.at - b.at);
  const chosen: Candidate[] = [];
  const pick = (c: Candidate | undefined) => {
    if (c && !chosen.includes(c) && chosen.length < MAX_GROUPS) chosen.push(c);
  };
  const general = (g: Candidate) => g.topic === true || g.common === true;
  // the anchor: a Latin name that tells this point apart if there is one (interviewers listen
  // for the component), else the most telling concept that is not a relation; never a word every
  // answer on the topic says while the point has another
  const anchor =
    groups.find((g) => g.latin && !g.relation && !general(g) && g.weight >= 1.5 && !isLiteral(g.term)) ??
    // in English a word the glossary knows (replica, merge) tells more than a plain one (chosen, final, lists)
    (options.english ? groups.find((g) => !general(g) && !isLiteral(g.term)) : undefined) ??
    groups.find((g) => !g.relation && !general(g) && !isLiteral(g.term)) ??
    groups.find((g) => !general(g)) ??
    groups[0];
  pick(anchor);
  if (!options.english) pick(groups.find((g) => !g.latin && g.relation) ?? groups.find((g) => !g.latin));
  else pick(groups.find((g) => g.relation));
  // one relation is enough: the rest are the things the point is about
  for (const g of groups) {
    if (g.latin && chosen.filter((c) => c.latin).length >= MAX_LATIN) continue;
    if (g.relation && chosen.some((c) => c.relation)) continue;
    pick(g);
  }
  chosen.sort((a, b) => a.at - b.at);
  const keywords = chosen.map((c) => [c.term, ...c.aliases.filter((a) => normalizeAnswer(a) !== normalizeAnswer(c.term))]);
  // one general word to listen for, or nothing but the deck's common words: any answer on the topic says them
  const weak = chosen.length <= 1 && (chosen[0]?.weight ?? 0) < WEAK_WEIGHT;
  return { keywords, need: Math.ceil(keywords.length * GROUP_SHARE), anchor: anchor ? chosen.indexOf(anchor) : 0, ...(weak ? { weak } : {}) };
}

/** The keywords of every point of one rubric (one question of a deck). */
export function rubricKeywords(texts: readonly string[], options: KeywordOptions): PointKeywords[] {
  return deckRubricKeywords([texts], options)[0]!;
}

/** The keywords of one point on its own. */
export function pointKeywords(text: string, options: KeywordOptions): PointKeywords {
  return rubricKeywords([text], options)[0]!;
}
