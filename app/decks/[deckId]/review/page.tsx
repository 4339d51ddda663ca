import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NotFoundError } from "@/server/errors";
import { getDeck } from "@/server/use-cases/decks/get-deck";
import { listDeckCuration } from "@/server/use-cases/curation/list-deck-curation";
import { ReviewList } from "./review-list";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const [meta, t] = await Promise.all([getTranslations("meta"), getTranslations("curation")]);
  return { title: meta("pageTitle", { page: t("title") }) };
}

/** The generated cards of a notes deck, to keep, discard or fix (server/use-cases/curation/). */
export default async function DeckReviewPage({ params }: { params: Promise<{ deckId: string }> }) {
  // a page's segment arrives percent-encoded: decode it once (proxy.ts refuses a malformed escape)
  const deckId = decodeURIComponent((await params).deckId);
  const deck = await getDeck({ deckId });
  if (!deck) notFound();
  let view;
  try {
    view = listDeckCuration({ deckId });
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    throw e;
  }
  const t = await getTranslations("curation");
  return (
    <main id="main" className="page">
      <header className="page-header">
        <Link href={`/study/${encodeURIComponent(deckId)}`}>← {deck.title}</Link>
        <h1>{t("title")}</h1>
        <p className="hint">{t("intro")}</p>
      </header>
      {view.cards.length === 0 ? <p data-testid="curation-empty">{deck.notesMode ? t("none") : t("notNotes")}</p> : <ReviewList initial={view} />}
    </main>
  );
}
