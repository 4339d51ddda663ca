import { describe, expect, it } from "vitest";
import { answerMatches, containsKeyword, mentionsAny, normalizeAnswer, tokenize } from "../../lib/answer/normalize";

describe("answerMatches: typed answer against the expected one", () => {
  it.each([
    // English technical terms: case, separators, spacing
    ["nova-compute", "nova-compute", true],
    ["nova compute", "nova-compute", true],
    ["nova_compute", "nova-compute", true],
    ["Nova-Compute", "nova-compute", true],
    ["NOVACOMPUTE", "nova-compute", true],
    ["  nova-compute  ", "nova-compute", true],
    ["nova-scheduler", "nova-compute", false],
    ["nova", "nova-compute", false],
    ["DHCPACK", "DHCP ACK", true],
    ["dhcp-ack", "DHCPACK", true],
    ["DHCPOFFER", "DHCPACK", false],
    ["L3 agent", "L3-agent", true],
    ["l3agent", "L3 agent", true],
    ["I3 agent", "L3 agent", false],
    ["veth pair.", "veth pair", true],
    ["qg-xxxx", "qg-xxxx", true],
    ["", "keystone", false],
    ["   ", "keystone", false],
    ["!!!", "keystone", false],
    ["keystone.", "Keystone", true],
    // full-width forms (typed with a Chinese input method)
    ["ｎｏｖａ－ｃｏｍｐｕｔｅ", "nova-compute", true],
    ["ＤＨＣＰ", "dhcp", true],
    ["ＡＰＩ　key", "API key", true],
    ["１０ｍ", "10m", true],
    // Chinese, with Chinese and ASCII punctuation and spaces
    ["认证", "认证", true],
    ["认证。", "认证", true],
    ["认 证", "认证", true],
    ["「认证」", "认证", true],
    ["校验 token", "校验token", true],
    ["校验token！", "校验 token", true],
    ["命名空间", "namespace", false],
    ["主机文件", "host 文件", false],
    ["host文件", "host 文件", true],
    ["HOST 文件", "host文件", true],
    ["源地址转换", "源地址转换（SNAT）", false],
    ["源地址转换（SNAT）", "源地址转换(SNAT)", true],
    ["浮动IP", "浮动 ip", true],
    ["浮动ＩＰ", "浮动IP", true],
    ["路由器命名空间", "路由器 命名空间", true],
    ["DHCP代理", "DHCP 代理", true],
    ["网桥，", "网桥", true],
    ["网络节点", "计算节点", false],
  ])("%j vs %j → %s", (typed, expected, ok) => {
    expect(answerMatches(typed, expected)).toBe(ok);
  });

  it("accepts the aliases given in the content", () => {
    expect(answerMatches("L3 代理", "L3 agent", ["L3 代理", "neutron-l3-agent"])).toBe(true);
    expect(answerMatches("neutron l3 agent", "L3 agent", ["L3 代理", "neutron-l3-agent"])).toBe(true);
    expect(answerMatches("DHCP agent", "L3 agent", ["L3 代理"])).toBe(false);
  });
});

describe("containsKeyword: rubric keywords inside a free answer", () => {
  it.each([
    ["nova-api 先向 keystone 校验 token", "keystone", true],
    ["nova-api 先向 Keystone 校验 token", "keystone", true],
    ["先向 keystone 校验令牌", "token", false],
    ["计算节点上的 nova compute 调用 libvirt", "nova-compute", true],
    ["novacompute 调用 libvirt", "nova-compute", true],
    ["nova-compute 调用 libvirt", "nova", true],
    ["we skip the step", "ip", false],
    ["分配 IP 地址", "ip", true],
    ["分配ip地址", "ip", true],
    ["用户先做身份认证拿到 token", "认证", true],
    ["用户先做身份验证", "认证", false],
    ["ｋｅｙｓｔｏｎｅ签发令牌", "keystone", true],
    ["路由器做 SNAT，把源地址改成 qg 接口地址", "snat", true],
    ["做了 source nat", "source nat", true],
    ["做了 sourcenat", "source nat", true],
    ["做了源地址转换", "source nat", false],
    ["token校验", "token 校验", true],
  ])("%j mentions %j → %s", (text, keyword, ok) => {
    expect(containsKeyword(text, keyword)).toBe(ok);
  });

  it("a keyword group is mentioned when any alias is", () => {
    expect(mentionsAny("keystone 签发令牌", ["token", "令牌"])).toBe(true);
    expect(mentionsAny("keystone 签发凭证", ["token", "令牌"])).toBe(false);
  });
});

describe("normalizeAnswer and tokenize", () => {
  it.each(["nova-compute", "ＡＰＩ　key", "「认证」。", "  x  ", "", "源地址转换（SNAT）"])("normalizeAnswer is idempotent on %j", (s) => {
    expect(normalizeAnswer(normalizeAnswer(s))).toBe(normalizeAnswer(s));
  });

  it("tokenizes Latin words whole and Chinese by character", () => {
    expect(tokenize("nova-api 向Keystone校验 token。")).toEqual(["nova", "api", "向", "keystone", "校", "验", "token"]);
  });
});
