import { getTranslations } from "next-intl/server";
import type { ContentError } from "@/lib/content/types";
import { listNotesEvents } from "@/server/use-cases/decks/list-notes-events";

/** How long a change of the notes folder is told on the home page. */
const SHOWN_FOR_MS = 10 * 60 * 1000;

/**
 * What the notes-folder watcher did lately (server/notes-watcher.ts): each deck file saved,
 * added, renamed or removed in the last minutes with its counts, and every file that is broken with its
 * errors and their lines, for as long as it stays broken (with `deckId`, on a deck's page: only
 * that deck's errors). Nothing when nothing happened.
 */
export async function NotesNotice({ deckId }: { deckId?: string } = {}) {
  const t = await getTranslations("home");
  const all = listNotesEvents({ withinMs: SHOWN_FOR_MS, limit: 5, changesOnly: true });
  // on a deck's own page: only its file's errors
  const events = deckId === undefined ? all.events : [];
  const broken = deckId === undefined ? all.broken : all.broken.filter((b) => b.deckId === deckId);
  const brokenIds = new Set(broken.map((b) => b.deckId));
  const changes = events.filter((e) => e.kind !== "failed" && !brokenIds.has(e.deckId));
  if (changes.length === 0 && broken.length === 0) return null;
  return (
    <section className="notes-notice" aria-label={t("watchLabel")} data-testid="notes-notice">
      {changes.length > 0 ? (
        <ul role="status">
          {changes.map((e) => (
            <li key={e.id} data-testid="notes-event" data-deck-id={e.deckId}>
              {e.kind === "removed" ? t("watchRemoved", { file: e.name, retired: e.retired }) : e.renamedFrom ? t("watchRenamed", { file: e.name, from: e.renamedFrom, carried: e.carried ?? 0 }) : t("watchImported", { file: e.name, added: e.added, back: e.restored, updated: e.updated - e.restored, retired: e.retired })}
            </li>
          ))}
        </ul>
      ) : null}
      {broken.map((b) => (
        <div key={b.deckId} className="notes-broken" role="alert" data-testid="notes-broken" data-deck-id={b.deckId}>
          <p>{t("watchFailed", { file: b.name })}</p>
          <ul>
            {b.errors.slice(0, 5).map((e, i) => (
              <li key={i}>
                <code>{errorLine(b.name, e)}</code>
              </li>
            ))}
          </ul>
          {b.errors.length > 5 ? <p>{t("watchMoreErrors", { count: b.errors.length - 5 })}</p> : null}
        </div>
      ))}
    </section>
  );
}

const errorLine = (name: string, e: ContentError) => `${name}:${e.line}: ${e.message}`;
