import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getHistoryNames } from "@/app/components/history-names";
import { clientClockTrusted } from "@/server/clock";
import { NotFoundError } from "@/server/errors";
import { requestTimeZone } from "@/server/time-zone";
import { getDeck } from "@/server/use-cases/decks/get-deck";
import { getStudyCard } from "@/server/use-cases/study/get-study-card";
import { studyQueue, type StudyQueue } from "@/server/use-cases/study/study-queue";
import { NotesNotice } from "../../notes-notice";
import { StudySession } from "./study-session";

export const dynamic = "force-dynamic";

interface Props {
  params: Promise<{ deckId: string }>;
  /** `cards`: card ids to study first, comma-separated (study what I missed) */
  searchParams: Promise<{ cards?: string | string[] }>;
}

/** Card ids are hashes (see lib/content/ids.ts): anything else in `?cards=` is dropped. */
function cardList(raw: string | string[] | undefined): string[] {
  const text = Array.isArray(raw) ? raw.join(",") : (raw ?? "");
  return [...new Set(text.split(",").filter((id) => /^[\w-]{1,100}$/.test(id)))].slice(0, 200);
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
  return (await getDeck({ deckId: decoded })) ?? (decoded === deckId ? null : await getDeck({ deckId }));
}

/**
 * The first card, rendered with the page (it used to load after hydration, "loading…" flashing
 * for a second), the first of the cards asked for first (`?cards=`) in front of the queue.
 * Null in the browser tests, where the time is the browser's and no page request carries it:
 * the browser asks for the first card itself there.
 */
async function firstQueue(deckId: string, firstCards: string[]): Promise<StudyQueue | null> {
  if (clientClockTrusted()) return null;
  const queue = await studyQueue({ deckId, timeZone: await requestTimeZone() });
  for (const cardId of firstCards) {
    const card = await getStudyCard({ cardId }).catch((e: unknown) => {
      if (e instanceof NotFoundError) return null;
      throw e;
    });
    if (card && card.deckId === deckId) return { ...queue, card };
  }
  return queue;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [deck, t, names] = await Promise.all([findDeck(params), getTranslations("meta"), getHistoryNames()]);
  return { title: t("pageTitle", { page: deck ? names.deckTitle(deck.id, deck.title) : t("deckNotFound") }) };
}

export default async function StudyPage({ params, searchParams }: Props) {
  const deck = await findDeck(params);
  if (!deck) notFound();
  const [t, names] = await Promise.all([getTranslations("common"), getHistoryNames()]);
  const title = names.deckTitle(deck.id, deck.title);
  const cards = cardList((await searchParams).cards);
  return (
    <main id="main" className="page">
      <div className="topbar">
        <Link className="brand" href="/">
          {t("home")}
        </Link>
        <h1 className="deck-title" data-testid="deck-title">
          {title}
        </h1>
        <Link href={`/browse?${new URLSearchParams({ deck: deck.id }).toString()}`} data-testid="browse-link">
          {t("browse")}
        </Link>
        {deck.notesMode ? (
          <Link href={`/decks/${encodeURIComponent(deck.id)}/review`} data-testid="review-link">
            {t("reviewCards")}
          </Link>
        ) : null}
        <Link href={`/decks/${encodeURIComponent(deck.id)}/options`} data-testid="options-link">
          {t("options")}
        </Link>
      </div>
      <NotesNotice deckId={deck.id} />
      <StudySession deckId={deck.id} deckTitle={title} firstCards={cards} initialQueue={(await firstQueue(deck.id, cards)) ?? undefined} />
    </main>
  );
}
