/**
 * Regressions of the glossary found reading rubrics made from held-out notes (round 4): a word
 * brought the words of another field's sense. In TLS notes MAC is a message authentication
 * code, not a mac address; False Start does not launch anything, a key schedule is not 调度;
 * a trust store is not 持久化; Redis's AOF rewrite is not a translation.
 */
import { describe, expect, it } from "vitest";
import { baseGlossary, notesContext } from "@/lib/glossary";

const tls = notesContext(["The client checks the Finished MAC over the transcript; False Start sends data early; HKDF drives the key schedule; the trust store holds the roots."]);
const lan = notesContext(["交换机按 MAC 地址转发，ARP 把 IP 解析成物理地址。"]);
const k8s = notesContext(["kube-scheduler 负责调度：schedule 一个 Pod 到节点，kubelet 再启动容器（start）。"]);

describe("a word's sense follows the notes it is used in", () => {
  it("MAC is a mac address only in notes about networks", () => {
    expect(baseGlossary.synonyms("MAC", tls)).toEqual(["MAC"]);
    expect(baseGlossary.synonyms("MAC", lan)).toContain("物理地址");
  });

  it("start and schedule bring 启动 and 调度 only where the notes speak of them", () => {
    expect(baseGlossary.synonyms("start", tls)).toEqual(["start"]);
    expect(baseGlossary.synonyms("schedule", tls)).toEqual(["schedule"]);
    expect(baseGlossary.synonyms("start", k8s)).toContain("启动");
    expect(baseGlossary.synonyms("schedule", k8s)).toContain("调度");
  });

  it("store is not persistence, and rewrite is neither translate nor modify", () => {
    expect(baseGlossary.synonyms("store")).not.toContain("持久化");
    expect(baseGlossary.synonyms("rewrite")).toEqual(["rewrite", "重写", "改写"]);
    expect(baseGlossary.synonyms("翻译")).not.toContain("rewrite");
  });

  it("without notes to look at (a typed answer), an ambiguous entry applies as it is", () => {
    expect(baseGlossary.synonyms("MAC")).toContain("mac address");
    expect(baseGlossary.synonyms("start")).toContain("启动");
  });
});

describe("round 6: words of another sense in the rubrics of Prometheus, Cinder and HTTP/2 notes", () => {
  const prom = notesContext(["把贵的查询提前算好存成新序列，dashboard 和告警直接查结果；Alertmanager 解析返回的样本。"]);
  const openstack = notesContext(["用户在 horizon 的 dashboard 上点创建虚拟机，请求发到 nova-api。"]);

  it("regression: send accepted publish and post, fail accepted 挂了 and crash, pull download, push upload", () => {
    expect(baseGlossary.synonyms("send")).not.toEqual(expect.arrayContaining(["publish"]));
    expect(baseGlossary.synonyms("send")).not.toContain("post");
    expect(baseGlossary.synonyms("fail")).not.toContain("crash");
    expect(baseGlossary.synonyms("失败")).not.toContain("挂了");
    expect(baseGlossary.synonyms("pull")).not.toContain("download");
    expect(baseGlossary.synonyms("push")).not.toContain("upload");
    // each still has its own words
    expect(baseGlossary.synonyms("crash")).toContain("挂了");
    expect(baseGlossary.synonyms("pull")).toContain("拉取");
    expect(baseGlossary.synonyms("send")).toContain("发送");
  });

  it("regression: route was forward, create was spawn and 拉起, add was append, check and query were look up, execute was 处理", () => {
    expect(baseGlossary.synonyms("route")).not.toContain("转发");
    expect(baseGlossary.synonyms("create")).not.toContain("spawn");
    expect(baseGlossary.synonyms("新建")).not.toContain("拉起");
    expect(baseGlossary.synonyms("add")).not.toContain("append");
    expect(baseGlossary.synonyms("check")).not.toContain("look up");
    expect(baseGlossary.synonyms("查询")).not.toContain("look up");
    expect(baseGlossary.synonyms("查询")).toContain("query");
    expect(baseGlossary.synonyms("execute")).not.toContain("处理");
  });

  it("regression: dashboard brought horizon (OpenStack's dashboard) into Prometheus notes; it still does in OpenStack notes", () => {
    expect(baseGlossary.synonyms("dashboard", prom)).not.toContain("horizon");
    expect(baseGlossary.synonyms("dashboard", prom)).toContain("控制台");
    expect(baseGlossary.synonyms("dashboard", openstack)).toContain("horizon");
  });

  it("regression: 解析 of returned samples (parsing) was resolve, and a tenant is a project only where the notes say so", () => {
    expect(baseGlossary.synonyms("解析", prom)).not.toContain("resolve");
    // (the other way round it cannot tell: notes that say 解析 for parsing do say 解析)
    expect(baseGlossary.synonyms("tenant", prom)).not.toContain("项目");
  });
});

describe("round 7: OAuth notes", () => {
  it("regression: authorization and authentication were one keyword group (both entries held 鉴权), so an answer confusing them covered 'OAuth = authorization, OIDC = authentication'", async () => {
    const { rubricKeywords } = await import("@/lib/interview/keywords");
    const [k] = rubricKeywords(["OAuth = authorization (access tokens for APIs). OIDC = authentication on top (ID token, userinfo, openid scope)"], { glossary: baseGlossary, english: true });
    expect(k!.keywords.some((g) => g.includes("authorization") && g.includes("authentication"))).toBe(false);
    expect(baseGlossary.synonyms("authorization")).not.toContain("authentication");
  });
});
