/**
 * What a numbered list in notes is, decided before any card is made from it: only a process
 * gets "what happens next" cards. The words of the line that introduces the list (or of the
 * heading right above it) come first, then the shape of the items, in either language:
 *
 * - reasons: 为什么 / 原因 / 好处 / why / reasons / because / triggered when …
 * - alternatives: 三种取值 / 模式 / 方式 / 区别 / vs / modes / types / options …, or items that
 *   are mostly "name：description" with a short name
 * - conditions: most items are "如果 X，则 Y" / "If X, Y": a decision rule, not a sequence
 * - facts: observations ("执行后多了…", "you will see"), definitions ("X 是 Y"), a checklist, a
 *   list its intro says is none ("(observations, not steps)", "不分先后"), occasions ("什么时候要刷")
 * - process: the rest; a first item that is a precondition ("前提：") and items that are a
 *   fallback ("如果…失败，则…") are taken out of the sequence and asked as what they are. A
 *   branch that is no failure ("If the longest prefix has ^~, use it", "Otherwise check the
 *   regexes") is a step of the procedure and also asked as its condition.
 */
import { conditionOf, isDefinition, preconditionOf } from "./text";
import type { Item, Run } from "./read";

export type RunKind = "process" | "reasons" | "alternatives" | "conditions" | "facts";

export interface Classified {
  kind: RunKind;
  /** the steps of a process (without its precondition and fallbacks); every item otherwise */
  items: Item[];
  precondition?: { item: Item; text: string };
  /** conditions asked as "what happens if …": failure branches (not steps), and branches of the sequence (`inSequence`, also steps) */
  fallbacks: Array<{ item: Item; condition: string; then: string; inSequence?: boolean }>;
  /** "name：description" items, for "which one is this" questions */
  labelled: Array<{ item: Item; label: string; description: string }>;
}

const REASONS = /为什么|为何|原因|理由|好处|优点|优势|缺点|弊端|意义|目的|必要性|为了|触发|why\b|reasons?\b|because|benefits?\b|advantages?\b|disadvantages?\b|pros\b|cons\b|motivation|triggered|is not enough|not enough|\bcauses?\b|诱因|常见问题|常见错误/i;
const ALTERNATIVES = /[几两二三四五六多]种|取值|模式|方式|方案|类型|种类|级别|区别|不同|对比|比较|\bvs\.?(?=\s|$)|versus|\bmodes?\b|\btypes?\b|\bkinds?\b|\boptions?\b|\blevels?\b|strateg|alternatives|\bvalues?\b|differences?|compared|\bmethods?\b|\balgorithms?\b|算法|策略|手段|\bapproaches\b/i;
/** Words of a heading or intro that name a collection of facts, not a process. */
const FACTS = /看到|观察|要看|查看|注意事项|判断|规则|是否|条件|字段|参数|\brules?\b|criteria|\bconditions?\b|\bfields?\b|\bparameters?\b|多了|多出|现象|变化|输出|检查项|几项|内容|概念|组成|术语|文件|\bshows?\b|\bprints?\b|\bdisplays?\b|显示|打印|\bstatus\b|\bobserv|you (?:can |will )?see|\boutput|\bresults?\b|\bchecks?\b|\btest\b|\bafter running|\bconcepts?\b|glossary|\bterms\b|vocabulary|overview|\bcomponents?\b|\bseen\b|遇到过|见过|踩过|架构|\barchitecture\b/i;
const OBSERVATION = /多了|多出|产生了|出现了|生成了|新增了|有了|看到|变成了|都无|没有任何|\bnow has\b|there (?:is|are) now|\bappears?\b|\bshows?\b|you (?:can |will )?see/i;
/** An intro that says outright the list is no sequence, in brackets too ("(observations, not steps)", "（不分先后）"). */
const NOT_A_SEQUENCE = /not (?:in )?(?:steps|a sequence|a process|in (?:any )?order)|no particular order|in any order|\bobservations\b|\btips\b|不是步骤|不分先后|没有先后|没有顺序|顺序无关|注意点|小技巧|(?:^|[\s/、&＆|])(?:坑|注意)(?=$|[\s/、&＆|：:])|踩坑|面试(?:常问|常考|题)|常见面试|\binterview (?:qs|questions)\b|\bpitfalls\b|\bgotchas\b|\bcaveats\b|\bfaqs?\b/i;
/** A question the notes answer on the same line ("加一块盘之后发生了什么？→ ring-builder add…", "blob vs tree? -> …"). */
export const ANSWERED_QUESTION = /^(.{4,120}?[？?])\s*(?:→|->|=>|：|:|(?:A|答)\s*[：:])\s*(\S.*)$/su;
/** The heading of the notes' own drill ("七、面试常问", "Interview Qs", "FAQ"): its items are questions asked one by one. */
export const DRILL_HEADING = /面试|interview|\bfaqs?\b|\bQs\b/iu;
/** The "Q：" / "问：" before a question and the "A：" / "答：" before its answer, which the card's own layout says. */
export const QA_MARKER = /^\s*(?:Q|A|问|答|问题)\s*[：:]\s*/u;
/** "TLB 什么时候要刷：", "When a rebalance happens:": the occasions of something, not its steps. */
const OCCASIONS = /什么时候|何时|哪些时候|时机|场景|情形|情况下会|\bwhen (?:to|does|do|is|are|will)\b|\boccasions?\b|\bsituations?\b|\bscenarios?\b/i;
/** Words that say the list is a sequence: they keep "name：description" steps a process. */
const PROCESS = /流程|过程|步骤|经过|原理|怎么|如何|\bhow\b|\bflow\b|\bprocess\b|\bpath\b|\bsteps?\b|\bprocedure\b|\bwalk|\bsequence\b|handshake|election|\bwhat happens\b/i;
const LABEL = /^([^，,。；;：:（(]{1,24}(?:\s*[（(][^）)]{1,20}[）)])?)(?:\s*[：:]\s*|\s+[—–]{1,2}\s+|\s+-{1,2}\s+)(.{2,})$/u;
/** A condition about something going wrong: its branch is a fallback, not a step. */
const FAILURE = /失败|超时|出错|错误|异常|宕机|挂了|挂掉|不可用|不通|拒绝|丢失|不满足|不一致|不存在|没有|不是|\bfail|\berror|time(?:s|d)?[ -]?out|\bdown\b|unavailable|refused|\blost\b|crash|mismatch|missing|invalid|not\b|n't\b|\bno\b/i;

/** After a step's first clause, words that say something then happens (就是 is "is"). */
const GOES_ON = /就(?!是)|然后|接着|随后|→|->|=>|\bthen\b/u;
/** What a step says after its first clause ("" for a step of one clause). */
const laterClauses = (text: string): string => /[，,；;](.*)$/su.exec(text)?.[1] ?? "";
/** A caveat written among the steps. */
const CAVEAT = /^(?:注意|注|提醒|坑|PS|NB|Note|Caveat|Warning|⚠️?)\s*[：:!！]/iu;
/** A last item that draws the conclusion ("Because the broker checks …", "所以…") is a consequence, not a step. */
const CONSEQUENCE = /^(?:所以|因此|因而|于是可见|这样一来|总之|because\b|so\b|therefore\b|thus\b|this means\b|that is why\b)/i;

/** The kind of a run, from its intro (or the heading above it) and its items. */
export function classifyRun(run: Run, heading: string | undefined, sectionTitle?: string): Classified {
  const items = run.items;
  // cue words in brackets are asides ("Leader election (ZooKeeper mode):" is not about modes)
  const own = (run.intro?.text ?? heading ?? "").replace(/[（(][^（）()]*[）)]/gu, " ");
  // an intro with no cue of its own ("504:") is read with its section's title ("502 / 504 common causes");
  // one with a cue ("How I debug a 502/504:") decides alone
  const cued = [REASONS, ALTERNATIVES, FACTS, PROCESS].some((r) => r.test(own));
  const context = cued || !sectionTitle ? own : `${own} ${sectionTitle.replace(/[（(][^（）()]*[）)]/gu, " ")}`;
  const labelled = items
    .map((item) => {
      const m = LABEL.exec(item.text);
      return m ? { item, label: m[1]!.trim(), description: m[2]!.trim() } : null;
    })
    .filter((x): x is NonNullable<typeof x> => x !== null);
  const conditions = items.filter((i) => conditionOf(i.text) !== null);
  const facts = items.filter((i) => OBSERVATION.test(i.text) || isDefinition(i.text));
  const base = { fallbacks: [], labelled: labelled.length * 3 >= items.length * 2 ? labelled : [] } as const;
  const half = (n: number) => n * 2 >= items.length;

  // a list of questions with their answers (the notes' own interview drill) is no sequence
  const asked = items.filter((i) => ANSWERED_QUESTION.test(i.text) || (/[？?]$/u.test(i.text.trim()) && i.details.length > 0));
  if (NOT_A_SEQUENCE.test(run.intro?.text ?? heading ?? "") || (half(asked.length) && asked.length >= 2)) return { ...base, kind: "facts", items, fallbacks: [], labelled: [] };
  // numbered steps in named phases ("**client prepares**", "**front channel**", "**back channel**")
  // are a process whatever the paragraph above them says ("why PKCE: the code comes back through…")
  const phased = run.ordered && new Set(items.map((i) => i.phase).filter((p) => p !== undefined)).size >= 2;
  if (phased) return processOf(items);
  if (REASONS.test(context)) return { ...base, kind: "reasons", items, fallbacks: [], labelled: [] };
  // "X=false：…" and "X=true：…": one setting's values are alternatives
  const keys = new Set(base.labelled.map((l) => /^([^=]+)=/.exec(l.label)?.[1]?.trim()).filter((k) => k));
  const sameKey = base.labelled.length >= 2 && base.labelled.length === items.length && keys.size === 1;
  if (ALTERNATIVES.test(context) || sameKey) return { ...base, kind: "alternatives", items, fallbacks: [] };
  // "name：description" items without a word for options (fields, settings to check) are facts with names
  if (base.labelled.length >= 2 && (FACTS.test(context) || !run.ordered || !PROCESS.test(context))) return { ...base, kind: "facts", items, fallbacks: [] };
  if (half(conditions.length) && conditions.length >= 2) return { ...base, kind: "conditions", items, fallbacks: [], labelled: [] };
  if (FACTS.test(context) || (OCCASIONS.test(own) && !PROCESS.test(own)) || (half(facts.length) && facts.length >= 2)) return { ...base, kind: "facts", items, fallbacks: [], labelled: [] };
  if (!run.ordered) return { ...base, kind: "facts", items, fallbacks: [], labelled: [] };
  return processOf(items);
}

/** A process: a precondition first, fallbacks anywhere are not steps. */
function processOf(items: Item[]): Classified {
  const first = items[0];
  const pre = first ? preconditionOf(first.text) : null;
  const fallbacks: Classified["fallbacks"] = [];
  const steps: Item[] = [];
  let failing = false;
  items.forEach((item, k) => {
    if (k === 0 && pre !== null) return;
    const c = conditionOf(item.text);
    // "otherwise" after a failure branch goes on with the failure; after a step it is the next step
    const failure = c !== null && (FAILURE.test(c.condition) || (c.condition === "" && failing));
    failing = failure;
    if (c && k > 0 && failure) fallbacks.push({ item, ...c });
    else if (c && k > 0 && c.condition !== "") {
      fallbacks.push({ item, ...c, inSequence: true });
      steps.push(item);
    }
    // a definition among the steps ("虚拟机的 eth0 端口就是…的映射") is a fact, and a closing
    // "所以…" a consequence: neither is a step (every other item stays, so no link is made up)
    // A definition that goes on to what happens ("qvoA 是 access 口，tag=1，包一进 br-int 就带上 vlan 1")
    // is a step all the same (round 9: dropping it left the packet path a step short)
    else if (k > 0 && isDefinition(item.text) && !OBSERVATION.test(item.text) && !GOES_ON.test(laterClauses(item.text))) return;
    else if (k === items.length - 1 && k > 1 && CONSEQUENCE.test(item.text)) return;
    // "14. 注意：设备“完成”可能只是进了盘的 write cache…", "Note: …": a caveat about the steps, numbered
    // with them, is none of them (round 10: asked as the step after the last)
    else if (k > 0 && CAVEAT.test(item.text)) return;
    else steps.push(item);
  });
  return { kind: "process", items: steps, ...(pre !== null && first ? { precondition: { item: first, text: pre } } : {}), fallbacks, labelled: [] };
}
