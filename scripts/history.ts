/**
 * Review history command line.
 *   npm run history -- import <file.csv>     import an Anki-style review history (card_id,review_rating,review_time,review_duration)
 *   npm run history -- optimize [--apply]    fit personal FSRS parameters; --apply stores them
 * Exit codes: 0 done, 1 the file has errors (nothing imported) or too little history, 2 usage.
 */
import { performance } from "node:perf_hooks";
import { formatHistoryIssue } from "../lib/history/csv";
import { openLocalDatabase, runCli } from "./lib/cli";

const USAGE = `usage:
  npm run history -- import <file.csv>
  npm run history -- optimize [--apply]`;

async function importCommand(file: string): Promise<number> {
  const { db, closeDb } = await openLocalDatabase();
  try {
    const { importHistory } = await import("../server/use-cases/import-history");
    const start = performance.now();
    const result = await importHistory({ db, file });
    const ms = performance.now() - start;
    if (!result.ok) {
      for (const e of result.errors) console.log(formatHistoryIssue(e, file));
      console.error(`${file}: not imported (${result.errors.length} error(s)); nothing was written`);
      return 1;
    }
    for (const s of result.skipped) console.log(formatHistoryIssue(s, file) + " (skipped)");
    console.log(
      `${file}: ${result.rows} review(s) read, ${result.reviewsAdded} added, ${result.reviewsAlreadyPresent} already there; ` +
        `${result.cardsCreated} placeholder card(s) created, ${result.cardsRecomputed} card(s) rescheduled; ${(ms / 1000).toFixed(2)} s`,
    );
    return 0;
  } finally {
    await closeDb();
  }
}

const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(4) : "n/a");

async function optimizeCommand(apply: boolean): Promise<number> {
  const { db, closeDb } = await openLocalDatabase();
  try {
    const { optimizeParameters } = await import("../server/use-cases/parameters/optimize-parameters");
    const { applyParameters } = await import("../server/use-cases/parameters/apply-parameters");
    const { ValidationError } = await import("../server/errors");
    let last = "";
    let result;
    try {
      result = await optimizeParameters({
        db,
        onProgress: (p) => {
          const line = `${p.stage} ${Math.round(p.fraction * 100)}%`;
          if (line !== last && process.stderr.isTTY) process.stderr.write(`\r${line.padEnd(20)}`);
          last = line;
        },
      });
    } catch (e) {
      if (e instanceof ValidationError) {
        console.error(e.message);
        return 1;
      }
      throw e;
    }
    if (process.stderr.isTTY) process.stderr.write("\r".padEnd(21) + "\r");
    const { metrics } = result;
    console.log(`${result.reviewCount} reviews; fitted on the oldest ${result.trainCount} (${result.itemCount} items) in ${(result.fitMs / 1000).toFixed(2)} s`);
    console.log(`tested on the ${metrics.current.count} reviews on a later day than their card's previous one, from ${result.testFrom}:`);
    console.log(`               log loss   RMSE(bins)`);
    console.log(`  current      ${fmt(metrics.current.logLoss)}     ${fmt(metrics.current.rmseBins)}`);
    console.log(`  proposed     ${fmt(metrics.proposed.logLoss)}     ${fmt(metrics.proposed.rmseBins)}`);
    console.log(`proposed parameters: ${JSON.stringify(result.proposed.map((w) => Number(w.toFixed(4))))}`);
    if (apply) {
      await applyParameters({ db, parameters: result.proposed });
      console.log("applied: stored as the fsrsParameters setting");
    } else {
      console.log("not applied (run with --apply to store them)");
    }
    return 0;
  } finally {
    await closeDb();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const args = rest.filter((a) => !a.startsWith("--"));
  if (command === "import" && args.length === 1) return importCommand(args[0]!);
  if (command === "optimize" && args.length === 0) return optimizeCommand(rest.includes("--apply"));
  console.error(USAGE);
  return 2;
}

runCli(main);
