/** Issue 12.6: the rule that picks the cards behind a missed interview key point (lib/interview/missed.ts). */
import { describe, expect, it } from "vitest";
import { cardsBehindPoint, pointGroups, withinTopic, type CandidateCard } from "../../lib/interview/missed";

const card = (id: string, text: string, topic: string[] = ["DHCP", "文件"], kind = "basic"): CandidateCard => ({ id, kind, topic, text });
const ids = (cards: CandidateCard[]) => cards.map((c) => c.id);

describe("cards behind a missed point", () => {
  const point = { text: "dnsmasq 的 interface 文件记录它监听的 tap 设备", keywords: [["interface 文件", "interface"], ["tap"]] };

  it("at least half of the keyword groups (rounded up) in the card's question or answer", () => {
    const cards = [
      card("both", "dnsmasq 的 interface 文件里记的是什么？\n它监听的 tap 设备"),
      card("one", "interface 文件在哪个目录？\n/var/lib/neutron/dhcp"),
      card("none", "DHCP 服务端监听哪个 UDP 端口？\n67"),
    ];
    expect(ids(cardsBehindPoint(point, ["DHCP"], cards))).toEqual(["both", "one"]);
    const three = { text: "", keywords: [["dnsmasq"], ["qdhcp"], ["namespace", "命名空间"]] };
    expect(ids(cardsBehindPoint(three, ["DHCP"], [card("a", "dnsmasq 在 qdhcp 里"), card("b", "只有 dnsmasq")]))).toEqual(["a"]);
  });

  it("whole Latin words, width and case ignored; Chinese aliases as runs of characters", () => {
    const cards = [card("tapped", "the tapped interfaces"), card("wide", "ＴＡＰ 设备"), card("zh", "它监听的设备", ["DHCP"])];
    expect(ids(cardsBehindPoint({ text: "", keywords: [["tap"]] }, ["DHCP"], cards))).toEqual(["wide"]);
    expect(ids(cardsBehindPoint({ text: "", keywords: [["监听"]] }, ["DHCP"], cards))).toEqual(["zh"]);
  });

  it("only the question's topic (or a heading under it), never another interview question", () => {
    const cards = [
      card("under", "tap 设备", ["DHCP", "文件"]),
      card("same", "tap 设备", ["DHCP"]),
      card("other", "虚拟路由器的 tap 接口", ["路由"]),
      card("open", "讲讲 tap 设备", ["DHCP"], "open"),
    ];
    expect(ids(cardsBehindPoint(point, ["DHCP"], cards))).toEqual(["under", "same"]);
    expect(withinTopic(["DHCP", "文件"], ["DHCP"])).toBe(true);
    expect(withinTopic(["DHCP"], ["DHCP", "文件"])).toBe(false);
  });

  it("a point without keywords: the keywords the rubric gives it from its meaning", () => {
    expect(pointGroups({ text: "dnsmasq 读 host 文件", keywords: [] }).map((g) => g[0])).toEqual(expect.arrayContaining(["dnsmasq", "host"]));
    expect(pointGroups({ text: "路由器做地址转换", keywords: [] }).length).toBeGreaterThanOrEqual(2);
    const cards = [card("host", "哪个文件记录 MAC 与 IP？\nhost 文件"), card("neither", "端口 67")];
    expect(ids(cardsBehindPoint({ text: "dnsmasq 读 host 文件", keywords: [] }, ["DHCP"], cards))).toEqual(["host"]);
  });
});
