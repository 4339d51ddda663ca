/** Applied personal FSRS parameters drive the scheduler; resetting them brings the defaults back. */
import { afterEach, beforeEach, expect, it } from "vitest";
import { DEFAULT_PARAMETERS } from "@/lib/fsrs-metrics";
import { importContent } from "../../server/use-cases/import-content";
import { applyParameters } from "../../server/use-cases/parameters/apply-parameters";
import { resetParameters } from "../../server/use-cases/parameters/reset-parameters";
import { recordReview } from "../../server/use-cases/study/record-review";
import { freshDb, writeContent } from "./helpers";

const NOW = new Date("2026-11-26T08:00:00Z");
let db: ReturnType<typeof freshDb>;
let ids: string[];

beforeEach(async () => {
  db = freshDb();
  const root = writeContent(db.dir, { "p.md": "# P\n\nA? :: a\n\nB? :: b\n\nC? :: c\n" });
  await importContent({ db, paths: [root], contentRoot: root, now: NOW });
  ids = (db.sqlite.prepare("SELECT id FROM Card ORDER BY position").all() as Array<{ id: string }>).map((r) => r.id);
});
afterEach(async () => {
  await db.close();
});

it("a new card rated Easy starts at the applied parameters' initial stability (w[3]), and at the default after a reset", async () => {
  const easy = (cardId: string) => recordReview({ db, cardId, rating: 4, now: NOW });
  const byDefault = await easy(ids[0]!);
  expect(byDefault.stability).toBeCloseTo(DEFAULT_PARAMETERS[3]!, 4);
  const personal = [...DEFAULT_PARAMETERS];
  personal[3] = 30;
  await applyParameters({ db, parameters: personal });
  expect((await easy(ids[1]!)).stability).toBeCloseTo(30, 4);
  await resetParameters({ db });
  expect((await easy(ids[2]!)).stability).toBeCloseTo(DEFAULT_PARAMETERS[3]!, 4);
});
