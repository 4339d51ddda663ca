/** Issue 12.6 and its verification: the rule that picks the cards behind a missed interview key point (lib/interview/missed.ts). */
import { describe, expect, it } from "vitest";
import { cardsBehindPoint, MISSED_PER_POINT, pointGroups, withinTopic, type CandidateCard } from "../../lib/interview/missed";

const card = (id: string, text: string, topic: string[] = ["DHCP", "文件"], kind = "basic"): CandidateCard => {
  const [prompt = "", answer = ""] = text.split("\n");
  return { id, kind, topic, prompt, answer };
};
const ids = (cards: CandidateCard[]) => cards.map((c) => c.id);

describe("cards behind a missed point", () => {
  const point = { text: "dnsmasq 的 interface 文件记录它监听的 tap 设备", keywords: [["interface 文件", "interface"], ["tap"]] };

  it("in the question's topic: at least half of the keyword groups (rounded up) in the card's question or answer, the most first", () => {
    const cards = [
      card("one", "interface 文件在哪个目录？\n/var/lib/neutron/dhcp"),
      card("both", "dnsmasq 的 interface 文件里记的是什么？\n它监听的 tap 设备"),
      card("none", "DHCP 服务端监听哪个 UDP 端口？\n67"),
    ];
    expect(ids(cardsBehindPoint(point, cards, { topic: ["DHCP"] }))).toEqual(["both", "one"]);
    const three = { text: "", keywords: [["dnsmasq"], ["qdhcp"], ["namespace", "命名空间"]] };
    expect(ids(cardsBehindPoint(three, [card("a", "dnsmasq 在 qdhcp 里"), card("b", "只有 dnsmasq")], { topic: ["DHCP"] }))).toEqual(["a"]);
  });

  it("whole Latin words, width and case ignored; Chinese aliases as runs of characters", () => {
    const cards = [card("tapped", "the tapped interfaces"), card("wide", "ＴＡＰ 设备"), card("zh", "它监听的设备", ["DHCP"])];
    expect(ids(cardsBehindPoint({ text: "", keywords: [["tap"]] }, cards, { topic: ["DHCP"] }))).toEqual(["wide"]);
    expect(ids(cardsBehindPoint({ text: "", keywords: [["监听"]] }, cards, { topic: ["DHCP"] }))).toEqual(["zh"]);
  });

  it("found by what they teach anywhere in the deck, not only under the question's heading; never another interview question", () => {
    const cards = [
      card("under", "tap 设备", ["DHCP", "文件"]),
      card("elsewhere", "interface 文件里写的是什么？\ndnsmasq 监听的 tap", ["dnsmasq 的文件"]),
      card("one-term-elsewhere", "虚拟路由器的 tap 接口", ["路由"]),
      card("open", "讲讲 interface 文件和 tap 设备", ["DHCP"], "open"),
    ];
    // the card elsewhere shares both terms, so it teaches the point; the router's tap shares one of two and is about something else
    expect(ids(cardsBehindPoint(point, cards, { topic: ["DHCP"] }))).toEqual(["elsewhere", "under"]);
    expect(withinTopic(["DHCP", "文件"], ["DHCP"])).toBe(true);
    expect(withinTopic(["DHCP"], ["DHCP", "文件"])).toBe(false);
  });

  it("ranked: a card that asks about the point before one that mentions it, and an overview card that names every point last", () => {
    const auth = { text: "用户用凭证向 keystone 认证，拿到 token", keywords: [["keystone"], ["token", "令牌"]] };
    const glance = { text: "nova-compute 向 glance 要镜像", keywords: [["glance"], ["镜像", "image"]] };
    const cards = [
      card("overview", "哪个组件在每个阶段都出现？\nkeystone 签发 token，glance 给镜像", ["总览"]),
      card("mentions", "nova-api 收到请求先做什么？\n拿 token 去 keystone 校验", ["nova"]),
      card("asks", "keystone 认证通过后给用户什么？\ntoken", ["认证"]),
    ];
    expect(ids(cardsBehindPoint(auth, cards, { topic: ["总览"], others: [auth, glance] }))).toEqual(["asks", "mentions", "overview"]);
  });

  it(`at most ${MISSED_PER_POINT} cards a point (or the limit given)`, () => {
    const many = Array.from({ length: 9 }, (_, i) => card(`c${i}`, `interface 文件 ${i}\ntap`));
    expect(cardsBehindPoint(point, many, { topic: ["DHCP"] })).toHaveLength(MISSED_PER_POINT);
    expect(ids(cardsBehindPoint(point, many, { topic: ["DHCP"], limit: 2 }))).toEqual(["c0", "c1"]);
  });

  it("a point without keywords: the keywords the rubric gives it from its meaning", () => {
    expect(pointGroups({ text: "dnsmasq 读 host 文件", keywords: [] }).map((g) => g[0])).toEqual(expect.arrayContaining(["dnsmasq", "host"]));
    expect(pointGroups({ text: "路由器做地址转换", keywords: [] }).length).toBeGreaterThanOrEqual(2);
    const cards = [card("host", "哪个文件记录 MAC 与 IP？\nhost 文件"), card("neither", "端口 67")];
    expect(ids(cardsBehindPoint({ text: "dnsmasq 读 host 文件", keywords: [] }, cards, { topic: ["DHCP"] }))).toEqual(["host"]);
  });
});
