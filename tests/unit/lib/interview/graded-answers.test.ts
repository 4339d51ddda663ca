/**
 * Grading spoken-style answers: for every interview question of the notes fixtures, five
 * answers written by a person (tests/fixtures/graded-answers): a good Chinese paraphrase, a
 * good English one, a partial one, a bare list of keywords and an off-topic one. A human
 * orders them good > partial > keyword list and off-topic; the rubric must agree.
 */
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { parseDeck } from "@/lib/content/parse";
import { ANSWER_KINDS, referenceAnswersFile, scoreReferenceAnswers } from "@/lib/interview/reference-answers";

const FIXTURES = path.resolve(__dirname, "../../../fixtures");
const KINDS = ANSWER_KINDS;
type Kind = (typeof KINDS)[number];

function notesPath(name: string): string {
  for (const dir of ["notes", "seeds"]) {
    const p = path.join(FIXTURES, dir, name);
    if (fs.existsSync(p)) return p;
  }
  throw new Error(`no notes fixture ${name}`);
}

const all: Array<ReturnType<typeof scores>[number]> = [];
const files = fs.readdirSync(path.join(FIXTURES, "graded-answers")).filter((f) => f.endsWith(".answers.json"));

function scores(file: string) {
  const answers = referenceAnswersFile.parse(JSON.parse(fs.readFileSync(path.join(FIXTURES, "graded-answers", file), "utf8")));
  if (Array.isArray(answers)) throw new Error(`${file}: names no notes file`);
  const notes = notesPath(answers.notes);
  const deck = parseDeck(new Uint8Array(fs.readFileSync(notes)), { file: notes, deckId: "graded/x" }).deck!;
  return scoreReferenceAnswers(deck, answers.questions).map((r) => {
    if (!r.card) throw new Error(`${answers.notes}: no interview question for the section "${r.section}"`);
    return { section: r.section, ...r.scores, good: r.good };
  });
}

describe("graded answers: good > partial > keyword list and off-topic", () => {
  it.each(files)("%s", (file) => {
    const rows = scores(file);
    const table = rows.map((r) => `${r.section.slice(0, 28).padEnd(28)} ${KINDS.map((k) => `${k} ${r[k].toFixed(2)}`).join("  ")}`).join("\n");
    console.log(`${file}\n${table}`);
    for (const r of rows) {
      // per question: a good explanation beats every weaker answer
      expect(r.good, `${r.section}: good vs partial`).toBeGreaterThan(r.partial);
      expect(r.good, `${r.section}: good vs keyword list`).toBeGreaterThan(r.keyword_dump);
      expect(r.good, `${r.section}: good vs off-topic`).toBeGreaterThan(r.off_topic);
      // a bare list of terms is never taken for an explanation
      expect(r.keyword_dump, `${r.section}: keyword list`).toBeLessThan(0.3);
    }
    all.push(...rows);
    // the first file loads jieba's dictionary (about a second on these machines)
  }, 30_000);

  it("over every question: partial answers score above keyword lists and off-topic ones", () => {
    expect(all.length).toBeGreaterThanOrEqual(files.length * 3);
    const mean = (k: Kind | "good") => all.reduce((n, r) => n + r[k], 0) / all.length;
    console.log(`mean over ${all.length} questions: ${(["good", ...KINDS] as const).map((k) => `${k} ${mean(k).toFixed(2)}`).join("  ")}`);
    expect(mean("good")).toBeGreaterThan(mean("partial"));
    expect(mean("partial")).toBeGreaterThan(mean("keyword_dump"));
    expect(mean("partial")).toBeGreaterThan(mean("off_topic"));
  });
});
