/**
 * The study hot path over HTTP on loopback, under concurrent load: the real production server
 * (`next start`) on a seeded database, against a bare node:http baseline (bench/http-baseline.ts)
 * doing the same SQL with better-sqlite3 on a copy of the same file. Both are driven by the same
 * autocannon workload: each connection loops GET /api/v1/decks/:id/next, then POST
 * /api/v1/reviews rating the card it got (rating 3, a unique idempotency key).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon, { type Request, type Result } from "autocannon";
import Database from "better-sqlite3";
import { ensureBuilt, ROOT } from "../scripts/lib/setup";
import { freePort, killAllServers, nextStartArgs, rssKb, spawnServer, type ServerProcess } from "../scripts/lib/server";

const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 15);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const WARMUP_SECONDS = Math.min(3, SECONDS);

export interface Percentiles {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

export interface HttpRun {
  label: string;
  /** completed requests per second (GET and POST together) */
  rps: number;
  /** completed studies (POST reviews) per second */
  reviewsPerSecond: number;
  get: Percentiles;
  post: Percentiles;
  all: Percentiles;
  /** connection errors and timeouts */
  errors: number;
  non2xx: number;
  /** GETs that returned no card (the POST is then skipped) */
  noCard: number;
  firstFailure?: string;
  rssBeforeKb: number;
  rssAfterKb: number;
  peakRssKb: number;
}

export interface HttpReport {
  seconds: number;
  connections: number;
  app: HttpRun;
  baseline: HttpRun;
}

export function percentiles(samples: number[]): Percentiles {
  const s = Float64Array.from(samples).sort();
  const at = (q: number) => (s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))]! : NaN);
  return { count: s.length, p50: at(0.5), p90: at(0.9), p99: at(0.99), max: s.length ? s[s.length - 1]! : NaN };
}

/**
 * The app's daily limits (deck option presets, when the schema has them: 20 new and 200
 * reviews a day by default) would end a benchmark session after a few hundred ratings: lift
 * them to their maximum on a benchmark database.
 */
export function liftDailyLimits(file: string): void {
  const sqlite = new Database(file);
  try {
    if (sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'Preset'`).get()) {
      sqlite.prepare(`UPDATE Preset SET options = json_set(options, '$.newPerDay', 9999, '$.reviewsPerDay', 99999), updatedAt = ?`).run(Date.now());
    }
  } finally {
    sqlite.close();
  }
}

// ---- the workload ----

interface Load {
  result: Result;
  get: number[];
  post: number[];
  noCard: number;
  firstFailure?: string;
}

async function drive(url: string, deck: string, seconds: number, tag: string): Promise<Load> {
  const get: number[] = [];
  const post: number[] = [];
  let noCard = 0;
  let seq = 0;
  let firstFailure: string | undefined;
  // onResponse runs synchronously just before autocannon's "response" event of the same request
  let last: number[] | null = null;
  const failed = (what: string, status: number, body: string) => (firstFailure ??= `${what} → ${status}: ${body.slice(0, 300)}`);
  const requests: Request[] = [
    {
      method: "GET",
      path: `/api/v1/decks/${encodeURIComponent(deck)}/next`,
      onResponse: (status, body, context) => {
        last = get;
        if (status !== 200) return void failed("GET next", status, body);
        const card = (JSON.parse(body) as { card: { id: string } | null }).card;
        if (card) context.cardId = card.id;
        else noCard++;
      },
    },
    {
      method: "POST",
      path: "/api/v1/reviews",
      headers: { "content-type": "application/json" },
      setupRequest: (request, context) =>
        typeof context.cardId === "string" && { ...request, body: JSON.stringify({ cardId: context.cardId, rating: 3, idempotencyKey: `${tag}-${++seq}` }) },
      onResponse: (status, body) => {
        last = post;
        if (status !== 200) failed("POST review", status, body);
      },
    },
  ];
  const result = await new Promise<Result>((resolve, reject) => {
    const instance = autocannon({ url, connections: CONNECTIONS, duration: seconds, timeout: 10, requests }, (err, res) => (err ? reject(err) : resolve(res)));
    instance.on("response", (_client: unknown, _status: number, _bytes: number, ms: number) => {
      last?.push(ms);
      last = null;
    });
  });
  return { result, get, post, noCard, firstFailure };
}

async function measure(label: string, server: ServerProcess, deck: string): Promise<HttpRun> {
  const rssBeforeKb = rssKb(server.pid);
  const warm = await drive(server.url, deck, WARMUP_SECONDS, `${label}-warm-${Date.now()}`);
  const load = await drive(server.url, deck, SECONDS, `${label}-${Date.now()}`);
  const { result } = load;
  const all = [...load.get, ...load.post];
  return {
    label,
    rps: all.length / result.duration,
    reviewsPerSecond: load.post.length / result.duration,
    get: percentiles(load.get),
    post: percentiles(load.post),
    all: percentiles(all),
    errors: result.errors + warm.result.errors,
    non2xx: result.non2xx + warm.result.non2xx,
    noCard: load.noCard + warm.noCard,
    firstFailure: warm.firstFailure ?? load.firstFailure,
    rssBeforeKb,
    rssAfterKb: rssKb(server.pid),
    peakRssKb: rssKb(server.pid, "VmHWM"),
  };
}

/**
 * Runs the HTTP benchmark on a seeded (and closed) database file: the app on `file` itself,
 * the baseline on a copy made first, so that both start from the same data. On SIGINT/SIGTERM
 * it kills the servers, removes its files, calls `onAbort` and exits.
 */
export async function benchHttp(options: { file: string; deck: string; onAbort?: () => void }): Promise<HttpReport> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mianshi-bench-http-"));
  const copy = path.join(dir, "baseline.db");
  const onSignal = (signal: NodeJS.Signals) => {
    killAllServers();
    fs.rmSync(dir, { recursive: true, force: true });
    options.onAbort?.();
    process.exit(signal === "SIGINT" ? 130 : 143);
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    liftDailyLimits(options.file);
    for (const suffix of ["", "-wal", "-shm"]) if (fs.existsSync(options.file + suffix)) fs.copyFileSync(options.file + suffix, copy + suffix);
    if (ensureBuilt()) console.log("built the app (next build)");
    const readyPath = `/api/v1/decks/${encodeURIComponent(options.deck)}/next`;
    console.log(`\nHTTP on 127.0.0.1: ${CONNECTIONS} connections, ${WARMUP_SECONDS} s warm-up + ${SECONDS} s measured, per server`);

    let port = await freePort();
    const app = await spawnServer({ name: "next start", args: nextStartArgs(port), env: { DATABASE_URL: `file:${options.file}`, NODE_ENV: "production" }, port, readyPath });
    let appRun: HttpRun;
    try {
      appRun = await measure("app", app, options.deck);
    } finally {
      await app.stop();
    }
    printRun(appRun);

    port = await freePort();
    const base = await spawnServer({ name: "baseline server", args: ["--import", "tsx", path.join(ROOT, "bench", "http-baseline.ts"), copy, String(port)], env: {}, port, readyPath });
    let baseRun: HttpRun;
    try {
      baseRun = await measure("baseline", base, options.deck);
    } finally {
      await base.stop();
    }
    printRun(baseRun);
    for (const r of [appRun, baseRun]) {
      if (r.errors || r.non2xx || r.noCard) throw new Error(`HTTP ${r.label}: ${r.errors} errors, ${r.non2xx} non-2xx, ${r.noCard} GETs without a card; first: ${r.firstFailure}`);
    }
    return { seconds: SECONDS, connections: CONNECTIONS, app: appRun, baseline: baseRun };
  } finally {
    killAllServers();
    process.removeListener("SIGINT", onSignal);
    process.removeListener("SIGTERM", onSignal);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : "-");
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;

function printRun(r: HttpRun) {
  console.log(`  ${r.label}: ${r.rps.toFixed(0)} req/s (${r.reviewsPerSecond.toFixed(0)} reviews/s), ${r.errors} errors, ${r.non2xx} non-2xx`);
  for (const [name, p] of [["GET next", r.get], ["POST review", r.post], ["both", r.all]] as const) {
    console.log(`    ${name.padEnd(12)} n ${String(p.count).padStart(6)}  p50 ${ms(p.p50)} ms  p90 ${ms(p.p90)} ms  p99 ${ms(p.p99)} ms  max ${ms(p.max)} ms`);
  }
  console.log(`    server RSS ${mb(r.rssBeforeKb)} before, ${mb(r.rssAfterKb)} after (peak ${mb(r.peakRssKb)})`);
}

export interface InProcessStats {
  p50: number;
  p99: number;
  mean: number;
}

/** The final table: in-process and HTTP, app against baseline. */
export function printSummary(title: string, inProcess: { app: InProcessStats; base: InProcessStats }, http?: HttpReport) {
  const rows: [string, string, string, string][] = [];
  const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : "-");
  const add = (name: string, a: number, b: number) => rows.push([name, ms(a), ms(b), ratio(a, b)]);
  add("in-process p50 (ms)", inProcess.app.p50, inProcess.base.p50);
  add("in-process p99 (ms)", inProcess.app.p99, inProcess.base.p99);
  if (http) {
    const { app, baseline } = http;
    for (const [name, key] of [["GET next", "get"], ["POST review", "post"], ["both", "all"]] as const) {
      add(`HTTP ${name} p50 (ms)`, app[key].p50, baseline[key].p50);
      add(`HTTP ${name} p90 (ms)`, app[key].p90, baseline[key].p90);
      add(`HTTP ${name} p99 (ms)`, app[key].p99, baseline[key].p99);
    }
    rows.push(["HTTP requests/s", app.rps.toFixed(0), baseline.rps.toFixed(0), ratio(baseline.rps, app.rps)]);
    rows.push(["HTTP errors + non-2xx", String(app.errors + app.non2xx), String(baseline.errors + baseline.non2xx), ""]);
    rows.push(["server RSS before (MB)", (app.rssBeforeKb / 1024).toFixed(0), (baseline.rssBeforeKb / 1024).toFixed(0), ratio(app.rssBeforeKb, baseline.rssBeforeKb)]);
    rows.push(["server RSS after (MB)", (app.rssAfterKb / 1024).toFixed(0), (baseline.rssAfterKb / 1024).toFixed(0), ratio(app.rssAfterKb, baseline.rssAfterKb)]);
  }
  const head: [string, string, string, string] = ["", "app", "baseline", "ratio"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => `  ${r[0]!.padEnd(widths[0]!)}  ${r.slice(1).map((c, i) => c.padStart(widths[i + 1]!)).join("  ")}`;
  console.log(`\n${title}`);
  if (http) console.log(`  (HTTP: ${http.connections} connections for ${http.seconds} s; the requests/s ratio is baseline/app)`);
  console.log(line(head));
  console.log(`  ${widths.map((w) => "-".repeat(w)).join("  ")}`);
  for (const r of rows) console.log(line(r));
  const verdict = (ok: boolean) => (ok ? "met" : "NOT met");
  const worst = Math.max(inProcess.app.p50 / inProcess.base.p50, inProcess.app.p99 / inProcess.base.p99);
  console.log(`  aim: in-process p99 < 10 ms: ${verdict(inProcess.app.p99 < 10)}; in-process ratio < 3: ${verdict(worst < 3)}`);
  if (http) {
    const httpWorst = Math.max(http.app.all.p50 / http.baseline.all.p50, http.app.all.p99 / http.baseline.all.p99);
    console.log(`       HTTP p99 < 10 ms: ${verdict(http.app.all.p99 < 10)}; HTTP ratio < 3: ${verdict(httpWorst < 3)}`);
  }
}
