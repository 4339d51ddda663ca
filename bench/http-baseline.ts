/**
 * The HTTP baseline of bench/http.ts: a bare node:http server doing the study hot path's minimal
 * SQL work with better-sqlite3 directly (select the next due card, else the first new card;
 * FSRS; insert the review and update the card in one transaction), and nothing else: no
 * framework, no validation library.
 * Usage: node --import tsx bench/http-baseline.ts <database file> <port>
 */
import http from "node:http";
import Database from "better-sqlite3";
import { createScheduler, stateFromRow, type RatingValue, type SchedRow } from "../lib/scheduling";

type Row = SchedRow & { id: string };
const [file, port] = process.argv.slice(2);
if (!file || !port) throw new Error("usage: http-baseline.ts <database file> <port>");
const sqlite = new Database(file, { timeout: 5000 });
sqlite.pragma("journal_mode = WAL");
sqlite.pragma("synchronous = NORMAL");
const scheduler = createScheduler();
const nextSeen = sqlite.prepare<[string, number], Row>(`SELECT * FROM Card WHERE deckId = ? AND retired = 0 AND due <= ? AND state != 0 ORDER BY due LIMIT 1`);
const nextNew = sqlite.prepare<[string, number], Row>(`SELECT * FROM Card WHERE deckId = ? AND retired = 0 AND state = 0 AND due <= ? ORDER BY position LIMIT 1`);
const next = (deckId: string, now: number) => nextSeen.get(deckId, now) ?? nextNew.get(deckId, now);
const byId = sqlite.prepare<[string], Row>(`SELECT * FROM Card WHERE id = ?`);
const ins = sqlite.prepare(
  `INSERT INTO Review (cardId, rating, reviewedAt, source, idempotencyKey, before, state, due, stability, difficulty, scheduledDays) VALUES (?, ?, ?, 'study', ?, '{}', ?, ?, ?, ?, ?)`,
);
const upd = sqlite.prepare(`UPDATE Card SET due = ?, stability = ?, difficulty = ?, scheduledDays = ?, reps = ?, state = ?, lastReview = ? WHERE id = ?`);
const rate = sqlite.transaction((cardId: string, rating: RatingValue, key: string | null, now: number) => {
  const row = byId.get(cardId);
  if (!row) return null;
  const a = scheduler.rate(stateFromRow(row), rating, new Date(now));
  ins.run(row.id, rating, now, key, a.state, a.due.getTime(), a.stability, a.difficulty, a.scheduledDays);
  upd.run(a.due.getTime(), a.stability, a.difficulty, a.scheduledDays, a.reps, a.state, now, row.id);
  return { cardId: row.id, due: a.due.toISOString(), state: a.state, stability: a.stability, difficulty: a.difficulty };
});

const send = (res: http.ServerResponse, status: number, body: unknown) =>
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));

http
  .createServer((req, res) => {
    const deck = /^\/api\/v1\/decks\/([^/]+)\/next$/.exec(req.url ?? "");
    if (req.method === "GET" && deck) return send(res, 200, { card: next(decodeURIComponent(deck[1]!), Date.now()) ?? null });
    if (req.method !== "POST" || req.url !== "/api/v1/reviews") return send(res, 404, { error: { code: "not_found" } });
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString()) as { cardId: string; rating: RatingValue; idempotencyKey?: string };
        const result = rate.immediate(body.cardId, body.rating, body.idempotencyKey ?? null, Date.now());
        send(res, result ? 200 : 404, result ?? { error: { code: "not_found" } });
      } catch (e) {
        send(res, 400, { error: { code: "bad_request", message: String(e) } });
      }
    });
  })
  .listen(Number(port), "127.0.0.1");
