/**
 * Notes mode on the user's real notes (read-only, outside the repo in ../shared/seeds): the
 * structure a reader sees must be recovered from the messy export.
 */
import { describe, it, expect, beforeAll } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { parseDeck } from "../../lib/content/parse";
import type { ParsedCard, ParsedDeck, CardKind } from "../../lib/content/types";

const SEED = path.resolve(__dirname, "../../../shared/seeds/openstack-interview-notes.md");
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

  it("a 'which phase' choice card per VM step, with exactly one correct option", () => {
    const choices = byRule("choice", "notes:phase-of-step");
    expect(choices).toHaveLength(19);
    const steps = processOrder(VM).steps;
    // phase of each of the 19 steps, by position: 2 + 7 + 3 + 3 + 4
    const expected = [0, 0, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 4].map((k) => PHASES[k]!);
    choices.forEach((c, k) => {
      expect(c.options.map((o) => o.text)).toEqual(PHASES);
      expect(c.options.filter((o) => o.correct)).toHaveLength(1);
      expect(c.options.find((o) => o.correct)!.text).toBe(expected[k]);
      expect(c.multiple).toBe(false);
      expect(c.prompt).toContain(steps[k]!.slice(0, 8));
      expect(c.prompt).toMatch(/^「OpenStack创建虚拟机流程」中，下面这一步属于哪个阶段？/);
      expect(c.answer).toBe(`- ${expected[k]}`);
      expect(c.topic).toEqual([VM, expected[k]]);
    });
  });

  it("18 next-step cards in the VM section, each answered by the following step", () => {
    const steps = processOrder(VM).steps;
    const next = byRule("basic", "notes:next-step").filter((c) => c.topic[0] === VM);
    expect(next).toHaveLength(18);
    next.forEach((c, k) => {
      expect(c.prompt).toMatch(/^「OpenStack创建虚拟机流程」中，下面这一步之后紧接着发生什么？\n\n> /);
      expect(c.prompt).toContain(steps[k]!.slice(0, 10));
      expect(c.answer).toBe(steps[k + 1]);
    });
    // the card crossing from phase 1 to phase 2 sits in phase 1's topic
    expect(next[1]!.topic).toEqual([VM, "用户登录认证阶段"]);
    expect(next[2]!.topic).toEqual([VM, "nova 准备创建虚拟机阶段"]);
  });

  it("per-phase ordering cards for the phases with at least 3 steps", () => {
    const perPhase = byRule("ordering", "notes:phase-steps-order");
    expect(perPhase.map((c) => [c.topic[1], c.steps.length])).toEqual([
      ["nova 准备创建虚拟机阶段", 7],
      ["nova 虚拟机使用 glance 镜像", 3],
      ["nava 虚拟机使用 neutron 网络", 3],
      ["nava 虚拟机使用Cinder存储", 4],
    ]);
  });

  it("one open card per section whose points are that section's steps", () => {
    const open = byRule("open", "notes:section-interview");
    expect(open).toHaveLength(8);
    for (const c of open) {
      const steps = processOrder(c.topic[0]!).steps;
      expect(c.points.map((p) => p.text)).toEqual(steps);
      expect(c.prompt).toBe(`面试题：请完整讲一讲「${c.topic[0]}」。`);
    }
    const vm = open[0]!;
    expect(vm.points).toHaveLength(19);
    expect(vm.line).toBe(10);
    // keywords are the English technical terms of a point
    expect(vm.points[1]!.keywords).toEqual([["keystone"], ["token"]]);
    expect(vm.points[3]!.keywords).toEqual([["nova-api"], ["keystone"], ["token"]]);
    // the model answer groups steps under their phases
    expect(vm.modelAnswer).toContain("**用户登录认证阶段**");
    expect(vm.modelAnswer).toContain("19. nova-compute 为 hypervisor driver");
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
    expect(first.answer).toBe("创建网络前，控制节点和计算节点都无其他设备信息");
  });

  it("the other sections keep their steps in reading order", () => {
    expect(SECTIONS.map((s) => processOrder(s).steps.length)).toEqual([19, 5, 3, 3, 3, 4, 4, 3]);
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
    //  8 sections with >= 2 steps -> 8 process orderings + 8 first-step cards;
    //  steps per section 19+5+3+3+3+4+4+3 = 44 -> 44 - 8 = 36 next-step cards;
    //  VM section: 5 phases -> 1 phase ordering, 4 phases with >= 3 steps -> 4 per-phase orderings,
    //  19 phased steps -> 19 which-phase choices; phase lines are all-bold, so no bold clozes;
    //  8 top-level sections -> 8 open cards.
    const counts: Record<string, number> = {};
    for (const c of deck.cards) counts[`${c.kind}:${c.generatedBy}`] = (counts[`${c.kind}:${c.generatedBy}`] ?? 0) + 1;
    expect(counts).toEqual({
      "ordering:notes:process-order": 8,
      "basic:notes:first-step": 8,
      "basic:notes:next-step": 36,
      "ordering:notes:phase-order": 1,
      "ordering:notes:phase-steps-order": 4,
      "choice:notes:phase-of-step": 19,
      "open:notes:section-interview": 8,
    });
    const byKind: Record<string, number> = {};
    for (const c of deck.cards) byKind[c.kind] = (byKind[c.kind] ?? 0) + 1;
    expect(byKind).toEqual({ ordering: 13, basic: 44, choice: 19, open: 8 });
    expect(deck.cards).toHaveLength(84);
    expect(new Set(deck.cards.map((c) => c.id)).size).toBe(84);
  });

  it("parsing the notes as a string gives the same cards and ids", () => {
    const r = parseDeck(fs.readFileSync(SEED, "utf8"), { file: "x.md", deckId: "openstack/openstack-interview-notes" });
    expect(r.deck!.cards.map((c) => c.id)).toEqual(deck.cards.map((c) => c.id));
  });
});
