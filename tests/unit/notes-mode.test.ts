/**
 * Notes mode on the user's real notes (a copy in tests/fixtures/seeds): the
 * structure a reader sees must be recovered from the messy export.
 */
import { describe, it, expect, beforeAll } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { parseDeck } from "../../lib/content/parse";
import type { ParsedCard, ParsedDeck, CardKind } from "../../lib/content/types";

const SEED = path.resolve(__dirname, "../fixtures/seeds/openstack-interview-notes.md");
const VM = "OpenStack创建虚拟机流程";
const VXLAN = "OpenStack创建租户网络vxlan网络过程";

const SECTIONS = [
  VM,
  VXLAN,
  "创建实例选择网络vxlan过程",
  "dhcp内容",
  "虚拟机获取dhcp过程",
  "虚拟router原理",
  "虚拟机与外网通信",
  "从外界通过浮动ip访问虚拟机",
];

/** Sections that are processes (all but "dhcp内容", whose title names a collection of facts). */
const PROCESSES = SECTIONS.filter((s) => s !== "dhcp内容");

const PHASES = [
  "用户登录认证阶段",
  "nova 准备创建虚拟机阶段",
  "nova 虚拟机使用 glance 镜像",
  "nava 虚拟机使用 neutron 网络",
  "nava 虚拟机使用Cinder存储",
];

let deck: ParsedDeck;

function byRule<K extends CardKind>(kind: K, rule: string): Array<Extract<ParsedCard, { kind: K }>> {
  return deck.cards.filter((c): c is Extract<ParsedCard, { kind: K }> => c.kind === kind && c.generatedBy === rule);
}
function processOrder(section: string) {
  const found = byRule("ordering", "notes:process-order").filter((c) => c.topic.length === 1 && c.topic[0] === section);
  expect(found, `process ordering card of ${section}`).toHaveLength(1);
  return found[0]!;
}

beforeAll(() => {
  const bytes = fs.readFileSync(SEED);
  const r = parseDeck(new Uint8Array(bytes), { file: "content/openstack/openstack-interview-notes.md", deckId: "openstack/openstack-interview-notes" });
  expect(r.errors).toEqual([]);
  deck = r.deck!;
});

describe("the user's OpenStack notes", () => {
  it("is read in notes mode, in Chinese, titled by its first heading", () => {
    expect(deck.notesMode).toBe(true);
    expect(deck.language).toBe("zh");
    expect(deck.title).toBe("OpenStack面试问题");
    expect(deck.group).toBe("openstack");
    expect(deck.description).toBe("");
    expect(deck.tags).toEqual([]);
  });

  it("recovers the 8 top-level sections, without 一、 prefixes, in order", () => {
    const tops = byRule("open", "notes:section-interview").map((c) => c.topic);
    expect(tops).toEqual(SECTIONS.map((s) => [s]));
    // no topic anywhere keeps a Chinese enumeration or the title heading
    for (const c of deck.cards) {
      expect(c.topic[0]).not.toMatch(/^[一二三四五六七八]、/);
      expect(c.topic).not.toContain("OpenStack面试问题");
      expect(SECTIONS).toContain(c.topic[0]);
    }
  });

  it("the VM creation section has 19 steps in order", () => {
    const card = processOrder(VM);
    expect(card.steps).toHaveLength(19);
    expect(card.steps[0]).toMatch(/^用户通过dashboard/);
    expect(card.steps[0]).toBe("用户通过dashboard、命令行、api使用用户名/密码或者用户名/API key 作为凭证，调用keystone的rest api做身份验证，");
    expect(card.steps[1]).toMatch(/^keystone，对用户信息进行验证/);
    expect(card.steps[2]).toMatch(/^Dashboard 或者 CLI 将创建虚机的 REST请求/);
    expect(card.steps[9]).toMatch(/^在虚机创建的过程中，nova-compute 调用 glance-api/);
    expect(card.steps[12]).toMatch(/^nova-compute 调用 Neutron API/);
    expect(card.steps[15]).toMatch(/^nova-compute 调用 Cinder API/);
    expect(card.steps[18]).toMatch(/hypervisor driver/);
    expect(card.steps[18]).toBe("nova-compute 为 hypervisor driver 产生数据，并调用 Hypersior 执行请求（通过 libvirt 或者 api）。");
    expect(card.line).toBe(13);
    expect(card.prompt).toBe("把「OpenStack创建虚拟机流程」的步骤按顺序排好");
    // the export's runs of spaces are collapsed
    for (const s of card.steps) expect(s).not.toMatch(/\s{2,}/);
  });

  it("the 5 phases of the VM section, in order, without **** artifacts", () => {
    const phase = byRule("ordering", "notes:phase-order");
    expect(phase).toHaveLength(1);
    expect(phase[0]!.steps).toEqual(PHASES);
    expect(phase[0]!.topic).toEqual([VM]);
    expect(phase[0]!.line).toBe(12);
    expect(phase[0]!.prompt).toBe("把「OpenStack创建虚拟机流程」的各个阶段按顺序排好");
  });

  // phase of each of the 19 VM steps, by position: 2 + 7 + 3 + 3 + 4
  const PHASE_OF_STEP = [0, 0, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 4].map((k) => PHASES[k]!);

  it("'which phase' choice cards only for VM steps that do not name their own phase", () => {
    const choices = byRule("choice", "notes:phase-of-step");
    const steps = processOrder(VM).steps;
    // skipped as giveaways: steps 10-11 name glance, 13-15 neutron / 网络, 16-18 Cinder / 存储;
    // step 12 ("获取 image 的元数据") and 19 (hypervisor driver) do not name their phase
    const kept = [0, 1, 2, 3, 4, 5, 6, 7, 8, 11, 18];
    expect(choices).toHaveLength(11);
    choices.forEach((c, k) => {
      const step = kept[k]!;
      expect(c.options.map((o) => o.text)).toEqual(PHASES);
      expect(c.options.filter((o) => o.correct)).toHaveLength(1);
      expect(c.options.find((o) => o.correct)!.text).toBe(PHASE_OF_STEP[step]);
      expect(c.multiple).toBe(false);
      expect(c.prompt).toBe(`「OpenStack创建虚拟机流程」中，下面这一步属于哪个阶段？\n\n> ${steps[step]}`);
      expect(c.answer).toBe(`- ${PHASE_OF_STEP[step]}`);
      expect(c.topic).toEqual([VM, PHASE_OF_STEP[step]]);
      expect(c.line).toBe(13 + step + (step >= 2 ? 1 : 0) + (step >= 9 ? 1 : 0) + (step >= 12 ? 1 : 0) + (step >= 15 ? 1 : 0));
    });
    expect(choices[9]!.prompt).toContain("nova-compute 获取 image 的元数据。");
    expect(choices[10]!.prompt).toContain("nova-compute 为 hypervisor driver 产生数据");
    // no kept card quotes a step that gives its phase away
    for (const c of choices.slice(9)) expect(c.prompt.split("> ")[1]).not.toMatch(/glance|neutron|cinder|镜像|网络|存储/i);
  });

  it("18 next-step cards in the VM section, each answered by the following step and filed under its phase", () => {
    const steps = processOrder(VM).steps;
    const next = byRule("basic", "notes:next-step").filter((c) => c.topic[0] === VM);
    expect(next).toHaveLength(18);
    next.forEach((c, k) => {
      expect(c.prompt).toBe(`「OpenStack创建虚拟机流程」中，下面这一步之后紧接着发生什么？\n\n> ${steps[k]}`);
      expect(c.answer).toBe(steps[k + 1]);
      expect(c.topic).toEqual([VM, PHASE_OF_STEP[k + 1]]);
    });
    // the card crossing from phase 1 to phase 2 sits in phase 2's topic: its answer is a phase 2 step
    expect(next[0]!.topic).toEqual([VM, "用户登录认证阶段"]);
    expect(next[1]!.topic).toEqual([VM, "nova 准备创建虚拟机阶段"]);
    expect(next[1]!.answer).toMatch(/^Dashboard 或者 CLI/);
  });

  it("per-phase ordering cards (the VM section has >= 8 steps) for the phases with at least 3 steps", () => {
    const perPhase = byRule("ordering", "notes:phase-steps-order");
    expect(perPhase.map((c) => [c.topic, c.steps.length, c.prompt])).toEqual([
      [[VM, "nova 准备创建虚拟机阶段"], 7, "「OpenStack创建虚拟机流程」中，把「nova 准备创建虚拟机阶段」这一阶段的步骤按顺序排好"],
      [[VM, "nova 虚拟机使用 glance 镜像"], 3, "「OpenStack创建虚拟机流程」中，把「nova 虚拟机使用 glance 镜像」这一阶段的步骤按顺序排好"],
      [[VM, "nava 虚拟机使用 neutron 网络"], 3, "「OpenStack创建虚拟机流程」中，把「nava 虚拟机使用 neutron 网络」这一阶段的步骤按顺序排好"],
      [[VM, "nava 虚拟机使用Cinder存储"], 4, "「OpenStack创建虚拟机流程」中，把「nava 虚拟机使用Cinder存储」这一阶段的步骤按顺序排好"],
    ]);
    expect(perPhase[1]!.steps).toEqual(processOrder(VM).steps.slice(9, 12));
  });

  it("one open card per section whose points are that section's steps", () => {
    const open = byRule("open", "notes:section-interview");
    expect(open).toHaveLength(8);
    for (const c of open) {
      if (c.topic[0] === "dhcp内容") continue;
      const steps = processOrder(c.topic[0]!).steps;
      expect(c.points.map((p) => p.text)).toEqual(steps);
      expect(c.prompt).toBe(`面试题：请完整讲一讲「${c.topic[0]}」。`);
    }
    const vm = open[0]!;
    expect(vm.points).toHaveLength(19);
    expect(vm.line).toBe(10);
    // keywords: every run of Latin words is one term, a term inside a longer one is dropped, max 3
    expect(vm.points[0]!.keywords).toEqual([["dashboard"], ["API key"], ["keystone"]]);
    expect(vm.points[1]!.keywords).toEqual([["keystone"], ["token"]]);
    expect(vm.points[3]!.keywords).toEqual([["nova-api"], ["keystone"], ["token"]]);
    expect(vm.points[5]!.keywords).toEqual([["nova-api"], ["nova db"], ["Messaging"]]);
    // "Scheduler" is dropped: it is a part of "nova-scheduler"
    expect(vm.points[6]!.keywords).toEqual([["nova-scheduler"], ["Messaging"], ["API"]]);
    expect(vm.points[14]!.keywords).toEqual([["nova-compute"]]);
    expect(vm.points[18]!.keywords).toEqual([["nova-compute"], ["hypervisor driver"], ["Hypersior"]]);
    // the model answer groups steps under their phases, in italics (one section, no subsection names)
    expect(vm.modelAnswer).toContain("*用户登录认证阶段*\n\n1. 用户通过dashboard");
    expect(vm.modelAnswer).toContain("*nava 虚拟机使用Cinder存储*\n\n16. nova-compute 调用 Cinder API");
    expect(vm.modelAnswer).not.toContain("**");
    expect(vm.modelAnswer).toContain("19. nova-compute 为 hypervisor driver");
    expect(vm.answer).toBe(vm.modelAnswer);
  });

  it("dhcp内容 is not a process: no sequence cards, its steps only feed a key-points interview card", () => {
    expect(deck.cards.filter((c) => c.topic[0] === "dhcp内容").map((c) => c.generatedBy)).toEqual(["notes:section-interview"]);
    const open = byRule("open", "notes:section-interview").find((c) => c.topic[0] === "dhcp内容")!;
    expect(open.prompt).toBe("面试题：说说「dhcp内容」的要点。");
    expect(open.line).toBe(63);
    expect(open.points.map((p) => p.text)).toEqual([
      "dhcp agent会为每个网络创建一个目录，用来存放该network的dnsmasq配置文件",
      "host信息文件，dnsmasq从该文件获取host的ip与mac对应关系",
      "Interface接口信息文件，dnsmasq会在该接口监听dhcp请求",
    ]);
    expect(open.points.map((p) => p.keywords)).toEqual([
      [["dhcp agent"], ["network"], ["dnsmasq"]],
      [["host"], ["dnsmasq"], ["ip"]],
      [["Interface"], ["dnsmasq"], ["dhcp"]],
    ]);
    expect(open.modelAnswer).toBe(open.points.map((p, k) => `${k + 1}. ${p.text}`).join("\n"));
  });

  it("next-step cards skip answers that are definitions (X 是/就是/即 …)", () => {
    const answers = (section: string) => byRule("basic", "notes:next-step").filter((c) => c.topic[0] === section).map((c) => c.answer);
    const vx = processOrder(VXLAN).steps;
    // steps 4 ("tap设备是…的端口") and 5 ("…ns设备和…tap设备是一对veth pair") state facts, not what happens next
    expect(answers(VXLAN)).toEqual([vx[1], vx[2]]);
    const inst = processOrder("创建实例选择网络vxlan过程").steps;
    // step 3 ("虚拟机的eth0端口就是…") is a definition
    expect(answers("创建实例选择网络vxlan过程")).toEqual([inst[1]]);
    // "…增加了两个tap设备，即路由器端口" is an event with an apposition, not a definition: kept
    const router = processOrder("虚拟router原理").steps;
    expect(answers("虚拟router原理")).toEqual([router[1], router[2], router[3]]);
  });

  it("section 2 (vxlan) has 5 steps, the first recovered from the indented code block", () => {
    const card = processOrder(VXLAN);
    expect(card.steps).toEqual([
      "创建网络前，控制节点和计算节点都无其他设备信息",
      "创建完成后，在网络节点（控制节点）产生了新设备（tap、vxlan、brq）",
      "tap设备创建后自动连接到桥设备上",
      "tap设备是vxlan这个网络dhcp创建的端口",
      "dhcp网络空间里边的ns设备和brq网络空间里面的tap设备是一对veth pair。实现了两个命名空间的连接，在一端输入数据，另一端就能读到数据",
    ]);
    expect(card.line).toBe(39);
    const first = byRule("basic", "notes:first-step").find((c) => c.topic[0] === VXLAN)!;
    expect(first.prompt).toBe("「OpenStack创建租户网络vxlan网络过程」的第一步是什么？");
    expect(first.answer).toBe("创建网络前，控制节点和计算节点都无其他设备信息");
    // only the two sections with >= 5 steps get a first-step card
    expect(byRule("basic", "notes:first-step").map((c) => c.topic)).toEqual([[VM], [VXLAN]]);
  });

  it("the other sections keep their steps in reading order", () => {
    expect(byRule("ordering", "notes:process-order").map((c) => c.topic[0])).toEqual(PROCESSES);
    expect(PROCESSES.map((s) => processOrder(s).steps.length)).toEqual([19, 5, 3, 3, 4, 4, 3]);
    expect(processOrder("虚拟router原理").steps[2]).toBe("I3 agent为每个router创建一个namespace，通过veth pair与tap相连，将网关ip配置在namespace的veth interface上");
    expect(processOrder("从外界通过浮动ip访问虚拟机").steps).toEqual([
      "创建一个浮动ip并绑定到实例上",
      "在虚拟路由器的namespace的qg端口，中，添加了一条ip信息",
      "在router上做了nat地址转换",
    ]);
  });

  it("no card text contains placeholder images or **** artifacts, and none is empty", () => {
    for (const c of deck.cards) {
      const texts = [c.prompt, c.answer, ...c.topic];
      if (c.kind === "ordering") texts.push(...c.steps);
      if (c.kind === "choice") texts.push(...c.options.map((o) => o.text));
      if (c.kind === "open") texts.push(...c.points.map((p) => p.text), c.modelAnswer ?? "");
      for (const t of texts) {
        expect(t).not.toContain("via.placeholder.com");
        expect(t).not.toContain("****");
        expect(t).not.toContain("![");
      }
      expect(c.prompt.trim()).not.toBe("");
      expect(c.answer.trim()).not.toBe("");
    }
  });

  it("exact card counts by kind and rule", () => {
    // Computed once from the parser's output and checked by hand against the notes:
    //  7 process sections (dhcp内容 is not one), all with >= 3 steps -> 7 process orderings;
    //  2 sections with >= 5 steps (VM 19, vxlan 5) -> 2 first-step cards;
    //  next-step: VM 18 + vxlan 2 (steps 4 and 5 are definitions) + 实例 1 (step 3 is one)
    //  + dhcp过程 2 + router 3 + 外网 3 + 浮动ip 2 = 31;
    //  VM section: 5 phases -> 1 phase ordering, 19 steps and 4 phases with >= 3 steps -> 4 per-phase
    //  orderings, 11 which-phase choices (8 steps name their phase); no bold in steps, so no clozes;
    //  8 top-level sections -> 8 open cards.
    const counts: Record<string, number> = {};
    for (const c of deck.cards) counts[`${c.kind}:${c.generatedBy}`] = (counts[`${c.kind}:${c.generatedBy}`] ?? 0) + 1;
    expect(counts).toEqual({
      "ordering:notes:process-order": 7,
      "basic:notes:first-step": 2,
      "basic:notes:next-step": 31,
      "ordering:notes:phase-order": 1,
      "ordering:notes:phase-steps-order": 4,
      "choice:notes:phase-of-step": 11,
      "open:notes:section-interview": 8,
    });
    const byKind: Record<string, number> = {};
    for (const c of deck.cards) byKind[c.kind] = (byKind[c.kind] ?? 0) + 1;
    expect(byKind).toEqual({ ordering: 12, basic: 33, choice: 11, open: 8 });
    expect(deck.cards).toHaveLength(64);
    expect(new Set(deck.cards.map((c) => c.id)).size).toBe(64);
  });

  it("parsing the notes as a string gives the same cards and ids", () => {
    const r = parseDeck(fs.readFileSync(SEED, "utf8"), { file: "x.md", deckId: "openstack/openstack-interview-notes" });
    expect(r.deck!.cards.map((c) => c.id)).toEqual(deck.cards.map((c) => c.id));
  });
});
