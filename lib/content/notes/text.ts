/** Text helpers of notes mode: tidying exported text, sentences, definitions, conditions, sub-steps. */
import { tidySpaces } from "../../text";
import { tagWords } from "../../text/segment";

/** Exports leave four asterisks between adjacent bold runs ("nova****准备"); they mean a space. */
export function cleanText(text: string): string {
  return tidySpaces(text.replace(/\*{4}/g, " "));
}

/** Escapes text so markdown shows it literally (text is plain once recovered). */
export function md(text: string): string {
  return text.replace(/([\\`*_[\]<>#|~])/g, "\\$1");
}

/** A numbered list as markdown. */
export function numbered(items: string[]): string {
  return items.map((s, k) => `${k + 1}. ${s}`).join("\n");
}

/** Not right after "e.g.", "i.e.", "etc.", "vs.": those dots end no sentence ("key_share (e.g. X25519)"). */
export const NOT_ABBREVIATION = String.raw`(?<!\b(?:[eE]\.g|[iI]\.e|etc|vs|cf|incl|approx)\.)`;

/** Sentences of a prose paragraph: split after 。！？； and after ". " before a capital or a CJK character. */
export function sentences(text: string): string[] {
  return text
    .split(new RegExp(`(?<=[。！？；!?;])|(?<=\\.)${NOT_ABBREVIATION}\\s+(?=[A-Z\\p{Script=Han}])`, "u"))
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Words a subject cannot start with: a pronoun or a connective, not a term. */
const NOT_A_SUBJECT = /^(?:这|那|它|其|该|此|他|她|我|你|因为|所以|如果|假如|假设|若|但是|但|而|也|还|就|并|且|然后|之后|当|在|对|把|被|从|用|通过|所有|每个|一个|两个|几个|一般|默认|只|都|要|先|再)|^(?:this|that|these|those|it|its|they|there|which|what|when|if|but|and|so|then|each|every|all|some|one|two|both|here)\b/i;
/** A subject that names an attribute ("redo log 大小", "默认值") states a value, not what something is. */
const ATTRIBUTE = /(?:大小|状态|值|数量|长度|个数|格式|默认值|默认|类型|位置|时间|次数|size|state|value|count|length|default)$/i;
/** A subject that is a general noun ("正常做法", "原因") or a quantified phrase ("每个节点") names no term. */
const GENERAL_SUBJECT = /(?:做法|办法|方法|手段|原因|问题|结果|情况|目的|作用|区别|关键|重点|思路|好处|坏处)$|每个|所有|任何|一些|这个|那个|这些|那些|刚|已经|正在/u;

export interface Definition {
  /** the term defined */
  term: string;
  /** "is" (X 是 Y) or "does" (X 负责 Y) */
  relation: "is" | "does";
  /** the rest of the sentence after the verb */
  rest: string;
}

/**
 * A sentence that defines a term ("redo log 是 InnoDB 的物理日志", "A Service is an abstraction
 * …") or says what it is responsible for ("kube-proxy 负责 …", "The sender thread handles …").
 * The subject must look like a term: short, no comma, not a pronoun or a connective.
 */
export function definitionOf(sentence: string): Definition | null {
  const zh = /^([^，,。；;：:（(]{1,28}?)\s*(就是|指的是|是指|是一种|是一个|是|即)\s*([^，,。；;].{3,})$/u.exec(sentence);
  const zhDoes = /^([^，,。；;：:（(]{1,28}?)\s*(负责|用来|用于|的作用是|的职责是|主要负责)\s*(.{4,})$/u.exec(sentence);
  const en = /^(?:The |An? )?([A-Za-z][\w.\-/]*(?: [\w.\-/]+){0,4}?) (?:is|are) (?:an?|the|one of the) (.{4,})$/.exec(sentence);
  const enDoes = /^(?:The |An? )?([A-Za-z][\w.\-/]*(?: [\w.\-/]+){0,4}?) (?:handles|is responsible for|are responsible for|takes care of|manages|is used to|is used for|are used to) (.{4,})$/.exec(sentence);
  const pick = (m: RegExpExecArray | null, relation: "is" | "does", restAt: number): Definition | null => {
    if (!m) return null;
    const term = m[1]!.trim();
    if (term.length < 2 || NOT_A_SUBJECT.test(term) || GENERAL_SUBJECT.test(term) || /[的了着过]$/.test(term) || /\s(?:is|are|was)\s/.test(term)) return null;
    // "dnsmasq 是 neutron 用来…的服务": the sentence says what X is; 用来 belongs to its predicate
    if (relation === "does" && /是/u.test(term)) return null;
    // a Chinese subject with a verb in it is a clause, not a term ("创建网络前" "dhcp 网络空间里边的 ns 设备和…")
    if (/[在把被从向给对用让会要能]/.test(term) && !/[A-Za-z]/.test(term)) return null;
    if (term.length > 16 && !/[A-Za-z]/.test(term)) return null;
    // "删目录是…", "创建网络前…": a Chinese subject that starts with a verb is an action, not a term
    const firstWord = /^\p{Script=Han}/u.test(term) ? tagWords(term)[0] : undefined;
    if (firstWord && /^v/.test(firstWord.tag)) return null;
    // "已提交还是…", "swappiness=0 也不是…", "buff/cache 主要是…": 是 after an adverb is "or", "not" or
    // "mainly", and the subject left ("已提交还 是什么？") is a fragment
    if (/(?:还|也不|也|不|就|都|才|并|又|却|而|主要|其实|通常|一般|基本|只|大概|大约|大致|可能|应该|好像|但|但是|所以|因此|而且|并且|或者|如果)$/u.test(term) || /怎么|如何|为什么|为何|什么|哪些|哪个/u.test(term)) return null;
    // "本质是…", "整体是…", "原来是…" (round 5): a word about the sentence, not a term; "si 高是…",
    // "日志里是…": a state or a place, not what something is
    if (/^(?:本质|本质上|整体|原来|实际|实际上|核心|简单说|一句话|总的来说|其实|本身|主体|主要|大头|大部分)$/u.test(term) || /[高低多少慢快满空][一般通常]*$|(?:里|中)$/u.test(term)) return null;
    // "br-int 早期是 standalone" (a time: what it was then), "以为两边不一样是 bug" (a belief): no term (round 9)
    if (/(?:早期|最早|最初|起初|当初|以前|现在|目前|后来|当时|默认下)$/u.test(term) || /^(?:以为|觉得|认为|感觉|误以为)/u.test(term)) return null;
    // "9.4 以后冻结是…": a time clause, not a term; a quoted or bare version ("v2") names nothing alone
    if (/以后|以前|之后|之前|时候/u.test(term) || /^["“'‘「『]/u.test(term) || /^v?\d+(?:\.\d+)*$/i.test(term)) return null;
    // "xmin 是当前事务自己 → 本事务插入的可见": one branch of a rule, not what xmin is
    if (/->|→|=>/u.test(sentence)) return null;
    const rest = m[restAt]!.trim();
    if (ATTRIBUTE.test(term) || /^[\d"'“‘]/u.test(rest)) return null;
    // "br-tun 是 fail_mode=secure": a setting's value, not what br-tun is (round 9)
    if (relation === "is" && /^[\w.-]+\s*=\s*\S/u.test(rest)) return null;
    // "tap设备是 vxlan 这个网络创建的端口": about this setup, not a definition
    if (relation === "is" && /这个|这一|该|此/u.test(rest)) return null;
    // "X 是固定的", "X 是 InnoDB 特有的": a property, not what X is
    if (relation === "is" && /的[。；;，,.]?$/u.test(rest)) return null;
    // "clone 是秒级的，…": a short property first, then more about it, not a definition
    if (relation === "is" && /^[^，,。；;]{1,6}的[，,]/u.test(rest)) return null;
    // "RR 是在事务里…生成的": a cleft sentence about when or how, not what RR is
    if (relation === "is" && /^(?:在|把|被|从|向|对|给|让|用|为了|因为|由|以|将|每次|每个|如果|不是|没有)/u.test(rest)) return null;
    return { term, relation, rest };
  };
  return pick(zhDoes, "does", 3) ?? pick(enDoes, "does", 2) ?? pick(zh, "is", 3) ?? pick(en, "is", 2);
}

/** A sentence that states what something is ("X 是 …", "X is a …"): a fact, not what happens next. */
export function isDefinition(text: string): boolean {
  // "因为是更新，…": a reason, not a statement of what something is
  if (NOT_A_SUBJECT.test(text)) return false;
  // a 是 in brackets is an aside ("回 ACK（可能是 delayed ACK）"), one after a label a step's detail
  // ("阻塞 read 的进程：等待项的回调是…"), and "原来是 ACTIVE 就开机" a condition: none defines a term
  const plain = masked(text);
  if (/^[^，,。；;：:]{1,40}?是[^，,。；;]{1,30}?就/u.test(plain)) return false;
  return /^[^，,。；;：:]{1,40}?(?:就是|即|是一|是)/u.test(plain) || /^\S+(?: \S+){0,4} (?:is|are) (?:a|an|the)\b/i.test(text);
}

/** "X -> Y": an arrow outside brackets says where the consequence starts. */
const ARROW = /\s*(?:->|→|=>)\s*/u;
/** The text with what is inside brackets blanked (same length), so a search skips asides. */
function masked(text: string): string {
  let depth = 0;
  return [...text]
    .map((ch) => {
      if (ch === "（" || ch === "(") depth++;
      else if ((ch === "）" || ch === ")") && depth > 0) {
        depth--;
        return ch;
      }
      return depth > 0 ? "_" : ch;
    })
    .join("");
}

/** An item that is a condition with its consequence: "如果 X，则 Y", "If X, Y", "否则 Y". */
export function conditionOf(text: string): { condition: string; then: string } | null {
  const zhStart = /^(?:如果|若是|若|假如|假设|万一|一旦|要是)\s*/u.exec(text);
  if (zhStart) {
    const body = text.slice(zhStart[0].length);
    // split where the consequence starts: at "，则 / ，就 / ，那么", else at the first comma outside brackets
    const explicit = ARROW.exec(masked(body)) ?? /[，,]\s*(?:则|就|那么|那就)\s*/u.exec(body);
    let at = explicit ? explicit.index : -1;
    let len = explicit ? explicit[0].length : 0;
    if (at < 0) {
      let depth = 0;
      for (let i = 0; i < body.length; i++) {
        const ch = body[i]!;
        if (ch === "（" || ch === "(") depth++;
        else if (ch === "）" || ch === ")") depth = Math.max(0, depth - 1);
        else if ((ch === "，" || ch === ",") && depth === 0) {
          at = i;
          len = 1;
          break;
        }
      }
    }
    if (at > 0 && body.length - at - len >= 2) return { condition: body.slice(0, at).trim(), then: body.slice(at + len).trim() };
    return null;
  }
  // "If X -> Y": the arrow says where the consequence starts, before any comma
  const lead = /^(?:If|When|Once|In case|Should)\s+/i.exec(text);
  const arrow = lead ? ARROW.exec(masked(text)) : null;
  const comma = /^(?:If|When|Once|In case|Should)\s+(.+?),\s*(?:then\s+)?(.{2,})$/i.exec(text);
  // "If X -> Y": the arrow, when there is one outside brackets, says where the consequence starts
  // "If X fails: …" (what follows the colon is the consequence, often a rule of its own)
  const colon = lead ? masked(text).search(/[:：]\s/u) : -1;
  const en: [string, string] | null =
    lead && colon > lead[0].length && (!arrow || colon < arrow.index)
      ? [text.slice(lead[0].length, colon), text.slice(colon + 1)]
      : lead && arrow && arrow.index > lead[0].length
        ? [text.slice(lead[0].length, arrow.index), text.slice(arrow.index + arrow[0].length)]
        : comma
          ? [comma[1]!, comma[2]!]
          : null;
  if (en && en[1].trim().length >= 2) {
    if (/^(?:If|In case|Should)/i.test(text)) return { condition: en[0].trim(), then: en[1].trim() };
    if (/\b(?:fail|fails|failed|times? out|timed out|down|dies|crash|crashes|is lost|unavailable)\b/i.test(en[0])) return { condition: en[0].trim(), then: en[1].trim() };
  }
  const otherwise = /^(?:否则|不然|失败时|超时后|Otherwise|On failure|Else)[，,:：]?\s*(.{2,})$/iu.exec(text);
  if (otherwise) return { condition: "", then: otherwise[1]!.trim() };
  return null;
}

/** A first item that states what must hold before the process ("前提：…", "Precondition: …"). */
export function preconditionOf(text: string): string | null {
  const m = /^(?:前提条件|前提|前置条件|准备工作|先决条件|Precondition|Prerequisites?|Before you start|Requirements?)\s*[:：]\s*(.{2,})$/iu.exec(text);
  return m ? m[1]!.trim() : null;
}

/**
 * The parts of a step that holds a whole sub-process in one line (the seed's DHCP step: the
 * broadcast, OFFER, REQUEST and ACK): its sentences, and clauses that start with a sequencing
 * word (于是, 然后, 接着, 最后, then, finally). Fewer than three parts is no sub-process.
 */
export function subSteps(text: string): string[] {
  if (text.length < 80) return [];
  // whole sentences only: splitting at 然后 or "then" cuts rules like "until …, then switch" in two
  const parts = text
    .split(new RegExp(`(?<=[。！？])|(?<=\\.)${NOT_ABBREVIATION}\\s+(?=[A-Z])`, "u"))
    // a sequencing word left at the start of a part would give the order away
    .map((s) => s.trim().replace(/^(?:于是|然后|接着|随后|之后|最后|首先|先|再|then|after that|finally|first|next)[，,\s]*/iu, ""))
    .filter((s) => s.replace(/[\s。；;.,，]/g, "").length >= 4);
  // branches ("if …; else …") are alternatives, not a sequence
  if (parts.filter((p) => /^(?:如果|否则|若|if\b|else\b|otherwise\b)/i.test(p)).length >= 2) return [];
  return parts.length >= 3 && parts.length <= 8 ? parts : [];
}
