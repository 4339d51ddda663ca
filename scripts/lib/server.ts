/**
 * Server processes for the e2e tests, the benchmarks and the reliability tests: a free
 * loopback port, a process started and polled until it answers, and a way to stop it (SIGTERM)
 * or crash it (SIGKILL). Every process started here is killed when this process exits.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { ROOT } from "./setup";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === "object" && addr ? resolve(addr.port) : reject(new Error("no port"))));
    });
  });
}

const children = new Set<ChildProcess>();
/** SIGKILLs every server still running (also done on exit). */
export function killAllServers(): void {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
}
process.on("exit", killAllServers);

/** The production server's entry point: run with process.execPath, so that the pid is the server's. */
export const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");

export function nextStartArgs(port: number, host = "127.0.0.1"): string[] {
  return [NEXT_BIN, "start", "-p", String(port), "-H", host];
}

export interface ServerProcess {
  pid: number;
  url: string;
  /** the last 16 kB of its output */
  log(): string;
  /** SIGTERM (SIGKILL after 5 s) and wait for the exit */
  stop(): Promise<void>;
  /** SIGKILL at once and wait for the exit: a crash */
  crash(): Promise<void>;
}

export interface SpawnOptions {
  name: string;
  /** node arguments: a script and its arguments */
  args: string[];
  env: Record<string, string | undefined>;
  port: number;
  /** polled until it answers 200 */
  readyPath: string;
  readyTimeoutMs?: number;
  /** sees all its output as it comes */
  onOutput?: (chunk: string) => void;
}

/** Starts a Node.js server process and waits until `readyPath` answers 200. */
export async function spawnServer(options: SpawnOptions): Promise<ServerProcess> {
  const { name, port, readyPath } = options;
  const child = spawn(process.execPath, options.args, {
    cwd: ROOT,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  let log = "";
  const keep = (d: Buffer) => {
    log = (log + String(d)).slice(-16_000);
    options.onOutput?.(String(d));
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const running = () => child.exitCode === null && child.signalCode === null;
  const end = async (signal: NodeJS.Signals) => {
    if (running()) {
      child.kill(signal);
      const timer = signal === "SIGKILL" ? undefined : setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    }
    children.delete(child);
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
  try {
    for (;;) {
      if (!running()) throw new Error(`${name} exited (${child.exitCode ?? child.signalCode}):\n${log}`);
      if (Date.now() > deadline) throw new Error(`${name} not ready after ${(options.readyTimeoutMs ?? 60_000) / 1000} s:\n${log}`);
      let status: number | undefined;
      let body = "";
      try {
        const r = await fetch(url + readyPath, { redirect: "manual" });
        status = r.status;
        body = await r.text();
      } catch {
        await new Promise((r) => setTimeout(r, 100)); // not listening yet
        continue;
      }
      if (status === 200) break;
      throw new Error(`${name}: GET ${readyPath} answered ${status}: ${body.slice(0, 500)}\n${log}`);
    }
  } catch (e) {
    await end("SIGKILL");
    throw e;
  }
  return { pid: child.pid!, url, log: () => log, stop: () => end("SIGTERM"), crash: () => end("SIGKILL") };
}

/** Resident memory (kB) of a process and its descendants, from /proc. */
export function rssKb(pid: number, field: "VmRSS" | "VmHWM" = "VmRSS"): number {
  const read = (p: number) => {
    try {
      const m = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(fs.readFileSync(`/proc/${p}/status`, "utf8"));
      return m ? Number(m[1]) : 0;
    } catch {
      return 0;
    }
  };
  const parents = new Map<number, number>();
  for (const e of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${e}/stat`, "utf8");
      parents.set(Number(e), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      /* gone */
    }
  }
  let total = 0;
  const visit = (p: number) => {
    total += read(p);
    for (const [child, parent] of parents) if (parent === p) visit(child);
  };
  visit(pid);
  return total;
}
