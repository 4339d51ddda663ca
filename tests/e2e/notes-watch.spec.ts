/**
 * The notes folder watched by a real `next start` (MIANSHI_WATCH_NOTES=1, as npm start sets it):
 * a file saved into the server's notes folder is imported without a restart and the home page
 * says so; a broken save shows its error with its line until it is fixed; a removed file's deck
 * leaves the home page and comes back with the file.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test, expect } from "@playwright/test";
import { testServer } from "./fixtures/server";

const notesDir = fs.mkdtempSync(path.join(os.tmpdir(), "mianshi-e2e-watch-"));
const server = testServer([notesDir], { env: { MIANSHI_CONTENT_DIR: notesDir, MIANSHI_WATCH_NOTES: "1" } });
test.afterAll(() => fs.rmSync(notesDir, { recursive: true, force: true }));

const DECK = `---
title: 网络笔记
---

# 地址

dnsmasq 从哪个文件查 MAC？ :: host 文件
`;

test.use({ locale: "en-US" });

test("a saved notes file is imported while the server runs, a broken one shows its error until it is fixed, a removed one leaves and returns", async ({ page }) => {
  const file = path.join(notesDir, "网络笔记.md");
  await page.goto(server.url);
  // the watcher is ready once the server has served its first page
  await expect(page.getByTestId("empty-state")).toBeVisible();

  fs.writeFileSync(file, DECK);
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("notes-event")).toHaveText("网络笔记.md updated: 1 new card, 0 changed, 0 retired", { timeout: 500 });
  }).toPass({ timeout: 10_000 });
  await expect(page.getByTestId("deck")).toHaveCount(1);
  await expect(page.getByTestId("deck-total")).toHaveText("1");

  fs.writeFileSync(file, `${DECK}\n哪个 agent 提供 DHCP？\n\n- [ ] dhcp-agent\n- [ ] l3-agent\n`);
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("notes-broken")).toContainText("网络笔记.md:9: choice question has no correct option", { timeout: 500 });
  }).toPass({ timeout: 10_000 });
  await expect(page.getByTestId("deck-total")).toHaveText("1");
  // and on the deck's own page, while its cards are studied as they were
  await page.getByTestId("study-link").click();
  await expect(page.getByTestId("notes-broken")).toContainText("网络笔记.md:9: choice question has no correct option");
  await page.goto(server.url);

  fs.writeFileSync(file, `${DECK}\n哪个 agent 提供 DHCP？\n\n- [x] dhcp-agent\n- [ ] l3-agent\n`);
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("deck-total")).toHaveText("2", { timeout: 500 });
  }).toPass({ timeout: 10_000 });
  await expect(page.getByTestId("notes-broken")).toHaveCount(0);

  const saved = fs.readFileSync(file);
  fs.rmSync(file);
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("notes-event").first()).toHaveText("网络笔记.md removed: 2 cards retired, history kept (they come back with the file)", { timeout: 500 });
  }).toPass({ timeout: 10_000 });
  await expect(page.getByTestId("deck")).toHaveCount(0);

  fs.writeFileSync(file, saved);
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("notes-event").first()).toHaveText("网络笔记.md updated: 0 new cards, 2 back with their history, 0 changed, 0 retired", { timeout: 500 });
  }).toPass({ timeout: 10_000 });
  await expect(page.getByTestId("deck-total")).toHaveText("2");
});
