import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { listDecks } from "@/server/use-cases/study";
import { StudySession } from "./study-session";

export const dynamic = "force-dynamic";

interface Props {
  params: Promise<{ deckId: string }>;
}

/** The segment may arrive percent-encoded ("openstack%2F01-vm-creation") or decoded. */
async function findDeck(params: Props["params"]) {
  const { deckId } = await params;
  let decoded = deckId;
  try {
    decoded = decodeURIComponent(deckId);
  } catch {
    /* not valid percent-encoding: use it as it is */
  }
  const decks = await listDecks();
  return decks.find((d) => d.id === decoded) ?? decks.find((d) => d.id === deckId) ?? null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const deck = await findDeck(params);
  return { title: deck ? `${deck.title} · Mianshi 面试` : "Deck not found · Mianshi 面试" };
}

export default async function StudyPage({ params }: Props) {
  const deck = await findDeck(params);
  if (!deck) notFound();
  return (
    <main id="main" className="page">
      <div className="topbar">
        <Link className="brand" href="/">
          ← Mianshi 面试
        </Link>
        <h1 className="deck-title" data-testid="deck-title">
          {deck.title}
        </h1>
        <Link href={`/browse?${new URLSearchParams({ deck: deck.id }).toString()}`} data-testid="browse-link">
          Browse 浏览
        </Link>
        <Link href={`/decks/${encodeURIComponent(deck.id)}/options`} data-testid="options-link">
          Options 选项
        </Link>
      </div>
      <StudySession deckId={deck.id} deckTitle={deck.title} />
    </main>
  );
}
