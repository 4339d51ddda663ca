import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageTopbar } from "@/app/components/page-topbar";
import { UPLOAD_LIMITS, IMAGE_EXTENSIONS } from "@/lib/content/upload";
import { listDeckGroups } from "@/server/use-cases/decks/list-deck-groups";
import { NewDeckForm } from "./new-deck-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const [t, n] = await Promise.all([getTranslations("meta"), getTranslations("newDeck")]);
  return { title: t("pageTitle", { page: n("title") }) };
}

/** Paste or upload notes, see what they make, import them (POST /api/v1/decks/import). */
export default async function NewDeckPage() {
  const t = await getTranslations("newDeck");
  return (
    <main id="main" className="page">
      <PageTopbar title={t("title")} />
      <p className="hint">{t("intro")}</p>
      <NewDeckForm
        groups={listDeckGroups()}
        limits={{ files: UPLOAD_LIMITS.files, markdownMb: UPLOAD_LIMITS.markdownBytes / 1024 / 1024, imageMb: UPLOAD_LIMITS.imageBytes / 1024 / 1024, totalMb: UPLOAD_LIMITS.totalBytes / 1024 / 1024, images: IMAGE_EXTENSIONS.join(", ") }}
      />
    </main>
  );
}
