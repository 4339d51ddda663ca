/**
 * The built app (`next start`, built once when its sources changed) on a fresh test database,
 * for what only the real HTTP stack shows: the body Next.js hands a route, the headers it sets,
 * how it decodes a path, the connection's peer. Requests go through node:http so that a test
 * can choose the Host header, the source address (any 127.x.y.z reaches a loopback server) and
 * a chunked body.
 */
import http from "node:http";
import { ensureBuilt } from "../../scripts/lib/setup";
import { freePort, nextStartArgs, spawnServer, type ServerProcess } from "../../scripts/lib/server";
import { importContent } from "../../server/use-cases/import-content";
import type { Db } from "../../server/db";
import { freshDb, writeContent } from "./helpers";

export interface App {
  url: string;
  port: number;
  /** the server's database, opened by the test too (WAL: both see every commit) */
  db: Db & { dir: string };
  server: ServerProcess;
  stop(): Promise<void>;
}

/** Builds the app when needed, then serves it on a fresh copy of the test database with `content` imported. */
export async function startApp(options: { env?: Record<string, string>; content?: Record<string, string>; now: Date }): Promise<App> {
  ensureBuilt();
  const db = freshDb();
  if (options.content) {
    const root = writeContent(db.dir, options.content);
    await importContent({ db, paths: [root], contentRoot: root, now: options.now });
  }
  const port = await freePort();
  const env: Record<string, string> = { DATABASE_URL: `file:${db.file}`, MIANSHI_FSRS_FUZZ: "0", MIANSHI_TRUST_CLIENT_CLOCK: "1", ...options.env };
  const server = await spawnServer({ name: "next start", args: nextStartArgs(port), env, port, readyPath: env.MIANSHI_PASSPHRASE ? "/login" : "/api/v1/decks" });
  return {
    url: server.url,
    port,
    db,
    server,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

export interface Sent {
  method?: string;
  headers?: Record<string, string>;
  /** a string or buffer (sent with Content-Length), or chunks (sent chunked, no Content-Length) */
  body?: string | Buffer | Buffer[];
  /** the source address of the connection, e.g. 127.0.0.2 */
  from?: string;
}

export interface Received {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json<T = unknown>(): T;
}

/** One HTTP request to the app, on its own connection. */
export function send(app: App, path: string, sent: Sent = {}): Promise<Received> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = http.request(
      { host: "127.0.0.1", port: app.port, path, method: sent.method ?? "GET", headers: sent.headers, localAddress: sent.from, agent: false },
      (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          resolve({ status: res.statusCode!, headers: res.headers, text, json: <T>() => JSON.parse(text) as T });
        });
        res.on("error", reject);
      },
    );
    // a server that answers before reading everything may close while we still write
    req.on("error", (e) => (answered ? undefined : reject(e)));
    const body = sent.body;
    if (Array.isArray(body)) {
      const write = (i: number) => {
        if (i === body.length) return void req.end();
        if (req.write(body[i])) write(i + 1);
        else req.once("drain", () => write(i + 1));
      };
      write(0);
    } else req.end(body);
  });
}
