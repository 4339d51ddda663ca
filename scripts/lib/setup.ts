/** Set-up steps shared by `npm start`, the e2e tests and the benchmarks. */
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");
const BIN = path.join(ROOT, "node_modules", ".bin");

export function run(cmd: string, args: string[], env: Record<string, string> = {}, quiet = false): void {
  const r = spawnSync(path.join(BIN, cmd), args, {
    cwd: ROOT,
    stdio: quiet ? "pipe" : "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
  });
  if (r.status !== 0) {
    if (quiet) process.stderr.write(String(r.stdout ?? "") + String(r.stderr ?? ""));
    throw new Error(`${cmd} ${args.join(" ")} failed with exit code ${r.status}`);
  }
}

/** Applies the Prisma migrations to the SQLite file (created when missing). */
export function migrate(databaseFile: string, quiet = true): void {
  run("prisma", ["migrate", "deploy"], { DATABASE_URL: `file:${databaseFile}` }, quiet);
}

const BUILD_INPUTS = ["app", "lib", "server", "i18n", "messages", "proxy.ts", "instrumentation.ts", "next.config.js", "package-lock.json", "tsconfig.json", "prisma/schema.prisma"];

function hashTree(h: crypto.Hash, p: string) {
  const full = path.join(ROOT, p);
  if (!fs.existsSync(full)) return;
  const stat = fs.statSync(full);
  if (stat.isDirectory()) {
    for (const e of fs.readdirSync(full).sort()) if (e !== "generated") hashTree(h, path.join(p, e));
  } else {
    h.update(p).update("\0").update(fs.readFileSync(full));
  }
}

/** A hash of everything the production build depends on. */
export function sourceHash(): string {
  const h = crypto.createHash("sha256");
  for (const p of BUILD_INPUTS) hashTree(h, p);
  return h.digest("hex");
}

const STAMP = path.join(ROOT, ".next", "mianshi-source-hash");

/** Runs `next build` unless the last build was made from the same sources. */
export function ensureBuilt(): boolean {
  const hash = sourceHash();
  const built = fs.existsSync(path.join(ROOT, ".next", "BUILD_ID")) && fs.existsSync(STAMP) && fs.readFileSync(STAMP, "utf8") === hash;
  if (built) return false;
  run("next", ["build"]);
  fs.writeFileSync(STAMP, hash);
  return true;
}
