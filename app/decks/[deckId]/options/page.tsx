import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NotFoundError } from "@/server/errors";
import { getDeckOptions } from "@/server/use-cases/deck-options/get-deck-options";
import { OptionsForm } from "./options-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  const options = await getTranslations("options");
  return { title: t("pageTitle", { page: options("title") }) };
}

export default async function DeckOptionsPage({ params }: { params: Promise<{ deckId: string }> }) {
  // a page's segment arrives percent-encoded (a route handler's arrives decoded): decode it once;
  // a malformed escape never gets here (proxy.ts answers 400)
  const deckId = decodeURIComponent((await params).deckId);
  let view;
  try {
    view = await getDeckOptions({ deckId });
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    throw e;
  }
  const t = await getTranslations("options");
  return (
    <main id="main" className="page">
      <header className="page-header">
        <Link href={`/study/${encodeURIComponent(deckId)}`}>← {view.deckTitle}</Link>
        <h1>{t("title")}</h1>
      </header>
      <OptionsForm initial={view} />
      <p className="deck-export">
        <a href={`/api/v1/decks/${encodeURIComponent(deckId)}/export`} download data-testid="deck-export">
          {t("exportCsv")}
        </a>
      </p>
    </main>
  );
}
