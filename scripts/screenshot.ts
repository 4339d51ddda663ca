/**
 * Regenerates docs/study-screen.png for the README: a real server on a scratch database with
 * content/ imported, the first card of the VM creation deck, answer revealed.
 *   npx tsx scripts/screenshot.ts
 */
import path from "node:path";
import { chromium } from "@playwright/test";
import { startServer } from "../tests/e2e/fixtures/server";
import { ensureBuilt, ROOT } from "./lib/setup";

async function main() {
  ensureBuilt();
  const server = await startServer({ content: ["content"] });
  const browser = await chromium.launch({
    executablePath: process.env.MIANSHI_CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 760 }, deviceScaleFactor: 1 });
    await page.goto(`${server.url}/study/${encodeURIComponent("openstack/01-vm-creation")}`);
    await page.getByTestId("show-answer").click();
    await page.getByTestId("answer-html").first().waitFor();
    await page.screenshot({ path: path.join(ROOT, "docs", "study-screen.png") });
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
