/**
 * Anki packages on the command line.
 *   npm run anki -- import <file.apkg|file.colpkg>   import its cards, media, schedule and review history
 * Honours DATABASE_URL like the other tools. Exit codes: 0 done, 1 the package was refused (nothing
 * was written), 2 usage.
 */
import { performance } from "node:perf_hooks";
import { openLocalDatabase, runCli } from "./lib/cli";

const USAGE = "usage:\n  npm run anki -- import <file.apkg|file.colpkg>";

async function importCommand(file: string): Promise<number> {
  const { db, closeDb } = await openLocalDatabase();
  const { importAnkiPackage } = await import("../server/use-cases/anki/import-anki-package");
  const { AppError } = await import("../server/errors");
  try {
    const start = performance.now();
    const r = await importAnkiPackage({ db, file });
    const s = ((performance.now() - start) / 1000).toFixed(2);
    console.log(
      `${file}: ${r.format}; ${r.cardsAdded} card(s) added, ${r.cardsUpdated} updated, ${r.cardsUnchanged} unchanged, ${r.cardsSkipped} skipped; ` +
        `${r.reviewsAdded} review(s) added, ${r.reviewsAlreadyPresent} already there; ${r.mediaWritten} media file(s) written; decks: ${r.decks.join(", ") || "none"}; ${s} s`,
    );
    return 0;
  } catch (e) {
    if (e instanceof AppError) {
      console.error(`${file}: not imported: ${e.message}`);
      return 1;
    }
    throw e;
  } finally {
    await closeDb();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (command === "import" && args.length === 1) return importCommand(args[0]!);
  console.error(USAGE);
  return 2;
}

runCli(main);
