/**
 * The dashboard (server/use-cases/progress/get-dashboard.ts) on the bench database: 100,000 cards and
 * 1,000,000 reviews over a year. The bar: under one second of server time. Prints p50/p99.
 */
import { performance } from "node:perf_hooks";
import { openDb } from "../server/db";
import { dashboard } from "../server/use-cases/progress/get-dashboard";
import { NOW, stats } from "./seed";

export async function benchDashboard(file: string, iterations = Number(process.env.BENCH_DASHBOARD_ITERATIONS ?? 10)): Promise<void> {
  const db = openDb(file, { backgroundCheckpoints: false });
  try {
    const now = new Date(NOW);
    await dashboard({ db, now, timeZone: "Asia/Shanghai" }); // warm up
    const samples: number[] = [];
    let reviews = 0;
    for (let i = 0; i < iterations; i++) {
      const start = performance.now();
      const d = await dashboard({ db, now, timeZone: "Asia/Shanghai" });
      samples.push(performance.now() - start);
      reviews = d.reviewsByDay.reduce((s, x) => s + x.count, 0);
    }
    const s = stats(samples);
    console.log(`\ndashboard (server/use-cases/progress/get-dashboard.ts), ${reviews.toLocaleString("en")} reviews in its year, ${iterations} iterations`);
    console.log(`  p50 ${s.p50.toFixed(1)} ms  p99 ${s.p99.toFixed(1)} ms  (bar: under 1000 ms)`);
  } finally {
    await db.close();
  }
}
