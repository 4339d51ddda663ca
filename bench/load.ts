/**
 * Load test (`npm run test:load`): `next start` on loopback with a seeded database takes mixed
 * study traffic at a fixed rate — 40% next card (with today's counts), 40% reviews of random
 * cards, 20% deck list — for MIANSHI_LOAD_SECONDS (300) at MIANSHI_LOAD_RPS (200) requests a
 * second. Requests are sent on schedule whether or not earlier ones have finished (an open
 * loop), and latency is counted from the scheduled moment, so a stalled server shows.
 *
 * Fails on any error or non-2xx answer, and when the server's memory keeps growing: RSS saws up
 * and down with garbage collection, so the lowest RSS of the last fifth of the run may exceed
 * the lowest of the second fifth by at most 10% plus 16 MB (at 5 minutes: the last minute
 * against the second). The server runs with --trace-gc: the V8 heap left after each full
 * collection is printed too.
 */
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { migrate, ensureBuilt } from "../scripts/lib/setup";
import { freePort, killAllServers, nextStartArgs, rssKb, spawnServer } from "../scripts/lib/server";
import { percentiles, liftDailyLimits } from "./http";
import { mulberry32 } from "./random";
import { DECK, seed } from "./seed";

const SECONDS = Number(process.env.MIANSHI_LOAD_SECONDS ?? 300);
const RPS = Number(process.env.MIANSHI_LOAD_RPS ?? 200);
const SEED = Number(process.env.MIANSHI_LOAD_SEED ?? 7);
const CARDS = 20_000;
const SAMPLE_MS = 5000;
const GROWTH_RATIO = 1.1;
const GROWTH_SLACK_KB = 16 * 1024;

type Kind = "next" | "review" | "decks";

interface Sample {
  atS: number;
  rssKb: number;
}

// idle sockets are closed before the server's 5 s keep-alive timeout would close them under a request
const agent = new http.Agent({ keepAlive: true, maxSockets: 64, timeout: 2000 });

/** One request; resolves with the status (0 for a network error) once the body is read. */
function request(url: string, method: string, body?: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve) => {
    const req = http.request(url, { method, agent, headers: body ? { "content-type": "application/json", "content-length": Buffer.byteLength(body) } : {} }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (text += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
      res.on("error", (e) => resolve({ status: 0, text: String(e) }));
    });
    req.on("error", (e) => resolve({ status: 0, text: String(e) }));
    req.end(body);
  });
}

const mb = (kb: number) => (kb / 1024).toFixed(0);

/** Least-squares slope of RSS over time, in MB per minute. */
function slopeMbPerMin(samples: Sample[]): number {
  const n = samples.length;
  if (n < 2) return 0;
  const mx = samples.reduce((a, s) => a + s.atS, 0) / n;
  const my = samples.reduce((a, s) => a + s.rssKb, 0) / n;
  let num = 0;
  let den = 0;
  for (const s of samples) {
    num += (s.atS - mx) * (s.rssKb - my);
    den += (s.atS - mx) ** 2;
  }
  return den === 0 ? 0 : (num / den / 1024) * 60;
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mianshi-load-"));
  const file = path.join(dir, "load.db");
  try {
    migrate(file);
    seed(file, { cards: CARDS, reviews: 100_000 });
    liftDailyLimits(file);
    if (ensureBuilt()) console.log("built the app (next build)");
    const port = await freePort();
    // --trace-gc: the live heap after each full collection tells growth from garbage not yet collected
    const fullGcs: { atS: number; afterMb: number; pauseMs: number }[] = [];
    let start = performance.now();
    let pending = "";
    const onOutput = (chunk: string) => {
      const lines = (pending + chunk).split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) {
        const m = /Mark-Compact[^\d]*([\d.]+) \(([\d.]+)\) -> ([\d.]+) \(([\d.]+)\) MB,.*?([\d.]+) \/ [\d.]+ ms/.exec(line);
        if (m) fullGcs.push({ atS: (performance.now() - start) / 1000, afterMb: Number(m[3]), pauseMs: Number(m[5]) });
      }
    };
    const server = await spawnServer({
      name: "next start",
      args: ["--trace-gc", ...nextStartArgs(port)],
      env: { DATABASE_URL: `file:${file}`, NODE_ENV: "production" },
      port,
      readyPath: "/api/v1/decks",
      onOutput,
    });
    const deckPath = `/api/v1/decks/${encodeURIComponent(DECK)}/next?tz=Asia/Shanghai`;
    const rnd = mulberry32(SEED);
    const latencies: Record<Kind, number[]> = { next: [], review: [], decks: [] };
    const failures = new Map<string, number>();
    let firstFailure: string | undefined;
    let sent = 0;
    let done = 0;

    // a short warm-up (JIT, page cache, Next.js's lazily loaded routes), not measured
    for (let i = 0; i < 50; i++) {
      await request(server.url + deckPath, "GET");
      await request(server.url + "/api/v1/decks", "GET");
      await request(server.url + "/api/v1/reviews", "POST", JSON.stringify({ cardId: `c${i}`, rating: 3, idempotencyKey: `warm-${i}` }));
    }
    const rssBefore = rssKb(server.pid);
    console.log(`load: ${RPS} requests/s for ${SECONDS} s against ${server.url} (pid ${server.pid}); RSS before ${mb(rssBefore)} MB`);

    const samples: Sample[] = [];
    start = performance.now();
    fullGcs.length = 0;
    const sampler = setInterval(() => {
      const s = { atS: (performance.now() - start) / 1000, rssKb: rssKb(server.pid) };
      samples.push(s);
      if (samples.length % Math.max(1, Math.round(60_000 / SAMPLE_MS)) === 0) {
        console.log(`  ${s.atS.toFixed(0).padStart(4)} s: RSS ${mb(s.rssKb)} MB, ${done} requests done, ${sent - done} in flight`);
      }
    }, SAMPLE_MS);

    const fire = (scheduledAt: number) => {
      const r = rnd();
      const kind: Kind = r < 0.4 ? "next" : r < 0.8 ? "review" : "decks";
      sent++;
      const call =
        kind === "next"
          ? request(server.url + deckPath, "GET")
          : kind === "decks"
            ? request(server.url + "/api/v1/decks", "GET")
            : request(
                server.url + "/api/v1/reviews",
                "POST",
                JSON.stringify({ cardId: `c${Math.floor(rnd() * CARDS)}`, rating: 1 + Math.floor(rnd() * 4), idempotencyKey: `load-${SEED}-${sent}`, durationMs: 3000 }),
              );
      void call.then(({ status, text }) => {
        done++;
        latencies[kind].push(performance.now() - scheduledAt);
        if (status < 200 || status >= 300) {
          const key = `${kind} ${status}`;
          failures.set(key, (failures.get(key) ?? 0) + 1);
          firstFailure ??= `${key}: ${text.slice(0, 300)}`;
        }
      });
    };

    // the open loop: every tick sends what the schedule says is due by now
    const total = Math.round(SECONDS * RPS);
    await new Promise<void>((resolve) => {
      let issued = 0;
      const tick = setInterval(() => {
        const elapsed = performance.now() - start;
        const due = Math.min(total, Math.floor((elapsed / 1000) * RPS));
        while (issued < due) fire(start + (issued++ * 1000) / RPS);
        if (issued >= total) {
          clearInterval(tick);
          resolve();
        }
      }, 2);
    });
    const until = Date.now() + 30_000;
    while (done < sent && Date.now() < until) await new Promise((r) => setTimeout(r, 20)); // the last answers
    clearInterval(sampler);
    const rssEnd = rssKb(server.pid);
    const duration = (performance.now() - start) / 1000;
    await server.stop();

    const all = [...latencies.next, ...latencies.review, ...latencies.decks];
    // RSS saws up and down with garbage collection: compare the troughs (what stays live)
    const fifth = SECONDS / 5;
    const second = samples.filter((s) => s.atS >= fifth && s.atS < 2 * fifth).map((s) => s.rssKb);
    const last = samples.filter((s) => s.atS >= SECONDS - fifth).map((s) => s.rssKb);
    const limitKb = Math.min(...second) * GROWTH_RATIO + GROWTH_SLACK_KB;
    const growthOk = Math.min(...last) <= limitKb;
    const secondHalfSlope = slopeMbPerMin(samples.filter((s) => s.atS >= SECONDS / 2));
    const ms = (x: number) => x.toFixed(1);
    console.log(`\nload test: ${sent} requests in ${duration.toFixed(0)} s (${(sent / duration).toFixed(0)}/s), ${sent - done} unanswered, errors: ${failures.size ? JSON.stringify(Object.fromEntries(failures)) : "none"}`);
    for (const [name, xs] of [["next card", latencies.next], ["review", latencies.review], ["deck list", latencies.decks], ["all", all]] as const) {
      const p = percentiles(xs);
      console.log(`  ${name.padEnd(10)} n ${String(p.count).padStart(6)}  p50 ${ms(p.p50)} ms  p90 ${ms(p.p90)} ms  p99 ${ms(p.p99)} ms  max ${ms(p.max)} ms`);
    }
    console.log(`  RSS (MB): before ${mb(rssBefore)}; every ${SAMPLE_MS / 1000} s: ${samples.map((s) => mb(s.rssKb)).join(" ")}; after ${mb(rssEnd)}`);
    console.log(
      `  memory: lowest RSS ${mb(Math.min(...second))} MB in the second fifth, ${mb(Math.min(...last))} MB in the last (limit ${mb(limitKb)}); ` +
        `slope over the second half ${secondHalfSlope.toFixed(2)} MB/min: ${growthOk ? "no growth" : "GROWING"}`,
    );
    const gcs = fullGcs.map((g) => `${g.atS.toFixed(0)}s:${g.afterMb.toFixed(0)}`).join(" ");
    console.log(`  V8 heap after each full GC (time: MB): ${gcs || "none"}; longest full-GC pause ${Math.max(0, ...fullGcs.map((g) => g.pauseMs)).toFixed(0)} ms`);
    const problems = [
      failures.size || sent !== done ? `errors or unanswered requests (first: ${firstFailure ?? "none answered"})` : "",
      growthOk ? "" : "the server's memory kept growing",
    ].filter(Boolean);
    if (problems.length) throw new Error(`load test failed: ${problems.join("; ")}`);
  } finally {
    killAllServers();
    agent.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
