/**
 * Issue 13 item 12: a restore checked types, not meaning. Rows the app cannot read back (a
 * topic that is not a JSON list, FSRS state 99, a due date no Date holds) were restored, and
 * then the card, next and review routes answered 500; a non-JSON Card.data named no table or
 * row; a byte order mark was refused; text after the export was accepted.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "../../server/errors";
import { importContent } from "../../server/use-cases/import-content";
import { recordReview } from "../../server/use-cases/study/record-review";
import { exportAll, restoreAll } from "../../server/use-cases/backup";
import { count, freshDb, writeContent } from "./helpers";

const NOW = new Date("2026-11-26T08:00:00Z");

let source: ReturnType<typeof freshDb>;
let target: ReturnType<typeof freshDb>;
let good: string;
beforeEach(async () => {
  source = freshDb();
  target = freshDb();
  const root = writeContent(source.dir, { "net/dhcp.md": "# DHCP\n\nWhich agent runs dnsmasq? :: the DHCP agent\n\n第二题 :: 答案\n" });
  await importContent({ db: source, paths: [root], contentRoot: root, now: NOW });
  const card = source.sqlite.prepare("SELECT id FROM Card ORDER BY position LIMIT 1").get() as { id: string };
  await recordReview({ db: source, cardId: card.id, rating: 3, now: new Date(NOW.getTime() + 60_000), idempotencyKey: "k1" });
  const file = path.join(source.dir, "export.json");
  await exportAll({ db: source, out: file, now: NOW });
  good = fs.readFileSync(file, "utf8");
});
afterEach(async () => {
  await source.close();
  await target.close();
});

/** The export as it was written (one row per line), with one line changed. */
function editedFile(name: string, edit: (lines: string[]) => string[]): string {
  const file = path.join(target.dir, name);
  fs.writeFileSync(file, edit(good.split("\n")).join("\n"));
  return file;
}
/** The first row line of a table, edited with `change` (a row object to its new fields). */
const editRow = (table: string, change: (row: Record<string, unknown>) => void) => (lines: string[]) => {
  const start = lines.findIndex((l) => l.startsWith(`"${table}":[`));
  const row = lines[start + 1]!;
  const end = row.endsWith("]}}") ? 3 : row.endsWith("],") ? 2 : 1;
  const parsed = JSON.parse(row.slice(0, -end)) as Record<string, unknown>;
  change(parsed);
  return lines.map((l, i) => (i === start + 1 ? JSON.stringify(parsed) + row.slice(-end) : l));
};

async function refused(file: string, message: RegExp) {
  const e = await restoreAll({ db: target, file }).then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  expect((e as AppError).status).toBe(400);
  expect((e as AppError).message).toMatch(message);
  // nothing was written
  expect(count(target, "SELECT COUNT(*) AS n FROM Card")).toBe(0);
  expect(count(target, "SELECT COUNT(*) AS n FROM Deck")).toBe(0);
}

describe("item 12: restore checks what rows mean", () => {
  it("item 12: a card topic that is not a JSON list is refused, naming the table, row and column", async () => {
    await refused(editedFile("topic.json", editRow("cards", (r) => (r.topic = "oops"))), /^table "cards", row 0: topic: must be a JSON list of texts$/);
    await refused(editedFile("topic2.json", editRow("cards", (r) => (r.topic = "[1, 2]"))), /^table "cards", row 0: topic: must be a JSON list of texts$/);
  });

  it("item 12: an FSRS state of 99 is refused (cards and reviews)", async () => {
    await refused(editedFile("state.json", editRow("cards", (r) => (r.state = 99))), /^table "cards", row 0: state: must be an FSRS state: 0 new, 1 learning, 2 review, 3 relearning$/);
    await refused(editedFile("prev.json", editRow("reviews", (r) => (r.prevState = -1))), /^table "reviews", row 0: prevState: must be an FSRS state/);
    await refused(editedFile("rating.json", editRow("reviews", (r) => (r.rating = 7))), /^table "reviews", row 0: rating: must be a rating from 1 \(again\) to 4 \(easy\)$/);
  });

  it("item 12: a due time out of range is refused", async () => {
    await refused(editedFile("due.json", editRow("cards", (r) => (r.due = 9e15))), /^table "cards", row 0: due: is after the year 9999: not a time this database holds$/);
    await refused(editedFile("due2.json", editRow("cards", (r) => (r.due = -1e15))), /^table "cards", row 0: due: is before 1900/);
    await refused(editedFile("kind.json", editRow("cards", (r) => (r.kind = "essay"))), /^table "cards", row 0: kind: must be a card kind: basic, cloze, choice, ordering, open$/);
  });

  it("item 12: a Card.data that is not JSON names the table and the row", async () => {
    await refused(editedFile("data.json", editRow("cards", (r) => (r.data = "{not json"))), /^table "cards", row 0: data: must be a JSON object$/);
    await refused(editedFile("before.json", editRow("reviews", (r) => (r.before = "null"))), /^table "reviews", row 0: before: must be a JSON object$/);
    await refused(editedFile("tz.json", (lines) => lines.map((l) => (l.startsWith('"settings":[]') ? `"settings":[\n{"key":"timeZone","value":"\\"Mars/Olympus\\""}],` : l))), /^table "settings", row 0: value: setting "timeZone" must be an IANA time zone/);
  });

  it("item 12: a byte order mark at the start is no content: the file restores", async () => {
    const file = path.join(target.dir, "bom.json");
    fs.writeFileSync(file, "\uFEFF" + good);
    await restoreAll({ db: target, file });
    expect(count(target, "SELECT COUNT(*) AS n FROM Card")).toBe(2);
    expect(count(target, "SELECT COUNT(*) AS n FROM Review")).toBe(1);
  });

  it("item 12: a byte order mark before a reformatted export restores too", async () => {
    await restoreAll({ db: target, text: "\uFEFF" + JSON.stringify(JSON.parse(good), null, 2) });
    expect(count(target, "SELECT COUNT(*) AS n FROM Card")).toBe(2);
  });

  it("item 12: text after the export is refused, wherever it is", async () => {
    for (const tail of ["garbage\n", "\n\ngarbage\n", "\n\n\n{}\n"]) {
      const file = path.join(target.dir, "tail.json");
      fs.writeFileSync(file, good + tail);
      await refused(file, /^line \d+: unexpected text after the export$/);
    }
    // white space alone is fine
    const file = path.join(target.dir, "spaces.json");
    fs.writeFileSync(file, good + "\n\n   \n");
    await restoreAll({ db: target, file });
    expect(count(target, "SELECT COUNT(*) AS n FROM Card")).toBe(2);
  });
});
