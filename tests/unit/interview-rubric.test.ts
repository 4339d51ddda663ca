import { describe, expect, it } from "vitest";
import { matchPoint, matchRubric, pointTerms, rubricScore } from "@/lib/interview/rubric";
import type { RubricPoint } from "@/lib/content/types";

const p = (text: string, ...groups: string[]): RubricPoint => ({ text, keywords: groups.map((g) => g.split("|")) });
const TOKEN = p("keystone issues a token", "keystone|认证", "token|令牌");
const SCHEDULER = p("nova-scheduler picks a compute node", "nova-scheduler|调度器", "compute|计算节点");
const DNSMASQ = p("dnsmasq answers DHCP", "dnsmasq", "DHCP");
const SNAT = p("SNAT happens in the router namespace", "SNAT|源地址转换", "qrouter|路由器命名空间");
const FLOATING = p("a floating IP is DNAT to the fixed IP", "floating ip|浮动 IP", "DNAT|目的地址转换");
const IP = p("the VM gets an IP", "IP");
const PLAIN_ZH = p("用户向 keystone 请求 token");
const PLAIN_EN = p("The compute node downloads the image from glance");

describe("matchPoint: a table of Chinese and English answers", () => {
  it.each([
    // answer, point, covered, found
    ["nova-api 收到请求后，先到认证服务拿 token", TOKEN, true, ["认证", "token"]],
    ["keystone 签发令牌", TOKEN, true, ["keystone", "令牌"]],
    ["KEYSTONE issues a TOKEN", TOKEN, true, ["keystone", "token"]],
    ["ｋｅｙｓｔｏｎｅ 发 ｔｏｋｅｎ（全角）", TOKEN, true, ["keystone", "token"]],
    ["the token is issued by keystone", TOKEN, true, ["keystone", "token"]],
    ["先 authenticate 到 Keystone，拿到 Token 之后再调用 nova", TOKEN, true, ["keystone", "token"]],
    ["keystone 负责用户认证", TOKEN, false, ["keystone"]],
    ["keystones and tokens (plural forms are other words)", TOKEN, false, []],
    ["", TOKEN, false, []],
    ["调度器选择一个计算节点", SCHEDULER, true, ["调度器", "计算节点"]],
    ["nova scheduler picks a compute host", SCHEDULER, true, ["nova-scheduler", "compute"]],
    ["novascheduler chooses compute", SCHEDULER, true, ["nova-scheduler", "compute"]],
    ["Nova－Scheduler（全角连字符）选 compute", SCHEDULER, true, ["nova-scheduler", "compute"]],
    ["the scheduler picks compute nodes", SCHEDULER, false, ["compute"]],
    ["dnsmasq 进程应答 DHCP 请求", DNSMASQ, true, ["dnsmasq", "DHCP"]],
    ["DHCP agent 启动 dns masq", DNSMASQ, true, ["dnsmasq", "DHCP"]],
    ["dnsmasq-dhcp", DNSMASQ, true, ["dnsmasq", "DHCP"]],
    ["DHCPDISCOVER 是广播", DNSMASQ, false, []],
    ["路由器命名空间里做源地址转换", SNAT, true, ["源地址转换", "路由器命名空间"]],
    ["SNAT 在 qrouter 命名空间的 iptables 里", SNAT, true, ["SNAT", "qrouter"]],
    ["snat", SNAT, false, ["SNAT"]],
    ["浮动 IP 通过 DNAT 映射到固定 IP", FLOATING, true, ["浮动 IP", "DNAT"]],
    ["Floating-IP uses dnat", FLOATING, true, ["floating ip", "DNAT"]],
    ["floatingip DNAT", FLOATING, true, ["floating ip", "DNAT"]],
    ["浮动IP做目的地址转换", FLOATING, true, ["浮动 IP", "目的地址转换"]],
    ["SNAT for the floating ip", FLOATING, false, ["floating ip"]],
    ["skip the step", IP, false, []],
    ["虚拟机拿到固定IP地址", IP, true, ["IP"]],
    // keywordless points: 60% of their terms (Latin words, Chinese character pairs)
    ["用户先向 keystone 请求 token", PLAIN_ZH, true, ["用户", "keystone", "请求", "token"]],
    ["keystone", PLAIN_ZH, false, ["keystone"]],
    ["nova-compute downloads the image from glance", PLAIN_EN, true, ["the", "compute", "downloads", "image", "from", "glance"]],
    ["glance", PLAIN_EN, false, ["glance"]],
  ] as const)("%s", (answer, point, covered, found) => {
    const m = matchPoint(answer, point);
    expect(m.covered).toBe(covered);
    expect(m.found).toEqual(found);
  });

  it("says which keyword groups are missing, by their first alias", () => {
    expect(matchPoint("keystone 负责认证", TOKEN).missing).toEqual(["token"]);
    expect(matchPoint("", SNAT).missing).toEqual(["SNAT", "qrouter"]);
  });
});

describe("pointTerms", () => {
  it("takes Latin words once and Chinese character pairs", () => {
    expect(pointTerms("用户向 keystone 请求 token")).toEqual(["用户", "户向", "keystone", "请求", "token"]);
    expect(pointTerms("The image from the glance")).toEqual(["the", "image", "from", "glance"]);
  });
});

describe("matchRubric and rubricScore", () => {
  it("a whole rubric: the share of points covered", () => {
    const matches = matchRubric("用户先到 keystone 拿 token，然后 dnsmasq 分配地址", [TOKEN, SCHEDULER, DNSMASQ]);
    expect(matches.map((m) => m.covered)).toEqual([true, false, false]);
    expect(rubricScore(matches.map((m) => m.covered))).toBeCloseTo(1 / 3, 10);
    expect(rubricScore([true, true, false, true])).toBe(0.75);
    expect(rubricScore([])).toBe(0);
  });
});
