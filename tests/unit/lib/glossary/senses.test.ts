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
