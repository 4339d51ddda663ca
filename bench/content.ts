/**
 * `npm run bench -- content`: how long checking and importing a deck take on the shapes of
 * input that used to hang them (issue 13 item 10), and on a normal deck of 4,990 cards:
 *
 * - a 1.9 MB file that is one GFM table (short cells);
 * - `<a ` repeated 633,000 times on one line (an HTML tag that never closes);
 * - a normal deck: 4,990 cards of every explicit kind under 100 headings, seeded;
 * - how long `npm start`'s import keeps the database's write lock with that deck (what a
 *   review recorded meanwhile waits for), since start-up now serves first and imports after.
 *
 * Each file is checked (parseDeck, what `npm run content -- check` does) and imported into a
 * fresh database (what `npm run content -- import` and `npm start` do). BENCH_CONTENT_ONLY=name
 * runs one shape. The files are deterministic (no clock, a seeded generator).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { migrate } from "../scripts/lib/setup";
import { openDb } from "../server/db";
import { parseDeck } from "../lib/content/parse";
import { importContent } from "../server/use-cases/import-content";
import { mulberry32 } from "./random";

export const CONTENT_SHAPES: Record<string, () => string> = {
  "table-1.9mb": () => {
    const rows = ["# T", "", "q :: a", "", "| term | meaning | note |", "| --- | --- | --- |"];
    let size = 0;
    for (let i = 0; size < 1.9 * 1024 * 1024; i++) {
      const row = `| t${i} | m${i} | n${i} |`;
      rows.push(row);
      size += row.length + 1;
    }
    return rows.join("\n") + "\n";
  },
  "unclosed-tags": () => "# T\n\nq :: " + "<a ".repeat(633_000) + "\n",
  "deck-4990-cards": () => normalDeck(4990, 1),
};

/** A deck as people write them, of exactly `cards` cards: headings, basic cards with markup, clozes, choices, orderings, interview questions. */
export function normalDeck(cards: number, seed: number): string {
  const random = mulberry32(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const terms = ["nova-api", "keystone", "glance", "neutron", "cinder", "nova-scheduler", "nova-conductor", "nova-compute", "dnsmasq", "vxlan", "L3 agent", "SNAT", "floating IP", "br-int", "br-tun"];
  const zh = ["创建虚拟机", "校验 token", "分配网络", "挂载卷", "调度主机", "下载镜像", "转发报文", "地址转换"];
  const out: string[] = ["---", "title: Bench deck", "language: zh", "---", ""];
  let made = 0;
  for (let h = 0, n = 0; made < cards; h++) {
    out.push(`# 主题 ${h}`, "");
    for (let k = 0; k < 50 && made < cards; k++, n++) {
      const t = pick(terms);
      const kind = n % 10 === 0 && made + 2 > cards ? 9 : n % 10;
      switch (kind) {
        case 0: // two cloze cards
          out.push(`第 ${n} 题：{{c1::${t}}} 负责${pick(zh)}，然后 {{c2::${pick(terms)}}} ${pick(zh)}。`, "");
          made += 2;
          break;
        case 1:
          out.push(`问题 ${n}：哪个组件${pick(zh)}？`, "", `- [x] ${t}`, `- [ ] ${pick(terms)} ${n}`, `- [ ] 其他 ${n}`, "");
          made++;
          break;
        case 2:
          out.push(`排序：${pick(zh)}的步骤（第 ${n} 题）？`, "", `1. ${t} 收到请求`, `2. ${pick(terms)} ${pick(zh)}`, `3. 返回结果 ${n}`, "");
          made++;
          break;
        case 3:
          out.push(`面试：讲讲 ${t} 怎样${pick(zh)}（第 ${n} 题）？`, "", `- ${t} ${pick(zh)} {${t}; ${pick(zh)}}`, `- 结果写回数据库 {数据库|database}`, "");
          made++;
          break;
        default:
          out.push(`**${t}** 在第 ${n} 步做什么？ :: 它会${pick(zh)}，调用 \`${pick(terms)}\`，见 [文档](docs/${n}.md)。`, "");
          made++;
      }
    }
  }
  return out.join("\n");
}

async function timeImport(file: string, dir: string) {
  const dbFile = path.join(dir, "bench.db");
  migrate(dbFile);
  const db = openDb(dbFile, { backgroundCheckpoints: false });
  let writeLockMs = 0;
  const t0 = performance.now();
  const result = await importContent({ db, paths: [file], contentRoot: dir, now: new Date("2026-12-01T00:00:00Z"), onWrite: (ms) => (writeLockMs += ms) });
  const ms = performance.now() - t0;
  await db.close();
  fs.rmSync(dbFile, { force: true });
  return { ms, writeLockMs, result };
}

export async function benchContent(): Promise<void> {
  const only = process.env.BENCH_CONTENT_ONLY;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mianshi-bench-content-"));
  try {
    console.log("content: shape                 MB     check s   import s   write lock s   outcome");
    for (const [name, make] of Object.entries(CONTENT_SHAPES)) {
      if (only && only !== name) continue;
      const text = make();
      const file = path.join(dir, `${name}.md`);
      fs.writeFileSync(file, text);
      const t0 = performance.now();
      const parsed = parseDeck(fs.readFileSync(file), { file: name, deckId: name });
      const checkMs = performance.now() - t0;
      const imported = await timeImport(file, dir);
      const outcome = parsed.deck ? `${parsed.deck.cards.length} cards` : (parsed.errors[0]?.message ?? "refused").slice(0, 60);
      console.log(
        `content: ${name.padEnd(20)} ${(Buffer.byteLength(text) / 1024 / 1024).toFixed(2).padStart(5)}   ${(checkMs / 1000).toFixed(2).padStart(7)}   ${(imported.ms / 1000).toFixed(2).padStart(8)}   ${(imported.writeLockMs / 1000).toFixed(2).padStart(12)}   ${outcome}`,
      );
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  benchContent().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
