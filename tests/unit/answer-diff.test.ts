/**
 * Issue 12.4: the typed-answer diff on two lines, your answer above the expected one, each in
 * its own characters, the differences marked on their own line.
 */
import { describe, expect, it } from "vitest";
import { closestAnswer, twoLineDiff, type DiffSegment } from "../../lib/answer/diff";

/** [-wrong-] on your line, {+missing+} on the answer's line. */
const show = (line: DiffSegment[]) => line.map((s) => (s.kind === "same" ? s.text : s.kind === "wrong" ? `[-${s.text}-]` : `{+${s.text}+}`)).join("");

describe("twoLineDiff", () => {
  it("each line is its own text: yours reads as typed, the answer as written", () => {
    const d = twoLineDiff("hostname to ip adress", "Host names into IP addresses");
    expect(d.typed.map((s) => s.text).join("")).toBe("hostname to ip adress");
    expect(d.expected.map((s) => s.text).join("")).toBe("Host names into IP addresses");
    expect(d.typed.every((s) => s.kind !== "missing")).toBe(true);
    expect(d.expected.every((s) => s.kind !== "wrong")).toBe(true);
    expect(show(d.expected)).toBe("Host{+ +}name{+s+} {+in+}to IP ad{+d+}ress{+es+}");
  });

  it("a letter left out is marked on the answer's line only", () => {
    const d = twoLineDiff("dynamic host configuration protocl", "Dynamic Host Configuration Protocol");
    expect(show(d.typed)).toBe("dynamic host configuration protocl");
    expect(show(d.expected)).toBe("Dynamic Host Configuration Protoc{+o+}l");
  });

  it("a wrong word is one mark on each line, not confetti of shared letters", () => {
    const d = twoLineDiff("nova-api", "nova-conductor");
    expect(show(d.typed)).toBe("nova-[-api-]");
    expect(show(d.expected)).toBe("nova-{+conductor+}");
  });

  it("case, full-width forms and separators are no difference", () => {
    for (const [typed, expected] of [
      ["nova compute", "nova-compute"],
      ["ＮＯＶＡ　ＡＰＩ", "nova-api"],
      ["dynamic-host configuration protocol", "Dynamic Host Configuration Protocol"],
    ]) {
      const d = twoLineDiff(typed!, expected!);
      expect(d.identical, `${typed} vs ${expected}`).toBe(true);
      expect(d.typed.every((s) => s.kind === "same")).toBe(true);
    }
  });

  it("Chinese and mixed answers", () => {
    const d = twoLineDiff("接口文件", "interface 文件");
    expect(show(d.typed)).toBe("[-接口-]文件");
    expect(show(d.expected)).toBe("{+interface +}文件");
  });

  it("the closest accepted answer is the one compared", () => {
    expect(closestAnswer("qdhcp namspace", ["DHCP namespace", "qdhcp namespace"])).toBe("qdhcp namespace");
    expect(closestAnswer("", ["a", "b"])).toBe("a");
  });
});
