/**
 * Content command line.
 *   npm run content -- check <paths...> [--json]   parse and validate, no database
 *   npm run content -- check <paths...> --audit    also list, per card, leaks, duplicates, trivial cards,
 *                                                  prose no card used and sections without cards
 *   npm run content -- import [paths...]           import into the database (default content/); while
 *                                                  npm start serves it, the files go to the server's import API
 *   npm run content -- grade <paths...> [--points] score reference answers (<notes>.answers.json beside each
 *                                                  notes file) against its interview questions' rubrics
 */
import fs from "node:fs";
import { parseDeck } from "../lib/content/parse";
import { deckToJson, formatError } from "../lib/content/format";
import { auditDeck, type AuditFinding } from "../lib/content/audit";
import type { ContentError } from "../lib/content/types";
import { findDeckFiles, contentRoot } from "../server/content-files";
import { databaseFile } from "../server/database-url";
import { gradeReferenceAnswers } from "./lib/grade-answers";
import { runCli } from "./lib/cli";
import { migrateIfBehind, runningServerUrl } from "./lib/setup";
import { importThroughServer } from "./lib/import-client";
import { printImportReport } from "./lib/report";

const USAGE = `usage:
  npm run content -- check <paths...> [--json] [--audit]
  npm run content -- import [paths...]
  npm run content -- grade <paths...> [--points]`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const json = rest.includes("--json");
  const audit = rest.includes("--audit");
  const paths = rest.filter((a) => !a.startsWith("--"));
  if (command === "check") {
    if (paths.length === 0) {
      console.error(USAGE);
      return 2;
    }
    const decks: Record<string, unknown>[] = [];
    const errors: ContentError[] = [];
    const findings: AuditFinding[] = [];
    for (const f of findDeckFiles(paths)) {
      const r = parseDeck(fs.readFileSync(f.absolute), { file: f.display, deckId: f.deckId });
      if (r.deck) decks.push(deckToJson(r.deck));
      if (r.deck && audit) findings.push(...auditDeck(r.deck));
      errors.push(...r.errors);
    }
    if (json) console.log(JSON.stringify({ decks, errors, ...(audit ? { audit: findings } : {}) }, null, 2));
    else {
      for (const e of errors) console.log(formatError(e));
      for (const a of findings) console.log(`${a.file}:${a.line}: ${a.kind}: ${a.message}`);
      const cards = decks.reduce((n, d) => n + (d.cards as unknown[]).length, 0);
      console.error(`${decks.length} deck(s), ${cards} card(s), ${errors.length} error(s)${audit ? `, ${findings.length} audit finding(s)` : ""}`);
    }
    return errors.length > 0 ? 1 : 0;
  }
  if (command === "grade") {
    if (paths.length === 0) {
      console.error(USAGE);
      return 2;
    }
    return gradeReferenceAnswers(paths, { points: rest.includes("--points") });
  }
  if (command === "import") {
    const file = databaseFile();
    process.env.DATABASE_URL = `file:${file}`;
    const targets = paths.length > 0 ? paths : [contentRoot()];
    // while npm start serves this database, the server imports: it owns the database (and migrated it)
    const server = runningServerUrl(file);
    if (server) {
      console.error(`the server is running: sending the files to it (${server})`);
      const outcome = await importThroughServer(server, findDeckFiles(targets));
      for (const line of outcome.lines) console.log(line);
      for (const e of outcome.errors) console.error(e);
      return outcome.ok ? 0 : 1;
    }
    migrateIfBehind(file);
    const { importContent } = await import("../server/use-cases/import-content");
    const { closeDb } = await import("../server/db");
    const result = await importContent({ paths: targets });
    printImportReport(result);
    await closeDb();
    return result.errors.length > 0 ? 1 : 0;
  }
  console.error(USAGE);
  return 2;
}

runCli(main);
