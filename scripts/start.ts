/**
 * `npm start`: migrate the SQLite database, import content/ when it changed, build when the
 * sources changed, then serve (and copy the database once a day). `--dev` serves with
 * `next dev` instead of building.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { databaseFile } from "../server/database-url";
import { exposureProblem } from "../server/auth";
import { ensureBuilt, migrate, ROOT } from "./lib/setup";
import { printImportReport } from "./lib/report";

async function main() {
  const dev = process.argv.includes("--dev");
  const port = process.env.PORT ?? "3000";
  const host = process.env.HOST ?? "127.0.0.1";
  const problem = exposureProblem(host);
  if (problem) throw new Error(problem);
  const file = databaseFile();
  process.env.DATABASE_URL = `file:${file}`;
  console.log(`database: ${path.relative(ROOT, file) || file}`);
  migrate(file);

  const { importContent } = await import("../server/use-cases/import-content");
  const { closeDb } = await import("../server/db");
  const result = await importContent();
  printImportReport(result);
  await closeDb();

  if (!dev && ensureBuilt()) console.log("built the app");
  if (process.env.MIANSHI_PASSPHRASE || process.env.MIANSHI_PASSPHRASE_HASH) console.log("a passphrase is set: every page and API asks for a login");
  const child = spawn(path.join(ROOT, "node_modules", ".bin", "next"), [dev ? "dev" : "start", "-p", port, "-H", host], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  // a copy of the database once a day (the last MIANSHI_BACKUP_KEEP kept), made by this process
  const { openDb } = await import("../server/db");
  const { startDailyBackups } = await import("../server/use-cases/backup");
  const stopBackups = startDailyBackups({
    db: openDb(file, { backgroundCheckpoints: false }),
    dir: path.resolve(ROOT, process.env.MIANSHI_BACKUP_DIR ?? "data/backups"),
    keep: Number(process.env.MIANSHI_BACKUP_KEEP ?? 7),
  });
  const stop = (signal: NodeJS.Signals) => {
    stopBackups();
    child.kill(signal);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  child.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
