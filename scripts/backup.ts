/**
 * Backup command line.
 *   npm run backup -- export <file.json>          everything as one versioned JSON file
 *   npm run backup -- restore <file.json>         into an empty database (DATABASE_URL or ./data/mianshi.db)
 *   npm run backup -- deck-csv <deckId> <file.csv> a deck's cards with their schedule
 *   npm run backup -- snapshot [dir]              a dated copy of the SQLite file (MIANSHI_BACKUP_DIR, ./data/backups)
 */
import { prepareLocalDatabase, runCli } from "./lib/cli";

const USAGE = `usage:
  npm run backup -- export <file.json>
  npm run backup -- restore <file.json>
  npm run backup -- deck-csv <deckId> <file.csv>
  npm run backup -- snapshot [dir]`;

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  const arity: Record<string, [number, number]> = { export: [1, 1], restore: [1, 1], "deck-csv": [2, 2], snapshot: [0, 1] };
  const range = command ? arity[command] : undefined;
  if (!range || args.length < range[0] || args.length > range[1]) {
    console.error(USAGE);
    return 2;
  }
  const file = prepareLocalDatabase();
  const { openDb } = await import("../server/db");
  const backup = await import("../server/use-cases/backup");
  const db = openDb(file, { backgroundCheckpoints: false });
  try {
    const started = performance.now();
    const took = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
    if (command === "export") {
      const r = await backup.exportAll({ db, out: args[0]!, now: new Date() });
      console.log(`exported ${file} to ${args[0]} in ${took()}: ${summary(r.rows)}`);
    } else if (command === "restore") {
      const r = await backup.restoreAll({ db, file: args[0]! });
      console.log(`restored ${args[0]} (exported ${r.exportedAt}) into ${file} in ${took()}: ${summary(r.rows)}`);
    } else if (command === "deck-csv") {
      const n = await backup.exportDeckCsv({ db, deckId: args[0]!, out: args[1]! });
      console.log(`wrote ${n} card(s) of ${args[0]} to ${args[1]}`);
    } else {
      // the same checks of MIANSHI_BACKUP_DIR and MIANSHI_BACKUP_KEEP as npm start (a folder given here wins)
      const settings = backup.backupSettingsFrom(args[0] === undefined ? process.env : { ...process.env, MIANSHI_BACKUP_DIR: args[0] }, process.cwd());
      const r = await backup.backupDatabase({ db, dir: settings.dir, keep: settings.keep, now: new Date() });
      console.log(r.created ? `copied ${file} to ${r.file} in ${took()}` : `${r.file} exists: today's copy was already made`);
      if (r.deleted.length > 0) console.log(`deleted ${r.deleted.join(", ")}`);
    }
    return 0;
  } finally {
    await db.close();
  }
}

const summary = (rows: Record<string, number>) => Object.entries(rows).map(([t, n]) => `${n} ${t}`).join(", ");

runCli(main, 1);
