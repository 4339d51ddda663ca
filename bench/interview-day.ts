/**
 * `npm run bench -- interview-day`: is an interview plan worth it? A simulated learner whose
 * memory follows the FSRS parameters fitted to Josh's review log (tests/fixtures/history, the
 * same fit as bench/fsrs-eval.ts) and who rates with the odds of that log studies 300 new
 * cards for 20 days under a fixed daily budget, the interview on the morning after. Compared:
 * plain FSRS at 90% desired retention (plain-low), plain FSRS at 95% (plain-high), and the
 * plan with target 90% on top of 90% desired retention. Seeded: every run prints the same.
 * The aim (issue 16): the plan recalls more on the day than plain-low and spends fewer
 * reviews than plain-high. Ends with one summary line that scripts can read.
 */
import fs from "node:fs";
import { parseHistoryCsv } from "../lib/history/csv";
import { buildFsrsItems, cardHistories, studyDays } from "../lib/fsrs-metrics";
import { comparePlans, type InterviewDaySetup } from "../lib/planning/compare";
import type { RatingOdds } from "../lib/planning/simulate";
import { fit } from "../server/use-cases/parameters/fit-parameters";
import { JOSH_CSV, JOSH_TIME_ZONE } from "./fsrs-eval";

/** The learner's odds from the log: first ratings, and Hard/Good/Easy among later recalls. */
function ratingOdds(rows: ReturnType<typeof parseHistoryCsv>["rows"], days: ReturnType<typeof studyDays>): RatingOdds {
  const first = [0, 0, 0, 0];
  const recalled = [0, 0, 0];
  for (const history of cardHistories(rows, days)) {
    history.forEach((r, i) => {
      if (i === 0) first[r.rating - 1]!++;
      else if (r.deltaT > 0 && r.rating > 1) recalled[r.rating - 2]!++;
    });
  }
  const norm = <T extends number[]>(xs: T) => xs.map((x) => x / xs.reduce((a, b) => a + b, 0));
  return { first: norm(first) as unknown as RatingOdds["first"], recalled: norm(recalled) as unknown as RatingOdds["recalled"] };
}

export async function benchInterviewDay(): Promise<void> {
  const { rows } = parseHistoryCsv(fs.readFileSync(JOSH_CSV, "utf8"));
  const days = studyDays(JOSH_TIME_ZONE, 4);
  const parameters = await fit(buildFsrsItems(rows, days));
  const odds = ratingOdds(rows, days);
  const setup: InterviewDaySetup = {
    parameters,
    odds,
    newCards: 300,
    days: 20,
    newPerDay: 20,
    reviewBudget: Number(process.env.BENCH_INTERVIEW_BUDGET ?? 120),
    target: 0.9,
    seeds: Number(process.env.BENCH_INTERVIEW_SEEDS ?? 20),
    seed: "interview-day",
  };
  console.log(`interview day: 300 new cards, ${setup.days} study days, the interview the morning after; budget ${setup.reviewBudget} due reviews and new cards a day (learning steps are never cut), ${setup.newPerDay} new a day at most; ${setup.seeds} seeded learners`);
  console.log(`  learner: FSRS parameters fitted to ${rows.length.toLocaleString("en")} reviews of Josh's log [${parameters.map((w) => w.toFixed(3)).join(", ")}]`);
  console.log(`  ratings: first Again/Hard/Good/Easy ${odds.first.map((p) => p.toFixed(2)).join("/")}, recalled Hard/Good/Easy ${odds.recalled.map((p) => p.toFixed(2)).join("/")}`);
  const result = comparePlans(setup);
  console.log(`\n                         recall on the day   reviews   reviews/day (mean, max)   new cards in`);
  for (const row of result.rows) {
    console.log(
      `  ${row.label.padEnd(24)} ${row.recall.toFixed(3).padStart(8)}        ${String(Math.round(row.reviews)).padStart(7)}      ${(row.reviews / setup.days).toFixed(1).padStart(6)}, ${String(row.maxPerDay).padStart(4)}              ${row.newIntroduced.toFixed(0)}`,
    );
  }
  const { plan, plainLow, plainHigh } = result;
  console.log(
    `\ninterview-day: plan recall ${plan.recall.toFixed(2)} reviews ${Math.round(plan.reviews)}; plain-low recall ${plainLow.recall.toFixed(2)} reviews ${Math.round(plainLow.reviews)}; plain-high recall ${plainHigh.recall.toFixed(2)} reviews ${Math.round(plainHigh.reviews)}`,
  );
}
