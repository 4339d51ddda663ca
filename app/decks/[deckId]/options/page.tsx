import Link from "next/link";
import { notFound } from "next/navigation";
import { NotFoundError } from "@/server/errors";
import { getDeckOptions } from "@/server/use-cases/deck-options";
import { OptionsForm } from "./options-form";

export const dynamic = "force-dynamic";

export default async function DeckOptionsPage({ params }: { params: Promise<{ deckId: string }> }) {
  const deckId = decodeURIComponent((await params).deckId);
  let view;
  try {
    view = await getDeckOptions({ deckId });
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    throw e;
  }
  return (
    <main id="main" className="page">
      <header className="page-header">
        <Link href={`/study/${encodeURIComponent(deckId)}`}>← {view.deckTitle}</Link>
        <h1>Deck options 卡组选项</h1>
      </header>
      <OptionsForm initial={view} />
    </main>
  );
}
