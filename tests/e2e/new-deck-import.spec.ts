/**
 * The New deck page, in Chinese and English: paste the user's notes (a fixture), see the preview
 * with its cards by kind and topic and the audit's warning, import, study a generated card; then
 * upload two .md files and an image through the file input, import, and see the image in a card.
 * The server saves the notes under its own notes folder (MIANSHI_CONTENT_DIR, a fresh folder).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test, expect, type Page } from "@playwright/test";
import { testServer, withDb } from "./fixtures/server";

const notesDir = fs.mkdtempSync(path.join(os.tmpdir(), "mianshi-e2e-notes-"));
const server = testServer(["tests/fixtures/e2e-content"], { env: { MIANSHI_CONTENT_DIR: notesDir } });
test.afterAll(() => fs.rmSync(notesDir, { recursive: true, force: true }));

const FIXTURES = path.join(import.meta.dirname, "..", "fixtures", "new-deck");
const k8s = fs.readFileSync(path.join(FIXTURES, "k8s-notes.md"), "utf8");

async function noSideScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
}

for (const lang of ["zh", "en"] as const) {
  test.describe(lang, () => {
    test.use({ locale: lang === "zh" ? "zh-CN" : "en-US", timezoneId: "Asia/Shanghai" });
    const text = {
      zh: { preview: "预览", import: "导入", title: "新建卡组", warnings: /2 个提醒/, imported: "已导入" },
      en: { preview: "Preview", import: "Import", title: "New deck", warnings: /2 warnings/, imported: "Imported" },
    }[lang];

    test(`${lang}: paste notes, preview their cards and a warning, import, study a generated card`, async ({ page }) => {
      await page.goto(server.url);
      await page.getByTestId("new-deck-link").click();
      await expect(page.getByRole("heading", { level: 1, name: text.title })).toBeVisible();

      // by keyboard: the labelled fields, then Enter submits the preview
      await page.getByLabel(lang === "zh" ? "粘贴 markdown" : "Paste markdown").fill(k8s);
      await page.getByTestId("deck-group").fill(`k8s-${lang}`);
      await page.getByTestId("deck-group").press("Enter");
      const preview = page.getByTestId("notes-preview");
      await expect(preview.getByTestId("preview-deck")).toHaveCount(1);
      await expect(preview.getByTestId("preview-file")).toHaveText(`k8s-${lang}/Kubernetes面试问题.md`);
      await expect(preview.getByTestId("preview-kinds").locator('[data-kind="ordering"]')).toContainText("1");
      await expect(preview.getByTestId("preview-kinds").locator('[data-kind="basic"]')).toContainText("7");
      await expect(preview.getByTestId("preview-card")).toHaveCount(13);
      await expect(preview.getByTestId("preview-group").first()).toContainText("Kubernetes创建Pod流程");
      await expect(preview.getByTestId("preview-summary")).toContainText(text.warnings);
      await expect(preview.getByTestId("preview-warnings")).toContainText(`k8s-${lang}/Kubernetes面试问题.md:19`);
      // nothing written by the preview
      expect(fs.existsSync(path.join(notesDir, `k8s-${lang}`))).toBe(false);
      expect(withDb(server, (db) => db.prepare("SELECT COUNT(*) AS n FROM Deck WHERE id LIKE ?").get(`k8s-${lang}/%`) as { n: number }).n).toBe(0);

      if (lang === "zh") {
        await page.screenshot({ path: "docs/screenshots/new-deck-preview.png", fullPage: true });
        await page.setViewportSize({ width: 375, height: 800 });
        await noSideScroll(page);
        await page.screenshot({ path: "docs/screenshots/new-deck-preview-phone.png", fullPage: true });
        await page.setViewportSize({ width: 1280, height: 720 });
      }

      await page.getByTestId("import-button").click();
      const done = page.getByTestId("import-done");
      await expect(done).toContainText(text.imported);
      await expect(done.getByTestId("imported-deck")).toHaveAttribute("data-deck-id", `k8s-${lang}/Kubernetes面试问题`);
      expect(fs.readFileSync(path.join(notesDir, `k8s-${lang}`, "Kubernetes面试问题.md"), "utf8")).toBe(k8s);

      // study: the first card the notes made, revealed and rated Good
      await done.getByTestId("study-imported").click();
      const card = page.getByTestId("card");
      await expect(card).toHaveAttribute("data-card-id", /.+/);
      const first = await card.getAttribute("data-card-id");
      const generatedBy = withDb(server, (db) => db.prepare("SELECT json_extract(data, '$.generatedBy') AS g FROM Card WHERE id = ?").get(first) as { g: string | null });
      expect(generatedBy.g).toBeTruthy();
      await card.focus();
      await page.keyboard.press("Space");
      await expect(page.getByTestId("answer")).toBeVisible();
      await page.keyboard.press("3");
      await expect(card).not.toHaveAttribute("data-card-id", first!);
      expect(withDb(server, (db) => db.prepare("SELECT COUNT(*) AS n FROM Review WHERE cardId = ?").get(first) as { n: number }).n).toBe(1);
    });

    test(`${lang}: upload two .md files and an image, import, see the image in a card`, async ({ page }) => {
      await page.setViewportSize({ width: 375, height: 800 });
      await page.goto(`${server.url}/decks/new`);
      await page.getByTestId("notes-files").setInputFiles([
        path.join(FIXTURES, "upload", "tcp-handshake.md"),
        path.join(FIXTURES, "upload", "dns-basics.md"),
        path.join(FIXTURES, "upload", "images", "handshake.png"),
      ]);
      await expect(page.getByTestId("chosen-files").locator("li")).toHaveCount(3);
      await expect(page.getByTestId("deck-title")).toBeDisabled();
      await page.getByTestId("deck-group").fill(`net-${lang}`);
      await page.getByRole("button", { name: text.preview, exact: true }).click();
      const preview = page.getByTestId("notes-preview");
      await expect(preview.getByTestId("preview-deck")).toHaveCount(2);
      await expect(preview.getByTestId("preview-images")).toContainText(`net-${lang}/images/handshake.png`);
      await noSideScroll(page);
      await page.getByRole("button", { name: text.import, exact: true }).click();
      await expect(page.getByTestId("imported-deck")).toHaveCount(2);
      expect(fs.existsSync(path.join(notesDir, `net-${lang}`, "images", "handshake.png"))).toBe(true);

      await page.goto(`${server.url}/study/${encodeURIComponent(`net-${lang}/tcp-handshake`)}`);
      await page.getByTestId("card").focus();
      await page.keyboard.press("Space");
      const image = page.getByTestId("answer").getByRole("img", { name: "The three-way handshake" });
      await expect(image).toBeVisible();
      await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(48);
    });
  });
}
