import { getTranslations } from "next-intl/server";
import { safeNextPath } from "@/server/auth";
import { LoginForm } from "./login-form";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("login");
  return { title: t("title") };
}

/** The passphrase form, shown when the server has a passphrase and the browser no session (proxy.ts). */
export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const [t, { next }] = await Promise.all([getTranslations("login"), searchParams]);
  return (
    <main id="main" className="page">
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <LoginForm next={safeNextPath(typeof next === "string" ? next : null)} />
    </main>
  );
}
