/**
 * Runs the Playwright tests in a real Chromium: Debian's /usr/bin/chromium when present,
 * Playwright's own browser otherwise, and a clear message when there is neither.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import { ROOT } from "./lib/setup";

function pickBrowser(): string | null {
  const candidates = [process.env.MIANSHI_CHROMIUM, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter((p): p is string => !!p);
  for (const c of candidates) if (fs.existsSync(c)) return c;
  try {
    const own = chromium.executablePath();
    if (own && fs.existsSync(own)) return own;
  } catch {
    /* Playwright has no browser of its own installed */
  }
  return null;
}

const browser = pickBrowser();
if (!browser) {
  console.error(`No Chromium found for the browser tests.
  - On Debian or Ubuntu: sudo apt-get install -y chromium   (gives /usr/bin/chromium)
  - Elsewhere, with internet access: npx playwright install chromium
  - Or point MIANSHI_CHROMIUM at a Chromium or Chrome binary.`);
  process.exit(1);
}
console.log(`e2e: using ${browser}`);
const r = spawnSync(path.join(ROOT, "node_modules", ".bin", "playwright"), ["test", ...process.argv.slice(2)], {
  cwd: ROOT,
  stdio: "inherit",
  env: { ...process.env, MIANSHI_CHROMIUM: browser, NEXT_TELEMETRY_DISABLED: "1" },
});
process.exit(r.status ?? 1);
