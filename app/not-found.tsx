import Link from "next/link";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  return { title: t("pageTitle", { page: t("notFound") }) };
}

export default async function NotFound() {
  const [t, common] = await Promise.all([getTranslations("notFound"), getTranslations("common")]);
  return (
    <main id="main" className="page" data-testid="not-found">
      <div className="topbar">
        <Link className="brand" href="/">
          {common("home")}
        </Link>
      </div>
      <section className="study-card done">
        <h1>{t("title")}</h1>
        <p>{t("text")}</p>
        <p>
          <Link className="button primary" href="/">
            {t("home")}
          </Link>
        </p>
      </section>
    </main>
  );
}
