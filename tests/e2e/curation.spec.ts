/**
 * Curating generated cards in a real browser, by keyboard: the deck list says how many
 * generated cards are still to look at; the review page keeps (Y), discards (X), fixes (E) and
 * keeps all (Shift+K); the study screen discards (X, undone by U) and fixes (E) the card shown.
 */
import { test, expect } from "@playwright/test";
import { testServer, withDb } from "./fixtures/server";

const server = testServer(["tests/fixtures/curation-content"]);

const all = <T>(sql: string, ...params: unknown[]): T[] => withDb(server, (db) => db.prepare(sql).all(...params) as T[]);
const decisions = () => all<{ cardId: string; status: string; override: string | null }>("SELECT cardId, status, override FROM CardCuration ORDER BY createdAt, cardId");

test("the review page: keep, discard, fix and keep all by keyboard", async ({ page }) => {
  await page.goto(server.url);
  const link = page.locator('[data-deck-id="net"] [data-testid=review-link]');
  await expect(link).toHaveText("8 generated cards to look at");
  await link.click();
  await expect(page.getByRole("heading", { name: "Generated cards" })).toBeVisible();
  const cards = page.getByTestId("curation-card");
  await expect(cards).toHaveCount(8);
  await expect(page.getByTestId("curation-counts")).toHaveText("To look at: 8 · kept: 0 · fixed: 0 · discarded: 0");
  await page.screenshot({ path: "docs/screenshots/review-generated-cards.png", fullPage: true });

  // Y keeps the first card and moves on to the next one to look at
  await expect(cards.nth(0)).toHaveAttribute("aria-current", "true");
  await page.keyboard.press("y");
  await expect(cards.nth(0)).toHaveAttribute("data-status", "kept");
  await expect(cards.nth(1)).toHaveAttribute("aria-current", "true");

  // X discards the second (a cloze on dnsmasq)
  const second = await cards.nth(1).getAttribute("data-card-id");
  await page.keyboard.press("x");
  await expect(cards.nth(1)).toHaveAttribute("data-status", "discarded");
  await expect(cards.nth(2)).toHaveAttribute("aria-current", "true");

  // K goes back up, X on a discarded card restores it, X again discards it
  await page.keyboard.press("k");
  await expect(cards.nth(1)).toHaveAttribute("aria-current", "true");
  await page.keyboard.press("x");
  await expect(cards.nth(1)).toHaveAttribute("data-status", "unreviewed");
  await page.keyboard.press("x");
  await expect(cards.nth(1)).toHaveAttribute("data-status", "discarded");

  // E opens the fix form on the ordering card; the edit is saved with Ctrl+Enter
  const ordering = page.locator('[data-testid=curation-card]:has-text("按顺序排好")');
  await ordering.click();
  await page.keyboard.press("e");
  const form = page.getByTestId("card-edit");
  await expect(form).toBeVisible();
  await expect(page.getByTestId("edit-prompt")).toBeFocused();
  await page.getByTestId("edit-prompt").fill("虚拟机通过 DHCP 拿到地址的四步，按顺序排好");
  await page.keyboard.press("Control+Enter");
  await expect(form).toBeHidden();
  await expect(ordering).toHaveAttribute("data-status", "edited");
  await expect(ordering).toContainText("虚拟机通过 DHCP 拿到地址的四步");

  // Shift+K keeps every card not looked at yet
  await page.keyboard.press("Shift+K");
  await expect(page.getByTestId("curation-status")).toHaveText("5 cards kept");
  await expect(page.getByTestId("curation-counts")).toHaveText("To look at: 0 · kept: 6 · fixed: 1 · discarded: 1");
  await page.screenshot({ path: "docs/screenshots/review-generated-cards-done.png", fullPage: true });

  const stored = decisions();
  expect(stored.filter((d) => d.status === "kept")).toHaveLength(6);
  expect(stored.find((d) => d.cardId === second)?.status).toBe("discarded");
  const edited = stored.find((d) => d.status === "edited");
  expect(JSON.parse(edited!.override!)).toMatchObject({ kind: "ordering", prompt: "虚拟机通过 DHCP 拿到地址的四步，按顺序排好" });

  // the decisions hold across a restart of the server, and the link is gone from the deck list
  await server.restart();
  await page.goto(server.url);
  await expect(page.locator('[data-deck-id="net"] [data-testid=review-link]')).toHaveCount(0);
  await page.goto(`${server.url}/decks/net/review`);
  await expect(page.getByTestId("curation-counts")).toHaveText("To look at: 0 · kept: 6 · fixed: 1 · discarded: 1");
});

test("the study screen: X discards the card shown, U brings it back, E fixes it", async ({ page }) => {
  withDb(server, (db) => db.prepare("DELETE FROM CardCuration").run(), { readonly: false });
  await page.goto(`${server.url}/study/net`);
  const card = page.getByTestId("card");
  await expect(card).toHaveAttribute("data-card-id", /.+/);
  const first = await card.getAttribute("data-card-id");

  await page.keyboard.press("x");
  await expect(card).not.toHaveAttribute("data-card-id", first!);
  await expect(page.getByTestId("session-status")).toContainText("Card discarded for good");
  expect(decisions()).toEqual([{ cardId: first, status: "discarded", override: null }]);
  await page.keyboard.press("u");
  await expect(card).toHaveAttribute("data-card-id", first!);
  await expect(page.getByTestId("session-status")).toContainText("Card restored");
  expect(decisions()).toEqual([]);

  // E opens the fix form with the card's fields; Esc leaves it without a change
  await page.keyboard.press("e");
  await expect(page.getByTestId("card-edit")).toBeVisible();
  await expect(page.getByTestId("edit-prompt")).toBeFocused();
  await expect(page.getByTestId("edit-prompt")).toHaveValue("「网络基础」中，dnsmasq 是什么？");
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("card-edit")).toBeHidden();
  expect(decisions()).toEqual([]);

  // a fix: the card shown becomes the user's version, under the same id
  await page.keyboard.press("e");
  await page.getByTestId("edit-prompt").fill("neutron 用什么给虚拟机分配地址？");
  await page.getByTestId("edit-answer").fill("**dnsmasq**：DHCP agent 为每个网络启动一个。");
  await page.screenshot({ path: "docs/screenshots/study-fix-card.png", fullPage: true });
  await page.getByTestId("edit-save").click();
  await expect(page.getByTestId("card-edit")).toBeHidden();
  await expect(card).toHaveAttribute("data-card-id", first!);
  await expect(page.getByTestId("prompt")).toHaveText("neutron 用什么给虚拟机分配地址？");
  await expect(page.getByTestId("session-status")).toContainText("Your version of the card is saved");
  expect(decisions().map((d) => d.status)).toEqual(["edited"]);
  // and it is studied as any card
  await page.keyboard.press("Space");
  await page.keyboard.press("3");
  await expect(card).not.toHaveAttribute("data-card-id", first!);
  expect(all<{ n: number }>("SELECT COUNT(*) n FROM Review WHERE cardId = ?", first)[0]!.n).toBe(1);
});
