import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** The line under the app bar: a link home, the page's title, and the page's own links. */
export async function PageTopbar({ title, children }: { title: string; children?: React.ReactNode }) {
  const common = await getTranslations("common");
  return (
    <div className="topbar">
      <Link className="brand no-print" href="/">
        {common("home")}
      </Link>
      <h1 className="deck-title">{title}</h1>
      {children}
    </div>
  );
}
