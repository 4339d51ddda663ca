import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getHistoryNames } from "@/app/components/history-names";
import { practiceQuerySchema } from "@/lib/api-schemas";
import { getDeck } from "@/server/use-cases/decks/get-deck";
import { PracticeSession } from "./practice-session";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ deckId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PracticePage({ params, searchParams }: Props) {
  const deckId = decodeURIComponent((await params).deckId);
  const deck = await getDeck({ deckId });
  if (!deck) notFound();
  const raw = await searchParams;
  const query = practiceQuerySchema.safeParse({ mode: raw.mode, ...(typeof raw.topic === "string" ? { topic: raw.topic } : {}) });
  const [t, names] = await Promise.all([getTranslations("practice"), getHistoryNames()]);
  const title = names.deckTitle(deck.id, deck.title);
  return (
    <main id="main" className="page">
      <div className="topbar">
        <Link className="brand" href={`/study/${encodeURIComponent(deck.id)}`}>
          ← {title}
        </Link>
        <h1 className="deck-title">{query.success && query.data.mode === "topic" ? t("titleTopic") : t("titleAhead")}</h1>
      </div>
      {query.success ? (
        <PracticeSession deckId={deck.id} deckTitle={title} mode={query.data.mode} topic={query.data.topic} />
      ) : (
        <p role="alert" className="alert" data-testid="error">
          {t("badQuery")}
        </p>
      )}
    </main>
  );
}
