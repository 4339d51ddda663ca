/**
 * `npm run audit`: runs `npm audit --json` and fails on any high or critical advisory that
 * audit-allowlist.json does not explain (each entry says why it is acceptable). Allowlist
 * entries that no longer match are reported, to be removed.
 *
 * When the audit service cannot be asked (some registries and mirrors refuse its POST), it
 * fails too, unless `--if-reachable` is given: then it says so loudly and passes. CI uses
 * --if-reachable because its registry proxy refuses the audit endpoint (405).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "./lib/setup";
import { checkAudit, type AllowEntry, type AuditReport } from "./lib/audit";

const ifReachable = process.argv.includes("--if-reachable");
const allowlistFile = path.join(ROOT, "audit-allowlist.json");
const allowlist = JSON.parse(fs.readFileSync(allowlistFile, "utf8")) as AllowEntry[];

const r = spawnSync("npm", ["audit", "--json"], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, timeout: 120_000 });
let report: AuditReport;
try {
  report = JSON.parse(r.stdout) as AuditReport;
} catch {
  report = { message: `npm audit printed no JSON (exit ${r.status}): ${(r.stderr || r.stdout || String(r.error ?? "")).trim().slice(0, 300)}` };
}
const outcome = checkAudit(report, allowlist);

if (outcome.kind === "unavailable") {
  console.error(`npm audit: the advisory service could not be asked: ${outcome.reason}`);
  if (ifReachable) {
    console.error("npm audit: NOT CHECKED (--if-reachable): run `npm run audit` where the registry answers audits");
    process.exit(0);
  }
  process.exit(2);
}

const counts = Object.entries(outcome.counts)
  .filter(([k]) => k !== "total")
  .map(([k, n]) => `${n} ${k}`)
  .join(", ");
console.log(`npm audit: ${outcome.advisories.length} advisories (${counts || "none"})`);
for (const { advisory: a, reason } of outcome.explained) console.log(`  allowed ${a.severity} ${a.id} in ${a.package} (${a.title}): ${reason}`);
for (const e of outcome.stale) console.log(`  allowlist entry ${e.advisory} (${e.package}) matches nothing any more: remove it from audit-allowlist.json`);
if (outcome.unexplained.length > 0) {
  console.error(`npm audit: ${outcome.unexplained.length} high or critical advisories not explained in audit-allowlist.json:`);
  for (const a of outcome.unexplained) console.error(`  ${a.severity} ${a.id} in ${a.package} ${a.range}: ${a.title} ${a.url}`);
  console.error("Fix them (npm update, or a patch-level entry under \"overrides\" in package.json), or add an entry saying why each is acceptable.");
  process.exit(1);
}
console.log("npm audit: no high or critical advisory left unexplained");
