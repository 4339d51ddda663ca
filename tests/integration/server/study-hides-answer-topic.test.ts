/**
 * Regression (content-quality issue, finding 1): a card filed under a heading that names its
 * answer (a cloze on dnsmasq under "## dnsmasq"; before, a "which phase" card under its phase)
 * showed that heading in the topic path above the question, so the answer was on screen before
 * the reveal. The card served for study keeps the levels that do not name the answer; scores by
 * topic still count it under the whole path.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importContent } from "../../../server/use-cases/import-content";
import { getStudyCard } from "../../../server/use-cases/study/get-study-card";
import { freshDb, writeContent } from "../helpers";

const NOW = new Date("2026-12-01T08:00:00Z");

let db: ReturnType<typeof freshDb>;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  await db.close();
});

describe("the study card shows no topic level that names its answer", () => {
  it("a cloze on dnsmasq under the heading 'dnsmasq' is served without that level", async () => {
    const root = writeContent(db.dir, {
      "net.md": "# 网络组件\n\n## dnsmasq\n\nneutron 用 **dnsmasq** 给虚拟机分配地址，一个网络一个进程。\n\n## 路由\n\n**qrouter** 命名空间负责租户网络之间的三层转发。\n",
    });
    await importContent({ db, paths: [root], contentRoot: root, now: NOW });
    const rows = db.sqlite.prepare("SELECT id, kind, topic FROM Card WHERE kind = 'cloze' ORDER BY position").all() as Array<{ id: string; kind: string; topic: string }>;
    expect(rows).toHaveLength(2);
    const [hidden, kept] = rows as [(typeof rows)[0], (typeof rows)[0]];
    expect(JSON.parse(hidden.topic)).toEqual(["dnsmasq"]);
    expect((await getStudyCard({ cardId: hidden.id, now: NOW, db })).topic).toEqual([]);
    // a card whose topic does not name its answer keeps its whole path
    expect(JSON.parse(kept.topic)).toEqual(["路由"]);
    expect((await getStudyCard({ cardId: kept.id, now: NOW, db })).topic).toEqual(["路由"]);
  });
});
