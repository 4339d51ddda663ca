import Link from "next/link";
import { listDecks } from "@/server/use-cases/study";

export const dynamic = "force-dynamic";

export default async function Home() {
  const decks = await listDecks();
  return (
    <main>
      <h1>Mianshi</h1>
      <ul>
        {decks.map((d) => (
          <li key={d.id}>
            <Link href={`/study/${encodeURIComponent(d.id)}`}>{d.title}</Link> {d.cardCount} {d.dueCount} {d.newCount}
          </li>
        ))}
      </ul>
    </main>
  );
}
