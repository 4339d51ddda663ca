/**
 * The study screen's screenshots in docs/screenshots/: typed mode, a choice card after the
 * reveal, and the typed-answer diff, in Chinese, on a fresh server with the e2e deck. Needs a
 * build (`npm run build`). `npx tsx scripts/screenshots.ts <suffix>` writes
 * `docs/screenshots/<scene>-<suffix>.png` (the "before" shots were taken with
 * suffix `before` on the code before the fix).
 */
import fs from "node:fs";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { startServer } from "../tests/e2e/fixtures/server";
import { ROOT } from "./lib/setup";

const suffix = process.argv[2] ?? "after";
const out = (scene: string) => path.join(ROOT, "docs", "screenshots", `${scene}-${suffix}.png`);
const browserPath = ["/usr/bin/chromium", process.env.MIANSHI_CHROMIUM].find((p) => p && fs.existsSync(p));

async function shoot(page: Page, scene: string) {
  // the page without its header: the card and the tools under it
  await page.locator("main").screenshot({ path: out(scene), animations: "disabled", caret: "hide" });
}

const server = await startServer({ content: ["tests/fixtures/e2e-content"] });
const browser = await chromium.launch({ executablePath: browserPath, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
try {
  // typed mode on a 375 px phone (first: the first card is a typed one)
  const phone = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai", viewport: { width: 375, height: 760 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true });
  const p2 = await phone.newPage();
  await p2.goto(`${server.url}/study/e2e-deck`);
  await p2.getByTestId("type-toggle").check();
  await p2.getByTestId("typed-input").waitFor();
  await shoot(p2, "typed-mode-phone");

  const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai", viewport: { width: 760, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(`${server.url}/study/e2e-deck`);
  await page.getByTestId("type-toggle").check();

  // the diff on an answer judged right (separators and case ignored), then on a wrong one
  await page.getByTestId("typed-input").fill("dynamic-host configuration protocol");
  await page.keyboard.press("Enter");
  await page.getByTestId("typed-verdict").waitFor();
  await shoot(page, "diff-right");
  await page.getByTestId("rate-3").click();
  // typed mode: the next card, the focus in its answer box
  await page.getByTestId("prompt").filter({ hasText: "SSH" }).waitFor();
  await shoot(page, "typed-mode");
  await page.getByTestId("typed-input").fill("port 22");
  await page.keyboard.press("Enter");
  await page.getByTestId("rate-3").click();
  await page.getByTestId("prompt").filter({ hasText: "DNS" }).waitFor();
  await page.getByTestId("typed-input").fill("hostname to ip adress");
  await page.keyboard.press("Enter");
  await page.getByTestId("typed-verdict").waitFor();
  await shoot(page, "diff-wrong");
  await page.getByTestId("rate-1").click();
  await page.getByTestId("prompt").filter({ hasText: "schedules" }).waitFor();
  await page.getByTestId("typed-input").fill("kernel");
  await page.keyboard.press("Enter");
  await page.getByTestId("rate-3").click();

  // a choice card: one of the two right options picked, then revealed
  await page.getByTestId("prompt").filter({ hasText: "transport-layer" }).waitFor();
  await page.getByTestId("option").filter({ hasText: "TCP" }).click();
  await page.getByTestId("option").filter({ hasText: "HTTP" }).click();
  await page.getByTestId("show-answer").click();
  await page.getByTestId("answer").waitFor();
  await shoot(page, "choice-revealed");

  console.log(`screenshots written to docs/screenshots/*-${suffix}.png`);
} finally {
  await browser.close();
  await server.stop();
}
