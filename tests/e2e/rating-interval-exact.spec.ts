/**
 * Issue 12.1: the interval on a rating button is the one applied. With FSRS fuzz on (as
 * `npm start` runs), the label read on a button when the card appears is the interval the
 * card gets when that button is pressed seconds later, for new cards and for a review card
 * days on; after an undo the same card shows the same labels again. Playwright's clock
 * drives the time (the server takes the browser's clock in tests).
 */
import { test, expect, type Page } from "@playwright/test";
import fs from "node:fs";
import { formatInterval } from "@/lib/scheduling";
import { testServer, withDb, type TestServer } from "./fixtures/server";

type Messages = { intervals: Record<"m" | "h" | "d" | "mo" | "y", string> };
const messages = (lang: string) => JSON.parse(fs.readFileSync(`messages/${lang}.json`, "utf8")) as Messages;
const en = messages("en");
const zh = messages("zh");

/** An interval as a button labels it: Anki's short form ("9d", "1.2mo") in the page's language. */
const labelIn = (m: Messages) => (ms: number) => {
  const [, n, unit] = /^(\d+(?:\.\d+)?)(mo|m|h|d|y)$/.exec(formatInterval(ms))!;
  return m.intervals[unit as keyof Messages["intervals"]].replace("{n, number}", n!);
};

const LOCALES = [
  { locale: "zh-CN", label: labelIn(zh), name: "Chinese" },
  { locale: "en-US", label: labelIn(en), name: "English" },
] as const;

/** The latest review of a card: the interval it applied (due − reviewed), in ms. */
const lastInterval = (server: TestServer, cardId: string) =>
  withDb(server, (db) => {
    const r = db.prepare("SELECT due, reviewedAt FROM Review WHERE cardId = ? ORDER BY id DESC LIMIT 1").get(cardId) as { due: number; reviewedAt: number };
    return r.due - r.reviewedAt;
  });

const labels = (page: Page) => Promise.all([1, 2, 3, 4].map((r) => page.getByTestId(`interval-${r}`).textContent()));

for (const { locale, label: asLabel, name } of LOCALES) {
  test.describe(`${name}`, () => {
    // fuzz on, as in real use: the fixture turns it off by default
    const server = testServer(["tests/fixtures/e2e-content"], { env: { MIANSHI_FSRS_FUZZ: "1" } });
    test.use({ locale, timezoneId: "Asia/Shanghai" });

    test(`the interval on a rating button is the one applied, and an undo shows the same one (${name})`, async ({ page }) => {
      test.setTimeout(90_000);
      const start = new Date("2027-03-01T09:00:00+08:00");
      // installed a little before the moment it pauses at: on a busy machine the clock has already run on by the pause (pauseAt cannot go back)
      await page.clock.install({ time: new Date(start).getTime() - 10_000 });
      await page.clock.pauseAt(start);
      await page.goto(`${server.url}/study/e2e-deck`);
      const card = page.getByTestId("card");

      // four new cards, each rated Easy some seconds after it appeared: the label is the interval
      const easy: Record<string, string> = {};
      for (let i = 0; i < 4; i++) {
        const id = (await card.getAttribute("data-card-id"))!;
        await page.keyboard.press("Space");
        const label = (await page.getByTestId("interval-4").textContent())!;
        easy[id] = label;
        await page.clock.runFor(7_000 + i * 3_000);
        await page.keyboard.press("4");
        await expect(card).not.toHaveAttribute("data-card-id", id);
        expect(asLabel(lastInterval(server, id)), `card ${i + 1}: Easy showed ${label}`).toBe(label);
      }

      // undo: the last card comes back with the same labels as before its rating
      const lastId = Object.keys(easy).at(-1)!;
      await page.clock.runFor(5_000);
      await page.keyboard.press("u");
      await expect(card).toHaveAttribute("data-card-id", lastId);
      await page.keyboard.press("Space");
      await expect(page.getByTestId("interval-4")).toHaveText(easy[lastId]!);
      // rated again later the same day: still what the button says
      await page.clock.runFor(40_000);
      await page.keyboard.press("4");
      await expect(card).not.toHaveAttribute("data-card-id", lastId);
      expect(asLabel(lastInterval(server, lastId))).toBe(easy[lastId]);

      // days later, when the first of them falls due, it is a review card: every fuzzed button tells the truth
      const dues = withDb(server, (db) => db.prepare(`SELECT id, due FROM Card WHERE id IN (${Object.keys(easy).map(() => "?").join(", ")}) ORDER BY due, id`).all(...Object.keys(easy)) as Array<{ id: string; due: number }>);
      const firstId = dues[0]!.id;
      await page.clock.pauseAt(new Date(dues[0]!.due + 3600_000));
      await page.goto(`${server.url}/study/e2e-deck`);
      await expect(card).toHaveAttribute("data-card-id", firstId);
      await page.keyboard.press("Space");
      const shown = await labels(page);
      await page.clock.runFor(12_000);
      await page.keyboard.press("3");
      await expect(card).not.toHaveAttribute("data-card-id", firstId);
      expect(asLabel(lastInterval(server, firstId))).toBe(shown[2]);
      // and after an undo the review card shows all four labels as they were
      await page.keyboard.press("u");
      await expect(card).toHaveAttribute("data-card-id", firstId);
      await page.keyboard.press("Space");
      expect(await labels(page)).toEqual(shown);
    });
  });
}
