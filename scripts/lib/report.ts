import type { ImportContentResult } from "../../server/use-cases/import-content";
import { formatError } from "../../lib/content/format";

export function printImportReport(result: ImportContentResult, out: (line: string) => void = console.log): void {
  for (const d of result.decks) {
    if (d.status === "failed") out(`${d.source}: not imported (errors below); the deck already in the database is unchanged`);
    else out(`${d.source}: ${d.added} added, ${d.updated} updated, ${d.retired} retired, ${d.unchanged} unchanged${d.reworded ? `, ${d.reworded} reworded (progress kept)` : ""}${d.status === "unchanged" ? " (file unchanged)" : ""}`);
  }
  for (const e of result.errors) console.error(formatError(e));
}
