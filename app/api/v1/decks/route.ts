import { handle } from "@/server/http";
import { listDecks } from "@/server/use-cases/study/list-decks";

export const dynamic = "force-dynamic";

export async function GET() {
  return handle(async () => ({ decks: await listDecks() }));
}
