/**
 * `npm run content -- grade`: how the project's grader scores people's reference answers. Takes
 * notes files or folders (each `x.md` with an `x.answers.json` beside it, as in the held-out
 * rounds) or answers files that name their notes (tests/fixtures/graded-answers).
 */
import fs from "node:fs";
import path from "node:path";
import { parseDeck } from "../../lib/content/parse";
import { ANSWER_KINDS, meanScores, referenceAnswersFile, scoreReferenceAnswers, type ReferenceQuestion, type ReferenceScore } from "../../lib/interview/reference-answers";
import { pointGroups } from "../../lib/interview/rubric";
import { findDeckFiles } from "../../server/content-files";

interface Pair {
  notes: string;
  deckId: string;
  questions: ReferenceQuestion[];
}

function readAnswers(file: string): { notes?: string; questions: ReferenceQuestion[] } {
  const parsed = referenceAnswersFile.safeParse(JSON.parse(fs.readFileSync(file, "utf8")));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  return Array.isArray(parsed.data) ? { questions: parsed.data } : parsed.data;
}

/** The notes an answers file names: beside it, or in ../notes or ../seeds (the fixtures' layout). */
function namedNotes(answersFile: string, name: string): string {
  const dir = path.dirname(answersFile);
  for (const d of [dir, path.join(dir, "../notes"), path.join(dir, "../seeds")]) {
    if (fs.existsSync(path.join(d, name))) return path.join(d, name);
  }
  throw new Error(`${answersFile}: its notes ${name} are not beside it nor in ../notes or ../seeds`);
}

function pairs(paths: string[]): Pair[] {
  const out: Pair[] = [];
  for (const p of paths) {
    if (p.endsWith(".answers.json")) {
      const a = readAnswers(p);
      const notes = a.notes ? namedNotes(p, a.notes) : p.replace(/\.answers\.json$/u, ".md");
      out.push({ notes, deckId: path.basename(notes, ".md"), questions: a.questions });
      continue;
    }
    if (fs.statSync(p).isDirectory()) {
      for (const f of fs.readdirSync(p).filter((n) => n.endsWith(".answers.json")).sort()) out.push(...pairs([path.join(p, f)]));
      continue;
    }
    for (const f of findDeckFiles([p])) {
      const answers = f.absolute.replace(/\.md$/u, ".answers.json");
      if (!fs.existsSync(answers)) throw new Error(`${f.display}: no ${path.basename(answers)} beside it`);
      out.push({ notes: f.absolute, deckId: f.deckId, questions: readAnswers(answers).questions });
    }
  }
  return out;
}

const fmt = (r: Record<string, number>) => [...ANSWER_KINDS].map((k) => `${k} ${r[k]!.toFixed(2)}`).join("  ");

export function gradeReferenceAnswers(paths: string[], options: { points: boolean }): number {
  const all: ReferenceScore[] = [];
  let unmatched = 0;
  for (const pair of pairs(paths)) {
    const r = parseDeck(new Uint8Array(fs.readFileSync(pair.notes)), { file: pair.notes, deckId: pair.deckId });
    if (!r.deck) {
      console.error(`${pair.notes}: does not parse (${r.errors.length} error(s))`);
      return 1;
    }
    const rows = scoreReferenceAnswers(r.deck, pair.questions);
    console.log(`\n${path.relative(process.cwd(), pair.notes)}`);
    for (const row of rows) {
      if (!row.card) {
        unmatched++;
        console.log(`  ${row.section}: NO interview question for this section`);
        continue;
      }
      const wins = row.good > row.scores.partial && row.good > row.scores.keyword_dump && row.good > row.scores.off_topic;
      console.log(`  ${wins ? " " : "!"} ${row.section.slice(0, 30).padEnd(30)} ${fmt(row.scores)}  (${row.card.points.length} points)`);
      if (options.points) {
        row.card.points.forEach((p, i) => {
          const by = ANSWER_KINDS.filter((k) => row.matches[k][i]?.covered).join(" ");
          const g = pointGroups(p);
          const groups = g.groups.map((x, k) => `${k === g.anchor ? "*" : ""}${x.slice(0, 3).join("|")}`).join(" ");
          console.log(`      P${i + 1} ${p.text.slice(0, 40).padEnd(40)} ${by}\n          need ${g.need}: ${groups}`);
        });
      }
    }
    const m = meanScores(rows);
    console.log(`  mean (${m.questions}): good ${m.good.toFixed(2)}  ${fmt(m)}`);
    all.push(...rows);
  }
  const m = meanScores(all);
  console.log(`\nall ${m.questions} questions: good ${m.good.toFixed(2)}  ${fmt(m)}; a good answer beats every weaker one on ${m.goodBeatsAll} of ${m.questions}`);
  if (unmatched > 0) console.log(`${unmatched} section(s) had no interview question`);
  return 0;
}
