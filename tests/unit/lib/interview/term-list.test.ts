/**
 * Regression (content-quality issue, round-4 held-out rubrics): an exhaustive list of the right
 * terms ("sentinel, PING, down-after-milliseconds, SDOWN, 主观下线, …") scored as high as a good
 * explanation on 4 of 30 questions. isTermList tells such lists from answers; over every graded
 * answer in the fixtures it finds every keyword list and no real answer. The rule was fitted on
 * these answers, so the last cases are written here, not taken from them.
 */
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { isTermList, openAnswerScore, TERM_LIST_MAX } from "@/lib/interview/rubric";

const FIXTURES = path.resolve(__dirname, "../../../fixtures");
const DIRS = ["graded-answers", "notes-heldout", "notes-heldout/round3", "notes-heldout/round4", "notes-heldout/round9", "notes-heldout/round10"];

type Answers = Record<string, string>;
function graded(): Array<{ file: string; section: string; kind: string; text: string }> {
  const out: Array<{ file: string; section: string; kind: string; text: string }> = [];
  for (const dir of DIRS) {
    for (const file of fs.readdirSync(path.join(FIXTURES, dir)).filter((f) => f.endsWith(".answers.json"))) {
      const raw = JSON.parse(fs.readFileSync(path.join(FIXTURES, dir, file), "utf8")) as { questions: Array<{ section: string; answers: Answers }> } | Array<{ section: string; answers: Answers }>;
      for (const q of Array.isArray(raw) ? raw : raw.questions) for (const [kind, text] of Object.entries(q.answers)) out.push({ file, section: q.section, kind, text });
    }
  }
  return out;
}

describe("isTermList", () => {
  const all = graded();

  it("finds every keyword list of the graded answers, and no real answer", () => {
    expect(all.length).toBeGreaterThan(500);
    const wrong = all.filter((a) => isTermList(a.text) !== (a.kind === "keyword_dump")).map((a) => `${a.kind} ${a.file} ${a.section}`);
    expect(wrong).toEqual([]);
  });

  it.each([
    ["1. keystone 认证\n2. nova-api 收请求\n3. scheduler 选节点\n4. conductor 查库\n5. compute 起虚拟机\n6. neutron 分端口", false],
    ["keystone → nova-api → scheduler → conductor → compute → neutron", false],
    ["用户先认证拿到 token，nova-api 校验它，然后 scheduler 选一个计算节点，conductor 替 compute 读写数据库。", false],
    ["Short answer: keystone, then nova-api.", false],
    ["keystone nova-api scheduler conductor compute glance neutron cinder", true],
    ["keystone、token、nova-api、scheduler、conductor、glance、neutron", true],
  ])("%j is a term list: %s", (text, list) => {
    expect(isTermList(text)).toBe(list);
  });

  it("caps the score of a term list, however it is ticked", () => {
    const ticks = [true, true, true, true];
    expect(openAnswerScore("keystone, token, nova-api, scheduler, conductor, glance, neutron", ticks)).toBe(TERM_LIST_MAX);
    expect(openAnswerScore("keystone 认证后 nova-api 校验 token，再交给 scheduler。", ticks)).toBe(1);
  });
});
