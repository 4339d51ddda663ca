/**
 * Crash test: 20 concurrent clients send 1,000 reviews over HTTP to a real `next start` server
 * while it is killed with SIGKILL at a seeded moment and restarted. Clients retry with the same
 * idempotency key until they get an answer; one review in ten is sent twice at once (two
 * connections, the same key). Afterwards every acknowledged review is in the database, once,
 * the database passes `PRAGMA integrity_check`, and every card's stored FSRS state (and every
 * review's) equals the state recomputed by replaying its reviews in order.
 *
 * MIANSHI_CRASH_SEED picks another plan (cards, ratings, racing pairs, the kill moment).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test, expect } from "@playwright/test";
import { schedulerFor } from "@/server/deck-settings";
import { parseOptions } from "@/server/store/presets";
import { stateFromRow, type RatingValue, type SchedRow, type SchedState } from "@/lib/scheduling";
import { mulberry32 } from "../../bench/random";
import { startServer, withDb, type TestServer } from "./fixtures/server";

const SEED = Number(process.env.MIANSHI_CRASH_SEED ?? 20261126);
const CLIENTS = 20;
const REVIEWS = 1000;
const CARDS = 2 * CLIENTS;
const RACE_SHARE = 0.1;
/** the study session's clock: each client's reviews are 7 minutes apart (x-mianshi-now) */
const START = Date.parse("2027-01-04T09:00:00Z");
const STEP_MS = 7 * 60_000;

interface PlannedReview {
  key: string;
  cardIndex: number;
  rating: RatingValue;
  now: number;
  race: boolean;
}

/**
 * Each client owns two cards, so one card's reviews come in order, with increasing times,
 * whatever the interleaving of clients: the history to replay is the same on every run.
 */
function plan(seed: number) {
  const rnd = mulberry32(seed);
  const perClient = REVIEWS / CLIENTS;
  const clients: PlannedReview[][] = [];
  for (let c = 0; c < CLIENTS; c++) {
    const reviews: PlannedReview[] = [];
    for (let k = 0; k < perClient; k++) {
      reviews.push({
        key: `crash-${seed}-${c}-${k}`,
        cardIndex: c + CLIENTS * Math.floor(rnd() * 2),
        rating: (1 + Math.floor(rnd() * 4)) as RatingValue,
        now: START + k * STEP_MS + c * 1000,
        race: rnd() < RACE_SHARE,
      });
    }
    clients.push(reviews);
  }
  // SIGKILL after this many acknowledgements: somewhere in the middle, requests in flight
  const killAfter = Math.floor(REVIEWS * (0.15 + 0.7 * rnd()));
  return { clients, killAfter };
}

function deckFile(dir: string): string {
  const lines = ["---", "title: Crash deck", "---", ""];
  for (let i = 0; i < CARDS; i++) lines.push(`Crash question ${i}? :: Answer ${i}.`, "");
  fs.writeFileSync(path.join(dir, "crash-deck.md"), lines.join("\n"));
  return dir;
}

interface Ack {
  reviewId: number;
  cardId: string;
  rating: RatingValue;
  recorded: boolean;
}

let server: TestServer;
let contentDir: string;

test.beforeAll(async ({}, testInfo) => {
  testInfo.setTimeout(120_000);
  contentDir = deckFile(fs.mkdtempSync(path.join(os.tmpdir(), "mianshi-crash-content-")));
  server = await startServer({ content: [contentDir] });
});

test.afterAll(async () => {
  await server?.stop();
  if (contentDir) fs.rmSync(contentDir, { recursive: true, force: true });
});

test("SIGKILL under 20 concurrent clients loses no acknowledged review and corrupts no schedule", async () => {
  test.setTimeout(240_000);
  const { clients, killAfter } = plan(SEED);
  const cardIds = withDb(server, (db) => (db.prepare(`SELECT id FROM Card WHERE deckId = 'crash-deck' ORDER BY position`).all() as { id: string }[]).map((r) => r.id));
  expect(cardIds).toHaveLength(CARDS);

  const acks = new Map<string, Ack>();
  const failures: string[] = [];
  let acknowledged = 0;
  let retries = 0;
  let inFlight = 0;
  let crash: Promise<void> | undefined;
  let killReport = "";
  const started = Date.now();

  /** POSTs until the server answers (it may be down); a network error means: try again. */
  const send = async (r: PlannedReview): Promise<Ack | null> => {
    const body = JSON.stringify({ cardId: cardIds[r.cardIndex], rating: r.rating, idempotencyKey: r.key, durationMs: 1000 });
    for (let attempt = 0; ; attempt++) {
      if (Date.now() - started > 180_000) throw new Error(`gave up on ${r.key}: the server never came back`);
      inFlight++;
      let res: Response;
      let text: string;
      try {
        res = await fetch(`${server.url}/api/v1/reviews`, { method: "POST", headers: { "content-type": "application/json", "x-mianshi-now": String(r.now) }, body });
        text = await res.text();
      } catch {
        // refused or cut off: the server is down; poll until it is back
        retries++;
        await new Promise((resolve) => setTimeout(resolve, 20 + 10 * Math.min(attempt, 10)));
        continue;
      } finally {
        inFlight--;
      }
      if (!res.ok) {
        failures.push(`${r.key}: ${res.status} ${text.slice(0, 200)}`);
        return null;
      }
      const json = JSON.parse(text) as { reviewId: number; cardId: string; recorded: boolean };
      if (++acknowledged === killAfter) {
        const at = Date.now() - started;
        const pending = inFlight;
        crash = (async () => {
          const pid = server.pid;
          await server.crash();
          killReport = `SIGKILL of pid ${pid} after ${killAfter} acknowledgements (${at} ms in, ${pending} requests in flight)`;
          await server.restart();
        })();
      }
      return { reviewId: json.reviewId, cardId: json.cardId, rating: r.rating, recorded: json.recorded };
    }
  };

  let racingPairs = 0;
  await Promise.all(
    clients.map(async (reviews) => {
      for (const r of reviews) {
        let ack: Ack | null;
        if (r.race) {
          racingPairs++;
          const [a, b] = await Promise.all([send(r), send(r)]);
          if (a && b) {
            expect(b.reviewId, `${r.key}: two answers for one key name one review`).toBe(a.reviewId);
            expect(a.recorded && b.recorded, `${r.key}: recorded twice`).toBe(false);
          }
          ack = a ?? b;
        } else ack = await send(r);
        if (ack) acks.set(r.key, ack);
      }
    }),
  );
  await crash;
  expect(failures).toEqual([]);
  expect(killReport, "the server was killed").not.toBe("");

  // the database as a crash leaves it: kill the server again before looking
  await server.crash();
  const found = withDb(
    server,
    (db) => {
      const integrity = db.pragma("integrity_check", { simple: true });
      const reviews = db
        .prepare(`SELECT r.id, r.cardId, r.rating, r.reviewedAt, r.idempotencyKey, r.before, r.state, r.due, r.stability, r.difficulty, r.scheduledDays
                  FROM Review r ORDER BY r.id`)
        .all() as { id: number; cardId: string; rating: RatingValue; reviewedAt: number; idempotencyKey: string; before: string; state: number; due: number; stability: number; difficulty: number; scheduledDays: number }[];
      const cards = db.prepare(`SELECT id, due, stability, difficulty, elapsedDays, scheduledDays, learningSteps, reps, lapses, state, lastReview FROM Card`).all() as (SchedRow & { id: string })[];
      const preset = db
        .prepare(`SELECT p.options, (SELECT value FROM Setting WHERE key = 'fsrsParameters') AS weights FROM Deck d JOIN Preset p ON p.id = d.presetId WHERE d.id = 'crash-deck'`)
        .get() as { options: string; weights: string | null };
      return { integrity, reviews, cards, preset };
    },
    { readonly: false },
  );
  console.log(
    `crash test: seed ${SEED}; ${killReport}; reviews acknowledged ${acks.size}, found ${found.reviews.length}; ` +
      `${retries} retried requests; ${racingPairs} racing pairs; ${Date.now() - started} ms`,
  );

  expect(found.integrity).toBe("ok");
  // every acknowledged review is there, once, as acknowledged; nothing else is
  const byKey = new Map(found.reviews.map((r) => [r.idempotencyKey, r]));
  expect(byKey.size).toBe(found.reviews.length);
  for (const [key, ack] of acks) {
    const row = byKey.get(key);
    expect(row, `acknowledged review ${key} is missing`).toBeDefined();
    expect({ id: row!.id, cardId: row!.cardId, rating: row!.rating }).toEqual({ id: ack.reviewId, cardId: ack.cardId, rating: ack.rating });
  }
  expect(acks.size).toBe(REVIEWS);
  expect(found.reviews.length).toBe(REVIEWS);

  // replay each card's reviews in order through the scheduler recordReview uses (fuzz off)
  const scheduler = schedulerFor(parseOptions(found.preset.options), found.preset.weights, false);
  const history = new Map<string, typeof found.reviews>();
  for (const r of found.reviews) history.set(r.cardId, [...(history.get(r.cardId) ?? []), r]);
  const revive = (json: string): SchedState => {
    const s = JSON.parse(json) as SchedState & { due: string; lastReview: string | null };
    return { ...s, due: new Date(s.due), lastReview: s.lastReview === null ? null : new Date(s.lastReview) };
  };
  for (const card of found.cards) {
    const reviews = history.get(card.id) ?? [];
    if (reviews.length === 0) continue;
    let state = revive(reviews[0]!.before);
    for (const r of reviews) {
      expect(revive(r.before), `review ${r.id}: the state before it`).toEqual(state);
      state = scheduler.rate(state, r.rating, new Date(r.reviewedAt));
      expect({ state: r.state, due: r.due, stability: r.stability, difficulty: r.difficulty, scheduledDays: r.scheduledDays }, `review ${r.id}`).toEqual({
        state: state.state,
        due: state.due.getTime(),
        stability: state.stability,
        difficulty: state.difficulty,
        scheduledDays: state.scheduledDays,
      });
    }
    expect(stateFromRow(card), `card ${card.id}`).toEqual(state);
  }
  expect(history.size).toBe(CARDS);
});
